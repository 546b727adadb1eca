"""Track records: how each claimant's territorial claims fared on the maps,
and what the imported official series show.

Only claims a map can speak to count: a territorial action (captured, entered,
held, withdrew) about a resolved settlement, with a control-map verdict that
says what the map shows (confirmed, already held, contested, contradicted, not
confirmed). ``not_judged`` (a strike, an advance, an oblast, a direction),
``ambiguous_place`` and ``no_data`` verdicts are counted beside, never in the
shares. Each share comes with its count and a 95% Wilson interval, and a row
judged on fewer than :data:`MIN_JUDGED` claims says so.

One claimant is one row however it was named: a registry entry by id or alias
("Минобороны России", "Russian Ministry of Defence"), a generic role name
("Минобороны", "the Defense Ministry") by the registry source of that role on
the claim's side, and an unnamed group by side and kind ("Russian milblogger",
"Russian milbloggers"). The names as stated are listed with the row. A text's
own voice is its publisher (the channel or site), never "author"; own-voice
claims of an unknown publisher (a plain file) are counted apart.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from foglift.sources import Registry, load_registry, name_key
from foglift.store.db import Store
from foglift.store.query import ClaimFilter, query_claims
from foglift.store.verdicts import verdict_summary
from foglift.verify.series import SeriesStore, find_anomalies
from foglift.verify.territorial import CHANGE_ACTIONS, HOLD_ACTIONS, JUDGED_STATUSES
from foglift.verify.territorial import CHECK as MAP_CHECK

MIN_JUDGED = 5  # fewer judged claims than this is an anecdote, not a record
Z_95 = 1.959964
OUTCOMES = ("confirmed", "already_held", "contested", "contradicted", "not_confirmed")
# Actions whose verdict speaks of control of a place (withdrawals carry no side
# and never reach a map status, but are territorial all the same).
TRACKED_ACTIONS = CHANGE_ACTIONS | HOLD_ACTIONS | {"withdrew"}


def wilson(part: int, whole: int, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval of ``part / whole`` (95% by default)."""
    if whole <= 0:
        return None
    p = part / whole
    denominator = 1 + z * z / whole
    centre = (p + z * z / (2 * whole)) / denominator
    half = z * math.sqrt(p * (1 - p) / whole + z * z / (4 * whole * whole))
    half /= denominator
    return round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)


@dataclass
class _Tally:
    name: str
    side: str
    names: Counter[str] = field(default_factory=Counter)
    claims: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    lags: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Who:
    """The one row a claimant's claims go to."""

    key: str
    name: str
    side: str


