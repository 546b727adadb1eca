"""Findings about places: outside the theatre, unresolved, renamed, ambiguous.

The *theatre* is where the document's war is: the fronts it names ("the
Donetsk direction") and the places it names in Ukraine. A settlement that
resolves only far from every theatre anchor (beyond ``OUTSIDE_KM`` past the
anchor's own radius) is flagged with the distance and with suggestions: the
in-theatre places whose names (current, old, Russian, romanised) are closest
to it after transliteration. Cities of a million or more are not flagged:
texts name capitals and large cities for politics, not as battlefields.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from foglift.caches import entries
from foglift.geography import distance_km, distances_km
from foglift.geoparse.index import (
    Place,
    SettlementCell,
    aliases_of,
    place_by_pk,
    renamings,
    settlement_cells,
)
from foglift.geoparse.theatre import Resolved
from foglift.model import Severity
from foglift.names import has_cyrillic, name_key, skeleton

# beyond this many km past the nearest anchor's radius a place is "outside";
# a front line is a few hundred km deep, a neighbouring oblast is within reach
OUTSIDE_KM = 400.0
LARGE_CITY = 1_000_000
# anchor radius by what was named: a village, a raion, an oblast, the country
_RADIUS = {"settlement": 40.0, "district": 80.0, "region": 200.0, "feature": 150.0}
_UKRAINE_CENTRE = (48.6, 31.3, 650.0)


@dataclass(frozen=True, slots=True)
class Anchor:
    lat: float
    lon: float
    radius: float
    label: str
    index: int


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    severity: Severity
    message: str
    index: int  # which resolved mention
    evidence: tuple[tuple[str, str], ...]


def theatre_anchors(resolved: Sequence[Resolved]) -> list[Anchor]:
    anchors: list[Anchor] = []
    for i, item in enumerate(resolved):
        if item.best is None:
            continue
        place = item.best.match.place
        label = (
            f"{place.name} ({item.span.name})"
            if place.name != item.span.name
            else place.name
        )
        if place.country == "UA" or item.front:
            if place.precision == "country":
                anchors.append(Anchor(*_UKRAINE_CENTRE, "Ukraine", i))
            else:
                radius = _RADIUS.get(place.precision, 100.0)
                if item.front:
                    radius = max(radius, 120.0)
                anchors.append(Anchor(place.lat, place.lon, radius, label, i))
    return anchors


def suggest(
    name: str,
    anchors: Sequence[Anchor],
    named: frozenset[int] = frozenset(),
    limit: int = 3,
) -> list[tuple[str, Place]]:
    """In-theatre places whose names are closest to ``name`` after romanisation.

    A fuzzy pass over the romanised skeletons of every settlement in the
    anchors' box picks the few hundred closest names; only those are weighed
    against the anchors' radii, aliases and populations.
    """
    if not anchors:
        return []
    target = skeleton(name)
    target_key = name_key(name)
    reach = [a.radius if a.radius >= 500 else a.radius + 120.0 for a in anchors]
    south = min(a.lat - r / 111.0 for a, r in zip(anchors, reach, strict=True))
    north = max(a.lat + r / 111.0 for a, r in zip(anchors, reach, strict=True))
    widest = max(r for r in reach) / (111.0 * max(0.2, math.cos(math.radians(north))))
    west = min(a.lon for a in anchors) - widest
    east = max(a.lon for a in anchors) + widest
    # The box is widened to whole half-degrees, the cells the settlements are
    # kept in (index.settlement_cells).
    box = (
        math.floor(south * 2) / 2,
        math.ceil(north * 2) / 2,
        math.floor(west * 2) / 2,
        math.ceil(east * 2) / 2,
    )
    pool = _in_reach(_closest_in_box(target, box), anchors, reach)
    best: list[tuple[float, str, Place]] = []
    for pk in pool:
        place = place_by_pk(pk)
        if place is None:
            continue
        top = _closest_alias(target, target_key, pk)
        if top is not None and top[0] >= 55:
            bonus = min(place.population, 200_000) / 200_000 * 3.0
            # a place the text itself names is the likelier meaning
            bonus += 15.0 if place.pk in named else 0.0
            best.append((top[0] + bonus, top[1], place))
    best.sort(key=lambda item: (-item[0], item[2].pk))
    out: list[tuple[str, Place]] = []
    for _, key, place in best:
        if all(p.pk != place.pk for _, p in out):
            out.append((key, place))
        if len(out) == limit:
            break
    return out


# the closest skeletons in a box that suggestions weigh, and how close
SUGGEST_POOL = 400
SUGGEST_CUTOFF = 55


@lru_cache(maxsize=entries("closest_in_box"))
def _closest_in_box(
    target: str, box: tuple[float, float, float, float]
) -> tuple[tuple[SettlementCell, int], ...]:
    # a corpus flags the same names within the same few boxes
    return tuple(_closest_skeletons(target, _BoxSkeletons.of(box)))


@dataclass(frozen=True, slots=True)
class _BoxSkeletons:
    """A box's cells, where each cell starts in the box's settlements, and
    each settlement's latitude and storage order; the distinct skeletons, and
    which of them each settlement's skeleton is."""

    cells: tuple[SettlementCell, ...]
    starts: Any
    lats: Any
    rowids: Any
    distinct: list[str]
    which: Any

    @staticmethod
    @lru_cache(maxsize=8)
    def of(box: tuple[float, float, float, float]) -> _BoxSkeletons:
        import numpy as np

        cells = tuple(settlement_cells(*box))
        # villages share names (eleven Andriivkas): a name's similarity is
        # computed once, a box holds about 60% as many names as settlements
        if cells:
            _, first, which = np.unique(
                np.concatenate([cell.ids for cell in cells]),
                return_index=True,
                return_inverse=True,
            )
            skeletons = np.concatenate([cell.skeletons for cell in cells])
            distinct = skeletons[first].tolist()
        else:
            which, distinct = np.zeros(0, dtype=np.int64), []
        return _BoxSkeletons(
            cells,
            np.cumsum([0, *(len(cell.skeletons) for cell in cells)]),
            np.concatenate([c.lats for c in cells]) if cells else np.zeros(0),
            np.concatenate([c.rowids for c in cells]) if cells else np.zeros(0),
            distinct,
            which,
        )


