"""Turn the paths given to ``foglift ingest`` into a stream of items.

Files are read by their extension; a directory is walked recursively in
sorted order (so an interrupted run and its rerun see the same sequence),
skipping hidden entries and files of unknown type; ``-`` reads stdin,
spooled to a temporary file and recognised by its content.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from foglift.errors import InputError
from foglift.ingest.items import Reader, Skipped, make_item, reject
from foglift.ingest.text import decode_bytes, read_bounded
from foglift.settings import default

TEXT = {".txt", ".md", ".markdown", ".text"}
HTML = {".html", ".htm", ".xhtml"}
TELEGRAM = {".json"}
JSONL = {".jsonl", ".ndjson"}
CSV = {".csv"}
FEED = {".xml", ".rss", ".atom"}
KNOWN = TEXT | HTML | TELEGRAM | JSONL | CSV | FEED

_CHARSET = re.compile(rb"charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    source_name: str | None = None  # --source
    mapping: Mapping[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    published: date | None = None  # --published: the date of undated texts
    # the store's input roots, in the order they were first given: (resolved
    # folder, key prefix); a file's key is the first holding root's prefix and
    # its path inside it (none: the folder's name, as for a store-less check)
    roots: tuple[tuple[str, str], ...] = ()


def _dated(
    text: str, name: str, options: ReadOptions, given: str | None = None
) -> tuple[str | None, str | None]:
    """(ISO date, where it came from) for a text: the input's own metadata,
    else a dateline in its first lines, else its file name, else --published
    (a date given for a whole folder is the fallback, never over a file's own)."""
    from foglift.ingest.dates import date_in_heading, find_date

    if given:
        return given, "metadata"
    day = date_in_heading(text)
    if day is not None:
        return day.isoformat(), "dateline"
    day = find_date(Path(name).stem)
    if day is not None:
        return day.isoformat(), "file name"
    if options.published is not None:
        return options.published.isoformat(), "--published"
    return None, None


def sniff(head: bytes) -> str:
    """A file kind from the first bytes: telegram, jsonl, feed, html or text."""
    from foglift.ingest.feeds import looks_like_feed

    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = start[:512].lower()
    if start.startswith(b"{"):
        first_line = start.split(b"\n", 1)[0].strip()
        telegram = b'"messages"' in start[:4096] or b'"chats"' in start[:4096]
        if first_line.endswith(b"}") and len(first_line) > 1 and not telegram:
            return "jsonl"
        return "telegram"
    if re.match(rb"\[\s*\{", start):  # a JSON array of objects
        return "telegram"
    if looks_like_feed(start):
        return "feed"
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def kind_of(path: Path) -> str | None:
    suffix = path.suffix.casefold()
    for kind, suffixes in (
        ("text", TEXT),
        ("html", HTML),
        ("telegram", TELEGRAM),
        ("jsonl", JSONL),
        ("csv", CSV),
        ("feed", FEED),
    ):
        if suffix in suffixes:
            return kind
    return None


def read_inputs(paths: list[str], options: ReadOptions) -> Reader:
    """Every item of every path, in a stable order."""
    for given in paths:
        if given == "-":
            yield from _read_stdin(options)
            continue
        path = Path(os.path.normpath(given))
        if path.is_dir():
            source = options.source_name or path.resolve().name or "files"
            for file in _walk(path):
                if isinstance(file, Skipped):
                    yield file
                    continue
                kind = kind_of(file)
                if kind is None:
                    yield Skipped(str(file), f"unknown file type {file.suffix!r}")
                    continue
                inner = file.relative_to(path).as_posix()
                key = file_key(path.resolve() / inner, f"{source}/{inner}", options)
                yield from read_file(file, kind, source, options, key)
        elif path.exists() and (problem := unsafe_file(path)):
            yield reject(str(path), "FL100", problem)
        elif path.exists():
            source = options.source_name or path.resolve().parent.name or "files"
            try:
                with path.open("rb") as stream:
                    head = stream.read(4096)
            except OSError as exc:
                yield reject(str(path), "FL100", f"cannot read: {exc.strerror}")
                continue
            key = file_key(
                path.resolve().parent / path.name, f"{source}/{path.name}", options
            )
            kind = kind_of(path) or sniff(head)
            yield from read_file(path, kind, source, options, key)
        else:
            yield reject(str(path), "FL101", "no such file or directory")


def input_roots(paths: list[str], options: ReadOptions) -> list[tuple[str, str]]:
    """The folders ``paths`` read from, resolved, each with the name its keys
    take unless the store already knows it (--source, else its own name): a
    folder given, or the folder of a file given."""
    roots = []
    for given in paths:
        path = Path(os.path.normpath(given))
        if given == "-" or not path.exists():
            continue
        folder = path.resolve() if path.is_dir() else path.resolve().parent
        roots.append((str(folder), options.source_name or folder.name or "files"))
    return roots


def file_key(full: Path, plain: str, options: ReadOptions) -> str:
    """The item key of the file at ``full`` (its folder resolved, its own name
    kept): the first known root holding it names it, else ``plain``."""
    for root, prefix in options.roots:
        if full.is_relative_to(root):
            return f"{prefix}/{full.relative_to(root).as_posix()}"
    return plain


def _walk(root: Path) -> Iterator[Path | Skipped]:
    """The files under ``root`` in sorted order; what cannot be read safely
    (a FIFO, a device, a link out of the folder, an unreadable folder) is a
    Skipped with its reason."""
    inside = root.resolve()
    unreadable: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=unreadable.append):
        while unreadable:
            error = unreadable.pop()
            yield Skipped(str(error.filename), f"cannot read folder: {error.strerror}")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder, name)
            problem = unsafe_file(path, inside)
            yield Skipped(str(path), problem) if problem else path
    while unreadable:
        error = unreadable.pop()
        yield Skipped(str(error.filename), f"cannot read folder: {error.strerror}")


