"""Verdict rows: written per claim and check, read back as plain dicts.

A claim can have several verdicts (one per place and map source, one per
series); :func:`verdict_summary` picks the one that speaks for the claim in
exports and ClaimReview ratings, adverse findings first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete

from foglift.model import Verdict
from foglift.records import verdict_to_dict
from foglift.store.schema import verdicts
from foglift.store.write import now

# Which verdict speaks for a claim that has several: what an analyst must see
# first (a contradiction, a late claim) before a confirmation; no_data and
# not_judged (a claim no map can speak to) last.
STATUS_ORDER = (
    "contradicted",
    "already_held",
    "confirmed",
    "contested",
    "not_confirmed",
    "ambiguous_place",
    "inconsistent",
    "exceeds_reference",
    "implausible_rate",
    "consistent",
    "within_reference",
    "no_data",
    "not_judged",
)

LABELS = {
    "confirmed": "Confirmed by control maps",
    "already_held": "Already held before the claim (late claim)",
    "contested": "Contested: grey zone on the control maps",
    "not_confirmed": "Not confirmed",
    "contradicted": "Contradicted",
    "consistent": "Consistent with the official series",
    "inconsistent": "Inconsistent with the official series",
    "within_reference": "Within the reference total",
    "exceeds_reference": "Exceeds the reference total",
    "implausible_rate": "Implausible rate against the reference total",
    "ambiguous_place": "Unverified: ambiguous place",
    "no_data": "Unverified",
    "not_judged": "Not judged",
}


def verdict_row(claim_id: str, verdict: Verdict, run_id: int) -> dict[str, Any]:
    return {
        **verdict_to_dict(verdict),
        "claim_id": claim_id,
        "run_id": run_id,
        "created_at": now(),
    }


def replace_verdicts(
    conn: Connection,
    claim_ids: Sequence[str],
    check: str,
    found: Iterable[Verdict],
    run_id: int,
) -> tuple[int, int]:
    """Swap the ``check`` verdicts of ``claim_ids`` for ``found``.

    ``found`` carries store claim ids. Returns (rows removed, rows written).
    """
    removed = 0
    for start in range(0, len(claim_ids), 500):
        result = conn.execute(
            delete(verdicts).where(
                verdicts.c.claim_id.in_(claim_ids[start : start + 500]),
                verdicts.c.check == check,
            )
        )
        removed += max(0, result.rowcount or 0)
    rows = [verdict_row(v.claim_id, v, run_id) for v in found]
    if rows:
        conn.execute(verdicts.insert(), rows)
    return removed, len(rows)


def _rank(verdict: dict[str, Any]) -> int:
    status = verdict.get("status")
    if status in STATUS_ORDER:
        return STATUS_ORDER.index(str(status))
    return len(STATUS_ORDER)


def explanation(verdict: dict[str, Any]) -> str:
    """The verdict's deciding step, with the evidence it rests on."""
    steps = [str(s) for s in verdict.get("steps") or []]
    params = verdict.get("parameters") or {}
    evidence = verdict.get("evidence") or []
    parts = [steps[-1] if steps else str(verdict.get("status"))]
    if verdict.get("check") == "control_map":
        place = next((s for s in steps if s.startswith("place ")), None)
        if place:
            parts.append(place)
        days = sorted({str(e.get("day")) for e in evidence if e.get("day")})
        if days:
            span = days[0] if len(days) == 1 else f"{days[0]}..{days[-1]}"
            parts.append(
                f"map {params.get('map_source')} (side {params.get('map_side')}), "
                f"{len(evidence)} snapshot file(s) dated {span}"
            )
    elif evidence:
        parts.append(f"evidence: {len(evidence)} file(s) by sha256")
    return "; ".join(parts)


def verdict_summary(found: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The verdict that speaks for a claim, or None when it has none."""
    if not found:
        return None
    best = min(found, key=_rank)
    status = str(best.get("status"))
    return {
        "status": status,
        "label": LABELS.get(status, status),
        "check": best.get("check"),
        "lag_days": best.get("lag_days"),
        "place_id": best.get("place_id"),
        "explanation": explanation(best),
        "count": len(found),
    }