def _closest_skeletons(
    target: str, box: _BoxSkeletons
) -> list[tuple[SettlementCell, int]]:
    """The SUGGEST_POOL settlements of the box whose skeletons are closest to
    ``target``; ties go to the lower latitude, then to the stored order, as
    one pass over the box in that order gives them."""
    import numpy as np
    from rapidfuzz import fuzz, process

    if not box.distinct:
        return []
    scores = process.cdist(
        [target],
        box.distinct,
        scorer=fuzz.ratio,
        score_cutoff=SUGGEST_CUTOFF,
        dtype=np.float64,
    )[0][box.which]
    hits = np.flatnonzero(scores >= SUGGEST_CUTOFF)
    best = hits[np.lexsort((box.rowids[hits], box.lats[hits], -scores[hits]))]
    best = best[:SUGGEST_POOL]
    owners = np.searchsorted(box.starts, best, side="right") - 1
    return [
        (box.cells[n], at - int(box.starts[n]))
        for at, n in zip(best.tolist(), owners.tolist(), strict=True)
    ]


def _in_reach(
    hits: Sequence[tuple[SettlementCell, int]],
    anchors: Sequence[Anchor],
    reach: Sequence[float],
) -> set[int]:
    """The pks of the settlements within reach of an anchor: the whole country
    reaches its towns and cities; other anchors their surroundings."""
    import numpy as np

    if not hits:
        return set()
    lats = np.array([cell.lats[i] for cell, i in hits])
    lons = np.array([cell.lons[i] for cell, i in hits])
    towns = np.array([cell.towns[i] for cell, i in hits])
    pks = [int(cell.pks[i]) for cell, i in hits]
    near = np.zeros(len(hits), dtype=bool)
    everywhere = np.ones(len(hits), dtype=bool)
    # one anchor per point: a town named forty times is one anchor
    points = {(a.lat, a.lon, a.radius, r) for a, r in zip(anchors, reach, strict=True)}
    for lat, lon, anchor_radius, radius in points:
        eligible = towns if anchor_radius >= 500 else everywhere
        km = distances_km(lats, lons, lat, lon)
        inside = eligible & (km <= radius)
        # numpy's last digit may differ from math's: on the edge, ask math
        for i in np.flatnonzero(np.abs(km - radius) < 1e-6):
            close = distance_km(float(lats[i]), float(lons[i]), lat, lon) <= radius
            inside[i] = bool(eligible[i]) and close
        near |= inside
    return {pk for pk, ok in zip(pks, near, strict=True) if ok}


@lru_cache(maxsize=entries("closest_alias"))
def _closest_alias(target: str, target_key: str, pk: int) -> tuple[float, str] | None:
    """The Latin alias of a place closest to a name, with its similarity."""
    from rapidfuzz import fuzz

    top: tuple[float, str] | None = None
    for key, skel in _latin_aliases(pk):
        similarity = max(fuzz.ratio(target, skel), fuzz.ratio(target_key, key))
        if top is None or similarity > top[0]:
            top = (similarity, key)
    return top


@lru_cache(maxsize=entries("latin_aliases"))
def _latin_aliases(pk: int) -> tuple[tuple[str, str], ...]:
    # a place is weighed against many names: its aliases' skeletons once
    return tuple(
        (key, skeleton(key)) for key, _kind in aliases_of(pk) if not has_cyrillic(key)
    )


def _suggestion_text(key: str, place: Place, district: bool = False) -> str:
    """ "Krasnoarmeisk (= Pokrovsk, Donetsk)": the first-level area (and, with
    ``district``, the raion) tells apart villages of one name."""
    from foglift.geoparse.records import admin_names

    admin1, admin2 = admin_names(place)
    areas = [a for a in (admin2 if district else None, admin1) if a]
    where = ", ".join(a for a in areas if a != place.name)
    if name_key(place.name) == key:
        return f"{place.name} ({where})" if where else place.name
    return f"{key.title()} (= {place.name}{', ' if where else ''}{where})"


