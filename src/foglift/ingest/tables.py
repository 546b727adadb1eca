"""JSON Lines and CSV: one document per line or row, fields found by a mapping.

The mapping says which input column holds each document field, e.g.
``text=body,published=date,id=guid``; JSON Lines columns may be dotted paths
(``meta.url``). Without a mapping the usual names are tried (see ``GUESSES``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import IO, Any

from foglift.errors import UsageError
from foglift.ingest.items import Reader, TooDeep, make_item, parse_bounded, reject
from foglift.ingest.text import skip_utf8_bom
from foglift.settings import default

FIELDS = (
    "text",
    "id",
    "title",
    "author",
    "url",
    "published",
    "source",
    "forwarded_from",
    "reply_to",
)
GUESSES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "message", "full_text"),
    "id": ("id", "guid", "uuid", "message_id", "post_id"),
    "title": ("title", "headline"),
    "author": ("author", "by", "from"),
    "url": ("url", "link", "permalink"),
    "published": ("published", "date", "datetime", "created_at", "timestamp"),
    "source": ("source", "channel", "site", "outlet"),
    "forwarded_from": ("forwarded_from",),
    "reply_to": ("reply_to", "reply_to_message_id"),
}


def parse_mapping(spec: str | None) -> dict[str, str]:
    """``text=body,published=date`` -> {"text": "body", "published": "date"}."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not column or field not in FIELDS:
            raise UsageError(
                f"cannot read column mapping {part.strip()!r}",
                hint=f"FIELD=COLUMN pairs, FIELD one of {', '.join(FIELDS)}; "
                "e.g. --map text=body,published=date",
            )
        mapping[field] = column
    return mapping


def _lookup(row: Mapping[str, Any], column: str) -> Any:
    if column in row:
        return row[column]
    value: Any = row
    for part in column.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _field(row: Mapping[str, Any], field: str, mapping: Mapping[str, str]) -> Any:
    if field in mapping:
        return _lookup(row, mapping[field])
    for column in GUESSES[field]:
        if row.get(column) not in (None, ""):
            return row[column]
    return None


def _scalar(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list) or value == "":
        return None
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def row_item(
    row: Mapping[str, Any],
    *,
    key_prefix: str,
    where: str,
    line: int,
    mapping: Mapping[str, str],
    source_name: str,
) -> Reader:
    text = _field(row, "text", mapping)
    if not isinstance(text, str) or not text.strip():
        column = mapping.get("text", "/".join(GUESSES["text"]))
        yield reject(
            where,
            "FL103",
            f"no text in column {column!r}",
        )
        return
    ident = _scalar(_field(row, "id", mapping))
    key = f"{key_prefix}#{ident}" if ident else f"{key_prefix}#line{line}"
    yield make_item(
        key=key,
        text=text,
        source_name=_scalar(_field(row, "source", mapping)) or source_name,
        kind="table",
        title=_scalar(_field(row, "title", mapping)),
        author=_scalar(_field(row, "author", mapping)),
        url=_scalar(_field(row, "url", mapping)),
        posted_at=_scalar(_field(row, "published", mapping)),
        forwarded_from=_scalar(_field(row, "forwarded_from", mapping)),
        reply_to=_scalar(_field(row, "reply_to", mapping)),
    )


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; None for a line longer than ``limit`` (skipped unread)."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
            yield n, None
            continue
        yield n, line


