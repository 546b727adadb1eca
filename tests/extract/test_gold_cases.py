"""One parametrised test over the gold cases in ``cases/*.json``.

Each case lists the claims a careful analyst expects, field by field, and
counts of findings by code. ``known_failures.json`` holds cases foglift does
not get right yet; they run as strict xfails so a fix is noticed (the file may
be empty: then there is nothing to run).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from foglift.export.json import document_to_dict
from foglift.pipeline import check_text

CASES = Path(__file__).parent / "cases"


def _load(name: str) -> list[Any]:
    return [
        pytest.param(case, id=f"{name}:{case['label']}")
        for case in json.loads((CASES / f"{name}.json").read_text("utf-8"))
    ]


def _matches(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and _matches(v, actual[k]) for k, v in expected.items()
        )
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(actual, (int, float)) and abs(actual - expected) < 1e-9
    return bool(expected == actual)


def _claim_matches(spec: dict[str, Any], claim: dict[str, Any]) -> bool:
    for key, want in spec.items():
        if key == "places":
            if [p["name"] for p in claim["places"]] != want:
                return False
        elif key == "reactions":
            got = [
                (r["relation"], r["claimant"]["registry_id"] or r["claimant"]["name"])
                for r in claim["reactions"]
            ]
            if sorted(got) != sorted((r["relation"], r["claimant"]) for r in want):
                return False
        elif key == "admin1":
            got = [(p["resolved"] or {}).get("admin1") for p in claim["places"]]
            if got != want:
                return False
        elif key == "hedges":
            if not set(want) <= set(claim["hedges"]):
                return False
        elif not _matches(want, claim.get(key)):
            return False
    return True


def check_case(case: dict[str, Any]) -> None:
    doc = check_text(
        case["input"],
        source=case["label"],
        published=date.fromisoformat(case["published"]),
        publisher=case.get("publisher"),
    )
    result = document_to_dict(doc)
    claims = result["claims"]
    remaining = list(claims)
    for spec in case["claims"]:
        found = next((c for c in remaining if _claim_matches(spec, c)), None)
        assert found is not None, f"no claim matches {spec}; got {_brief(claims)}"
        remaining = remaining[remaining.index(found) + 1 :]
    if case.get("exact_claims"):
        assert len(claims) == len(case["claims"]), _brief(claims)
    codes = [f["code"] for f in result["findings"]]
    for code, count in case.get("findings", {}).items():
        assert codes.count(code) == count, f"{code}: {codes}"


def _brief(claims: list[dict[str, Any]]) -> list[str]:
    return [
        f"{c['action']}<{c['action_as_stated']}> by {c['claimant']['name']} "
        f"{[p['name'] for p in c['places']]} {(c['quantity'] or {}).get('as_stated')}"
        for c in claims
    ]


@pytest.mark.parametrize(
    "case",
    [
        case
        for path in sorted(CASES.glob("*.json"))
        if path.stem != "known_failures"
        for case in _load(path.stem)
    ],
)
def test_gold_case(case: dict[str, Any]) -> None:
    check_case(case)


_KNOWN_FAILURES = _load("known_failures")


@pytest.mark.skipif(not _KNOWN_FAILURES, reason="no known failures listed")
@pytest.mark.parametrize("case", _KNOWN_FAILURES or [pytest.param({}, id="none")])
@pytest.mark.xfail(strict=True, reason="known failure; see the case's comment")
def test_known_failure(case: dict[str, Any]) -> None:
    check_case(case)
