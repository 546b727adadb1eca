"""RSS and Atom feeds (feedparser), with XML entity expansion disabled.

A feed whose DOCTYPE declares entities is refused whole before any parser
sees it: that is how a "billion laughs" bomb arrives, and no real news feed
needs its own entities. Entry HTML becomes visible text only.
"""

from __future__ import annotations

import io
import re
import time
from typing import Any

from foglift.ingest.items import Reader, Skipped, make_item, reject
from foglift.ingest.text import html_to_text

_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.IGNORECASE | re.DOTALL)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\n\s*\n")


def looks_like_feed(head: bytes) -> bool:
    start = head.lstrip()[:2048].lower()
    return (
        start.startswith(b"<?xml")
        and (b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start)
    ) or start.startswith((b"<rss", b"<feed"))


def _iso(parsed: Any) -> str | None:
    if not isinstance(parsed, time.struct_time):
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)


def _tidy(text: str) -> str:
    """Paragraphs kept apart; a line break inside one (from the markup's source
    layout) is only a space."""
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return _tidy(html_to_text(value))
    summary = entry.get("summary")
    return _tidy(html_to_text(summary)) if isinstance(summary, str) else ""


def read_feed(data: bytes, name: str) -> Reader:
    """Yield one Item per entry of the RSS/Atom document ``data``."""
    if _ENTITY_DECL.search(data):  # the whole input: a prolog can be padded
        yield reject(
            name,
            "FL108",
            "the feed declares XML entities (an entity-expansion attack "
            "looks like this); entity expansion is disabled, so it was not read",
        )
        return
    # Without entity declarations the DOCTYPE (often a remote DTD) adds nothing.
    data = _DOCTYPE.sub(b"", data, count=1)
    import feedparser

    # A stream, never bytes: feedparser opens bytes that name a file as a path.
    parsed = feedparser.parse(
        io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True
    )
    feed = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"no feed entries ({problem})" if problem else "no feed entries"
        yield reject(name, "FL107", reason)
        return
    title = feed.get("title") if isinstance(feed.get("title"), str) else None
    link = feed.get("link") if isinstance(feed.get("link"), str) else None
    source_name = title or link or name
    for n, entry in enumerate(entries, 1):
        ident = entry.get("id") or entry.get("link") or f"entry-{n}"
        where = f"{name} entry {ident}"
        text = _entry_text(entry)
        heading = entry.get("title") if isinstance(entry.get("title"), str) else None
        if heading and heading.strip() and not text.startswith(heading.strip()):
            text = f"{heading.strip()}\n\n{text}" if text.strip() else heading
        if not text.strip():
            yield Skipped(where, "entry with no text")
            continue
        author = entry.get("author")
        yield make_item(
            key=f"feed:{link or name}/{ident}",
            text=text,
            source_name=source_name,
            kind="feed",
            title=heading,
            author=author if isinstance(author, str) else None,
            url=entry.get("link") if isinstance(entry.get("link"), str) else None,
            posted_at=_iso(entry.get("published_parsed"))
            or _iso(entry.get("updated_parsed")),
            source_url=link,
        )
