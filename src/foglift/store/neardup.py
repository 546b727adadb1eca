"""Near-duplicates: reposts, forwards and copies linked to their original.

A document is reduced to hashed word 4-grams. A sample of them (its
"marks") goes into the store to find candidates cheaply; a candidate is then
compared on all 4-grams. The new document is a near-duplicate of an earlier
one when it contains most of the earlier one's 4-grams (``near_duplicate_min``)
and most of its own are found there (``near_duplicate_cover_min``): a forward
with a line added passes, two different reports of one event do not.
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, func, select

from foglift.settings import default
from foglift.store.schema import documents, mark_counts, marks

_WORD = re.compile(r"\w+")
_GRAM = 4
_SMALL = 40  # texts with fewer 4-grams keep all of them as marks


def shingles(text: str) -> frozenset[int]:
    """Signed 32-bit CRC of every word 4-gram (the whole text when shorter)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) <= _GRAM:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + _GRAM]) for i in range(len(words) - _GRAM + 1)]
    return frozenset(zlib.crc32(g.encode("utf-8", "replace")) - 2**31 for g in grams)


def sample_marks(grams: frozenset[int]) -> list[int]:
    if len(grams) < _SMALL:
        return sorted(grams)
    modulus = int(default("mark_sample_modulus"))
    return sorted(g for g in grams if g % modulus == 0)


# Built once: statements with expanding IN parameters are compiled once and
# cached, instead of once per document.
_COUNTS = select(mark_counts.c.mark, mark_counts.c.n).where(
    mark_counts.c.mark.in_(bindparam("marks", expanding=True))
)
_SHARED = func.count().label("shared")
_CANDIDATES = (
    select(documents.c.id, documents.c.text, documents.c.near_duplicate_of, _SHARED)
    .select_from(marks.join(documents, documents.c.id == marks.c.document_id))
    .where(
        marks.c.mark.in_(bindparam("marks", expanding=True)),
        documents.c.item_key != bindparam("item_key"),
    )
    .group_by(
        documents.c.id,
        documents.c.text,
        documents.c.near_duplicate_of,
        documents.c.seq,
    )
    .order_by(_SHARED.desc(), documents.c.seq)
    .limit(5)
)
_BUMP = (
    mark_counts.update()
    .where(mark_counts.c.mark.in_(bindparam("marks", expanding=True)))
    .values(n=mark_counts.c.n + 1)
)


# The 4-grams of the documents most recently compared as candidates: a
# document's id hashes its text, so an id's 4-grams never change. Copies of
# one post meet the same candidates again and again.
_CANDIDATE_GRAMS: OrderedDict[str, frozenset[int]] = OrderedDict()
_CANDIDATES_HELD = 2048


def _grams_of(doc_id: str, text: str) -> frozenset[int]:
    grams = _CANDIDATE_GRAMS.get(doc_id)
    if grams is None:
        grams = _CANDIDATE_GRAMS[doc_id] = shingles(text)
        if len(_CANDIDATE_GRAMS) > _CANDIDATES_HELD:
            _CANDIDATE_GRAMS.popitem(last=False)
    else:
        _CANDIDATE_GRAMS.move_to_end(doc_id)
    return grams


@dataclass(frozen=True, slots=True)
class Match:
    original_id: str
    score: float  # share of the original's 4-grams the new document contains


def find_original(
    conn: Connection, text: str, grams: frozenset[int], item_key: str
) -> tuple[Match | None, list[int], dict[int, int]]:
    """The earliest stored document ``text`` nearly duplicates, if any.

    Returns the match, the document's marks and their current counts (for
    :func:`record_marks`).
    """
    sampled = sample_marks(grams)
    if not sampled:
        return None, sampled, {}
    counts: dict[int, int] = {}
    for chunk in _chunks(sampled):
        for mark, n in conn.execute(_COUNTS, {"marks": chunk}):
            counts[int(mark)] = int(n)
    limit = int(default("mark_max_documents"))
    usable = [m for m in sampled if 0 < counts.get(m, 0) <= limit]
    if not usable:
        return None, sampled, counts
    rows = conn.execute(
        _CANDIDATES, {"marks": usable[:500], "item_key": item_key}
    ).all()
    best: Match | None = None
    need = float(default("near_duplicate_min"))
    cover = float(default("near_duplicate_cover_min"))
    for doc_id, other_text, original_of, _ in rows:
        theirs = _grams_of(doc_id, other_text)
        if not theirs:
            continue
        common = len(theirs & grams)
        contained, covered = common / len(theirs), common / len(grams)
        good = contained >= need and covered >= cover
        if good and (best is None or contained > best.score):
            best = Match(original_of or doc_id, round(contained, 3))
    return best, sampled, counts


def record_marks(
    conn: Connection, doc_id: str, sampled: list[int], counts: dict[int, int]
) -> None:
    """Store the document's marks and count them (boilerplate stops being stored)."""
    if not sampled:
        return
    limit = int(default("mark_max_documents"))
    keep = [m for m in sampled if counts.get(m, 0) < limit]
    if keep:
        conn.execute(marks.insert(), [{"mark": m, "document_id": doc_id} for m in keep])
    new = [{"mark": m, "n": 1} for m in sampled if m not in counts]
    if new:
        conn.execute(mark_counts.insert(), new)
    for chunk in _chunks([m for m in sampled if m in counts]):
        conn.execute(_BUMP, {"marks": chunk})


def _chunks(values: list[int], size: int = 500) -> list[list[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]
