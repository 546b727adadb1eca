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
    elif block:
        segmenter = _segmenter("en")
        for piece in _in_order(segmenter.processor(block).process(), block):
            yield from _glued(piece)


# A full stop with no space after it between a word and the next sentence's
# capital ("near X.The governor said"), as footnote markers removed
# from a page leave it; an abbreviation ("U.S.") or a domain has no lower-case
# pair before the stop or no capital after it.
_GLUED_STOP = re.compile(r"(?<=[a-z0-9][a-z0-9])\.(?=[A-Z](?:[a-z]|\s))")


def _glued(piece: str) -> Iterator[str]:
    start = 0
    for m in _GLUED_STOP.finditer(piece):
        yield piece[start : m.end()]
        start = m.end()
    yield piece[start:]


def _in_order(sentences: list[str], text: str) -> Iterator[str]:
    """pysbd's own step from its sentences to the text's (``Segmenter.segment``
    without cleaning): each sentence with the blanks after it, at its first
    place in ``text`` that ends past the one before. pysbd compiles a pattern
    per sentence for it, which, with the patterns of its rules, overflowed the
    ``re`` module's cache: half of an English report's sentence splitting."""
    prior_end = 0
    for sentence in sentences:
        if not sentence:
            # the pattern of an empty sentence matches blanks anywhere
            blanks = re.compile(r"\s*")
            found = next(
                (m for m in blanks.finditer(text) if m.end() > prior_end), None
            )
            if found is not None:
                prior_end = found.end()
                yield found.group()
            continue
        at = text.find(sentence)
        while at >= 0:
            end = at + len(sentence)
            while end < len(text) and text[end].isspace():
                end += 1
            if end > prior_end:
                prior_end = end
                yield text[at:end]
                break
            at = text.find(sentence, end)


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
