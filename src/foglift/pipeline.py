"""The stage order. Each stage takes a Document and returns a new one.

normalise   text            -> text, repairs
extract     text            -> sentences, claimants, places, claims
link        claims          -> findings about sourcing (and repairs)
"""

from __future__ import annotations

import hashlib
from datetime import date

from foglift.errors import UsageError
from foglift.model import Document

LANGUAGES = ("en",)


def document_id(source: str, text: str) -> str:
    """Stable id of a document: its source and content."""
    digest = hashlib.sha256(f"{source}\x00{text}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def detect_language(text: str) -> str:
    """en, ru or uk from the letters used (a full detector arrives with ru/uk)."""
    sample = text[:20000]
    cyrillic = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    if cyrillic <= latin:
        return "en"
    return "uk" if any(c in sample for c in "іїєґІЇЄҐ") else "ru"


def check_text(
    text: str,
    *,
    source: str = "<text>",
    published: date | None = None,
    lang: str = "auto",
    sources_file: str | None = None,
) -> Document:
    """Run every stage on one text and return the finished Document."""
    from foglift.extract import extract
    from foglift.geoparse import geoparse
    from foglift.link import assess_sourcing
    from foglift.normalise import normalise

    found = detect_language(text) if lang == "auto" else lang
    if found not in LANGUAGES:
        raise UsageError(
            f"claim extraction for language {found!r} is not available yet",
            hint=f"supported: {', '.join(LANGUAGES)}; pass --lang en to force English",
        )
    doc = Document(
        id=document_id(source, text),
        text=text,
        source=source,
        published=published,
        lang=found,
    )
    doc = normalise(doc)
    doc = extract(doc, sources_file)
    doc = geoparse(doc)
    return assess_sourcing(doc, sources_file)
