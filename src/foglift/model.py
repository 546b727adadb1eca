"""The records that flow through foglift's pipeline.

Every record derived from a text keeps ``start``/``end`` character offsets into
``Document.text`` (the normalised text), so each field of a claim can be shown
in place and audited. Records are frozen: a stage returns a new ``Document``
built with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

SCHEMA = "foglift.check/1"

ClaimantKind = Literal[
    "official",
    "military_blogger",
    "media",
    "independent_analyst",
    "anonymous",
    "evidence",  # footage or imagery that speaks to a claim, with no speaker
    "unknown",
]
Side = Literal["russia", "ukraine", "independent", "unknown"]
Stance = Literal["asserts", "denies", "disputes"]
Voice = Literal["author", "attributed"]
ClaimType = Literal["territorial", "objects", "losses", "strike", "advance", "other"]
ReactionRelation = Literal["supports", "disputes"]
Severity = Literal["info", "warning", "error"]
# How a claimant was found when the text speaks in its own voice: no source
# named ("author"), its heading, a signature, a dateline, or the publisher the
# document came from (a channel, a site).
OWN_VOICE = ("author", "heading", "signature", "dateline", "publisher")
# "vicinity": not in the gazetteer; the point of the nearest place named in the text
Precision = Literal[
    "settlement", "district", "region", "country", "feature", "vicinity"
]


@dataclass(frozen=True, slots=True)
class Repair:
    """One change the normaliser made, replayable from ``before`` to ``after``.

    ``start``/``end`` locate ``after`` in the normalised text; ``source_start``
    locates ``before`` in the text as it was read.
    """

    code: str
    start: int
    end: int
    source_start: int
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class LanguageSpan:
    """A stretch of the text in one language (mixed posts have several)."""

    lang: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claimant:
    """Who makes a claim; ``named`` is False for "a military observer"."""

    name: str
    kind: ClaimantKind
    named: bool
    side: Side
    start: int
    end: int
    registry_id: str | None = None
    via: str | None = None  # how it was attributed: "subject", "according_to", ...


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit; vague amounts ("dozens") keep a low/high range."""

    value: float | None
    low: float | None
    high: float | None
    unit: str
    as_stated: str
    start: int
    end: int
    qualifier: str | None = None  # "over", "up to", "about" ...
    total: float | None = None  # a cumulative total stated beside a daily figure


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A window of calendar days, both ends inclusive, and how it was resolved."""

    first_day: date | None
    last_day: date | None
    as_stated: str
    kind: Literal["date", "duration", "relative"]
    start: int
    end: int
    anchor: date | None = None
    anchor_from: str | None = None  # "published", "text", or None when unresolved
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a place name could mean, with its score."""

    gazetteer_id: str
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    score: float


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where a place mention points, and why."""

    gazetteer_id: str
    name: str
    native_names: tuple[str, ...]
    country: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    precision: Precision
    confidence: float
    alternatives: tuple[Candidate, ...] = ()
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceMention:
    name: str
    start: int
    end: int
    resolved: Resolution | None = None


@dataclass(frozen=True, slots=True)
class Reaction:
    """Another source in the same document that supports or disputes a claim."""

    relation: ReactionRelation
    claimant: Claimant
    cue: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """Who claims what happened, where, when and how many."""

    id: str
    claim_type: ClaimType
    action: str
    action_as_stated: str
    action_start: int
    action_end: int
    claimant: Claimant
    stance: Stance
    voice: Voice
    start: int
    end: int
    quantity: Quantity | None = None
    time: TimeSpan | None = None
    places: tuple[PlaceMention, ...] = ()
    reactions: tuple[Reaction, ...] = ()
    hedges: tuple[str, ...] = ()  # "so-called", "reportedly" around the claim
    agent_side: Side = "unknown"  # who did it: "Russian forces captured X" -> russia


@dataclass(frozen=True, slots=True)
class Finding:
    """A flag an expert would raise, pointing at the text and the data behind it."""

    code: str
    severity: Severity
    message: str
    start: int | None
    end: int | None
    claim_id: str | None = None
    evidence: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """A file a verdict used, by content hash, so the verdict can be replayed."""

    path: str
    sha256: str
    kind: str  # "control_map", "series", "reference"
    day: date | None = None  # the snapshot's date, for a control map


@dataclass(frozen=True, slots=True)
class Verdict:
    """What independent evidence says about one claim, and how it was reached.

    ``steps`` replay the reasoning in order; ``parameters`` are the thresholds
    used (buffer, window, K ...); ``evidence`` names every file by hash.
    """

    claim_id: str
    check: str  # "control_map", "series", "reference"
    status: str  # e.g. confirmed, not_confirmed, contradicted, already_held ...
    steps: tuple[str, ...]
    parameters: tuple[tuple[str, str], ...] = ()
    evidence: tuple[EvidenceFile, ...] = ()
    lag_days: int | None = None
    place_id: str | None = None


# the columns a stored verdict is read back and exported with
VERDICT_FIELDS = (
    "check",
    "status",
    "lag_days",
    "place_id",
    "steps",
    "parameters",
    "evidence",
    "run_id",
    "created_at",
)


@dataclass(frozen=True, slots=True)
class Document:
    """One text and everything the stages have derived from it."""

    id: str
    text: str
    source: str
    published: date | None = None
    lang: str = "en"
    raw_length: int = 0
    publisher: str | None = None  # the channel or site the text came from
    repairs: tuple[Repair, ...] = ()
    languages: tuple[LanguageSpan, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    claimants: tuple[Claimant, ...] = ()
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    stages: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Rejected:
    """A document a batch could not process, and why; the batch goes on."""

    source: str
    stage: str
    code: str
    reason: str


# NUL cannot be stored in PostgreSQL text and lone surrogates cannot be encoded
# as UTF-8; each becomes U+FFFD so character offsets stay where they were.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(value: str) -> str:
    return _UNSTORABLE.sub("\ufffd", value)


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date or date-time string, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Item:
    """One document as read, before the pipeline.

    ``key`` identifies the item within its input across runs (a path, a
    channel and message id, a feed entry id); the document id hashes it with
    the text, so the same key with new text is a new version.
    """

    key: str
    text: str
    source_name: str
    kind: str  # file, html, telegram, feed, table
    title: str | None = None
    author: str | None = None
    url: str | None = None
    posted_at: str | None = None  # ISO date or date-time, as precise as given
    # where posted_at came from when the input had none of its own:
    # "--published", "dateline", "file name"
    published_from: str | None = None
    forwarded_from: str | None = None
    reply_to: str | None = None
    media: tuple[str, ...] = ()
    source_external_id: str | None = None
    source_url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def published(self) -> date | None:
        return parse_day(self.posted_at)


@dataclass(frozen=True, slots=True)
class Skipped:
    """Input that is fine but holds nothing to check (a photo-only post)."""

    source: str
    reason: str


Read = Item | Rejected | Skipped  # what a reader yields
