"""How many entries each process-wide cache keeps, drawn from one memory budget.

Geoparsing and morphology remember what they looked up (the key of a name,
the candidates of a name, a place's aliases, a word's parses), each cache
bounded in entries. Bounds picked one by one for speed added up to about
290 MB once full, on top of what a process holds before its first text
(Python, SQLAlchemy, the gazetteer, both pymorphy3 dictionaries; 240 MB
while a statistical language detector's models were loaded too), so an
ingest kept growing well past its first thousand posts. Here the setting
``cache_memory_mb`` is shared out: each cache gets a share of it and holds
as many entries as that share buys at the bytes an entry was measured to hold
(``tracemalloc``: the memory freed by clearing the cache after 1,000 real
posts, divided by its entries).
"""

from __future__ import annotations

from foglift.settings import default

# cache: (share of the budget, bytes per entry)
_CACHES: dict[str, tuple[float, int]] = {
    "name_key": (0.15, 200),
    "skeleton": (0.10, 165),
    "places_for_key": (0.04, 200),
    "places_for_skeleton": (0.02, 150),
    "place_by_id": (0.01, 90),
    "place_by_pk": (0.03, 105),
    "aliases_of": (0.02, 1550),
    "latin_aliases": (0.05, 500),
    "matches": (0.08, 300),
    "ukrainian_lookalikes": (0.02, 600),
    "closest_in_box": (0.05, 13_000),
    "closest_alias": (0.09, 340),
    "parses": (0.19, 1570),
    "inflection": (0.04, 225),
    "word_nominatives": (0.10, 565),
    "is_given_name": (0.01, 170),
}
_FEWEST = 256  # entries any cache keeps, however small the budget


def entries(cache: str) -> int:
    """The entries ``cache`` may hold within its share of ``cache_memory_mb``."""
    share, size = _CACHES[cache]
    budget = float(default("cache_memory_mb")) * 1_000_000
    return max(_FEWEST, int(budget * share / size))


def planned() -> dict[str, int]:
    """Every cache's entries, for the benchmarks and the docs."""
    return {name: entries(name) for name in _CACHES}
