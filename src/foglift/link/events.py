"""Events: claims from different documents about the same thing, and who said it first.

Two claims describe one event when they have the same type and action, the same
place (one gazetteer id, or points a few km apart; for numbers, the same unit
and value), and time windows that overlap within a tolerance. Linking is
incremental and blocked on (type, action, place cell or unit), so its cost grows
with the corpus, not with its square.

An event is one happening, not a chain: a claim is matched against the
event's *core* -- its origin's place and time window (at most
``link_event_max_days`` long, ending on the origin's last day) -- never
against whichever member it happens to be near, so a run of daily reports
about fighting near one town does not grow into a month-long event. Advances
(``advanced``) are ongoing: two a few days apart are two advances, so they link
within ``link_advance_tolerance_days`` only.

Within an event the members are ordered by publication. The first source to
assert it is the ``origin``; a forward, a copy, or the same claimant (or owner)
again ``repeats``; a source independent of every earlier one ``corroborates``;
a same-side source of another owner corroborates too but is not independent.
A source restating its own earlier claim (the same outlet relaying the same
claimant again, an analyst repeating yesterday's assessment) repeats it.
Denials and disputes keep their own relation.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from foglift.link.independence import is_independent, owner_of, same_side
from foglift.model import OWN_VOICE, Claim, Claimant, ClaimType, Document, Stance
from foglift.settings import default
from foglift.sources import Registry, name_key, translit_skeleton

Relation = Literal["origin", "repeats", "corroborates", "disputes", "denies"]
Status = Literal[
    "single_source", "partisan_only", "independently_corroborated", "disputed"
]

_CELL_DEG = 0.1  # blocking cell (~11 km); neighbours are searched too
_MAX_WEEKS = 8  # weeks a window is indexed under


def speaker(claim: LinkClaim) -> str:
    """Who a claim's claimant is, in words: a text with no named source and no
    known publisher is named by where it came from, never "author"."""
    if claim.claimant.name == "author" and claim.claimant.via in OWN_VOICE:
        return f"the text from {claim.source}"
    return claim.claimant.name


@dataclass(frozen=True, slots=True)
class LinkClaim:
    """A claim as linking sees it: what, where, when, who, and from which document."""

    id: str
    document_id: str
    source: str  # the document's source: a channel, a site, a file
    claim_type: ClaimType
    action: str
    stance: Stance
    claimant: Claimant
    published: date | None
    first_day: date | None = None
    last_day: date | None = None
    place_id: str | None = None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    unit: str | None = None
    value: float | None = None
    forwarded_from: str | None = None  # a Telegram forward's origin channel
    copy_of: str | None = None  # the document this one nearly duplicates
    lang: str = "en"
    order: str = ""  # a sortable time stamp (posted_at), finer than a day

    @property
    def window(self) -> tuple[date, date] | None:
        first = self.first_day or self.published
        last = self.last_day or self.published
        if first is None or last is None:
            return None
        return first, last


@dataclass(slots=True)
class Member:
    claim: LinkClaim
    relation: Relation
    parent: str | None  # the claim id this one repeats, corroborates or answers
    reason: str
    independent: bool = False


@dataclass(slots=True)
class Event:
    id: str
    claim_type: str
    action: str
    place_id: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    unit: str | None
    value: float | None
    first_day: date | None
    last_day: date | None
    members: list[Member] = field(default_factory=list)
    status: Status = "single_source"
    independent_origins: int = 0

    def origin_window(self) -> tuple[date, date] | None:
        """The window of the event's first member by publication (its origin),
        else the event's own span."""
        for member in self.members:
            window = member.claim.window
            if window is not None:
                return window
        if self.first_day is None or self.last_day is None:
            return None
        return self.first_day, self.last_day


