"""Track records: how each claimant's territorial claims fared on the maps,
and what the imported official series show.

A claim counts as *checked* when at least one control-map verdict is not
``no_data``; its outcome is the verdict that speaks for it
(:func:`~foglift.store.verdicts.verdict_summary` over those verdicts). Shares
are of checked claims; the median lag is over confirmed ones.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from foglift.store.db import Store
from foglift.store.query import ClaimFilter, query_claims
from foglift.store.verdicts import verdict_summary
from foglift.verify.series import SeriesStore, find_anomalies
from foglift.verify.territorial import CHECK as MAP_CHECK


@dataclass
class _Tally:
    name: str
    side: str
    claims: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    lags: list[int] = field(default_factory=list)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def claimant_stats(
    store: Store, since: date | None = None, until: date | None = None
) -> list[dict[str, Any]]:
    """One row per claimant (registry id, else name) of territorial claims."""
    tallies: dict[str, _Tally] = {}
    claim_filter = ClaimFilter(
        types=("territorial", "advance"), since=since, until=until
    )
    for record in query_claims(store, claim_filter):
        claimant = record.get("claimant") or {}
        key = str(claimant.get("registry_id") or claimant.get("name") or "?")
        tally = tallies.setdefault(
            key, _Tally(str(claimant.get("name")), str(claimant.get("side")))
        )
        tally.claims += 1
        judged = [
            v
            for v in record["verdicts"]
            if v["check"] == MAP_CHECK and v["status"] != "no_data"
        ]
        if not judged:
            tally.outcomes["unchecked"] += 1
            continue
        summary = verdict_summary(judged)
        assert summary is not None
        tally.outcomes[summary["status"]] += 1
        if summary["status"] == "confirmed" and summary["lag_days"] is not None:
            tally.lags.append(int(summary["lag_days"]))
    rows = []
    for key, t in sorted(tallies.items(), key=lambda kv: (-kv[1].claims, kv[0])):
        checked = t.claims - t.outcomes["unchecked"]
        rows.append(
            {
                "claimant": key,
                "name": t.name,
                "side": t.side,
                "territorial_claims": t.claims,
                "checked": checked,
                "confirmed": t.outcomes["confirmed"],
                "share_confirmed": _share(t.outcomes["confirmed"], checked),
                "median_lag_days": statistics.median(t.lags) if t.lags else None,
                "already_held": t.outcomes["already_held"],
                "share_already_held": _share(t.outcomes["already_held"], checked),
                "contradicted": t.outcomes["contradicted"],
                "share_contradicted": _share(t.outcomes["contradicted"], checked),
                "not_confirmed": t.outcomes["not_confirmed"],
                "contested": t.outcomes["contested"],
            }
        )
    return rows


def series_stats(
    series: SeriesStore, since: date | None = None, until: date | None = None
) -> list[dict[str, Any]]:
    """Anomalies per imported series, by kind, within ``since``..``until``."""
    rows = []
    for name in series.names():
        found = series.get(name)
        if found is None:
            continue
        points = [
            d
            for d, _ in found.points
            if (since is None or d >= since) and (until is None or d <= until)
        ]
        kinds: Counter[str] = Counter(
            a.kind
            for a in find_anomalies(found)
            if (since is None or a.day >= since) and (until is None or a.day <= until)
        )
        rows.append(
            {
                "series": name,
                "days": len(points),
                "first_day": min(points).isoformat() if points else None,
                "last_day": max(points).isoformat() if points else None,
                "unexplained_decreases": kinds["unexplained_decrease"],
                "explained_decreases": kinds["explained_decrease"],
                "outlier_increments": kinds["outlier_increment"],
            }
        )
    return rows
