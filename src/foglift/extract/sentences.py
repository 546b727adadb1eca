"""Sentence boundaries as character spans of the normalised text."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

from foglift.model import Sentence

_BLOCK = re.compile(r"[^\n]+")


# A pysbd segmenter keeps the text it is splitting on itself: one per thread,
# or two threads splitting at once (Dask workers in one process, a web
# server) cut each other's sentences.
_local = threading.local()


def _segmenter(lang: str) -> Any:
    segmenters: dict[str, Any] = _local.__dict__.setdefault("segmenters", {})
    if lang not in segmenters:
        import pysbd

        segmenters[lang] = pysbd.Segmenter(language=lang, clean=False)
    return segmenters[lang]


# The segmenter's cost grows faster than the length of what it is given; a
# line longer than this (hostile or broken input, no line breaks) is cut into
# pieces of about this size at a sentence end or, failing that, a space.
_MAX_BLOCK = 4000
_SENTENCE_END = re.compile(r"[.!?…]\s+")


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    for block in _BLOCK.finditer(text):
        start, end = block.start(), block.end()
        while end - start > _MAX_BLOCK:
            window = text[start : start + _MAX_BLOCK]
            ends = [m.end() for m in _SENTENCE_END.finditer(window, _MAX_BLOCK // 2)]
            space = window.rfind(" ", _MAX_BLOCK // 2)
            cut = ends[-1] if ends else (space + 1 if space > 0 else _MAX_BLOCK)
            yield start, start + cut
            start += cut
        yield start, end


def _pieces(block: str, lang: str) -> Iterator[str]:
    if lang in ("ru", "uk"):
        # razdel knows Russian and Ukrainian abbreviations, quotes and dashes.
        from razdel import sentenize

        yield from (s.text for s in sentenize(block))
    else:
        yield from _segmenter("en").segment(block)


def split_sentences(text: str, lang: str = "en") -> tuple[Sentence, ...]:
    """Split each line into sentences; a line break always ends a sentence."""
    sentences: list[Sentence] = []
    for start, end in _blocks(text):
        cursor = start
        for piece in _pieces(text[start:end], lang):
            piece = piece.strip()
            if not piece:
                continue
            # Segmenters return strings; locate each in order to keep offsets exact.
            found = text.find(piece, cursor, end)
            if found < 0:
                continue
            sentences.append(Sentence(found, found + len(piece)))
            cursor = found + len(piece)
        if not sentences or sentences[-1].end <= start:
            sentences.append(Sentence(start, end))
    return tuple(s for s in sentences if text[s.start : s.end].strip())