def _km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    dlat = math.radians(b_lat - a_lat)
    dlon = math.radians(b_lon - a_lon)
    h = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(a_lat))
        * math.cos(math.radians(b_lat))
        * math.sin(dlon / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class EventLinker:
    """Places claims into events, one batch at a time."""

    def __init__(self, registry: Registry, events: Iterable[Event] = ()) -> None:
        self.registry = registry
        self.events: dict[str, Event] = {}
        # Ordered sets of event ids per blocking key.
        self._blocks: dict[tuple[str, ...], dict[str, None]] = defaultdict(dict)
        self._next = 1
        self.tolerance = timedelta(days=int(default("link_time_tolerance_days")))
        self.advance_tolerance = timedelta(
            days=int(default("link_advance_tolerance_days"))
        )
        self.max_days = int(default("link_event_max_days"))
        self.radius_km = float(default("link_radius_km"))
        for event in events:
            self._index(event)
            self._next = max(self._next, int(event.id.lstrip("e") or 0) + 1)

    # --- blocking ---------------------------------------------------------

    def _keys(
        self, claim: LinkClaim | Event, *, neighbours: bool
    ) -> Iterator[tuple[str, ...]]:
        """Blocking keys: type and action, place cell (or name, or unit), week."""
        base = (claim.claim_type, claim.action)
        places: list[tuple[str, ...]] = []
        if claim.lat is not None and claim.lon is not None:
            row, col = int(claim.lat // _CELL_DEG), int(claim.lon // _CELL_DEG)
            steps = (-1, 0, 1) if neighbours else (0,)
            places = [
                ("cell", str(row + dr), str(col + dc)) for dr in steps for dc in steps
            ]
        elif claim.place_name:
            places = [("name", translit_skeleton(claim.place_name))]
        elif claim.unit is not None:
            places = [("unit", claim.unit, f"{claim.value:g}" if claim.value else "")]
        weeks = self._weeks(claim, widen=neighbours)
        for place in places:
            for week in weeks:
                yield (*base, *place, week)

    def _weeks(self, claim: LinkClaim | Event, *, widen: bool) -> list[str]:
        if isinstance(claim, Event):
            first, last = claim.first_day, claim.last_day
        else:
            window = claim.window
            first, last = window if window else (None, None)
        if first is None or last is None:
            return ["-"]
        if widen:  # a claim looks as far as the tolerance reaches
            first, last = first - self.tolerance, last + self.tolerance
        weeks = range(first.toordinal() // 7, last.toordinal() // 7 + 1)
        # A window of months ("over the past month") is indexed by its last
        # weeks only; a claim that long is rare and still finds recent events.
        return [str(w) for w in list(weeks)[-_MAX_WEEKS:]]

    def _index(self, event: Event) -> None:
        self.events[event.id] = event
        for key in self._keys(event, neighbours=False):
            self._blocks[key][event.id] = None

    # --- matching ---------------------------------------------------------

    def _tolerance(self, action: str) -> timedelta:
        return self.advance_tolerance if action == "advanced" else self.tolerance

    def core(self, event: Event) -> tuple[date, date] | None:
        """The days a claim must reach to join ``event``: its origin's window,
        at most ``link_event_max_days`` long, ending on the origin's last day."""
        window = event.origin_window()
        if window is None:
            return None
        first, last = window
        return max(first, last - timedelta(days=self.max_days - 1)), last

    def _matches(self, event: Event, claim: LinkClaim) -> bool:
        window = claim.window
        core = self.core(event)
        if window is None or core is None:
            same_time = window is None and core is None
        else:
            tolerance = self._tolerance(event.action)
            same_time = (
                window[0] - tolerance <= core[1] and core[0] <= window[1] + tolerance
            )
        if not same_time:
            return False
        if event.place_id and claim.place_id and event.place_id == claim.place_id:
            return True
        if None not in (event.lat, event.lon, claim.lat, claim.lon):
            assert event.lat is not None and event.lon is not None
            assert claim.lat is not None and claim.lon is not None
            return _km(event.lat, event.lon, claim.lat, claim.lon) <= self.radius_km
        if event.place_name and claim.place_name:
            return translit_skeleton(event.place_name) == translit_skeleton(
                claim.place_name
            )
        return (event.unit, event.value) == (claim.unit, claim.value) and bool(
            claim.unit
        )

    def add(self, claims: Iterable[LinkClaim]) -> set[str]:
        """Place each claim in an event (new or existing); returns changed event ids."""
        changed: set[str] = set()
        for claim in claims:
            if not self._linkable(claim):
                continue
            found = None
            seen: set[str] = set()
            for key in self._keys(claim, neighbours=True):
                for event_id in self._blocks.get(key, ()):
                    if event_id in seen:
                        continue
                    seen.add(event_id)
                    event = self.events[event_id]
                    if any(m.claim.id == claim.id for m in event.members):
                        found = event
                        break
                    if self._matches(event, claim):
                        found = event
                        break
                if found:
                    break
            if found is None:
                found = self._new_event(claim)
            elif all(m.claim.id != claim.id for m in found.members):
                found.members.append(Member(claim, "origin", None, ""))
            changed.add(found.id)
        for event_id in changed:
            event = self.events[event_id]
            self.relate(event)
            self._bound(event)
            self._index(event)  # its span may reach new weeks
        return changed

    def _bound(self, event: Event) -> None:
        """The event's span: its members' windows, each cut to the core and
        the tolerance around it (a claim about "the past month" that matched
        does not stretch the event to a month)."""
        core = self.core(event)
        if core is None:
            return
        tolerance = self._tolerance(event.action)
        low, high = core[0] - tolerance, core[1] + tolerance
        first, last = core
        for member in event.members[1:]:  # the first is the origin: the core
            window = member.claim.window
            if window is None:
                continue
            first = min(first, max(window[0], low))
            last = max(last, min(window[1], high))
        event.first_day, event.last_day = first, last

    @staticmethod
    def _linkable(claim: LinkClaim) -> bool:
        return bool(claim.place_id or claim.place_name or claim.unit)

    def _new_event(self, claim: LinkClaim) -> Event:
        window = claim.window
        event = Event(
            id=f"e{self._next}",
            claim_type=claim.claim_type,
            action=claim.action,
            place_id=claim.place_id,
            place_name=claim.place_name,
            lat=claim.lat,
            lon=claim.lon,
            unit=claim.unit,
            value=claim.value,
            first_day=window[0] if window else None,
            last_day=window[1] if window else None,
            members=[Member(claim, "origin", None, "")],
        )
        self._next += 1
        self._index(event)
        return event

    # --- relations --------------------------------------------------------

    def relate(self, event: Event) -> None:
        """Recompute every member's relation and the event's status."""
        # Publication order; on the same day a forward comes after what it
        # forwards, whatever the order of arrival. (A near-copy link points at
        # whichever text was stored first, so it does not decide the order.)
        ordered = sorted(
            event.members,
            key=lambda m: (
                m.claim.published or date.max,
                bool(m.claim.forwarded_from),
                m.claim.order,
                m.claim.id,
            ),
        )
        asserted: list[Member] = []
        related: list[Member] = []
        for member in ordered:
            related.append(self._relation(member.claim, asserted))
            if related[-1].relation in ("origin", "repeats", "corroborates"):
                asserted.append(related[-1])
        event.members = related
        independents = [
            m for m in related if m.relation == "corroborates" and m.independent
        ]
        corroborating = [m for m in related if m.relation == "corroborates"]
        owners = {self._owner(m.claim) for m in [*independents, *related[:1]]}
        event.independent_origins = len(owners) if asserted else 0
        if any(m.relation in ("disputes", "denies") for m in related):
            event.status = "disputed"
        elif independents:
            event.status = "independently_corroborated"
        elif corroborating:
            event.status = "partisan_only"
        else:
            event.status = "single_source"

    def _owner(self, claim: LinkClaim) -> str:
        return owner_of(claim.claimant, self.registry) or claim.claimant.name.casefold()

    def _relation(self, claim: LinkClaim, asserted: list[Member]) -> Member:
        if claim.stance == "denies":
            parent = asserted[0].claim.id if asserted else None
            return Member(claim, "denies", parent, f"{speaker(claim)} denies it")
        if claim.stance == "disputes":
            parent = asserted[0].claim.id if asserted else None
            return Member(claim, "disputes", parent, f"{speaker(claim)} disputes it")
        if not asserted:
            return Member(claim, "origin", None, "the first source known to assert it")
        if claim.claimant.via == "reported":
            # Known only as what another source denies or disputes ("Kyiv denied
            # that Russian forces took X"): the claim already here, never support.
            origin = asserted[0].claim
            return Member(
                claim, "repeats", origin.id, "the claim another source answers"
            )
        for earlier in asserted:
            other = earlier.claim
            if claim.forwarded_from and self._forwarded_from(claim, other):
                return Member(
                    claim, "repeats", other.id, f"forwarded from {claim.forwarded_from}"
                )
            if claim.copy_of and claim.copy_of == other.document_id:
                return Member(claim, "repeats", other.id, "a near-copy of its text")
        for earlier in asserted:
            other = earlier.claim
            if self._restates(claim, other):
                return Member(
                    claim,
                    "repeats",
                    other.id,
                    f"{claim.source} restates its own earlier claim",
                )
        for earlier in asserted:
            other = earlier.claim
            if self._same_claimant(claim.claimant, other.claimant):
                how = (
                    f"relays {other.claimant.name}'s claim"
                    if claim.claimant.via not in OWN_VOICE
                    else f"{speaker(claim)} again"
                )
                return Member(claim, "repeats", other.id, how)
        origin = asserted[0].claim
        if all(
            is_independent(claim.claimant, m.claim.claimant, self.registry)
            for m in asserted
        ):
            return Member(
                claim,
                "corroborates",
                origin.id,
                f"{speaker(claim)} ({claim.claimant.side}) is independent of "
                f"{', '.join(sorted({speaker(m.claim) for m in asserted}))}",
                independent=True,
            )
        who, first = speaker(claim), speaker(origin)
        how = (
            f"{who} asserts it too, but is on the same side as {first}"
            if same_side(claim.claimant, origin.claimant)
            else f"{who} asserts it too; whether it is independent of {first} "
            "is not known"
        )
        return Member(claim, "corroborates", origin.id, how)

    def _forwarded_from(self, claim: LinkClaim, other: LinkClaim) -> bool:
        """Whether ``claim``'s document forwards ``other``'s source."""
        name = (claim.forwarded_from or "").casefold()
        if name in (other.source.casefold(), other.claimant.name.casefold()):
            return True
        source = self.registry.by_alias(claim.forwarded_from or "")
        return source is not None and source.id == other.claimant.registry_id

    @staticmethod
    def _restates(claim: LinkClaim, other: LinkClaim) -> bool:
        """The same outlet saying the same claimant's thing again: its own
        voice, or the same unnamed group ("Russian milbloggers") it relays."""
        if not claim.source or name_key(claim.source) != name_key(other.source):
            return False
        a, b = claim.claimant, other.claimant
        if a.via in OWN_VOICE and b.via in OWN_VOICE:
            return True
        if a.named or b.named:
            return a.named and b.named and name_key(a.name) == name_key(b.name)
        return (a.side, a.kind) == (b.side, b.kind)

    def _same_claimant(self, a: Claimant, b: Claimant) -> bool:
        if a.registry_id and b.registry_id:
            if a.registry_id == b.registry_id:
                return True
            owner_a, owner_b = owner_of(a, self.registry), owner_of(b, self.registry)
            return owner_a is not None and owner_a == owner_b and a.kind == b.kind
        return a.name.casefold() == b.name.casefold() and a.named and b.named


def link_claims(
    doc: Document,
    *,
    source: str | None = None,
    forwarded_from: str | None = None,
    copy_of: str | None = None,
    order: str = "",
) -> list[LinkClaim]:
    """The claims of a checked document, as linking sees them."""
    return [
        link_claim(
            claim,
            claim_id=f"{doc.id}:{claim.id}",
            document_id=doc.id,
            source=source or doc.source,
            published=doc.published,
            lang=doc.lang,
            forwarded_from=forwarded_from,
            copy_of=copy_of,
            order=order,
        )
        for claim in doc.claims
    ]


def link_claim(
    claim: Claim,
    *,
    claim_id: str,
    document_id: str,
    source: str,
    published: date | None,
    lang: str,
    forwarded_from: str | None = None,
    copy_of: str | None = None,
    order: str = "",
) -> LinkClaim:
    """One claim as linking sees it: its settlement (else its first place) or,
    with no place, its number; ``claim_id`` names it in events."""
    place = next(
        (
            p
            for p in claim.places
            if p.resolved is not None and p.resolved.precision == "settlement"
        ),
        next(iter(claim.places), None),
    )
    # a vicinity (a name placed near another, no gazetteer id) links on its name
    resolved = place.resolved if place is not None else None
    if resolved is not None and not resolved.gazetteer_id:
        resolved = None
    counted = claim.quantity if not claim.places else None
    return LinkClaim(
        id=claim_id,
        document_id=document_id,
        source=source,
        claim_type=claim.claim_type,
        action=claim.action,
        stance=claim.stance,
        claimant=claim.claimant,
        published=published,
        first_day=claim.time.first_day if claim.time else None,
        last_day=claim.time.last_day if claim.time else None,
        place_id=resolved.gazetteer_id if resolved else None,
        place_name=None if resolved else (place.name if place else None),
        lat=resolved.lat if resolved else None,
        lon=resolved.lon if resolved else None,
        unit=counted.unit if counted else None,
        value=counted.value if counted else None,
        forwarded_from=forwarded_from,
        copy_of=copy_of,
        lang=lang,
        order=order,
    )
