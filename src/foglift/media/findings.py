"""Findings on claims from the media their posts carry.

``media.recycled``: the footage (or a near-duplicate of it) was first seen
before the event the claim describes, or under a claim about another place.
``media.metadata_conflict``: the file's own metadata disagrees with the claim:
GPS far from the claimed place, a creation time after the post, or long before
the claimed event.

Each finding carries its evidence as (name, value) pairs: the hashes, the
distance and frames matched, the dates and posts compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from foglift.model import Finding

RECYCLED = "media.recycled"
METADATA_CONFLICT = "media.metadata_conflict"
CODES = (RECYCLED, METADATA_CONFLICT)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class ClaimView:
    """What the media checks need of a stored claim."""

    id: str  # the claim's id within its document (c1 ...)
    document_id: str
    start: int
    end: int
    first_day: date | None
    places: tuple[Place, ...]


@dataclass(frozen=True, slots=True)
class Sighting:
    """One post carrying one media file of a cluster."""

    media_id: str  # sha256
    item_key: str
    document_id: str | None
    source: str
    posted_at: str | None
    day: date | None
    places: tuple[Place, ...] = ()  # the places that post's claims name


@dataclass(frozen=True, slots=True)
class MediaView:
    """A media file as a claim's post carries it, with its cluster's history."""

    media_id: str
    kind: str
    created: str | None
    gps: tuple[float, float] | None
    cluster: int
    sightings: tuple[Sighting, ...]  # every post of the cluster, earliest first
    # closeness of the first-seen file to this one: (pdq distance, frames
    # matched/frames), None for the same file
    closeness: tuple[int, str] | None = None


def moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from foglift.geography import distance_km

    return float(distance_km(a[0], a[1], b[0], b[1]))


def _nearest(
    point: tuple[float, float], places: Sequence[Place]
) -> tuple[Place, float]:
    return min(
        ((p, _km(point, (p.lat, p.lon))) for p in places), key=lambda pair: pair[1]
    )


def media_findings(
    claim: ClaimView,
    post_day: date | None,
    post_at: str | None,
    item_key: str,
    media: Sequence[MediaView],
    *,
    recycled_days: int,
    other_place_km: float,
    gps_conflict_km: float,
    old_days: int,
) -> list[Finding]:
    """The media findings of one claim whose post carries ``media``."""
    found: list[Finding] = []
    event_day = claim.first_day or post_day
    for m in media:
        base = (
            ("media", m.media_id),
            ("media_kind", m.kind),
            ("cluster", f"c{m.cluster}"),
        )
        earlier = [s for s in m.sightings if s.item_key != item_key]
        first = earlier[0] if earlier else None
        if first is not None and first.day and event_day:
            lead = (event_day - first.day).days
            if lead > recycled_days:
                found.append(
                    _finding(
                        RECYCLED,
                        claim,
                        f"the {m.kind} was first seen on {first.day.isoformat()} "
                        f"in {first.source}, {lead} days before the event this "
                        "claim describes",
                        (
                            *base,
                            *_first_seen(first, m),
                            ("claim_day", event_day.isoformat()),
                            ("days_before", str(lead)),
                            ("occurrences", str(len(m.sightings))),
                        ),
                    )
                )
        if claim.places:
            for other in earlier:
                if not other.places or not other.day or not post_day:
                    continue
                if other.day > post_day:
                    continue  # only what was seen before this post speaks to it
                distances = [
                    _nearest((p.lat, p.lon), claim.places) for p in other.places
                ]
                place, km = min(distances, key=lambda pair: pair[1])
                if km > other_place_km:
                    found.append(
                        _finding(
                            RECYCLED,
                            claim,
                            f"the {m.kind} was posted on {other.day.isoformat()} in "
                            f"{other.source} under a claim about another place, "
                            f"{km:.0f} km from {place.name}",
                            (
                                *base,
                                *_first_seen(other, m),
                                (
                                    "other_places",
                                    ", ".join(p.name for p in other.places),
                                ),
                                ("claimed_place", place.name),
                                ("distance_km", f"{km:.1f}"),
                            ),
                        )
                    )
                    break
        if m.gps and claim.places:
            place, km = _nearest(m.gps, claim.places)
            if km > gps_conflict_km:
                found.append(
                    _finding(
                        METADATA_CONFLICT,
                        claim,
                        f"the {m.kind}'s GPS tag is {km:.0f} km from {place.name}, "
                        "the place claimed",
                        (
                            *base,
                            ("gps", f"{m.gps[0]:.5f},{m.gps[1]:.5f}"),
                            ("claimed_place", place.name),
                            ("claimed_point", f"{place.lat:.5f},{place.lon:.5f}"),
                            ("distance_km", f"{km:.1f}"),
                        ),
                    )
                )
        created = moment(m.created)
        if created is not None:
            posted = moment(post_at)
            if posted is not None and created.date() > posted.date():
                # a camera's clock without a zone may run a day ahead at most
                found.append(
                    _finding(
                        METADATA_CONFLICT,
                        claim,
                        f"the {m.kind} says it was made on "
                        f"{created.date().isoformat()}, after the post of "
                        f"{posted.date().isoformat()} that carries it",
                        (
                            *base,
                            ("created", m.created or ""),
                            ("posted_at", post_at or ""),
                        ),
                    )
                )
            if event_day and (event_day - created.date()).days > old_days:
                found.append(
                    _finding(
                        METADATA_CONFLICT,
                        claim,
                        f"the {m.kind} says it was made on "
                        f"{created.date().isoformat()}, "
                        f"{(event_day - created.date()).days} days before the event "
                        "this claim describes",
                        (
                            *base,
                            ("created", m.created or ""),
                            ("claim_day", event_day.isoformat()),
                        ),
                    )
                )
    return found


def _first_seen(first: Sighting, m: MediaView) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = [
        ("first_seen_post", first.item_key),
        ("first_seen_source", first.source),
        ("first_seen_at", first.posted_at or _iso(first.day)),
        ("first_seen_media", first.media_id),
    ]
    if first.media_id == m.media_id:
        pairs.append(("match", "the same file (SHA-256)"))
    elif m.closeness is not None:
        pairs.append(("pdq_distance", str(m.closeness[0])))
        pairs.append(("frames_matched", m.closeness[1]))
    return tuple(pairs)


def _finding(
    code: str, claim: ClaimView, message: str, evidence: tuple[tuple[str, str], ...]
) -> Finding:
    return Finding(
        code=code,
        severity="warning",
        message=message,
        start=claim.start,
        end=claim.end,
        claim_id=claim.id,
        evidence=evidence,
    )


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
