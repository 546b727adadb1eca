"""Score the geoparser on a gold corpus: acc@161 km, mean/median error, AUC.

Reads the two public formats of toponym-resolution corpora: the LGL/TR-News
schema (``<article><text/><toponyms><toponym><start/><end/><phrase/><gaztag>
<lat/><lon/>``) and the GeoVirus schema (``<article><text/><locations>
<location><name/><start/><end/><lat/><lon/>``). With gold spans the resolver
is scored on the annotated spans; without, mentions are detected first and a
gold toponym counts as found when a detected span overlaps it.

AUC is the area under the curve of log(1 + error km) normalised by
log(1 + 20039 km) (half the Earth's circumference), the measure of Gritta et
al. (2018): 0 is perfect, 1 is always antipodal; a missed toponym counts as
the maximum error.

Honest figures: each corpus is split into two fixed halves by a hash of the
article's text (``half_of``), one to tune on and one to report; every share
carries a bootstrap 95% interval over articles; end to end, detection
precision counts the detected names that overlap no gold toponym (false
places). Countries and first-level divisions, whose points follow a corpus's
convention more than a resolver's choice, are reported apart from the rest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import random
import re
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from foglift.errors import CorpusError
from foglift.geography import distance_km
from foglift.geoparse.frontline import ControlLayer, FrontEvidence
from foglift.geoparse.theatre import Span, resolve_spans

MAX_ERROR_KM = 20039.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float

    level: str = ""  # "country", "region" or "" where the corpus says (fcode)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


def half_of(text: str) -> str:
    """The fixed half ("A" or "B") an article belongs to, by a hash of its text."""
    return "AB"[hashlib.sha256(text.encode("utf-8")).digest()[0] % 2]


# bootstrap resamples for the 95% intervals; fixed seed, so reruns agree
BOOTSTRAP = 1000


def bootstrap_interval(
    groups: Sequence[tuple[int, int]], rounds: int = BOOTSTRAP, seed: int = 12
) -> tuple[float, float]:
    """95% interval of sum(hits) / sum(n) over resampled groups (articles),
    each group given as (hits, n)."""
    if not groups:
        return (0.0, 0.0)
    rng = random.Random(seed)
    shares = []
    for _ in range(rounds):
        hits = n = 0
        for _ in range(len(groups)):
            h, k = groups[rng.randrange(len(groups))]
            hits += h
            n += k
        shares.append(hits / n if n else 0.0)
    shares.sort()
    return shares[int(0.025 * rounds)], shares[min(rounds - 1, int(0.975 * rounds))]


@dataclass(frozen=True, slots=True)
class Share:
    """hits / n with a bootstrap 95% interval over articles."""

    hits: int
    n: int
    low: float
    high: float

    @property
    def value(self) -> float:
        return self.hits / self.n if self.n else 0.0

    @classmethod
    def of(cls, groups: Sequence[tuple[int, int]]) -> Share:
        low, high = bootstrap_interval(groups)
        return cls(sum(h for h, _ in groups), sum(k for _, k in groups), low, high)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "share": round(self.value, 4),
            "n": self.n,
            "low": round(self.low, 4),
            "high": round(self.high, 4),
        }

    def __str__(self) -> str:
        return (
            f"{self.value:.1%} [{self.low:.1%}, {self.high:.1%}] ({self.hits}/{self.n})"
        )


@dataclass(frozen=True, slots=True)
class Score:
    n: int
    found: int  # resolved in the gazetteer
    placed: int  # not in the gazetteer, placed near a place named in the text
    acc161: float
    mean_km: float
    median_km: float
    auc: float
    errors: tuple[float, ...]
    # acc@161 per fixed half, and for countries / first-level areas apart
    halves: dict[str, Share] = dataclasses.field(default_factory=dict)
    levels: dict[str, Share] = dataclasses.field(default_factory=dict)
    overall: Share | None = None
    # end to end: detected names overlapping a gold toponym / detected names
    detection: Share | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "found": self.found,
            "placed": self.placed,
            "acc161": round(self.acc161, 4),
            "mean_km": round(self.mean_km, 1),
            "median_km": round(self.median_km, 1),
            "auc": round(self.auc, 4),
            "acc161_interval": self.overall.as_dict() if self.overall else None,
            "halves": {k: v.as_dict() for k, v in sorted(self.halves.items())},
            "levels": {k: v.as_dict() for k, v in sorted(self.levels.items())},
            "detection_precision": (
                self.detection.as_dict() if self.detection else None
            ),
        }


def read_corpus(path: Path) -> list[GoldArticle]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise CorpusError(
            f"cannot read corpus {path}: {exc}",
            hint="give an XML file in the LGL/TR-News or GeoVirus format",
        ) from exc
    articles = list(_articles(root))
    if not articles:
        raise CorpusError(
            f"{path} holds no <article> with toponyms",
            hint="give an XML file in the LGL/TR-News or GeoVirus format",
        )
    return articles


def _articles(root: ET.Element) -> Iterator[GoldArticle]:
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms: list[GoldToponym] = []
        for node in (*article.iter("toponym"), *article.iter("location")):
            gold = node.find("gaztag")
            source = gold if gold is not None else node
            lat, lon = source.findtext("lat"), source.findtext("lon")
            start, end = node.findtext("start"), node.findtext("end")
            if not (lat and lon and start and end):
                continue  # toponyms without gold coordinates are not scored
            s, e = int(start), int(end)
            name = (
                node.findtext("phrase") or node.findtext("name") or text[s:e]
            ).strip()
            s, e = _align(text, name, s, e)
            fcode = (gold.findtext("fcode") or "") if gold is not None else ""
            level = (
                "country"
                if fcode.startswith("PCL")
                else "region"
                if fcode == "ADM1"
                else ""
            )
            toponyms.append(
                GoldToponym(s, e, name.strip(), float(lat), float(lon), level)
            )
        if toponyms:
            yield GoldArticle(text, tuple(sorted(toponyms, key=lambda t: t.start)))


def _align(text: str, name: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``name`` nearest the stated ones (some corpora are off by a few)."""
    if not name or text[start:end] == name:
        return start, end
    window = 40
    low = max(0, start - window)
    best: int | None = None
    position = text.find(name, low)
    while position != -1 and position <= start + window:
        if best is None or abs(position - start) < abs(best - start):
            best = position
        position = text.find(name, position + 1)
    return (best, best + len(name)) if best is not None else (start, end)


