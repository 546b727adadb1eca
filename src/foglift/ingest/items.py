"""What readers yield: an ``Item`` to store, a ``Rejected`` item, or a ``Skipped`` one.

A reader never raises for one bad item: it yields a ``Rejected`` with the
stage (``read``), a code and a reason, and goes on. ``Skipped`` is for input
that is fine but holds nothing to check (a photo-only Telegram post, a service
message, an image beside a Telegram export). The records themselves live in
:mod:`foglift.model`, below every stage and the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any

from foglift.model import Item, Read, Rejected, Skipped, clean_text, parse_day

__all__ = [
    "Item",
    "Read",
    "Reader",
    "Skipped",
    "TooDeep",
    "clean_text",
    "loads_bounded",
    "make_item",
    "parse_bounded",
    "parse_day",
    "reject",
]

Reader = Iterator[Read]


def make_item(
    *, key: str, text: str, source_name: str, kind: str, **fields: object
) -> Item:
    """An Item with every string cleaned of characters a store cannot hold."""
    cleaned: dict[str, object] = {}
    for name, value in fields.items():
        if isinstance(value, str):
            cleaned[name] = clean_text(value)
        elif isinstance(value, tuple):
            cleaned[name] = tuple(clean_text(str(v)) for v in value)
        else:
            cleaned[name] = value
    return Item(
        key=clean_text(key),
        text=clean_text(text),
        source_name=clean_text(source_name),
        kind=kind,
        **cleaned,  # type: ignore[arg-type]
    )


def reject(source: str, code: str, reason: str, stage: str = "read") -> Rejected:
    return Rejected(
        source=clean_text(source),
        stage=stage,
        code=code,
        reason=clean_text(reason),
    )


class TooDeep(ValueError):
    """A JSON input nested deeper than ``max_json_depth``."""


def loads_bounded(text: str) -> Any:
    """``json.loads`` refusing a value nested deeper than ``max_json_depth``
    with :class:`TooDeep`, never a RecursionError."""
    import json

    from foglift.settings import default

    limit = int(default("max_json_depth"))
    try:
        data = json.loads(text)
    except RecursionError:
        raise TooDeep(f"nested deeper than {limit} levels") from None
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                raise TooDeep(f"nested deeper than {limit} levels")
            items = value.values() if isinstance(value, dict) else value
            stack.extend((v, depth + 1) for v in items if isinstance(v, dict | list))
    return data


# a string's bytes up to its closing quote, whole escape sequences only
_STRING_BODY = re.compile(rb'[^"\\]*(?:(?:\\u[0-9A-Fa-f]{4}|\\[^u])[^"\\]*)*', re.S)


class _CappedStrings:
    """A binary stream of JSON whose strings are cut at ``limit`` bytes.

    The streaming parser copies a string it has not finished into a larger
    buffer at every read, so a 40 MB message costs the square of its size
    before anything can refuse it. This stream cuts such a string as the
    bytes go by (at a character and escape boundary, the closing quote kept),
    so the JSON stays valid and the messages after it are read. The limit is
    more bytes than ``max_document_chars`` characters can take, so a cut text
    is always refused as a runaway document, with its reason.
    """

    def __init__(self, raw: IO[bytes], limit: int) -> None:
        self._raw, self._limit = raw, limit
        self._inside = False  # in a string
        # bytes of an escape sequence or a character still to come (-1: the
        # read ended on a backslash)
        self._pending = 0
        self._dropping = False  # past the limit: skip to the closing quote
        self._length = 0  # bytes of the current string so far

    def read(self, size: int = -1) -> bytes:
        while True:  # an empty read means the end: never hand one back early
            chunk = self._raw.read(size)
            kept = self._scan(chunk)
            if kept or not chunk:
                return kept

    def _scan(self, chunk: bytes) -> bytes:
        out: list[bytes] = []
        pos, end = 0, len(chunk)
        while pos < end:
            if not self._inside:
                quote = chunk.find(b'"', pos)
                if quote < 0:
                    out.append(chunk[pos:])
                    break
                out.append(chunk[pos : quote + 1])
                self._inside, self._length, pos = True, 0, quote + 1
                continue
            start = pos
            if self._pending:  # the rest of an escape sequence the last read cut
                wanted = self._pending
                if wanted < 0:  # only the backslash came: "u" means four more
                    wanted = 5 if chunk[pos] == 0x75 else 1
                taken = min(wanted, end - pos)
                self._pending, pos = wanted - taken, pos + taken
            origin = pos
            stop = _STRING_BODY.match(chunk, pos).end()  # type: ignore[union-attr]
            if stop < end and chunk[stop] == 0x5C:  # an escape the read cut
                tail = end - stop
                if tail == 1:
                    self._pending = -1
                elif chunk[stop + 1] == 0x75 and tail < 6:
                    self._pending = 6 - tail
                stop = end  # (anything else is broken JSON: the parser says so)
            elif stop == end and not self._pending:  # a character the read cut
                self._pending = _utf8_missing(chunk, origin)
            if not self._dropping:
                room = self._limit - self._length
                if stop - start <= room:
                    out.append(chunk[start:stop])
                    self._length += stop - start
                else:
                    cut = _safe_cut(chunk, origin, max(origin, start + room))
                    out.append(chunk[start:cut])
                    self._length += cut - start
                    # an escape sequence begun in an earlier read is finished
                    self._dropping = not (self._pending > 0 and cut >= end)
            if stop < end:  # the closing quote
                out.append(b'"')
                self._inside = self._dropping = False
                stop += 1
            pos = stop
        return b"".join(out)


_ESCAPE = re.compile(rb"\\(?:u[0-9A-Fa-f]{0,4}|.)", re.S)
_HIGH_SURROGATE = re.compile(rb"\\u[dD][89abAB][0-9A-Fa-f]{2}")


def _utf8_missing(chunk: bytes, origin: int) -> int:
    """Continuation bytes the character at the end of ``chunk`` still lacks."""
    lead = len(chunk) - 1
    while lead > max(origin, len(chunk) - 4) and 0x80 <= chunk[lead] <= 0xBF:
        lead -= 1
    if lead < origin:
        return 0
    first = chunk[lead]
    size = 2 if 0xC0 <= first <= 0xDF else 3 if first <= 0xEF else 4
    if first < 0xC0:
        return 0
    return max(0, size - (len(chunk) - lead))


def _safe_cut(chunk: bytes, origin: int, cut: int) -> int:
    """``cut`` moved back to the end of a whole character outside an escape
    sequence (``\\uXXXX`` is six bytes, a surrogate pair twelve); ``origin``
    is where the string's bytes in ``chunk`` begin."""
    for escape in _ESCAPE.finditer(chunk, origin, min(len(chunk), cut + 6)):
        if escape.start() < cut < escape.end():
            cut = escape.start()
        if escape.end() == cut and _HIGH_SURROGATE.fullmatch(escape.group()):
            cut = escape.start()  # the pair's second half follows
        if escape.start() >= cut:
            break
    while cut > origin and 0x80 <= chunk[cut] <= 0xBF:  # a continuation byte
        cut -= 1
    return cut


def parse_bounded(stream: IO[bytes]) -> Iterator[tuple[str, str, Any]]:
    """``ijson.parse`` of ``stream``, raising TooDeep past ``max_json_depth``.

    The depth is checked on the parser's basic events, before prefixes are
    built: a prefix is as long as the nesting is deep, so checking after them
    let a 200 kB file of nested brackets cost gigabytes.
    """
    import ijson

    from foglift.settings import default

    limit = int(default("max_json_depth"))

    def guarded(events: Iterator[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
        depth = 0
        for event, value in events:
            if event in ("start_map", "start_array"):
                depth += 1
                if depth > limit:
                    raise TooDeep(f"nested deeper than {limit} levels")
            elif event in ("end_map", "end_array"):
                depth -= 1
            yield event, value

    capped = _CappedStrings(stream, 4 * int(default("max_document_chars")) + 16)
    # ijson hands back Decimal for non-integer numbers; float is what JSON means
    basic = ijson.basic_parse(capped, use_float=True)
    return ijson.parse(guarded(basic))  # type: ignore[no-any-return]
