"""Score claim extraction on gold claims annotated by hand (``foglift eval claims``).

The gold format is one JSON object per line: ``id``, ``lang``, ``source``,
``published``, ``text`` and ``claims`` (claimant, claimant_kind, side, stance,
type, action, agent_side, quantity, date, places with optional points). Items
with no claims are negatives.

Matching, per item: a gold claim may pair with a predicted claim about the
same place (the name's stem, or points within 10 km) or the same quantity
value; among those, pairs that agree on type and claimant are taken first, and
each claim is paired at most once. Recall is matched gold over gold; precision
is matched predicted over predicted, negatives included. Over matched pairs,
each field's agreement is the share of pairs that agree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foglift.errors import GoldError
from foglift.model import Claim
from foglift.names import name_key, skeleton
from foglift.sources import Registry, load_registry

if TYPE_CHECKING:
    from foglift.pipeline import Evidence

FIELDS = (
    "claimant",
    "claimant_kind",
    "side",
    "stance",
    "type",
    "action",
    "agent_side",
    "quantity",
    "date",
    "place_point",
)
_POINT_KM = 10.0
_DATE_DAYS = 1
# Words that name nobody in particular: a claimant agrees on a shared name
# token, and "of" or "the" is not one.
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "for",
        "and",
        "to",
        "at",
        "by",
        "with",
        "from",
        "its",
        "his",
        "her",
        "their",
        "в",
        "во",
        "на",
        "и",
        "о",
        "об",
        "по",
        "от",
        "для",
        "с",
        "со",
        "из",
        "у",
        "та",
        "з",
        "із",
        "від",
        "до",
    ]
)


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    lang: str
    source: str
    published: date | None
    text: str
    claims: tuple[dict[str, Any], ...]

    @property
    def half(self) -> str:
        digits = re.findall(r"\d+", self.id)
        return "even" if digits and int(digits[-1]) % 2 == 0 else "odd"

    @property
    def publisher(self) -> str:
        """The channel or site, from the item's source ("Mash 58896" -> Mash)."""
        name = self.source.split(",")[0]
        name = re.sub(r"\s*\([^()]*\)\s*$", "", name)
        return re.sub(r"\s+\d+$", "", name).strip()


@dataclass
class Tally:
    """Counts for one language (or one half of it)."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    agree: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        for f in FIELDS:
            self.agree[f] += other.agree[f]
            self.scored[f] += other.scored[f]

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    def value(self, name: str) -> float | None:
        """Recall, precision, or a field's agreement, by name."""
        if name == "recall":
            return self.recall
        if name == "precision":
            return self.precision
        return self.share(name)

    def share(self, name: str) -> float | None:
        return self.agree[name] / self.scored[name] if self.scored[name] else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "recall": round(self.recall, 4),
            "precision": round(self.precision, 4),
            "fields": {
                f: {"share": _round(self.share(f)), "n": self.scored[f]} for f in FIELDS
            },
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True, slots=True)
class Error:
    """One thing a developer should look at: a miss, a spurious claim, a field."""

    item: str
    kind: str  # "missed", "spurious" or a field name
    gold: str
    predicted: str