def error_curve_auc(errors: list[float]) -> float:
    if not errors:
        return 1.0
    scale = math.log(1 + MAX_ERROR_KM)
    return sum(math.log(1 + min(e, MAX_ERROR_KM)) / scale for e in errors) / len(errors)


def evaluate(path: Path, gold_spans: bool = True) -> Score:
    errors: list[float] = []
    found = placed = 0
    per_half: dict[str, list[tuple[int, int]]] = {"A": [], "B": []}
    per_level: dict[str, list[tuple[int, int]]] = {}
    detected: list[tuple[int, int]] = []
    for article in read_corpus(path):
        if gold_spans:
            spans = [Span(t.start, t.end, article.text[t.start : t.end] or t.name)
                     for t in article.toponyms]  # fmt: skip
        else:
            from foglift.geoparse.detect import detect_spans

            # the corpora annotate adjectives of nationality as toponyms
            spans = detect_spans(article.text, adjectives=True)
            true = sum(
                any(t.start < s.end and s.start < t.end for t in article.toponyms)
                for s in spans
            )
            detected.append((true, len(spans)))
        resolved = resolve_spans(article.text, spans)
        hits = 0
        by_level: dict[str, list[int]] = {}
        for gold in article.toponyms:
            hit = next(
                (
                    r
                    for r in resolved
                    if r.span.start < gold.end and gold.start < r.span.end
                ),
                None,
            )
            level = gold.level
            if hit is not None and hit.best is not None:
                found += 1
                place = hit.best.match.place
                level = level or (
                    place.precision if place.precision in ("country", "region") else ""
                )
            elif hit is not None and hit.near is not None:
                placed += 1
                place = hit.near
            else:
                errors.append(MAX_ERROR_KM)
                by_level.setdefault(level or "other", [0, 0])[1] += 1
                continue
            error = distance_km(place.lat, place.lon, gold.lat, gold.lon)
            errors.append(error)
            hits += error <= 161
            tally = by_level.setdefault(level or "other", [0, 0])
            tally[0] += error <= 161
            tally[1] += 1
        per_half[half_of(article.text)].append((hits, len(article.toponyms)))
        for level, (h, k) in by_level.items():
            per_level.setdefault(level, []).append((h, k))
    n = len(errors)
    return Score(
        n=n,
        found=found,
        placed=placed,
        acc161=sum(e <= 161 for e in errors) / n if n else 0.0,
        mean_km=statistics.fmean(errors) if errors else 0.0,
        median_km=statistics.median(errors) if errors else 0.0,
        auc=error_curve_auc(errors),
        errors=tuple(errors),
        halves={half: Share.of(groups) for half, groups in per_half.items()},
        levels={level: Share.of(groups) for level, groups in per_level.items()},
        overall=Share.of([*per_half["A"], *per_half["B"]]),
        detection=None if gold_spans else Share.of(detected),
    )


