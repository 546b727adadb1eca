"""Sentence boundaries as character spans of the normalised text."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from foglift.model import Sentence

_BLOCK = re.compile(r"[^\n]+")


@cache
def _segmenter(lang: str) -> Any:
    import pysbd

    return pysbd.Segmenter(language=lang, clean=False)


def split_sentences(text: str, lang: str = "en") -> tuple[Sentence, ...]:
    """Split each line into sentences; a line break always ends a sentence."""
    segmenter = _segmenter(lang if lang in ("en", "ru") else "en")
    sentences: list[Sentence] = []
    for block in _BLOCK.finditer(text):
        cursor = block.start()
        for piece in segmenter.segment(block.group()):
            piece = piece.strip()
            if not piece:
                continue
            # pysbd returns strings; locate each one in order to keep offsets exact.
            found = text.find(piece, cursor, block.end())
            if found < 0:
                continue
            sentences.append(Sentence(found, found + len(piece)))
            cursor = found + len(piece)
        if not sentences or sentences[-1].end <= block.start():
            sentences.append(Sentence(block.start(), block.end()))
    return tuple(s for s in sentences if text[s.start : s.end].strip())
