"""Distance to the front line on a day, read from control-of-terrain maps.

"The ministry said its forces took Andriivka" names one of dozens of villages
of that name; a capture happens at the front, so on the claim's day the
namesake by the front line is the likely one. The maps themselves are read by
the verify stage (``foglift check --control-maps DIR``); this module needs only
to know, for a few points, which side holds them on a day (:class:`ControlLayer`,
which :class:`foglift.verify.ControlMaps` provides).

The front is measured without drawing it: among the settlements of Ukraine and
Russia within :data:`SAMPLE_KM` of a candidate, some held by Russia (in the
occupied layer, or in Russia) and some not, the front lies between the nearest
of each side. A map's coast or its edge along the Russian border is no front:
the sea holds no settlement, and both sides of the border in occupied land are
Russian-held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from foglift.geography import equirectangular_km
from foglift.geoparse.index import Place, places_near

# how far around a candidate the front is looked for; beyond it, no evidence
SAMPLE_KM = 40.0
# the bonus by distance to the front: within 15 km a village the fighting is
# about, within 40 km one of the front's rear. A ground claim's place far from
# the front is all but impossible, so it outweighs nearness to the text's other
# places (up to 3), but not a qualifier (4). At 1.5 / 0.75 a village 4 km from
# the front stayed behind a namesake 56 km from another place of the text.
FRONT_BONUS: tuple[tuple[float, float], ...] = ((15.0, 3.0), (SAMPLE_KM, 1.5))
# countries whose settlements sample the two sides
_SIDES = frozenset({"UA", "RU"})


class ControlLayer(Protocol):
    """Who holds points on a day, from the snapshot nearest that day."""

    def russian_held(
        self, day: date, points: Sequence[tuple[float, float]]
    ) -> Sequence[bool | None]:
        """For each (lat, lon): in the occupied layer (True), outside it
        (False), or no snapshot near the day covers it (None)."""
        ...


@dataclass(frozen=True, slots=True)
class FrontEvidence:
    """The maps, the day of the text's claims, and the (start, end) of the
    names that ground claims are about ("seized X", "attacked near Y"): only
    these are looked for at the front (a strike hits a city far behind it)."""

    layer: ControlLayer
    day: date
    spans: frozenset[tuple[int, int]]


def front_km(layer: ControlLayer, day: date, place: Place) -> float | None:
    """Roughly how far ``place`` lies from the front line on ``day``, or None
    when no front is within :data:`SAMPLE_KM` (or no map covers the area)."""
    if place.country not in _SIDES or place.precision != "settlement":
        return None
    sample = [
        p
        for p in places_near(place.lat, place.lon, SAMPLE_KM, settlements_only=True)
        if p.country in _SIDES
    ]
    if not sample:
        return None
    held = layer.russian_held(day, [(p.lat, p.lon) for p in sample])
    nearest = {True: SAMPLE_KM * 2, False: SAMPLE_KM * 2}
    for p, occupied in zip(sample, held, strict=True):
        if occupied is None and p.country != "RU":
            continue
        side = bool(occupied) or p.country == "RU"
        km = equirectangular_km(place.lat, place.lon, p.lat, p.lon)
        nearest[side] = min(nearest[side], km)
    if max(nearest.values()) > SAMPLE_KM:
        return None
    # the place is on one side (distance ~0): the front is short of the
    # nearest settlement of the other
    return max(nearest.values())


def front_bonus(km: float | None) -> float:
    if km is None:
        return 0.0
    return next((bonus for reach, bonus in FRONT_BONUS if km <= reach), 0.0)


# namesakes looked for at the front, the best first alone: a name of many
# villages (Andriivka: 80) asks the maps about its likeliest few
MAX_CANDIDATES = 12


def front_context(
    evidence: FrontEvidence, candidates: Sequence[Place]
) -> dict[int, tuple[float, str]]:
    """Per candidate (pk) its bonus and cue, where the namesakes of a name
    differ in their nearness to the front; empty where they do not."""
    settlements = [
        p for p in candidates if p.country in _SIDES and p.precision == "settlement"
    ][:MAX_CANDIDATES]
    if len({p.pk for p in settlements}) < 2:
        return {}
    out: dict[int, tuple[float, str]] = {}
    for place in settlements:
        km = front_km(evidence.layer, evidence.day, place)
        bonus = front_bonus(km)
        if bonus and km is not None:
            cue = f"{km:.0f} km from the front line on {evidence.day.isoformat()}"
            out[place.pk] = (bonus, cue)
    # a bonus every namesake shares says nothing
    if (
        len(out) == len({p.pk for p in settlements})
        and len({b for b, _ in out.values()}) == 1
    ):
        return {}
    return out
