"""Territorial verdicts: does a control map show the claimed change of hands?

For a claim that side S gained (or still held) a place on day D, each map source
is read over the place's *extent* (a settlement is a circle sized by its
population, :mod:`foglift.verify.extent`), day by day over [D-K] and the window
[D-before, D+after]. On each day the extent is one of three states, from the
share of its area in the occupied and grey (unknown-status) layers:

``russia``   occupied share >= ``held_share``
``ukraine``  occupied + grey share <= ``clear_share`` (clear)
``partly``   anything between: partly occupied, or in the grey zone

Statuses, first match wins:

``not_judged``       not a claim a control map can judge: no change of hands
                     (an advance, a strike), or a place that is no settlement
                     (a direction, the vicinity of a town, an oblast, a country)
``no_data``          no snapshot covers the dates at this place (or the claim
                     has no date or no side that gained)
``ambiguous_place``  the place was resolved with low confidence, or a namesake
                     the resolver weighed too lies in another state on D
``already_held``     S held the place on D-K: a late claim
``confirmed``        S holds it on some day of the window; lag = first day - D
``contested``        S never holds it in the window and it is partly held on D
``contradicted``     S never holds it in the window, on a map from S's own side
``not_confirmed``    S never holds it in the window, on a map of the other side,
                     an independent one, or one whose side is unknown

Denials are scored as *hold* claims: when Ukraine denies a Russian capture it
claims that Ukraine still held the place on D. A hold claim is judged on D alone
and skips ``already_held`` (having held the place before is the claim itself).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from foglift.model import (
    Claim,
    EvidenceFile,
    Finding,
    PlaceMention,
    Resolution,
    Verdict,
)
from foglift.settings import default
from foglift.verify.extent import Extent, settlement_extent
from foglift.verify.maps import (
    ControlMaps,
    MapSeries,
    PlaceOnDay,
    place_area,
    read_place,
)

Mode = Literal["change", "hold"]
State = Literal["russia", "ukraine", "partly"]
CHANGE_ACTIONS = frozenset({"captured", "entered"})
HOLD_ACTIONS = frozenset({"held"})
TERRITORIAL_ACTIONS = CHANGE_ACTIONS | HOLD_ACTIONS | {"withdrew"}
TERRITORIAL_TYPES = frozenset({"territorial", "advance"})
POINT_PRECISIONS = frozenset({"settlement", "feature"})
CHECK = "control_map"
# Statuses that say what the map shows; the others say why it was not asked.
JUDGED_STATUSES = frozenset(
    {"already_held", "confirmed", "contested", "contradicted", "not_confirmed"}
)

# A place named as a front ("the Pokrovsk direction", "на Покровському
# напрямку", "в направлении Покровска") or as the ground around a town ("near
# Toretsk", "в районе Торецка", "біля Торецька"): the claim is not about the
# settlement's own ground, and its extent is the wrong thing to read.
_FRONT_AFTER = re.compile(
    r"^[\s\-–—»\"']*(?:direction|axis|front|sector|salient|напрям\w*|"
    r"направлени\w*|фронт\w*)\b",
    re.IGNORECASE,
)
_FRONT_BEFORE = re.compile(
    r"(?:\bdirection\s+of|\bnaprjamku|\bнапрямку|\bнапрямок|\bнаправлени[ие]|"
    r"\bнаправлениях)\s*[«\"']?\s*$",
    re.IGNORECASE,
)
_QUOTES = " \t\n-–—»\"'"
# A unit named after its town ("Pokrovsk district", "у Покровському районі",
# "Бахмутской общины"): the unit, not the settlement.
_UNIT_AFTER = re.compile(
    r"^[\s\-–—»\"']*(?:district|raion|rayon|oblast|region|hromada|community|"
    r"район\w*|област\w*|громад\w*|общин\w*|округ\w*)\b",
    re.IGNORECASE,
)
_NEAR_BEFORE = re.compile(
    r"(?:\bnear|\bnearby|\baround|\boutskirts\s+of|\bapproaches\s+to|"
    r"\bвблизи|\bоколо|\bв\s+районе|\bв\s+окрестностях|\bпод|\bна\s+подступах\s+к|"
    r"\bбіля|\bпоблизу|\bнеподалік\s+від|\bв\s+районі|\bу\s+районі|"
    r"\bна\s+околицях|\bна\s+підступах\s+до)"
    r"(?:\s+(?:the\s+)?(?:village|town|city|settlement|населенного\s+пункта|"
    r"населеного\s+пункту|села|селища|города|міста|н\.\s*п\.))?\s*[«\"']?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class MapSettings:
    """The thresholds of a territorial verdict; defaults from SETTINGS."""

    buffer_m: float = float(default("control_map_buffer_m"))
    k_days: int = int(default("control_map_k_days"))
    days_before: int = int(default("control_map_days_before"))
    days_after: int = int(default("control_map_days_after"))
    max_stale_days: int = int(default("control_map_max_stale_days"))
    held_share: float = float(default("control_map_held_share"))
    clear_share: float = float(default("control_map_clear_share"))
    min_place_confidence: float = float(default("control_map_min_place_confidence"))
    namesake_share: float = float(default("control_map_namesake_share"))
    theatre_km: float = float(default("control_map_theatre_km"))

    def as_parameters(self) -> tuple[tuple[str, str], ...]:
        return (
            ("buffer_m", f"{self.buffer_m:g}"),
            ("k_days", str(self.k_days)),
            ("days_before", str(self.days_before)),
            ("days_after", str(self.days_after)),
            ("max_stale_days", str(self.max_stale_days)),
            ("held_share", f"{self.held_share:g}"),
            ("clear_share", f"{self.clear_share:g}"),
            ("min_place_confidence", f"{self.min_place_confidence:g}"),
            ("namesake_share", f"{self.namesake_share:g}"),
            ("theatre_km", f"{self.theatre_km:g}"),
        )

    @classmethod
    def from_parameters(cls, params: dict[str, str]) -> MapSettings:
        base = cls()
        return cls(
            buffer_m=float(params["buffer_m"]),
            k_days=int(params["k_days"]),
            days_before=int(params["days_before"]),
            days_after=int(params["days_after"]),
            max_stale_days=int(params["max_stale_days"]),
            held_share=float(params.get("held_share", base.held_share)),
            clear_share=float(params.get("clear_share", base.clear_share)),
            min_place_confidence=float(
                params.get("min_place_confidence", base.min_place_confidence)
            ),
            namesake_share=float(params.get("namesake_share", base.namesake_share)),
            theatre_km=float(params.get("theatre_km", base.theatre_km)),
        )

    def state(self, o: PlaceOnDay) -> State:
        if o.occupied >= self.held_share:
            return "russia"
        if o.occupied + o.grey <= self.clear_share:
            return "ukraine"
        return "partly"


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


def _verdict(
    claim: Claim,
    steps: list[str],
    status: str,
    reason: str,
    place_id: str | None = None,
) -> Verdict:
    return Verdict(
        claim_id=claim.id,
        check=CHECK,
        status=status,
        steps=(*steps, f"{status}: {reason}"),
        place_id=place_id,
    )


def _no_data(
    claim: Claim, steps: list[str], reason: str, place_id: str | None = None
) -> Verdict:
    return _verdict(claim, steps, "no_data", reason, place_id)


def _not_judged(
    claim: Claim, steps: list[str], reason: str, place_id: str | None = None
) -> Verdict:
    return _verdict(claim, steps, "not_judged", reason, place_id)


def _percent(share: float) -> str:
    return f"{share:.0%}" if share == 0 or share >= 0.01 else "<1%"


def _describe(o: PlaceOnDay, state: State, side: str) -> str:
    held = "held" if state == side else "not held"
    name = {
        "russia": "held by russia",
        "ukraine": "clear (ukraine)",
        "partly": "partly",
    }
    return (
        f"occupied {_percent(o.occupied)}, grey zone {_percent(o.grey)} of the "
        f"extent: {name[state]}; {held} by {side}"
    )


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


def read_days(
    series: MapSeries,
    lon: float,
    lat: float,
    radius_m: float,
    asked: list[date],
    max_stale_days: int,
) -> dict[date, PlaceOnDay | None]:
    """What the map shows of the extent on each asked day (each snapshot read
    once, however many days it stands in for)."""
    area = place_area(lon, lat, radius_m)
    by_snapshot: dict[date, PlaceOnDay] = {}
    seen: dict[date, PlaceOnDay | None] = {}
    for d in asked:
        snap = series.snapshot_for(d, lon, lat, max_stale_days)
        if snap is None:
            seen[d] = None
            continue
        if snap.day not in by_snapshot:
            by_snapshot[snap.day] = read_place(snap, snap.day, area)
        o = by_snapshot[snap.day]
        seen[d] = PlaceOnDay(d, o.snapshot_day, o.occupied, o.grey)
    return seen


def judge(
    *,
    series: MapSeries,
    side: str,
    mode: Mode,
    day: date,
    lon: float,
    lat: float,
    settings: MapSettings,
    radius_m: float | None = None,
) -> tuple[str, int | None, list[str], list[date]]:
    """Status, lag, steps and the snapshot days used, for one map source.

    ``radius_m`` is the place's extent (the buffer when not given).
    """
    radius = settings.buffer_m if radius_m is None else radius_m
    k_day = day - timedelta(days=settings.k_days)
    if mode == "change":
        first = day - timedelta(days=settings.days_before)
        last = day + timedelta(days=settings.days_after)
        asked = [k_day] + [
            first + timedelta(days=i) for i in range((last - first).days + 1)
        ]
    else:
        asked = [day]
    seen = read_days(series, lon, lat, radius, asked, settings.max_stale_days)
    states = {d: settings.state(o) for d, o in seen.items() if o is not None}
    steps: list[str] = []
    used: list[date] = []
    filled: list[tuple[date, date]] = []
    for d in asked:
        o = seen[d]
        if o is None:
            continue
        if o.snapshot_day not in used:
            used.append(o.snapshot_day)
            steps.append(f"snapshot {o.snapshot_day}: {_describe(o, states[d], side)}")
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
        if k_day not in states:
            steps.append(f"D-K {k_day}: not covered, already_held not tested")
        elif states[k_day] == side:
            steps.append(f"already_held: {side} held it on D-K {k_day}")
            return "already_held", None, steps, used
        else:
            steps.append(f"D-K {k_day}: not held by {side}")
    window = asked[1:] if mode == "change" else asked
    for d in window:
        if states.get(d) == side:
            lag = (d - day).days
            steps.append(f"confirmed: {side} holds it on {d}, lag {lag:+d} days")
            return "confirmed", lag, steps, used
    span = f"{window[0]}..{window[-1]}" if len(window) > 1 else f"{window[0]}"
    if day not in states:
        steps.append(f"D {day}: not covered, contested not tested")
    elif states[day] == "partly":
        o = seen[day]
        assert o is not None
        steps.append(
            f"contested: {side} never holds it in {span}; on D {day} it is partly "
            f"held (occupied {_percent(o.occupied)}, grey zone {_percent(o.grey)})"
        )
        return "contested", None, steps, used
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


def _not_a_settlement(place: PlaceMention, text: str | None, base: int) -> str | None:
    """Why the claim is about something other than the settlement's ground:
    a front named after it, or the ground around it; None when it is not."""
    if text is None:
        return None
    start, end = place.start - base, place.end - base
    if start < 0 or end > len(text):
        return None
    after = text[end : end + 40]
    before = text[max(0, start - 60) : start]
    if _FRONT_AFTER.search(after) or _FRONT_BEFORE.search(before):
        return f"{place.name!r} names a front (a direction), not a settlement"
    unit = _UNIT_AFTER.search(after)
    if unit:
        word = unit.group(0).strip(_QUOTES)
        return (
            f"{place.name!r} names an administrative unit ({word}), not the settlement"
        )
    if _NEAR_BEFORE.search(before):
        return (
            f"the claim is about the ground near {place.name!r}, not the "
            "settlement itself"
        )
    return None


def _alternatives(r: Resolution) -> list[tuple[str, float, float, float]]:
    """Other places the resolver weighed for the name: (id, share of its weight,
    lon, lat). The chosen place's weight is its confidence; the rest is split
    over the alternatives by their softmax scores."""
    others = [a for a in r.alternatives if a.gazetteer_id != r.gazetteer_id]
    if not others:
        return []
    top = max(a.score for a in others)
    weights = [math.exp(a.score - top) for a in others]
    total = sum(weights)
    rest = max(0.0, 1.0 - r.confidence)
    return [
        (a.gazetteer_id, rest * w / total, a.lon, a.lat)
        for a, w in zip(others, weights, strict=True)
    ]


def _in_theatre(
    series: MapSeries, lon: float, lat: float, day: date, settings: MapSettings
) -> bool:
    """Whether a point lies within ``theatre_km`` of the occupied or grey
    layers on ``day``: only there can a place change hands."""
    snap = series.snapshot_for(day, lon, lat, settings.max_stale_days)
    if snap is None:
        return False
    reach = place_area(lon, lat, settings.theatre_km * 1000)
    return snap.touches("occupied", reach) or snap.touches("unknown", reach)


def _place_doubt(
    r: Resolution,
    series: MapSeries,
    day: date,
    state: State | None,
    settings: MapSettings,
) -> tuple[list[str], list[str]]:
    """(notes, doubts) about the place; a doubt makes the verdict ambiguous."""
    notes: list[str] = []
    doubts: list[str] = []
    in_theatre: list[tuple[str, float, float, float, State | None]] = []
    away = 0.0
    for gid, share, lon, lat in _alternatives(r):
        if not _in_theatre(series, lon, lat, day, settings):
            away += share
            continue
        radius = settlement_extent(
            Resolution(gid, "", (), "", None, None, lat, lon, "settlement", 0.0),
            settings.buffer_m,
        ).radius_m
        o = read_days(series, lon, lat, radius, [day], settings.max_stale_days)[day]
        in_theatre.append((gid, share, lon, lat, settings.state(o) if o else None))
    weight = r.confidence + sum(x[1] for x in in_theatre)
    confidence = r.confidence / weight if weight > 0 else 0.0
    if away > 0:
        notes.append(
            f"place confidence {r.confidence:.2f}; {away:.0%} of the resolver's "
            f"weight lies on namesakes more than {settings.theatre_km:g} km from "
            "the front on this map, which a claim of control cannot mean: "
            f"{confidence:.2f} among the places it can"
        )
    if confidence < settings.min_place_confidence:
        doubts.append(
            f"the place was resolved with confidence {confidence:.2f}, below "
            f"{settings.min_place_confidence:g}"
        )
    for gid, share, lon, lat, other in in_theatre:
        if state is None or other is None or other == state:
            continue
        if share / weight >= settings.namesake_share:
            doubts.append(
                f"namesake {gid} at {lat:.4f}, {lon:.4f} ({share / weight:.0%} of "
                f"the weight) is {other} on D {day}; the chosen place is {state}"
            )
    return notes, doubts


def territorial_verdicts(
    claim: Claim,
    published: date | None,
    maps: ControlMaps,
    settings: MapSettings,
    *,
    text: str | None = None,
    text_start: int = 0,
) -> list[Verdict]:
    """One verdict per place of the claim and map source.

    ``text`` is the text the claim's offsets point into (from ``text_start``):
    with it, a place named as a front or as the ground near a town is seen.
    """
    if claim.claim_type not in TERRITORIAL_TYPES:
        return []
    steps = [f"claim {claim.id}: {claim.claimant.side} {claim.stance} {claim.action}"]
    if claim.action not in TERRITORIAL_ACTIONS:
        return [
            _not_judged(
                claim,
                steps,
                f"'{claim.action}' is not a change of control of a place "
                "(only captured, entered, held and withdrew are)",
            )
        ]
    if not claim.places:
        return [_not_judged(claim, steps, "the claim names no place")]
    gain = claimed_gain(claim)
    steps.append(f"side that gained: {gain.reason}")
    if gain.side is None:
        return [_no_data(claim, steps, "no side to test")]
    day, day_from = claim_day(claim, published)
    steps.append(f"D = {day} ({day_from})")
    if day is None:
        return [_no_data(claim, steps, "no claim date")]
    verdicts = []
    for place in claim.places:
        r: Resolution | None = place.resolved
        if r is None:
            verdicts.append(
                _not_judged(claim, steps, f"{place.name!r} is not resolved to a point")
            )
            continue
        if r.precision not in POINT_PRECISIONS:
            verdicts.append(
                _not_judged(
                    claim,
                    steps,
                    f"{place.name!r} resolves only to a {r.precision}, not a "
                    "settlement",
                    r.gazetteer_id,
                )
            )
            continue
        why = _not_a_settlement(place, text, text_start)
        if why is not None:
            verdicts.append(_not_judged(claim, steps, why, r.gazetteer_id))
            continue
        if not maps.series:
            verdicts.append(
                _no_data(
                    claim, steps, "no control-map snapshot was read", r.gazetteer_id
                )
            )
            continue
        extent = settlement_extent(r, settings.buffer_m)
        for series in maps.series.values():
            verdicts.append(
                _place_verdict(
                    claim, steps, place, r, series, gain, day, extent, settings
                )
            )
    return verdicts


def _place_verdict(
    claim: Claim,
    steps: list[str],
    place: PlaceMention,
    r: Resolution,
    series: MapSeries,
    gain: Gain,
    day: date,
    extent: Extent,
    settings: MapSettings,
) -> Verdict:
    assert gain.side is not None
    params = (
        ("mode", gain.mode),
        ("side", gain.side),
        ("day", day.isoformat()),
        ("lon", repr(r.lon)),
        ("lat", repr(r.lat)),
        ("place_precision", r.precision),
        ("place_confidence", f"{r.confidence:.3f}"),
        ("extent_m", f"{extent.radius_m:g}"),
        ("extent_basis", extent.basis),
        ("map_source", series.source),
        ("map_side", series.side),
        *settings.as_parameters(),
    )
    place_steps = [
        *steps,
        f"place {place.name!r} -> {r.name} ({r.gazetteer_id}) at "
        f"{r.lat:.5f}, {r.lon:.5f}, confidence {r.confidence:.2f}",
        f"extent: a circle of {extent.radius_m:g} m ({extent.basis}); held by "
        f"russia when >= {settings.held_share:.0%} of it is occupied, clear when "
        f"<= {settings.clear_share:.0%} is occupied or grey, else partly",
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
        radius_m=extent.radius_m,
    )
    evidence = tuple(
        EvidenceFile(path=f.path, sha256=f.sha256, kind=CHECK, day=f.day)
        for d in used
        for f in series.snapshots[d].files
    )
    if status in JUDGED_STATUSES:
        on_d = read_days(
            series, r.lon, r.lat, extent.radius_m, [day], settings.max_stale_days
        )[day]
        notes, doubts = _place_doubt(
            r, series, day, settings.state(on_d) if on_d else None, settings
        )
        judged = [*judged, *notes]
        if doubts:
            judged = [
                *judged,
                *doubts,
                f"ambiguous_place: the map would say {status}, but the place is "
                "not certain enough to rest a verdict on",
            ]
            status, lag = "ambiguous_place", None
    return Verdict(
        claim_id=claim.id,
        check=CHECK,
        status=status,
        steps=(*place_steps, *judged),
        parameters=params,
        evidence=evidence,
        lag_days=lag,
        place_id=r.gazetteer_id,
    )


def replay(verdict: Verdict, maps: ControlMaps) -> Verdict:
    """Recompute a territorial verdict's map reading from its parameters alone.

    The place check (confidence, namesakes) is not replayed: it rests on the
    geoparser's resolution, not on the maps.
    """
    params = dict(verdict.parameters)
    series = maps.series[params["map_source"]]
    settings = MapSettings.from_parameters(params)
    status, lag, judged, used = judge(
        series=series,
        side=params["side"],
        mode="hold" if params["mode"] == "hold" else "change",
        day=date.fromisoformat(params["day"]),
        lon=float(params["lon"]),
        lat=float(params["lat"]),
        settings=settings,
        radius_m=float(params.get("extent_m", settings.buffer_m)),
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
    "contested": (
        "map_contested",
        "info",
        "the map shows the place partly held or in the grey zone on D",
    ),
    "ambiguous_place": (
        "map_place_ambiguous",
        "info",
        "the place is too uncertain for the map to speak ({side} claimed)",
    ),
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