def suggestion_labels(hint: Sequence[tuple[str, Place]]) -> list[str]:
    """Labels of suggestions, with the raion added where the oblast repeats."""
    labels = [_suggestion_text(k, p) for k, p in hint]
    return [
        _suggestion_text(k, p, district=True) if labels.count(label) > 1 else label
        for (k, p), label in zip(hint, labels, strict=True)
    ]


def place_flags(resolved: Sequence[Resolved]) -> list[Flag]:
    """Every finding about the resolved mentions of one document."""
    anchors = theatre_anchors(resolved)
    named = frozenset(r.best.match.place.pk for r in resolved if r.best is not None)
    flags: list[Flag] = []
    hints: dict[tuple[str, tuple[int, ...]], list[tuple[str, Place]]] = {}

    def suggest_once(name: str, among: Sequence[Anchor]) -> list[tuple[str, Place]]:
        # A name repeated through an article gets the same suggestions: compute once.
        key = (name_key(name), tuple(a.index for a in among))
        if key not in hints:
            hints[key] = suggest(name, among, named)
        return hints[key]

    by_point: dict[tuple[float, float, float], Anchor] = {}
    holders: dict[tuple[float, float, float], set[int]] = {}
    for anchor in anchors:
        key = (anchor.lat, anchor.lon, anchor.radius)
        by_point.setdefault(key, anchor)
        holders.setdefault(key, set()).add(anchor.index)
    for i, item in enumerate(resolved):
        name = item.span.name
        best = item.best
        if item.not_place:
            continue  # "Effort", "NATO", "Grace Mappes": nothing to flag
        if best is None:
            hint = suggest_once(name, anchors) if anchors else []
            labels = suggestion_labels(hint)
            text = ", ".join(labels)
            flags.append(
                Flag(
                    "place.unresolved",
                    "warning",
                    f"'{name}': {item.why_unresolved or 'not in the gazetteer'}"
                    + (f"; perhaps {text}" if text else ""),
                    i,
                    tuple(("suggestion", label) for label in labels),
                )
            )
            continue
        place = best.match.place
        if best.match.kind.split("+")[-1] == "old":  # "old" or "morph+old"
            for old_key, old_name, day, kind in renamings(place.pk):
                if old_key == best.match.via:
                    when = f" on {day}" if day else ""
                    flags.append(
                        Flag(
                            "place.renamed",
                            "info",
                            f"'{name}' is the old name of {place.name}, renamed{when}"
                            f" ({kind})",
                            i,
                            (("old_name", old_name), ("current_name", place.name),
                             ("renamed_on", day), ("kind", kind)),
                        )
                    )  # fmt: skip
                    break
        # One anchor per point: a town named forty times is one neighbour.
        others = [
            a
            for key, a in by_point.items()
            if holders[key] != {i}  # the place's own mention is no neighbour
        ]
        if (
            others
            and place.precision == "settlement"
            and place.population < LARGE_CITY
            and not item.front
            # only a name the text shows to be a place: "Effort", "Rifle" and
            # "Evans" have namesakes in America, but nothing says they are places
            and item.place_evidence
            # and not one the text places itself ("Kuznetsk, Penza Oblast")
            and not any(c.startswith(("qualified", "anchored")) for c in item.cues)
        ):
            nearest = min(
                others, key=lambda a: distance_km(place.lat, place.lon, a.lat, a.lon)
            )
            distance = distance_km(place.lat, place.lon, nearest.lat, nearest.lon)
            if distance - nearest.radius > OUTSIDE_KM:
                hint = suggest_once(name, others)
                labels = suggestion_labels(hint)
                text = ", ".join(labels)
                flags.append(
                    Flag(
                        "place.outside_theatre",
                        "warning",
                        f"'{name}' resolves only to {place.name} ({place.country}), "
                        f"{distance:,.0f} km from {nearest.label}, which the text names"
                        + (f"; perhaps {text}" if text else ""),
                        i,
                        (("resolved", f"{place.name}, {place.country}"),
                         ("distance_km", f"{distance:.0f}"),
                         ("theatre", nearest.label),
                         *(("suggestion", label) for label in labels)),
                    )
                )  # fmt: skip
        if len(item.ranked) > 1 and item.confidence < 0.5:
            second = item.ranked[1].match.place
            apart = distance_km(place.lat, place.lon, second.lat, second.lon)
            decided = any(not cue.startswith("matched") for cue in item.cues)
            if apart > 50 and not decided:
                flags.append(
                    Flag(
                        "place.ambiguous",
                        "info",
                        f"'{name}' could be {place.name} ({place.country}) or "
                        f"{second.name} ({second.country}), {apart:,.0f} km apart; "
                        "nothing in the text decides",
                        i,
                        (
                            ("first", place.gazetteer_id),
                            ("second", second.gazetteer_id),
                        ),
                    )
                )
    return flags
