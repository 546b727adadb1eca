"""The article foglift started from: read from the shared data, never copied in."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from tests.conftest import shared_path


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    from foglift.export.json import document_to_dict
    from foglift.ingest import read_text
    from foglift.pipeline import check_text

    seed = sorted(shared_path("seed").glob("*.txt"))
    if not seed:
        pytest.skip("no seed article in ../shared/seed")
    from datetime import date

    text, source = read_text(str(seed[0]))
    return document_to_dict(
        check_text(text, source=source, published=date(2025, 11, 12))
    )


def _ministry_claim(report: dict[str, Any]) -> dict[str, Any]:
    claims = [c for c in report["claims"] if c["claimant"]["registry_id"] == "ru-mod"]
    assert claims, [c["claimant"]["name"] for c in report["claims"]]
    return claims[0]


def test_ministry_claim(report: dict[str, Any]) -> None:
    claim = _ministry_claim(report)
    assert claim["claimant"]["kind"] == "official"
    assert (claim["stance"], claim["voice"]) == ("asserts", "attributed")
    assert (claim["action"], claim["action_as_stated"]) == ("captured", "liberated")
    assert claim["quantity"]["value"] == 256
    assert claim["quantity"]["unit"] == "building"
    assert (claim["time"]["first_day"], claim["time"]["last_day"]) == (
        "2025-11-11",
        "2025-11-11",
    )
    assert [p["name"] for p in claim["places"]] == ["Krasnokamensk"]
    text = report["text"]
    assert text[claim["action_start"] : claim["action_end"]] == "liberated"
    q = claim["quantity"]
    assert text[q["start"] : q["end"]] == "256 buildings"


def test_reactions_and_findings(report: dict[str, Any]) -> None:
    claim = _ministry_claim(report)
    relations = {r["relation"]: r["claimant"] for r in claim["reactions"]}
    assert relations["supports"]["kind"] == "military_blogger"
    assert relations["supports"]["side"] == "russia"
    assert relations["disputes"]["name"] == "independent analysts"
    codes = Counter(f["code"] for f in report["findings"])
    assert codes["source.partisan"] == 1
    assert codes["claim.disputed"] == 1
    # the unnamed analysts' dispute is a claim of its own, flagged like the rest
    assert codes["source.unnamed"] == 4
    escapes = [r for r in report["repairs"] if r["code"] == "escape.lost_backslash"]
    assert len(escapes) == 5


def test_json_is_versioned(report: dict[str, Any]) -> None:
    assert report["schema"] == "foglift.check/1"
    json.dumps(report)