def read_jsonl(
    stream: IO[bytes],
    name: str,
    key: str,
    mapping: Mapping[str, str],
    source_name: str,
) -> Reader:
    limit = int(default("max_input_bytes"))
    for n, line in _lines(stream, limit):
        where = f"{name}:{n}"
        if line is None:
            yield reject(where, "FL105", f"line longer than {limit:,} bytes")
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line.decode("utf-8-sig" if n == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            yield reject(where, "FL104", f"not valid UTF-8 (byte {exc.start})")
            continue
        except json.JSONDecodeError as exc:
            yield reject(where, "FL106", f"not valid JSON: {exc.msg} at {exc.pos}")
            continue
        except ValueError as exc:  # a number of thousands of digits, and the like
            yield reject(where, "FL106", f"not readable JSON: {str(exc)[:200]}")
            continue
        except RecursionError:
            yield reject(where, "FL106", "JSON nested too deeply")
            continue
        if not isinstance(row, dict):
            yield reject(where, "FL107", "a line that is not a JSON object")
            continue
        yield from row_item(
            row,
            key_prefix=key,
            where=where,
            line=n,
            mapping=mapping,
            source_name=source_name,
        )


def read_json_rows(
    stream: IO[bytes],
    name: str,
    key: str,
    mapping: Mapping[str, str],
    source_name: str,
) -> Reader:
    """Rows of a JSON array of objects (``[{...}, ...]``), or of the first list
    of objects an object holds (``{"posts": [{...}, ...]}``), streamed; each
    row is read as a JSONL line would be, ``--map`` included."""
    import ijson

    builder: Any = None
    row_prefix: str | None = None
    n = 0
    skip_utf8_bom(stream)
    try:
        for prefix, event, value in parse_bounded(stream):
            if builder is not None:
                builder.event(event, value)
                if prefix == row_prefix and event == "end_map":
                    n += 1
                    yield from row_item(
                        builder.value,
                        key_prefix=key,
                        where=f"{name} row {n}",
                        line=n,
                        mapping=mapping,
                        source_name=source_name,
                    )
                    builder = None
                continue
            if event != "start_map":
                continue
            if prefix == row_prefix or (
                row_prefix is None
                and (prefix == "item" or re.fullmatch(r"[^.]+\.item", prefix))
            ):
                row_prefix = prefix
                builder = ijson.ObjectBuilder()
                builder.event(event, value)
    except TooDeep as exc:
        yield reject(name, "FL108", f"JSON {exc} after {n} row(s)")
        return
    except ijson.JSONError as exc:
        yield reject(
            name,
            "FL106",
            f"damaged or truncated JSON after {n} row(s): "
            + (str(exc).strip().splitlines() or ["parse error"])[0],
        )
        return
    if n == 0:
        yield reject(
            name,
            "FL107",
            "no list of objects to read: foglift reads a Telegram Desktop export "
            '(with "messages"), a JSON array of objects, or an object holding one; '
            "for one object a line, name the file .jsonl; choose fields with "
            "--map text=FIELD,published=FIELD,id=FIELD",
        )


_SURROGATE = re.compile("[\udc80-\udcff]")


def read_csv(
    stream: IO[bytes],
    name: str,
    key: str,
    mapping: Mapping[str, str],
    source_name: str,
    encoding: str = "utf-8",
) -> Reader:
    csv.field_size_limit(int(default("max_input_bytes")))
    # Undecodable bytes become lone surrogates so that only their own row is
    # lost: the row that holds one is rejected, every other row is read.
    text = io.TextIOWrapper(
        stream,
        encoding="utf-8-sig" if encoding == "utf-8" else encoding,
        newline="",
        errors="surrogateescape",
    )
    reader = csv.DictReader(text)
    try:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield reject(f"{name}:{reader.line_num}", "FL106", f"bad CSV: {exc}")
                continue
            values = [*row.values(), *(k for k in row if isinstance(k, str))]
            values += [v for extra in values if isinstance(extra, list) for v in extra]
            if any(isinstance(v, str) and _SURROGATE.search(v) for v in values):
                yield reject(
                    f"{name}:{reader.line_num}",
                    "FL104",
                    f"a row that is not valid {encoding}; try --encoding cp1251",
                )
                continue
            clean = {k: v for k, v in row.items() if isinstance(k, str)}
            yield from row_item(
                clean,
                key_prefix=key,
                where=f"{name}:{reader.line_num}",
                line=reader.line_num,
                mapping=mapping,
                source_name=source_name,
            )
    except UnicodeDecodeError as exc:
        yield reject(
            f"{name}:{reader.line_num}",
            "FL104",
            f"not valid {encoding} (byte {exc.start}); the rest of the file was "
            "not read",
        )
    finally:
        text.detach()
