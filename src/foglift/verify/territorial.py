"""Territorial verdicts: does a control map show the claimed change of hands?

For a claim that side S gained (or still held) a place on day D, each map source
is read at the place's point with a buffer, day by day over [D-K] and the window
[D-before, D+after]. Statuses, first match wins (issue 7):

``no_data``        no snapshot covers the dates at this place (or the claim has
                   no point, no date or no side that gained)
``already_held``   S held the place on D-K: a late claim
``contested``      in the unknown-status zone on D and not held by S on D
``confirmed``      S holds it on some day of the window; lag = first day - D
``contradicted``   S never holds it in the window, on a map from S's own side
``not_confirmed``  S never holds it in the window, on a map of the other side,
                   an independent one, or one whose side is unknown

Denials are scored as *hold* claims: when Ukraine denies a Russian capture it
claims that Ukraine still held the place on D. A hold claim is judged on D alone
and skips ``already_held`` (having held the place before is the claim itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from foglift.model import Claim, EvidenceFile, Finding, Resolution, Verdict
from foglift.settings import default
from foglift.verify.maps import (
    ControlMaps,
    MapSeries,
    PlaceOnDay,
    place_area,
    place_on_day,
)

Mode = Literal["change", "hold"]
CHANGE_ACTIONS = frozenset({"captured", "entered"})
HOLD_ACTIONS = frozenset({"held"})
TERRITORIAL_ACTIONS = CHANGE_ACTIONS | HOLD_ACTIONS | {"withdrew"}
POINT_PRECISIONS = frozenset({"settlement", "feature"})
CHECK = "control_map"


@dataclass(frozen=True, slots=True)
class MapSettings:
    """The thresholds of a territorial verdict; defaults from SETTINGS."""

    buffer_m: float = float(default("control_map_buffer_m"))
    k_days: int = int(default("control_map_k_days"))
    days_before: int = int(default("control_map_days_before"))
    days_after: int = int(default("control_map_days_after"))
    max_stale_days: int = int(default("control_map_max_stale_days"))

    def as_parameters(self) -> tuple[tuple[str, str], ...]:
        return (
            ("buffer_m", f"{self.buffer_m:g}"),
            ("k_days", str(self.k_days)),
            ("days_before", str(self.days_before)),
            ("days_after", str(self.days_after)),
            ("max_stale_days", str(self.max_stale_days)),
        )

    @classmethod
    def from_parameters(cls, params: dict[str, str]) -> MapSettings:
        return cls(
            buffer_m=float(params["buffer_m"]),
            k_days=int(params["k_days"]),
            days_before=int(params["days_before"]),
            days_after=int(params["days_after"]),
            max_stale_days=int(params["max_stale_days"]),
        )


@dataclass(frozen=True, slots=True)
class Gain:
    """Which side a claim says gained (or held) its places, and why."""

    side: str | None
    mode: Mode
    reason: str


_OTHER = {"russia": "ukraine", "ukraine": "russia"}


def claimed_gain(claim: Claim) -> Gain:
    """The side S a territorial claim says gained (or kept) the place, and the mode.

    The side that acted is the one the claim names ("Russian forces captured
    X", "our units", "the enemy"); when it names none, the claimant's own side
    is assumed and the reason says so.
    """
    own: str = claim.claimant.side
    agent: str
    if claim.agent_side in _OTHER:
        agent, how = claim.agent_side, f"the claim names {claim.agent_side} as acting"
    elif claim.action == "withdrew":
        return Gain(
            None,
            "change",
            "a withdrawal claim that does not record which side withdrew",
        )
    elif own in _OTHER and claim.stance == "asserts":
        agent, how = own, f"no side named as acting; assumed the claimant's ({own})"
    elif own in _OTHER:
        # A side denies or disputes the other side's gains, not its own.
        agent = _OTHER[own]
        how = f"no side named as acting; a {own} claimant denies the other side's gain"
    else:
        return Gain(
            None,
            "change",
            f"the claim names no side as acting and the claimant's side is {own}",
        )
    action, stance = claim.action, claim.stance
    if action in CHANGE_ACTIONS and stance == "asserts":
        return Gain(
            agent, "change", f"{how}; asserts it {action} the place: S = {agent}"
        )
    if action in CHANGE_ACTIONS:
        kept = _OTHER[agent]
        return Gain(
            kept,
            "hold",
            f"{how}; {claim.claimant.name} {stance} that it {action} the place: scored "
            f"as a claim that {kept} still held it on D",
        )
    if action in HOLD_ACTIONS:
        side = agent if stance == "asserts" else _OTHER[agent]
        return Gain(side, "hold", f"{how}; {stance} that {agent} holds it: S = {side}")
    if action == "withdrew" and stance == "asserts":
        gained = _OTHER[agent]
        return Gain(gained, "change", f"{how}; {agent} withdrew: S = {gained}")
    return Gain(None, "change", f"{stance} {action} is not a change of hands")


def claim_day(claim: Claim, published: date | None) -> tuple[date | None, str]:
    if claim.time and claim.time.last_day:
        return claim.time.last_day, "the end of the claim's time window"
    if published:
        return published, "the publication date (the claim states no time)"
    return None, "none: the claim states no time and the publication date is unknown"


def _no_data(
    claim: Claim, steps: list[str], reason: str, place_id: str | None = None
) -> Verdict:
    return Verdict(
        claim_id=claim.id,
        check=CHECK,
        status="no_data",
        steps=(*steps, f"no_data: {reason}"),
        place_id=place_id,
    )


def _describe(o: PlaceOnDay, side: str) -> str:
    held = []
    if o.russia:
        held.append("touches occupied (russia)")
    if o.unknown:
        held.append("touches unknown status (grey zone)")
    if not held:
        held.append("clear of both (ukraine)")
    by = "held" if o.held_by(side) else "not held"
    return f"{', '.join(held)}: {by} by {side}"


def _runs(days: list[date], keys: list[object]) -> list[tuple[str, object]]:
    """Consecutive days with the same key as "first..last" spans."""
    out: list[tuple[str, object]] = []
    start = prev = None
    key: object = None
    for d, k in zip(days, keys, strict=True):
        if prev is not None and (d - prev).days == 1 and k == key:
            prev = d
            continue
        if start is not None and prev is not None:
            out.append((f"{start}..{prev}" if start != prev else f"{start}", key))
        start = prev = d
        key = k
    if start is not None and prev is not None:
        out.append((f"{start}..{prev}" if start != prev else f"{start}", key))
    return out


def judge(
    *,
    series: MapSeries,
    side: str,
    mode: Mode,
    day: date,
    lon: float,
    lat: float,
    settings: MapSettings,
) -> tuple[str, int | None, list[str], list[date]]:
    """Status, lag, steps and the snapshot days used, for one map source."""
    area = place_area(lon, lat, settings.buffer_m)
    k_day = day - timedelta(days=settings.k_days)
    if mode == "change":
        first = day - timedelta(days=settings.days_before)
        last = day + timedelta(days=settings.days_after)
        asked = [k_day] + [
            first + timedelta(days=i) for i in range((last - first).days + 1)
        ]
    else:
        asked = [day]
    seen: dict[date, PlaceOnDay | None] = {}
    for d in asked:
        seen[d] = place_on_day(series, lon, lat, d, area, settings.max_stale_days)
    steps: list[str] = []
    used: list[date] = []
    filled: list[tuple[date, date]] = []
    for d in asked:
        o = seen[d]
        if o is None:
            continue
        if o.snapshot_day not in used:
            used.append(o.snapshot_day)
            steps.append(f"snapshot {o.snapshot_day}: {_describe(o, side)}")
        if o.snapshot_day != d:
            filled.append((d, o.snapshot_day))
    if filled:
        groups = _runs([d for d, _ in filled], [s for _, s in filled])
        steps.append(
            "days without a snapshot use the nearest earlier one: "
            + ", ".join(f"{span} <- {snap}" for span, snap in groups)
        )
    uncovered = [d for d in asked if seen[d] is None]
    if uncovered:
        spans = ", ".join(span for span, _ in _runs(uncovered, [None] * len(uncovered)))
        steps.append(
            f"{len(uncovered)} of {len(asked)} days have no snapshot covering the "
            f"place within {settings.max_stale_days} days before them: {spans}"
        )
    if not used:
        return "no_data", None, [*steps, "no_data: no snapshot covers the dates"], []
    if mode == "change":
        o = seen[k_day]
        if o is None:
            steps.append(f"D-K {k_day}: not covered, already_held not tested")
        elif o.held_by(side):
            steps.append(f"already_held: {side} held it on D-K {k_day}")
            return "already_held", None, steps, used
        else:
            steps.append(f"D-K {k_day}: not held by {side}")
    o = seen[day]
    if o is None:
        steps.append(f"D {day}: not covered, contested not tested")
    elif o.unknown and not o.held_by(side):
        steps.append(f"contested: grey zone on D {day} and not held by {side}")
        return "contested", None, steps, used
    window = asked[1:] if mode == "change" else asked
    for d in window:
        o = seen[d]
        if o is not None and o.held_by(side):
            lag = (d - day).days
            steps.append(f"confirmed: {side} holds it on {d}, lag {lag:+d} days")
            return "confirmed", lag, steps, used
    span = f"{window[0]}..{window[-1]}" if len(window) > 1 else f"{window[0]}"
    if series.side == side:
        steps.append(
            f"contradicted: {side} never holds it in {span} on a map from "
            f"{side}'s own side"
        )
        return "contradicted", None, steps, used
    steps.append(
        f"not_confirmed: {side} never holds it in {span}; the map's side is "
        f"{series.side}"
    )
    return "not_confirmed", None, steps, used


def territorial_verdicts(
    claim: Claim,
    published: date | None,
    maps: ControlMaps,
    settings: MapSettings,
) -> list[Verdict]:
    """One verdict per place of the claim and map source."""
    if claim.action not in TERRITORIAL_ACTIONS or claim.claim_type not in (
        "territorial",
        "advance",
    ):
        return []
    gain = claimed_gain(claim)
    steps = [f"claim {claim.id}: {claim.claimant.side} {claim.stance} {claim.action}"]
    steps.append(f"side that gained: {gain.reason}")
    if gain.side is None:
        return [_no_data(claim, steps, "no side to test")]
    day, day_from = claim_day(claim, published)
    steps.append(f"D = {day} ({day_from})")
    if day is None:
        return [_no_data(claim, steps, "no claim date")]
    if not claim.places:
        return [_no_data(claim, steps, "the claim names no place")]
    if not maps.series:
        return [_no_data(claim, steps, "no control-map snapshot was read")]
    verdicts = []
    for place in claim.places:
        r: Resolution | None = place.resolved
        if r is None:
            verdicts.append(
                _no_data(claim, steps, f"{place.name!r} is not resolved to a point")
            )
            continue
        if r.precision not in POINT_PRECISIONS:
            verdicts.append(
                _no_data(
                    claim,
                    steps,
                    f"{place.name!r} resolves only to a {r.precision}, not a point",
                    r.gazetteer_id,
                )
            )
            continue
        for series in maps.series.values():
            params = (
                ("mode", gain.mode),
                ("side", gain.side),
                ("day", day.isoformat()),
                ("lon", repr(r.lon)),
                ("lat", repr(r.lat)),
                ("map_source", series.source),
                ("map_side", series.side),
                *settings.as_parameters(),
            )
            place_steps = [
                *steps,
                f"place {place.name!r} -> {r.name} ({r.gazetteer_id}) at "
                f"{r.lat:.5f}, {r.lon:.5f}, {settings.buffer_m:g} m buffer",
                f"map {series.source} (side {series.side}), "
                f"{len(series.snapshots)} snapshot days",
            ]
            status, lag, judged, used = judge(
                series=series,
                side=gain.side,
                mode=gain.mode,
                day=day,
                lon=r.lon,
                lat=r.lat,
                settings=settings,
            )
            evidence = tuple(
                EvidenceFile(path=f.path, sha256=f.sha256, kind=CHECK, day=f.day)
                for d in used
                for f in series.snapshots[d].files
            )
            verdicts.append(
                Verdict(
                    claim_id=claim.id,
                    check=CHECK,
                    status=status,
                    steps=(*place_steps, *judged),
                    parameters=params,
                    evidence=evidence,
                    lag_days=lag,
                    place_id=r.gazetteer_id,
                )
            )
    return verdicts


def replay(verdict: Verdict, maps: ControlMaps) -> Verdict:
    """Recompute a territorial verdict from its recorded parameters alone."""
    params = dict(verdict.parameters)
    series = maps.series[params["map_source"]]
    status, lag, judged, used = judge(
        series=series,
        side=params["side"],
        mode="hold" if params["mode"] == "hold" else "change",
        day=date.fromisoformat(params["day"]),
        lon=float(params["lon"]),
        lat=float(params["lat"]),
        settings=MapSettings.from_parameters(params),
    )
    evidence = tuple(
        EvidenceFile(path=f.path, sha256=f.sha256, kind=CHECK, day=f.day)
        for d in used
        for f in series.snapshots[d].files
    )
    return Verdict(
        claim_id=verdict.claim_id,
        check=CHECK,
        status=status,
        steps=tuple(judged),
        parameters=verdict.parameters,
        evidence=evidence,
        lag_days=lag,
        place_id=verdict.place_id,
    )


_FINDINGS = {
    "already_held": ("late_claim", "warning", "the map shows {side} held it by D-K"),
    "contradicted": (
        "map_contradicts",
        "warning",
        "{side}'s own map never shows {side} holding it in the window",
    ),
    "contested": ("map_contested", "info", "the map shows a grey zone on D"),
}


def verdict_findings(claim: Claim, verdicts: list[Verdict]) -> list[Finding]:
    """Findings an analyst would raise from territorial verdicts."""
    out = []
    for v in verdicts:
        if v.status not in _FINDINGS:
            continue
        code, severity, text = _FINDINGS[v.status]
        params = dict(v.parameters)
        message = text.format(side=params.get("side", "?"))
        out.append(
            Finding(
                code=code,
                severity=severity,  # type: ignore[arg-type]
                message=f"{message} (map {params.get('map_source')})",
                start=claim.start,
                end=claim.end,
                claim_id=claim.id,
                evidence=(("verdict", v.status), ("place", v.place_id or "")),
            )
        )
    return out
