"""Normalise stage: repair the text and record every repair."""

from __future__ import annotations

from dataclasses import replace

from foglift.model import Document
from foglift.normalise.repairs import repair_text

__all__ = ["normalise", "repair_text"]


def normalise(doc: Document) -> Document:
    """Requires ``doc.text`` as read; assigns the repaired text and ``repairs``."""
    text, repairs = repair_text(doc.text)
    return replace(
        doc,
        text=text,
        raw_length=len(doc.text),
        repairs=repairs,
        stages=(*doc.stages, "normalise"),
    )