@lru_cache(maxsize=1)
def _role_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Generic role names ("Минобороны", "General Staff") from the lexicons."""
    from foglift.extract.lexicon import load_lexicon, phrase_pattern

    out = []
    for lang in ("en", "ru", "uk"):
        roles = load_lexicon(lang).data.get("roles", {})
        for role, words in roles.items():
            out.append((str(role), phrase_pattern(words)))
    return tuple(out)


def _role_of(name: str) -> str | None:
    bare = re.sub(r"^(?:the|its|their)\s+", "", name.strip(), flags=re.I)
    for role, pattern in _role_patterns():
        if pattern.fullmatch(bare):
            return role
    return None


def claimant_of(record: dict[str, Any], registry: Registry) -> Who | None:
    """The row a stored claim counts for; None for an own-voice claim whose
    publisher is unknown."""
    claimant = record.get("claimant") or {}
    name = str(claimant.get("name") or "?")
    side = str(claimant.get("side") or "unknown")
    document = record.get("document") or {}
    if claimant.get("via") == "author" or name == "author":
        # The text speaks in its own voice: the outlet that published it.
        publisher = document.get("source") if document.get("kind") != "file" else None
        if not publisher:
            return None
        name = str(publisher)
        source = registry.by_alias(name)
        if source is None:
            found = next(registry.find_aliases(name), None)
            source = found[1] if found is not None else None
        if source is not None:
            return Who(source.id, source.name, source.side)
        return Who(f"publisher:{name_key(name)}", name, "unknown")
    registry_id = claimant.get("registry_id")
    source = registry.sources.get(str(registry_id)) if registry_id else None
    source = source or registry.by_alias(name)
    if source is None and claimant.get("named", True):
        role = _role_of(name)
        if role is not None:
            # A bare "Минобороны": the ministry of the claimant's side, else
            # of the side whose gain it announces.
            acting = side if side in ("russia", "ukraine") else None
            if acting is None and record.get("stance") == "asserts":
                agent = record.get("agent_side")
                acting = agent if agent in ("russia", "ukraine") else None
            holders = [s for s in registry.with_role(role) if s.side == acting]
            if len(holders) == 1:
                source = holders[0]
    if source is not None:
        return Who(source.id, source.name, source.side)
    if registry_id:
        return Who(str(registry_id), name, side)
    if not claimant.get("named", True):
        kind = str(claimant.get("kind") or "unknown")
        return Who(f"unnamed:{side}:{kind}", f"unnamed {kind} ({side})", side)
    return Who(name_key(name) or name, name, side)


def _judged(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The control-map verdicts that speak for the claim in a track record:
    a territorial action, a resolved settlement, a map status."""
    if record.get("action") not in TRACKED_ACTIONS:
        return []
    settlements = {
        p["resolved"]["gazetteer_id"]
        for p in record.get("places") or []
        if p.get("resolved") and p["resolved"]["precision"] == "settlement"
    }
    return [
        v
        for v in record["verdicts"]
        if v["check"] == MAP_CHECK
        and v["status"] in JUDGED_STATUSES
        and v.get("place_id") in settlements
    ]


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def claimant_stats(
    store: Store,
    since: date | None = None,
    until: date | None = None,
    registry: Registry | None = None,
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """One row per claimant of territorial claims, and the counts left out
    (own-voice claims of an unknown publisher)."""
    claim_filter = ClaimFilter(
        types=("territorial", "advance"), since=since, until=until
    )
    return track_records(query_claims(store, claim_filter), registry)


def track_records(
    records: Iterable[dict[str, Any]], registry: Registry | None = None
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """:func:`claimant_stats` over claim records (as :func:`query_claims`
    gives them)."""
    registry = registry or load_registry()
    tallies: dict[str, _Tally] = {}
    left_out: Counter[str] = Counter()
    for record in records:
        who = claimant_of(record, registry)
        if who is None:
            left_out["own_voice_unknown_publisher"] += 1
            continue
        tally = tallies.setdefault(who.key, _Tally(who.name, who.side))
        tally.names[str((record.get("claimant") or {}).get("name") or "?")] += 1
        tally.claims += 1
        judged = _judged(record)
        if not judged:
            statuses = {
                v["status"] for v in record["verdicts"] if v["check"] == MAP_CHECK
            }
            if "not_judged" in statuses:
                tally.outcomes["not_judged"] += 1
            elif "ambiguous_place" in statuses:
                tally.outcomes["ambiguous_place"] += 1
            else:
                tally.outcomes["unchecked"] += 1
            continue
        summary = verdict_summary(judged)
        assert summary is not None
        tally.outcomes[summary["status"]] += 1
        if summary["status"] == "confirmed" and summary["lag_days"] is not None:
            tally.lags.append(int(summary["lag_days"]))
    rows = []
    for key, t in sorted(tallies.items(), key=lambda kv: (-kv[1].claims, kv[0])):
        judged_n = sum(t.outcomes[o] for o in OUTCOMES)
        row: dict[str, Any] = {
            "claimant": key,
            "name": t.name,
            "names": [n for n, _ in t.names.most_common()],
            "side": t.side,
            "territorial_claims": t.claims,
            "checked": judged_n,
            "few_checked": judged_n < MIN_JUDGED,
            "not_judged": t.outcomes["not_judged"],
            "ambiguous_place": t.outcomes["ambiguous_place"],
            "unchecked": t.outcomes["unchecked"],
            "median_lag_days": statistics.median(t.lags) if t.lags else None,
        }
        for outcome in OUTCOMES:
            interval = wilson(t.outcomes[outcome], judged_n)
            row[outcome] = t.outcomes[outcome]
            row[f"share_{outcome}"] = _share(t.outcomes[outcome], judged_n)
            row[f"share_{outcome}_low"] = interval[0] if interval else None
            row[f"share_{outcome}_high"] = interval[1] if interval else None
        rows.append(row)
    return rows, dict(left_out)


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
