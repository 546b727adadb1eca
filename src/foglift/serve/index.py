"""The map's claims in memory: one row per claim, columns as numpy arrays.

The home page filters, counts, bins by day and clusters every claim on each
request; done in SQL that is a scan of the claims table per request, done on
these arrays it is a few milliseconds for 100k claims. The index is rebuilt
when the store's fingerprint changes (an ingest, link or verify run).
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from foglift.serve import queries
from foglift.store.db import Store
from foglift.store.verdicts import STATUS_ORDER

# The five colours of the map: what a verdict status means to an analyst.
VERDICT_GROUPS = (
    "confirmed",
    "contradicted",
    "already_held",
    "not_confirmed",
    "unverified",
)
GROUP_OF_STATUS = {
    "confirmed": "confirmed",
    "consistent": "confirmed",
    "within_reference": "confirmed",
    "contradicted": "contradicted",
    "inconsistent": "contradicted",
    "exceeds_reference": "contradicted",
    "implausible_rate": "contradicted",
    "already_held": "already_held",
    "not_confirmed": "not_confirmed",
    "contested": "not_confirmed",
}
SIDES = ("russia", "ukraine", "independent", "unknown")
# the filters a request may set, each a column of the index
CATEGORIES = (
    "claimant",
    "side",
    "type",
    "action",
    "verdict",
    "lang",
    "source",
)
REFRESH_SECONDS = 3.0
CLUSTER_PX = 56  # grid cell of the server-side clustering, in screen pixels


def group_of(statuses: list[str]) -> str:
    """The map colour of a claim with these verdict statuses (worst first)."""
    ranked = sorted(
        statuses,
        key=lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else 99,
    )
    for status in ranked:
        if status in GROUP_OF_STATUS:
            return GROUP_OF_STATUS[status]
    return "unverified"


@dataclass
class Column:
    """A categorical column: codes per row, and the value of each code."""

    values: list[str]
    codes: npt.NDArray[np.int32]

    def code(self, value: str) -> int:
        try:
            return self.values.index(value)
        except ValueError:
            return -1


def _column(raw: list[str], fixed: tuple[str, ...] = ()) -> Column:
    values = list(fixed) + sorted(set(raw) - set(fixed))
    lookup = {v: i for i, v in enumerate(values)}
    return Column(values, np.array([lookup[v] for v in raw], dtype=np.int32))


@dataclass
class ClaimIndex:
    seq: npt.NDArray[np.int64]
    ids: list[str]
    day: npt.NDArray[np.int32]  # date ordinal; -1 undated
    lat: npt.NDArray[np.float64]  # NaN when no place is located
    lon: npt.NDArray[np.float64]
    place_codes: npt.NDArray[np.int32]  # the first located place, by code
    places: list[str]  # gazetteer ids (or names) by code; "" unlocated
    place_names: dict[str, str]
    columns: dict[str, Column]
    labels: dict[str, str] = field(default_factory=dict)  # claimant key -> name
    order: npt.NDArray[np.int64] = field(
        default_factory=lambda: np.zeros(0, dtype=np.int64)
    )  # rows newest first

    _rows: dict[str, int] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.ids)

    def row_of(self, claim_id: str) -> int | None:
        if not self._rows and self.ids:
            self._rows = {c: i for i, c in enumerate(self.ids)}
        return self._rows.get(claim_id)


def build_index(store: Store) -> ClaimIndex:
    places = queries.first_places(store)
    judged: dict[str, list[str]] = {}
    for claim_id, status in queries.verdict_statuses(store):
        judged.setdefault(claim_id, []).append(status)
    rows = list(queries.claim_rows(store))
    # column by column: a 100k-claim store is read in a few seconds
    (
        seq,
        ids,
        types,
        actions,
        sides,
        _stances,
        claimants,
        names,
        days,
        langs,
        sources,
    ) = (list(c) for c in zip(*rows, strict=True)) if rows else ([],) * 11
    ordinal = {d: _ordinal(d) for d in set(days)}
    found = [places.get(i) for i in ids]
    place = [(f[2] or f"name:{f[3]}") if f else "" for f in found]
    place_names: dict[str, str] = {}
    for key, f in zip(place, found, strict=True):
        if f:
            place_names.setdefault(key, f[3])
    claimant = [str(c or "?") for c in claimants]
    labels: dict[str, str] = {}
    for key, name in zip(claimant, names, strict=True):
        labels.setdefault(key, str(name or key))
    no_verdict = group_of([])
    raw: dict[str, list[str]] = {
        "claimant": claimant,
        "side": [str(s or "unknown") for s in sides],
        "type": [str(t) for t in types],
        "action": [str(a) for a in actions],
        "verdict": [group_of(judged[i]) if i in judged else no_verdict for i in ids],
        "lang": [str(x or "?") for x in langs],
        "source": [str(x or "?") for x in sources],
    }
    columns = {
        name: _column(
            values,
            VERDICT_GROUPS if name == "verdict" else SIDES if name == "side" else (),
        )
        for name, values in raw.items()
    }
    place_column = _column(place, ("",))
    index = ClaimIndex(
        seq=np.array(seq, dtype=np.int64),
        ids=ids,
        day=np.array([ordinal[d] for d in days], dtype=np.int32),
        lat=np.array([f[0] if f else math.nan for f in found], dtype=np.float64),
        lon=np.array([f[1] if f else math.nan for f in found], dtype=np.float64),
        place_codes=place_column.codes,
        places=place_column.values,
        place_names=place_names,
        columns=columns,
        labels=labels,
    )
    # newest first, undated last, then in insertion order
    index.order = np.lexsort((index.seq, -index.day.astype(np.int64)))
    return index


def _ordinal(value: Any) -> int:
    if not value:
        return -1
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return -1


class IndexHolder:
    """The current index. The first build is waited for; after that a change
    in the store (checked at most every few seconds) rebuilds it in the
    background while requests go on reading the previous one."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._index: ClaimIndex | None = None
        self._fingerprint: tuple[Any, ...] | None = None
        self._checked = 0.0
        self._rebuilding = False
        self._searches: dict[str, frozenset[int]] = {}

    def warm(self) -> None:
        """Build the first index now, in the background."""
        threading.Thread(target=self.get, daemon=True).start()

    def get(self) -> ClaimIndex:
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    self._fingerprint = queries.fingerprint(self.store)
                    self._index = build_index(self.store)
                    self._checked = time.monotonic()
                return self._index
        if time.monotonic() - self._checked >= REFRESH_SECONDS:
            self._check()
        return self._index or index

    def _check(self) -> None:
        with self._lock:
            if self._rebuilding:
                return
            self._checked = time.monotonic()
            current = queries.fingerprint(self.store)
            if current == self._fingerprint:
                return
            self._rebuilding = True
        threading.Thread(target=self._rebuild, args=(current,), daemon=True).start()

    def _rebuild(self, current: tuple[Any, ...]) -> None:
        try:
            index = build_index(self.store)
            with self._lock:
                self._index, self._fingerprint = index, current
                self._searches = {}
        finally:
            self._rebuilding = False

    def search(self, query: str) -> frozenset[int]:
        """Claims matching a search (cached until the store changes: moving
        the map with a search set asks the same question again)."""
        found = self._searches.get(query)
        if found is None:
            found = frozenset(queries.search_claim_seqs(self.store, query))
            if len(self._searches) > 64:
                self._searches.clear()
            self._searches[query] = found
        return found


