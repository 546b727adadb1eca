"""Saved HTML pages: main text, title, author, date and URL (trafilatura).

Pages trafilatura finds no main text in (very short ones) fall back to the
visible text from :func:`foglift.ingest.text.html_to_text`, with the
``<title>``; scripts and styles never reach the text in either path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from foglift.ingest.text import html_to_text
from foglift.settings import default

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    author: str | None
    date: str | None
    url: str | None


def _fallback(markup: str) -> Page:
    found = _TITLE.search(markup[:65536])
    title = html_to_text(found.group(1)).strip() if found else None
    return Page(html_to_text(markup), title or None, None, None, None)


# atomic: an attribute once read is not split again when a later one fails
_ATTRIBUTE = r"""(?>[\s/]*[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>`]*))?)"""
_ONE_ATTRIBUTE = re.compile(_ATTRIBUTE)


@cache
def _tag_with(attributes: int) -> re.Pattern[str]:
    """A start tag's name and its first ``attributes`` attributes."""
    return re.compile(rf"<[A-Za-z][^\s/<>]*+(?:{_ATTRIBUTE}){{{attributes}}}")


def few_attributes(markup: str) -> str:
    """``markup`` with each tag's attributes after the first
    ``max_html_attributes`` dropped: the parser and the text extractor take
    time growing with the square of one tag's attributes (a hostile page of
    one ``<p>`` with 200,000 of them took minutes). A page whose tags all
    hold fewer is returned as it is."""
    limit = int(default("max_html_attributes"))
    crowded, first = _tag_with(limit + 1), _tag_with(limit)
    out: list[str] = []
    done = 0
    while (tag := crowded.search(markup, done)) is not None:
        kept = first.match(markup, tag.start())
        at = tag.end()
        while (m := _ONE_ATTRIBUTE.match(markup, at)) is not None and m.end() > at:
            at = m.end()
        out.append(markup[done : kept.end() if kept else at])
        done = at
    out.append(markup[done:])
    return "".join(out)


def extract_page(markup: str) -> Page:
    """The main text and metadata of a saved page."""
    import trafilatura

    markup = few_attributes(markup)
    try:
        found = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, AttributeError):  # malformed markup
        found = None
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        return _fallback(markup)
    # trafilatura puts one block per line; a blank line keeps paragraphs apart
    # for the sentence splitter.
    text = "\n\n".join(line for line in text.split("\n") if line.strip())

    def meta(name: str) -> str | None:
        value = getattr(found, name, None)
        return str(value).strip() or None if value else None

    return Page(text, meta("title"), meta("author"), meta("date"), meta("url"))


_IMG = re.compile(
    r"""<img\b[^>]*?\bsrc\s*=\s*["']([^"'<>]{1,1024})["']""", re.IGNORECASE
)
# a saved page with more pictures than this is a gallery, not an article
MAX_PAGE_IMAGES = 200


def local_images(markup: str) -> tuple[tuple[str, str], ...]:
    """The images a saved page shows from files beside it (``<img src>`` with
    a relative path), as (path, "img"); remote and inline images are left out."""
    from urllib.parse import unquote, urlsplit

    found: list[tuple[str, str]] = []
    for m in _IMG.finditer(markup):
        src = m.group(1).strip()
        try:
            parts = urlsplit(src)
        except ValueError:
            continue
        if parts.scheme or parts.netloc or not parts.path:
            continue
        ref = (unquote(parts.path), "img")
        if ref not in found:
            found.append(ref)
        if len(found) >= MAX_PAGE_IMAGES:
            break
    return tuple(found)
