"""Track records count what they should: one row per claimant, only claims a
map can judge, every share with its count and interval."""

from __future__ import annotations

from typing import Any

import pytest

from foglift.runs.track import claimant_of, track_records, wilson
from foglift.sources import load_registry


def record(
    name: str,
    *,
    side: str = "unknown",
    named: bool = True,
    kind: str = "official",
    via: str | None = "subject",
    registry_id: str | None = None,
    action: str = "captured",
    precision: str = "settlement",
    statuses: tuple[str, ...] = ("confirmed",),
    agent_side: str = "unknown",
    source: str = "feed.xml",
    doc_kind: str = "feed",
) -> dict[str, Any]:
    return {
        "claimant": {
            "name": name,
            "side": side,
            "named": named,
            "kind": kind,
            "via": via,
            "registry_id": registry_id,
        },
        "stance": "asserts",
        "action": action,
        "agent_side": agent_side,
        # a place as records.place_to_dict writes it (the fields counted here)
        "places": [
            {
                "name": "X",
                "start": 0,
                "end": 1,
                "resolved": {"gazetteer_id": "g:1", "precision": precision},
            }
        ],
        "verdicts": [
            {"check": "control_map", "status": s, "place_id": "g:1", "lag_days": 2}
            for s in statuses
        ],
        "document": {"source": source, "kind": doc_kind},
    }


@pytest.mark.parametrize(
    "claimant",
    [
        {"name": "Russian Ministry of Defence", "registry_id": "ru-mod"},
        {"name": "Минобороны России"},
        {"name": "Міноборони РФ"},
        {"name": "Russian Defense Ministry"},
        # a bare role name: the ministry of the claimant's side ...
        {"name": "Минобороны", "side": "russia"},
        # ... or of the side whose gain it announces
        {"name": "Минобороны", "agent_side": "russia"},
        {"name": "the Defense Ministry", "side": "russia"},
    ],
)
def test_one_claimant_under_many_names(claimant: dict[str, Any]) -> None:
    who = claimant_of(record(**claimant), load_registry())
    assert who is not None and who.key == "ru-mod"


def test_a_bare_role_name_of_no_known_side_stays_apart() -> None:
    who = claimant_of(record("Минобороны"), load_registry())
    assert who is not None and who.key != "ru-mod"


def test_unnamed_groups_merge_by_side_and_kind() -> None:
    registry = load_registry()
    one = claimant_of(
        record(
            "Russian milblogger", named=False, side="russia", kind="military_blogger"
        ),
        registry,
    )
    many = claimant_of(
        record(
            "Russian milbloggers", named=False, side="russia", kind="military_blogger"
        ),
        registry,
    )
    other = claimant_of(
        record(
            "Ukrainian milbloggers",
            named=False,
            side="ukraine",
            kind="military_blogger",
        ),
        registry,
    )
    assert one is not None and many is not None and other is not None
    assert one.key == many.key != other.key


def test_author_is_the_publisher_never_a_row() -> None:
    registry = load_registry()
    own = record("author", via="author", source="Some Channel", doc_kind="telegram")
    who = claimant_of(own, registry)
    assert who is not None and who.name == "Some Channel"
    # A plain file says nothing of who published it: no row at all.
    lone = record("author", via="author", source="notes.txt", doc_kind="file")
    assert claimant_of(lone, registry) is None
    rows, left_out = track_records([own, lone], registry)
    assert [r["name"] for r in rows] == ["Some Channel"]
    assert all(r["name"] != "author" for r in rows)
    assert left_out == {"own_voice_unknown_publisher": 1}


def test_only_settlement_claims_with_a_map_status_count() -> None:
    mod = {"name": "Минобороны России"}
    records = [
        record(**mod, statuses=("confirmed",)),
        record(**mod, statuses=("contradicted", "no_data")),
        # a strike read as a capture, an advance, a region: not judged
        record(**mod, action="struck", statuses=("not_judged",)),
        record(**mod, action="advanced", statuses=("not_judged",)),
        record(**mod, precision="region", statuses=("not_judged",)),
        # a verdict on a place that is no settlement does not count either
        record(**mod, precision="feature", statuses=("confirmed",)),
        record(**mod, statuses=("ambiguous_place",)),
        record(**mod, statuses=("no_data",)),
    ]
    [row], _ = track_records(records, load_registry())
    assert row["territorial_claims"] == 8
    assert (row["checked"], row["confirmed"], row["contradicted"]) == (2, 1, 1)
    assert (row["not_judged"], row["ambiguous_place"]) == (3, 1)
    assert row["unchecked"] == 2
    assert row["few_checked"] is True
    assert (row["share_confirmed_low"], row["share_confirmed_high"]) == wilson(1, 2)


def test_wilson_interval() -> None:
    assert wilson(5, 10) == (0.2366, 0.7634)
    assert wilson(0, 0) is None
    low, high = wilson(20, 20) or (0, 0)
    assert high == 1.0 and 0.83 < low < 0.84