@dataclass(frozen=True)
class Selection:
    """What a request asks of the index."""

    equals: dict[str, str]
    since: int | None = None  # date ordinals, inclusive
    until: int | None = None
    seqs: frozenset[int] | None = None  # full-text hits; None = no search


def mask(index: ClaimIndex, sel: Selection, *, with_days: bool = True) -> Any:
    """Rows passing ``sel``; ``with_days=False`` ignores the brushed range
    (the timeline shows every day so the brush can move)."""
    keep = np.ones(index.size, dtype=bool)
    for name, value in sel.equals.items():
        column = index.columns[name]
        keep &= column.codes == column.code(value)
    if sel.seqs is not None:
        keep &= np.isin(index.seq, np.fromiter(sel.seqs, dtype=np.int64))
    if with_days and (sel.since is not None or sel.until is not None):
        keep &= index.day >= 0
        if sel.since is not None:
            keep &= index.day >= sel.since
        if sel.until is not None:
            keep &= index.day <= sel.until
    return keep


def options(index: ClaimIndex, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
    """Each filter's values with their claim counts, most common first."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, column in index.columns.items():
        counts = np.bincount(column.codes, minlength=len(column.values))
        rows: list[dict[str, Any]] = [
            {
                "value": v,
                "label": index.labels.get(v, v) if name == "claimant" else v,
                "count": int(counts[i]),
            }
            for i, v in enumerate(column.values)
            if counts[i] or name in ("verdict", "side")
        ]
        if name not in ("verdict", "side"):
            rows.sort(key=lambda r: (-int(r["count"]), str(r["value"])))
        out[name] = rows[:limit]
    return out


def timeline(index: ClaimIndex, keep: Any, by: str) -> dict[str, Any]:
    """Claims per day for the rows in ``keep``, one series per side or type."""
    column = index.columns["side" if by == "side" else "type"]
    dated = keep & (index.day >= 0)
    if not dated.any():
        return {"by": by, "days": [], "series": {}}
    days = index.day[dated]
    first, last = int(days.min()), int(days.max())
    span = last - first + 1
    codes = column.codes[dated]
    series: dict[str, list[int]] = {}
    grid = np.zeros((len(column.values), span), dtype=np.int64)
    np.add.at(grid, (codes, days - first), 1)
    for i, value in enumerate(column.values):
        if grid[i].any():
            series[value] = [int(x) for x in grid[i]]
    return {
        "by": by,
        "days": [date.fromordinal(first + i).isoformat() for i in range(span)],
        "series": series,
    }


def cluster(
    index: ClaimIndex,
    keep: Any,
    zoom: int,
    bbox: tuple[float, float, float, float] | None,
) -> dict[str, Any]:
    """Located rows as single points and grid clusters at ``zoom``.

    Clustering on the server keeps what goes to the browser to a few hundred
    markers whatever the store's size.
    """
    located = keep & ~np.isnan(index.lat)
    total_located = int(located.sum())
    if bbox is not None:
        west, south, east, north = bbox
        located &= (index.lat >= south) & (index.lat <= north)
        located &= (index.lon >= west) & (index.lon <= east)
    rows = np.flatnonzero(located)
    lat, lon = index.lat[rows], index.lon[rows]
    scale = 256 * 2.0**zoom / CLUSTER_PX
    x = np.floor((lon + 180.0) / 360.0 * scale).astype(np.int64)
    clipped = np.clip(lat, -85.0, 85.0)
    merc = np.log(np.tan(np.pi / 4 + np.radians(clipped) / 2))
    y = np.floor((1 - merc / np.pi) / 2 * scale).astype(np.int64)
    cell = x * (int(scale) + 2) + y
    uniq, inverse, counts = np.unique(cell, return_inverse=True, return_counts=True)
    verdict = index.columns["verdict"].codes[rows]
    side = index.columns["side"].codes[rows]
    points: list[dict[str, Any]] = []
    clusters: list[dict[str, Any]] = []
    groups = index.columns["verdict"].values
    sides = index.columns["side"].values
    singles = counts[inverse] == 1
    for n in np.flatnonzero(singles):
        r = rows[n]
        points.append(
            {
                "id": index.ids[r],
                "lat": float(lat[n]),
                "lon": float(lon[n]),
                "verdict": groups[verdict[n]],
                "side": sides[side[n]],
                "place_id": index.places[index.place_codes[r]],
                "place": index.place_names.get(index.places[index.place_codes[r]]),
            }
        )
    many = np.flatnonzero(counts > 1)
    if len(many):
        sums_lat = np.bincount(inverse, weights=lat, minlength=len(uniq))
        sums_lon = np.bincount(inverse, weights=lon, minlength=len(uniq))
        by_verdict = np.zeros((len(uniq), len(groups)), dtype=np.int64)
        np.add.at(by_verdict, (inverse, verdict), 1)
        # a cluster of one place (every claim about one town) links to it
        place = index.place_codes[rows]
        low = np.full(len(uniq), np.iinfo(np.int32).max, dtype=np.int64)
        high = np.full(len(uniq), -1, dtype=np.int64)
        np.minimum.at(low, inverse, place)
        np.maximum.at(high, inverse, place)
        for g in many:
            one = low[g] == high[g] and index.places[int(low[g])] != ""
            place_id = index.places[int(low[g])] if one else None
            clusters.append(
                {
                    "lat": float(sums_lat[g] / counts[g]),
                    "lon": float(sums_lon[g] / counts[g]),
                    "count": int(counts[g]),
                    "verdicts": {
                        groups[i]: int(by_verdict[g, i])
                        for i in range(len(groups))
                        if by_verdict[g, i]
                    },
                    "place_id": place_id,
                    "place": index.place_names.get(place_id) if place_id else None,
                }
            )
    return {
        "located": total_located,
        "in_view": len(rows),
        "points": points,
        "clusters": clusters,
    }
