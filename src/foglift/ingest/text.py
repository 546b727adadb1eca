"""Read one text input (a file or stdin) within bounded memory, or say why not."""

from __future__ import annotations

import codecs
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import IO

from foglift.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    InputTooLarge,
    MissingInput,
    UndecodableInput,
)
from foglift.settings import default

_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
_BLOCK_TAGS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
    "section", "blockquote",
}  # fmt: skip


class _TextOfHtml(HTMLParser):
    """Visible text of a saved page; scripts and styles never reach the output."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def _looks_like_html(text: str, name: str) -> bool:
    head = text[:512].lstrip().casefold()
    return name.casefold().endswith((".html", ".htm")) or head.startswith(
        ("<!doctype html", "<html")
    )


def skip_utf8_bom(stream: IO[bytes]) -> None:
    """Step over a UTF-8 byte-order mark at the start of a seekable stream."""
    if stream.read(3) != codecs.BOM_UTF8:
        stream.seek(0)


def read_bounded(stream: IO[bytes], name: str) -> bytes:
    limit = int(default("max_input_bytes"))
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(
            f"{name} is larger than {limit:,} bytes",
            hint="split the input, or use `foglift ingest` for corpora",
        )
    return data


# Byte-order marks name their encoding, whatever --encoding says; UTF-32's
# first, since the little-endian UTF-32 mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _wide(encoding: str) -> bool:
    """Whether NUL bytes are ordinary in ``encoding`` (UTF-16 and UTF-32)."""
    return encoding.casefold().replace("_", "-").startswith(("utf-16", "utf-32"))


def decode_bytes(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Decode ``data`` read from ``name``, refusing binary or undecodable input."""
    for bom, marked in _BOMS:
        if data.startswith(bom):
            encoding = marked
            break
    controls = sum(1 for b in data[:65536] if b < 9 or 13 < b < 32)
    if not _wide(encoding) and (
        b"\x00" in data[:65536]
        or controls > float(default("binary_control_ratio")) * min(len(data), 65536)
    ):
        raise BinaryInput(
            f"{name} looks like a binary file, not text",
            hint="export the document as plain text, Markdown or HTML first",
        )
    try:
        text = data.decode(
            "utf-8-sig" if encoding.casefold() in ("utf-8", "utf8") else encoding
        )
    except UnicodeDecodeError as exc:
        raise UndecodableInput(
            f"{name} is not valid {encoding} "
            f"(byte {exc.start}: {data[exc.start : exc.start + 1]!r})",
            hint="it's often worth trying --encoding cp1251 (Cyrillic) or latin-1",
        ) from exc
    except LookupError as exc:
        raise InputError(
            f"unknown encoding {encoding!r}", hint="e.g. --encoding cp1251"
        ) from exc
    return text


def read_text(path: str, encoding: str = "utf-8") -> tuple[str, str]:
    """Return (text, source name) for a path, or "-" for stdin."""
    if path == "-":
        name = "<stdin>"
        data = read_bounded(sys.stdin.buffer, name)
    else:
        file = Path(path)
        name = str(file)
        if not file.exists():
            raise MissingInput(f"no such file: {name}", hint="check the path")
        if file.is_dir():
            raise InputError(
                f"{name} is a directory", hint="pass one file, or `-` for stdin"
            )
        if not file.is_file():  # a FIFO or a device would hang or never end
            raise InputError(
                f"{name} is not a regular file",
                hint="save the input to a file, or pipe it in with `-`",
            )
        try:
            with file.open("rb") as stream:
                data = read_bounded(stream, name)
        except OSError as exc:
            raise InputError(f"cannot read {name}: {exc.strerror}") from exc
    text = decode_bytes(data, name, encoding)
    if _looks_like_html(text, name):
        text = html_to_text(text)
    if not text.strip():
        raise EmptyInput(
            f"{name} holds no text", hint="check that the file is not empty"
        )
    return text, name