def unsafe_file(path: Path, inside: Path | None = None) -> str | None:
    """Why ``path`` must not be read, or None: only regular files are read,
    and a link is followed only to a file inside the folder given."""
    try:
        target = path.resolve()
        if (
            inside is not None
            and path.is_symlink()
            and not target.is_relative_to(inside)
        ):
            return "a link to a file outside the folder (not followed)"
        if not stat.S_ISREG(target.stat().st_mode):
            return "not a regular file (a FIFO, device or socket is never read)"
    except OSError as exc:
        return f"cannot read: {exc.strerror}"
    return None


def read_file(
    path: Path, kind: str, source: str, options: ReadOptions, key: str
) -> Reader:
    """Items of one file; ``key`` names it in document ids, stable across runs."""
    name = str(path)
    try:
        if path.stat().st_size == 0:  # said, whatever the kind: nothing is lost unseen
            yield reject(name, "FL103", "the file is empty")
            return
        with path.open("rb") as stream:
            yield from read_stream(stream, name, kind, source, options, key)
    except OSError as exc:
        yield reject(name, "FL100", f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader's bug on hostile input ends this file only
        yield reject(name, "FL900", f"the {kind} reader failed: {_brief(exc)}")


def _brief(exc: Exception) -> str:
    message = str(exc).strip().splitlines()
    return (
        f"{type(exc).__name__}: {message[0][:300]}" if message else type(exc).__name__
    )


def _is_telegram_export(stream: IO[bytes]) -> bool:
    """Whether a .json file is a Telegram Desktop export rather than a JSON
    array of rows (or an object holding one); the stream is left at its start."""
    head = stream.read(1 << 16)
    stream.seek(0)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"["):
        return False
    return b'"messages"' in head or b'"chats"' in head or len(head) == 1 << 16


