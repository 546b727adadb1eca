"""Normalise stage: repair the text and record every repair."""

from __future__ import annotations

from dataclasses import replace

from foglift.model import Document, LanguageSpan
from foglift.normalise.language import LANGUAGES, detect_languages, main_language
from foglift.normalise.repairs import repair_text

__all__ = ["LANGUAGES", "detect_languages", "normalise", "repair_text"]


def normalise(doc: Document, lang: str = "auto") -> Document:
    """Requires ``doc.text`` as read; assigns the repaired text, ``repairs``, and
    the language of each paragraph (``lang`` other than "auto" forces one)."""
    text, repairs = repair_text(doc.text)
    if lang == "auto":
        languages = detect_languages(text)
        lang = main_language(languages)
    else:
        languages = (LanguageSpan(lang, 0, len(text), 1.0),)
    return replace(
        doc,
        text=text,
        raw_length=len(doc.text),
        repairs=repairs,
        lang=lang,
        languages=languages,
        stages=(*doc.stages, "normalise"),
    )