def read_gold(path: Path) -> Iterator[GoldItem]:
    """The items of one gold JSONL file; a malformed line is a GoldError."""
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                published = raw.get("published")
                yield GoldItem(
                    id=str(raw["id"]),
                    lang=str(raw["lang"]),
                    source=str(raw.get("source") or ""),
                    published=date.fromisoformat(published) if published else None,
                    text=str(raw["text"]),
                    claims=tuple(raw.get("claims") or ()),
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldError(
                    f"{path.name} line {n} is not a gold item: {exc}",
                    hint="each line needs id, lang, text and claims",
                ) from exc


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from foglift.geography import distance_km

    return distance_km(a[0], a[1], b[0], b[1])


def _stem(name: str) -> str:
    key = name_key(name).replace("ё", "е")
    return key[: max(4, len(key) - 3)] if key else ""


def _same_name(a: str, b: str) -> bool:
    sa, sb = _stem(a), _stem(b)
    return bool(sa) and bool(sb) and (sa.startswith(sb) or sb.startswith(sa))


def _gold_points(claim: dict[str, Any]) -> list[tuple[float, float]]:
    return [
        (float(p["lat"]), float(p["lon"]))
        for p in claim.get("places") or ()
        if p.get("lat") is not None and p.get("lon") is not None
    ]


def _pred_points(claim: Claim) -> list[tuple[float, float]]:
    return [(p.resolved.lat, p.resolved.lon) for p in claim.places if p.resolved]


def _gold_value(claim: dict[str, Any]) -> float | None:
    q = claim.get("quantity")
    return float(q["value"]) if q and q.get("value") is not None else None


def _same_place(gold: dict[str, Any], pred: Claim) -> bool:
    names = [str(p.get("name") or "") for p in gold.get("places") or ()]
    if any(_same_name(g, p.name) for g in names for p in pred.places):
        return True
    return any(
        _km(g, p) <= _POINT_KM for g in _gold_points(gold) for p in _pred_points(pred)
    )


def _tokens(name: str) -> set[str]:
    return {
        skeleton(w)[:5]
        for w in name_key(name).split()
        if w not in _FUNCTION_WORDS and len(w) > 1
    }


def _same_claimant(gold: dict[str, Any], pred: Claim, registry: Registry) -> bool:
    """A shared name token in any script; a registry source answers to every
    one of its aliases ("Минобороны РФ" is the Russian Ministry of Defence)."""
    wanted = _tokens(str(gold.get("claimant") or ""))
    names = [pred.claimant.name]
    source = registry.sources.get(pred.claimant.registry_id or "")
    if source is not None:
        names += [source.name, *source.aliases]
    return any(wanted & _tokens(n) for n in names)


def _pred_date(pred: Claim) -> date | None:
    if pred.time is None:
        return None
    return pred.time.last_day or pred.time.first_day


def _agreement(
    gold: dict[str, Any], pred: Claim, registry: Registry
) -> dict[str, bool | None]:
    """Each field: agrees, disagrees, or None where gold gives nothing to score."""
    gold_day = gold.get("date")
    pred_day = _pred_date(pred)
    points = _gold_points(gold)
    value = _gold_value(gold)
    pred_value = pred.quantity.value if pred.quantity else None
    return {
        "claimant": _same_claimant(gold, pred, registry),
        "claimant_kind": gold.get("claimant_kind") == pred.claimant.kind,
        "side": gold.get("side") == pred.claimant.side,
        "stance": gold.get("stance") == pred.stance,
        "type": gold.get("type") == pred.claim_type,
        "action": gold.get("action") == pred.action,
        "agent_side": gold.get("agent_side") == pred.agent_side,
        "quantity": (
            value == pred_value if value is not None or pred_value is not None else None
        ),
        "date": (
            pred_day is not None
            and abs((date.fromisoformat(gold_day) - pred_day).days) <= _DATE_DAYS
            if gold_day
            else None
        ),
        "place_point": (
            all(
                _placed(place, pred)
                for place in gold.get("places") or ()
                if _point(place)
            )
            if points
            else None
        ),
    }


# A region is named by its noun ("Брянской области", "Kursk Oblast"); its point
# is a convention (GeoNames' admin point, a centroid), so it agrees by identity.
_REGION_NAME = re.compile(
    r"(?:oblast|region|krai|област|край|краю|республик|округ|район|област)",
    re.IGNORECASE,
)


def _point(place: dict[str, Any]) -> tuple[float, float] | None:
    if place.get("lat") is None or place.get("lon") is None:
        return None
    return float(place["lat"]), float(place["lon"])


def _placed(place: dict[str, Any], pred: Claim) -> bool:
    """A gold place with a point is placed by the predicted claim: a point
    within 10 km, the same gazetteer entry, or, for a region, the same region
    by name."""
    point = _point(place)
    if point is None:
        return True
    if any(_km(point, p) <= _POINT_KM for p in _pred_points(pred)):
        return True
    # the same gazetteer entry (GeoNames or KATOTTH id) is the same place,
    # whatever point each source gives an oblast
    wanted = str(place.get("id") or "")
    if wanted and any(
        p.resolved is not None and p.resolved.gazetteer_id == wanted
        for p in pred.places
    ):
        return True
    name = str(place.get("name") or "")
    admin = _stem(str(place.get("admin1") or ""))
    if not _REGION_NAME.search(name) or not admin:
        return False
    return any(
        p.resolved is not None
        and p.resolved.precision == "region"
        and _same_name(p.name, name)
        and admin in name_key(f"{p.resolved.name} {p.resolved.admin1 or ''}")
        for p in pred.places
    )


def match(
    gold: Sequence[dict[str, Any]], predicted: Sequence[Claim], registry: Registry
) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, best agreement first."""
    pairs: list[tuple[int, int, int]] = []
    for g, claim in enumerate(gold):
        value = _gold_value(claim)
        for p, pred in enumerate(predicted):
            same_value = value is not None and pred.quantity is not None
            same_value = same_value and pred.quantity.value == value  # type: ignore[union-attr]
            if not (same_value or _same_place(claim, pred)):
                continue
            score = (
                2 * (claim.get("type") == pred.claim_type)
                + 2 * _same_claimant(claim, pred, registry)
                + (claim.get("action") == pred.action)
                + (claim.get("stance") == pred.stance)
                + same_value
            )
            pairs.append((-score, g, p))
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, g, p in sorted(pairs):
        if g in taken_g or p in taken_p:
            continue
        taken_g.add(g)
        taken_p.add(p)
        out.append((g, p))
    return out


def _describe_gold(claim: dict[str, Any]) -> str:
    places = ", ".join(str(p.get("name")) for p in claim.get("places") or ())
    q = claim.get("quantity")
    amount = f" {q['value']:g} {q.get('unit')}" if q else ""
    return (
        f"{claim.get('claimant')} {claim.get('stance')} {claim.get('type')}/"
        f"{claim.get('action')} '{claim.get('action_as_stated')}'{amount}"
        f"{' @ ' + places if places else ''}"
    )


def _describe_pred(claim: Claim) -> str:
    places = ", ".join(p.name for p in claim.places)
    amount = ""
    if claim.quantity is not None:
        amount = f" {claim.quantity.value} {claim.quantity.unit}"
    return (
        f"{claim.claimant.name} {claim.stance} {claim.claim_type}/{claim.action} "
        f"'{claim.action_as_stated}'{amount}{' @ ' + places if places else ''}"
    )


def _field_value(name: str, gold: dict[str, Any], pred: Claim) -> tuple[str, str]:
    if name == "claimant":
        return str(gold.get("claimant")), pred.claimant.name
    if name == "claimant_kind":
        return str(gold.get("claimant_kind")), pred.claimant.kind
    if name == "side":
        return str(gold.get("side")), pred.claimant.side
    if name == "type":
        return str(gold.get("type")), pred.claim_type
    if name == "quantity":
        return str(_gold_value(gold)), str(
            pred.quantity.value if pred.quantity else None
        )
    if name == "date":
        return str(gold.get("date")), str(_pred_date(pred))
    if name == "place_point":
        return str(_gold_points(gold)), str(
            [(round(a, 3), round(b, 3)) for a, b in _pred_points(pred)]
        )
    return str(gold.get(name)), str(getattr(pred, name, pred.stance))


@dataclass
class Evaluation:
    """Tallies by language and half, and the errors behind them."""

    by_lang: dict[str, Tally] = field(default_factory=dict)
    by_half: dict[tuple[str, str], Tally] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    items: int = 0
    # language -> cue beside the gold place -> [within 10 km, scored]
    place_cues: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def macro(self) -> dict[str, float | None]:
        tallies = list(self.by_lang.values())
        return {
            name: _mean([v for t in tallies if (v := t.value(name)) is not None])
            for name in ("recall", "precision", *FIELDS)
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "languages": {k: v.as_dict() for k, v in sorted(self.by_lang.items())},
            "halves": {
                f"{lang}-{half}": t.as_dict()
                for (lang, half), t in sorted(self.by_half.items())
            },
            "macro": {k: _round(v) for k, v in self.macro().items()},
            "failed": [{"item": i, "error": e} for i, e in self.failed],
            "place_point_by_cue": {
                lang: {
                    cue: {"share": _round(a / n if n else None), "n": n}
                    for cue, (a, n) in sorted(cues.items())
                }
                for lang, cues in sorted(self.place_cues.items())
            },
        }


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def score_item(
    item: GoldItem, predicted: Sequence[Claim], registry: Registry
) -> tuple[Tally, list[Error]]:
    tally = Tally(gold=len(item.claims), predicted=len(predicted))
    errors: list[Error] = []
    pairs = match(item.claims, predicted, registry)
    tally.matched = len(pairs)
    for g, p in pairs:
        for name, agrees in _agreement(item.claims[g], predicted[p], registry).items():
            if agrees is None:
                continue
            tally.scored[name] += 1
            tally.agree[name] += bool(agrees)
            if not agrees:
                want, got = _field_value(name, item.claims[g], predicted[p])
                errors.append(Error(item.id, name, want, got))
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    for g, claim in enumerate(item.claims):
        if g not in matched_g:
            errors.append(Error(item.id, "missed", _describe_gold(claim), ""))
    for p, pred in enumerate(predicted):
        if p not in matched_p:
            errors.append(Error(item.id, "spurious", "", _describe_pred(pred)))
    return tally, errors


def evaluate(
    paths: Iterable[Path],
    *,
    lang: str = "auto",
    sources_file: str | None = None,
    evidence: Evidence | None = None,
) -> Evaluation:
    """Run the pipeline on every gold item and score its claims; with
    ``evidence`` (control maps) as ``foglift check --control-maps`` does, the
    front line on an item's day weighing the namesakes of its places."""
    from foglift.pipeline import check_text

    registry = load_registry(sources_file)
    result = Evaluation()
    for path in paths:
        for item in read_gold(path):
            result.items += 1
            try:
                doc = check_text(
                    item.text,
                    source=item.id,
                    published=item.published,
                    lang=lang,
                    sources_file=sources_file,
                    publisher=item.publisher,
                    evidence=evidence,
                )
                predicted: Sequence[Claim] = doc.claims
            except Exception as exc:  # one bad item is scored as finding nothing
                result.failed.append((item.id, f"{type(exc).__name__}: {exc}"))
                predicted = ()
            tally, errors = score_item(item, predicted, registry)
            cues = result.place_cues.setdefault(item.lang, {})
            for cue, within in place_points_by_cue(item, predicted, registry):
                counts = cues.setdefault(cue, [0, 0])
                counts[0] += within
                counts[1] += 1
            result.by_lang.setdefault(item.lang, Tally()).add(tally)
            result.by_half.setdefault((item.lang, item.half), Tally()).add(tally)
            result.errors.extend(errors)
    return result


def place_points_by_cue(
    item: GoldItem, predicted: Sequence[Claim], registry: Registry
) -> list[tuple[str, bool]]:
    """The place_point field broken down by what the text says beside the
    place: for each gold place with a point in a matched pair, the cue
    ("qualifier", "anchor" or "none", read from the gold place's name and the
    text around it) and whether a predicted point lies within 10 km."""
    from foglift.geoparse.evaluate import find_name, gold_place_cue

    out: list[tuple[str, bool]] = []
    for g, p in match(item.claims, predicted, registry):
        for place in item.claims[g].get("places") or ():
            if _point(place) is None:
                continue
            name = str(place.get("name") or "")
            at = find_name(item.text, name) if name else -1
            cue = gold_place_cue(item.text, at, at + len(name)) if at >= 0 else "none"
            out.append((cue, _placed(place, predicted[p])))
    return out