def read_stream(
    stream: IO[bytes],
    name: str,
    kind: str,
    source: str,
    options: ReadOptions,
    key: str,
) -> Reader:
    """Items of one input already opened; ``kind`` says how to read it.

    ``name`` is what rejections show (the path as given); ``key`` is the
    stable name used in document ids.
    """
    if kind == "telegram" and not _is_telegram_export(stream):
        from foglift.ingest.tables import read_json_rows

        yield from read_json_rows(stream, name, key, options.mapping, source)
    elif kind == "telegram":
        from foglift.ingest.telegram import read_telegram

        yield from read_telegram(stream, name)
    elif kind == "jsonl":
        from foglift.ingest.tables import read_jsonl

        yield from read_jsonl(stream, name, key, options.mapping, source)
    elif kind == "csv":
        from foglift.ingest.tables import read_csv

        yield from read_csv(
            stream, name, key, options.mapping, source, options.encoding
        )
    else:
        try:
            data = read_bounded(stream, name)
        except InputError as exc:
            yield reject(name, exc.code, exc.message)
            return
        if kind == "feed":
            from foglift.ingest.feeds import read_feed

            yield from read_feed(data, name)
        elif kind == "html":
            yield from _read_html(data, name, key, source, options)
        else:
            yield from _read_text(data, name, key, source, options)


def _text_key(key: str, text: str) -> str:
    if key == "<stdin>":  # every distinct piped text is its own document
        return (
            "stdin:" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]
        )
    return key


def _read_text(
    data: bytes, name: str, key: str, source: str, options: ReadOptions
) -> Reader:
    try:
        text = decode_bytes(data, name, options.encoding)
    except InputError as exc:
        yield reject(name, exc.code, exc.message)
        return
    if not text.strip():
        yield reject(name, "FL103", "holds no text")
        return
    posted_at, published_from = _dated(text, name, options)
    yield make_item(
        key=_text_key(key, text),
        text=text,
        source_name=source,
        kind="file",
        posted_at=posted_at,
        published_from=published_from,
    )


def _read_html(
    data: bytes, name: str, key: str, source: str, options: ReadOptions
) -> Reader:
    from foglift.ingest.html import extract_page, local_images

    try:
        markup = decode_bytes(data, name, options.encoding)
    except InputError as exc:
        declared = _CHARSET.search(data[:4096])
        try:
            if declared is None:
                raise
            markup = decode_bytes(data, name, declared.group(1).decode("ascii"))
        except InputError:
            yield reject(name, exc.code, exc.message)
            return
    page = extract_page(markup)
    if not page.text.strip():
        yield reject(name, "FL103", "the page holds no visible text")
        return
    posted_at, published_from = _dated(page.text, name, options, page.date)
    yield make_item(
        key=_text_key(key, page.text),
        text=page.text,
        source_name=options.source_name or _host(page.url) or source,
        kind="html",
        title=page.title,
        author=page.author,
        url=page.url,
        posted_at=posted_at,
        published_from=published_from,
        media_refs=local_images(markup),
        media_root=None if name == "<stdin>" else str(Path(name).parent),
    )


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).hostname or None
    except ValueError:
        return None


def _read_stdin(options: ReadOptions) -> Reader:
    most = int(default("max_input_bytes"))
    with tempfile.TemporaryFile() as spool:
        # at most one byte past the limit: stdin may never end (/dev/zero)
        copied = 0
        while copied <= most:
            block = sys.stdin.buffer.read(min(1 << 20, most + 1 - copied))
            if not block:
                break
            spool.write(block)
            copied += len(block)
        if copied > most:
            yield reject(
                "<stdin>",
                "FL105",
                f"standard input is larger than max_input_bytes ({most:,} bytes); "
                "give a file or a folder instead",
            )
            return
        spool.seek(0)
        head = spool.read(4096)
        spool.seek(0)
        source = options.source_name or "stdin"
        kind = sniff(head)
        try:
            yield from read_stream(spool, "<stdin>", kind, source, options, "<stdin>")
        except Exception as exc:  # as in read_file: this input only
            yield reject("<stdin>", "FL900", f"the {kind} reader failed: {_brief(exc)}")
