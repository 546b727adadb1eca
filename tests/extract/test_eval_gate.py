"""Quality gate on claims-dev, the hand-annotated real texts (skipped when
../shared is absent). The floors are the figures measured at the end of the
round that built `foglift eval claims` (docs/evaluation.md), less a point for
noise, raised after each round on real-text grammar to that round's figures
less a point; a gate may only go up. (Gold and predicted claims are paired by
place as well, so a change of places alone can move a field by a pair.)"""

from __future__ import annotations

import pytest

from foglift.extract.evaluate import evaluate
from tests.conftest import shared_path

# language -> (recall, precision, claimant, stance, type, action)
FLOORS = {
    "en": (0.843, 0.965, 0.929, 0.99, 0.948, 0.95),
    "ru": (0.856, 0.98, 0.945, 0.99, 0.98, 0.96),
    "uk": (0.842, 0.939, 0.89, 0.986, 0.964, 0.935),
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
