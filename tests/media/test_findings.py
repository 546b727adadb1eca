"""media.recycled and media.metadata_conflict: when they are raised and what
evidence they carry (and when they are not)."""

from __future__ import annotations

from datetime import date
from typing import Any

from foglift.media.findings import (
    ClaimView,
    MediaView,
    Place,
    Sighting,
    media_findings,
)

POKROVSK = Place("Pokrovsk", 48.2831, 37.1826)
KHERSON = Place("Kherson", 46.6354, 32.6169)
SETTINGS = {
    "recycled_days": 2,
    "other_place_km": 50.0,
    "gps_conflict_km": 50.0,
    "old_days": 30,
}


def claim(**changes: Any) -> ClaimView:
    fields: dict[str, Any] = {
        "id": "c1",
        "document_id": "d2",
        "start": 0,
        "end": 40,
        "first_day": date(2025, 3, 4),
        "places": (POKROVSK,),
    }
    fields.update(changes)
    return ClaimView(**fields)


def sighting(key: str, day: date, places: tuple[Place, ...] = ()) -> Sighting:
    return Sighting("f" * 64, key, "d", "Channel " + key, day.isoformat(), day, places)


def view(*sightings: Sighting, **changes: Any) -> MediaView:
    fields: dict[str, Any] = {
        "media_id": "a" * 64,
        "kind": "video",
        "created": None,
        "gps": None,
        "cluster": 3,
        "sightings": sightings,
    }
    fields.update(changes)
    return MediaView(**fields)


def run(media: list[MediaView], **changes: Any) -> list[Any]:
    return media_findings(
        changes.pop("claim", claim()),
        date(2025, 3, 5),
        "2025-03-05T12:00:00",
        "post-2",
        media,
        **SETTINGS,
    )


def test_footage_seen_long_before_the_event_is_recycled() -> None:
    history = (
        sighting("post-1", date(2024, 1, 10)),
        sighting("post-2", date(2025, 3, 5)),
    )
    (found,) = run([view(*history, closeness=(14, "4/5"))])
    assert found.code == "media.recycled" and found.claim_id == "c1"
    evidence = dict(found.evidence)
    assert evidence["first_seen_post"] == "post-1"
    assert evidence["days_before"] == "419"
    assert evidence["pdq_distance"] == "14" and evidence["frames_matched"] == "4/5"
    assert (found.start, found.end) == (0, 40)


def test_the_first_post_and_same_day_reposts_are_not_recycled() -> None:
    own = (sighting("post-2", date(2025, 3, 5)), sighting("post-9", date(2025, 3, 8)))
    assert run([view(*own)]) == []
    fresh = (sighting("post-1", date(2025, 3, 3)), sighting("post-2", date(2025, 3, 5)))
    assert run([view(*fresh)]) == []  # within media_recycled_days of the event


def test_footage_first_posted_about_another_place_is_recycled() -> None:
    history = (
        sighting("post-1", date(2025, 3, 4), (KHERSON,)),
        sighting("post-2", date(2025, 3, 5)),
    )
    (found,) = run([view(*history)])
    assert "another place" in found.message
    assert dict(found.evidence)["other_places"] == "Kherson"
    near = Place("Rodynske", 48.35, 37.2)
    nearby = (sighting("post-1", date(2025, 3, 4), (near,)),)
    assert run([view(*nearby)]) == []


def test_gps_far_from_the_claimed_place_conflicts() -> None:
    (found,) = run([view(gps=(KHERSON.lat, KHERSON.lon))])
    assert found.code == "media.metadata_conflict"
    assert float(dict(found.evidence)["distance_km"]) > 300
    assert run([view(gps=(48.29, 37.19))]) == []


def test_creation_times_after_the_post_or_long_before_the_event_conflict() -> None:
    (after,) = run([view(created="2025-03-07T09:00:00")])
    assert "after the post" in after.message
    (before,) = run([view(created="2024-06-01T09:00:00+00:00")])
    assert "days before the event" in before.message
    assert run([view(created="2025-03-04T22:00:00")]) == []


def test_a_claim_without_places_or_dates_gets_only_what_can_be_said() -> None:
    bare = claim(places=(), first_day=None)
    assert run([view(gps=(KHERSON.lat, KHERSON.lon))], claim=bare) == []
