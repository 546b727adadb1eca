"""The stage order. Each stage takes a Document and returns a new one.

normalise   text        -> repaired text, repairs, language of each paragraph
extract     text        -> sentences, claimants, places, numbers, times, claims
geoparse    places      -> resolved places, place findings
link        claims      -> findings about sourcing and repairs
"""

from __future__ import annotations

import hashlib
from datetime import date

from foglift.errors import UsageError
from foglift.model import Document
from foglift.normalise.language import LANGUAGES


def document_id(source: str, text: str) -> str:
    """Stable id of a document: its source and content."""
    digest = hashlib.sha256(f"{source}\x00{text}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def check_text(
    text: str,
    *,
    source: str = "<text>",
    published: date | None = None,
    lang: str = "auto",
    sources_file: str | None = None,
    publisher: str | None = None,
) -> Document:
    """Run every stage on one text and return the finished Document.

    ``publisher`` is the channel or site the text came from: what the text
    states in its own voice is that publisher's claim.
    """
    from foglift.extract import extract
    from foglift.geoparse import geoparse
    from foglift.link import assess_sourcing
    from foglift.normalise import normalise

    if lang not in ("auto", *LANGUAGES):
        raise UsageError(
            f"foglift reads {', '.join(LANGUAGES)}, not {lang!r}",
            hint="pass --lang auto to detect the language of each paragraph",
        )
    doc = Document(
        id=document_id(source, text),
        text=text,
        source=source,
        published=published,
        publisher=publisher,
    )
    doc = normalise(doc, lang)
    doc = extract(doc, sources_file)
    doc = geoparse(doc)
    return assess_sourcing(doc, sources_file)
