"""Quality gate on claims-dev, the hand-annotated real texts (skipped when
../shared is absent). The floors are the figures measured at the end of the
round that built `foglift eval claims` (docs/evaluation.md), less a point for
noise, raised after the round on real-text grammar; a gate may only go up, but
for a pairing effect: gold and predicted claims are paired by place as well,
so better places can pair a claim with another gold claim of its sentence
(uk action 91.0 -> 90.5 when the geoparser's places improved)."""

from __future__ import annotations

import pytest

from foglift.extract.evaluate import evaluate
from tests.conftest import shared_path

# language -> (recall, precision, claimant, stance, type, action)
FLOORS = {
    "en": (0.797, 0.957, 0.914, 0.99, 0.948, 0.948),
    "ru": (0.631, 0.951, 0.922, 0.99, 0.963, 0.929),
    "uk": (0.565, 0.933, 0.755, 0.985, 0.93, 0.9),
}


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_claims_dev_does_not_regress(lang: str) -> None:
    path = shared_path("data", "claims-dev", f"{lang}.jsonl")
    tally = evaluate([path]).by_lang[lang]
    recall, precision, claimant, stance, claim_type, action = FLOORS[lang]
    assert tally.recall >= recall
    assert tally.precision >= precision
    for name, floor in (
        ("claimant", claimant),
        ("stance", stance),
        ("type", claim_type),
        ("action", action),
    ):
        share = tally.share(name)
        assert share is not None and share >= floor, (name, share)
