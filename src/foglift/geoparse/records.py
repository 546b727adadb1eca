"""Turn ranked gazetteer entries into the pipeline's ``Resolution``/``Candidate``."""

from __future__ import annotations

from typing import cast

from foglift.geoparse.index import Place, place_by_id
from foglift.geoparse.resolve import Scored
from foglift.model import Candidate, Precision, Resolution


def admin_names(place: Place) -> tuple[str | None, str | None]:
    """Names of the first-level area and the district (raion, county) of a place."""
    admin1: str | None = place.name if place.fcode == "ADM1" else None
    admin2: str | None = None
    for parent in place.parents:
        parent_place = place_by_id(parent)
        if parent_place is None:
            continue
        if parent.startswith("admin1:") and admin1 is None:
            admin1 = parent_place.name
        elif parent_place.fcode == "ADM2" and admin2 is None:
            admin2 = parent_place.name
    return admin1, admin2


def to_candidate(scored: Scored) -> Candidate:
    place = scored.match.place
    admin1, _ = admin_names(place)
    return Candidate(
        gazetteer_id=place.gazetteer_id,
        name=place.name,
        country=place.country,
        admin1=admin1,
        lat=place.lat,
        lon=place.lon,
        score=round(scored.score, 3),
    )


def to_resolution(
    ranked: tuple[Scored, ...], confidence: float, cues: tuple[str, ...]
) -> Resolution:
    best = ranked[0]
    place = best.match.place
    admin1, admin2 = admin_names(place)
    return Resolution(
        gazetteer_id=place.gazetteer_id,
        name=place.name,
        native_names=place.native,
        country=place.country,
        admin1=admin1,
        admin2=admin2,
        lat=place.lat,
        lon=place.lon,
        precision=cast(Precision, place.precision),
        confidence=round(confidence, 3),
        alternatives=tuple(to_candidate(s) for s in ranked[1:4]),
        evidence=cues,
    )


# How sure a vicinity point is: it is within 161 km about 60% of the time on
# the development corpora (theatre.VICINITY_CHARS), and never the place itself.
VICINITY_CONFIDENCE = 0.2


def to_vicinity(near: Place, chars: int, why: str) -> Resolution:
    """An approximate point for a name the gazetteer lacks: the point of the
    place named nearest to it in the text ("near Pokrovsk")."""
    admin1, admin2 = admin_names(near)
    return Resolution(
        gazetteer_id="",
        name=f"near {near.name}",
        native_names=(),
        country=near.country,
        admin1=admin1,
        admin2=admin2,
        lat=near.lat,
        lon=near.lon,
        precision="vicinity",
        confidence=VICINITY_CONFIDENCE,
        evidence=(
            why,
            f"placed at {near.name} ({near.gazetteer_id}), named {chars} "
            "characters away in the text",
        ),
    )
