"""The side a territorial verdict tests is the side the claim says acted."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from foglift.pipeline import check_text
from foglift.verify.territorial import claimed_gain
from tests.verify.conftest import make_claim


@pytest.mark.parametrize(
    ("claimant", "agent", "action", "stance", "side", "mode"),
    [
        # A Ukrainian source reporting a Russian gain: S is Russia, not Ukraine.
        ("ukraine", "russia", "captured", "asserts", "russia", "change"),
        # An independent analyst naming the side that acted can be tested.
        ("independent", "russia", "captured", "asserts", "russia", "change"),
        # Denying the enemy's capture: the denier's side kept the place.
        ("ukraine", "russia", "captured", "denies", "ukraine", "hold"),
        # "Our units liberated X": the claimant's side, named as "our".
        ("ukraine", "ukraine", "captured", "asserts", "ukraine", "change"),
        # "Ukrainian troops withdrew from X": the other side gained it.
        ("russia", "ukraine", "withdrew", "asserts", "russia", "change"),
        # No side named: the claimant's side for an assertion ...
        ("russia", "unknown", "captured", "asserts", "russia", "change"),
        # ... and for a denial, the claimant's side kept it.
        ("ukraine", "unknown", "captured", "denies", "ukraine", "hold"),
    ],
)
def test_side_gaining(
    claimant: str, agent: str, action: str, stance: str, side: str, mode: str
) -> None:
    claim = replace(
        make_claim(side=claimant, action=action, stance=stance),
        agent_side=agent,  # type: ignore[arg-type]
    )
    gain = claimed_gain(claim)
    assert (gain.side, gain.mode) == (side, mode), gain.reason


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("DeepState said Russian troops advanced near Pokrovsk.", "russia"),
        (
            "Ukraine's General Staff denied that Russian forces had captured Rivne.",
            "russia",
        ),
        ("Kupiansk was captured by Russian troops, ISW said.", "russia"),
        ("Генштаб ЗСУ: ворог захопив Степове.", "russia"),
        (
            "Минобороны России: группировки войск «Центр» освободили Родинское.",
            "russia",
        ),
        ("Ukrainian forces recaptured Kupiansk, Syrskyi said.", "ukraine"),
    ],
)
def test_agent_side_is_read_from_the_clause(text: str, agent: str) -> None:
    # a denial also yields the claim it answers: both name the same agent
    claims = check_text(text, published=date(2025, 11, 20)).claims
    assert claims and {c.agent_side for c in claims} == {agent}