# --- gold places of hand-annotated claims (claims-dev) -----------------------

POINT_KM = 10.0
_COMPASS = (
    r"(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern|ward)?"
    r"|(?:северо|юго)-?(?:запад|восток)\w*|(?:север|юг|запад|восток)\w*"
    r"|(?:північно|південно)-?(?:захід|схід|західн|східн)\w*"
    r"|(?:північ|південь|південн|захід|західн|схід|східн)\w*"
)
# after the name, in its sentence: a bearing from another place ("Zoria
# (southwest of X)", "8km southeast of X", "южнее X", "на північ від X")
_ANCHOR_AFTER = re.compile(
    rf"^[^.!?;\n]{{0,60}}?(?:\b\d+(?:[.,]\d+)?\s*(?:km|kilomet\w*|mi|miles|км)"
    rf"\b|\b(?:{_COMPASS})\s+(?:of|from|від|от)\b|\b(?:к|на)\s+(?:{_COMPASS})"
    rf"\s+(?:от|від)\b|(?:западн|восточн|северн|южн|західн|східн|північн|"
    rf"південн)\w*іше\b|(?:западн|восточн|северн|южн)\w*ее\b)",
    re.IGNORECASE,
)
# an area beside the name, in its sentence: an oblast, raion, republic or a
# region's name ("in southern Kharkiv Oblast", "в ДНР", "на Донеччині")
_AREA = (
    r"(?:oblasts?|regions?|raions?|rayons?|districts?|krai|"
    r"област\w*|район\w*|республик\w*|громад\w*|округ\w*|краю?\b|"
    r"ДНР|ЛНР|DNR|LNR|DPR|LPR|Крым\w*|Крим\w*|Crimea|"
    r"(?-i:[А-ЯІЇЄҐ]\w+(?:щин|чин)[іиауе]\w*))"
)
_QUALIFIER_AFTER = re.compile(rf"^[^.!?;\n]{{0,60}}?{_AREA}", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(
    rf"(?:\b(?:in|у|в|на)\s+\w+\s+{_AREA}|\b(?:на|в|у)\s+{_AREA})"
    rf"[^.!?;\n]{{0,40}}$",
    re.IGNORECASE,
)


def gold_place_cue(text: str, start: int, end: int) -> str:
    """What the text says beside a place name: "qualifier" (an oblast, raion,
    republic or region beside it: "in southern Kharkiv Oblast", "в ДНР",
    "на Донеччині"), "anchor" (a bearing or distance from another place:
    "(southwest of X)", "8km southeast of X", "южнее X") or "none".

    Read from the text alone, not from the resolver, so the breakdown of a
    score by cue does not depend on what the resolver noticed."""
    after = text[end : end + 90]
    if _ANCHOR_AFTER.search(after):
        return "anchor"
    if _QUALIFIER_AFTER.search(after):
        return "qualifier"
    if _QUALIFIER_BEFORE.search(text[max(0, start - 60) : start]):
        return "qualifier"
    return "none"


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """A gold place of a claim with a point, found in its item's text."""

    item: str
    start: int
    end: int
    name: str
    lat: float
    lon: float
    region: bool  # annotated as a region ("kind": "region")
    cue: str
    ground: bool = False  # the place of a claim fought over on the ground

    @property
    def half(self) -> str:
        digits = re.findall(r"\d+", self.item)
        return "even" if digits and int(digits[-1]) % 2 == 0 else "odd"


def find_name(text: str, name: str) -> int:
    """Where a gold place's surface form first occurs in ``text`` (-1: absent)."""
    at = text.find(name)
    return at if at >= 0 else text.casefold().find(name.casefold())


# the claim types fought over on the ground (as stage._GROUND_TYPES)
_GROUND_TYPES = frozenset({"territorial", "advance", "objects", "other"})


def read_claim_places(
    path: Path,
) -> Iterator[tuple[str, str, list[GoldPlace], date | None]]:
    """(item id, text, its distinct gold places with a point, the day it was
    published) of a claims JSONL file; directions and places without a point
    are left out."""
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                item, text = str(raw["id"]), str(raw["text"])
                places: dict[tuple[int, int], GoldPlace] = {}
                grounds: set[tuple[int, int]] = set()
                published = (
                    date.fromisoformat(str(raw["published"])[:10])
                    if raw.get("published")
                    else None
                )
                for claim in raw.get("claims") or ():
                    for p in claim.get("places") or ():
                        if p.get("lat") is None or p.get("kind") == "direction":
                            continue
                        name = str(p.get("name") or "").strip()
                        at = find_name(text, name) if name else -1
                        if at < 0:
                            continue
                        end = at + len(name)
                        if claim.get("type") in _GROUND_TYPES:
                            grounds.add((at, end))
                        places.setdefault(
                            (at, end),
                            GoldPlace(
                                item, at, end, name, float(p["lat"]), float(p["lon"]),
                                p.get("kind") == "region",
                                gold_place_cue(text, at, end),
                            ),
                        )  # fmt: skip
            except (ValueError, KeyError, TypeError) as exc:
                raise CorpusError(
                    f"{path.name} line {n} is not a claims gold item: {exc}",
                    hint="give a claims JSONL file (id, text, claims with places)",
                ) from exc
            found = [
                dataclasses.replace(g, ground=(g.start, g.end) in grounds)
                for g in sorted(places.values(), key=lambda g: g.start)
            ]
            yield item, text, found, published


@dataclass(frozen=True, slots=True)
class PlaceOutcome:
    gold: GoldPlace
    km: float  # to the resolved point; MAX_ERROR_KM when unresolved
    resolved_as: str


@dataclass(frozen=True, slots=True)
class PlaceScore:
    """Share of gold claim places resolved within POINT_KM, by cue and half."""

    outcomes: tuple[PlaceOutcome, ...]

    def share(self, keep: Any = None) -> Share:
        groups: dict[str, list[int]] = {}
        for o in self.outcomes:
            if keep is None or keep(o.gold):
                tally = groups.setdefault(o.gold.item, [0, 0])
                tally[0] += o.km <= POINT_KM
                tally[1] += 1
        return Share.of([(h, k) for h, k in groups.values()])

    def table(self) -> dict[str, Share]:
        rows: dict[str, Share] = {"all": self.share()}
        rows["settlements"] = self.share(lambda g: not g.region)
        rows["regions"] = self.share(lambda g: g.region)
        for cue in ("qualifier", "anchor", "none"):
            rows[cue] = self.share(lambda g, c=cue: g.cue == c)
        rows["qualifier or anchor"] = self.share(lambda g: g.cue != "none")
        for half in ("even", "odd"):
            rows[half] = self.share(lambda g, h=half: g.half == h)
        return rows


def evaluate_claim_places(path: Path, maps: ControlLayer | None = None) -> PlaceScore:
    """Resolve each gold place of a claims file in its text, as the product
    does (the name as a mention beside the names detected in the text), and
    measure its distance to the gold point. With control ``maps`` the places
    of ground claims are looked for by the front line on the item's day, as
    ``foglift check --control-maps`` does for the claims it reads."""
    from foglift.geoparse.detect import detect_spans

    outcomes: list[PlaceOutcome] = []
    for _item, text, places, published in read_claim_places(path):
        if not places:
            continue
        spans = {(g.start, g.end): Span(g.start, g.end, g.name) for g in places}
        for span in detect_spans(text):
            if not any(s < span.end and span.start < e for s, e in spans):
                spans[(span.start, span.end)] = span
        front = None
        if maps is not None and published is not None:
            ground = frozenset((g.start, g.end) for g in places if g.ground)
            front = FrontEvidence(maps, published, ground)
        resolved = resolve_spans(
            text, sorted(spans.values(), key=lambda s: s.start), front=front
        )
        by_span = {(r.span.start, r.span.end): r for r in resolved}
        for g in places:
            r = by_span[(g.start, g.end)]
            if r.best is not None:
                place = r.best.match.place
                label = f"{place.name} ({place.gazetteer_id})"
            elif r.near is not None:
                place = r.near
                label = f"near {place.name}"
            else:
                outcomes.append(PlaceOutcome(g, MAX_ERROR_KM, "unresolved"))
                continue
            km = distance_km(place.lat, place.lon, g.lat, g.lon)
            outcomes.append(PlaceOutcome(g, km, label))
    return PlaceScore(tuple(outcomes))
