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
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from foglift.errors import InputError
from foglift.geoparse.resolve import distance_km
from foglift.geoparse.theatre import Span, resolve_spans

MAX_ERROR_KM = 20039.0


class CorpusError(InputError):
    code = "FL110"


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


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

    def as_dict(self) -> dict[str, float | int]:
        return {
            "n": self.n,
            "found": self.found,
            "placed": self.placed,
            "acc161": round(self.acc161, 4),
            "mean_km": round(self.mean_km, 1),
            "median_km": round(self.median_km, 1),
            "auc": round(self.auc, 4),
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
            toponyms.append(GoldToponym(s, e, name.strip(), float(lat), float(lon)))
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
    for article in read_corpus(path):
        if gold_spans:
            spans = [Span(t.start, t.end, article.text[t.start : t.end] or t.name)
                     for t in article.toponyms]  # fmt: skip
        else:
            from foglift.geoparse.detect import detect_spans

            # the corpora annotate adjectives of nationality as toponyms
            spans = detect_spans(article.text, adjectives=True)
        resolved = resolve_spans(article.text, spans)
        for gold in article.toponyms:
            hit = next(
                (
                    r
                    for r in resolved
                    if r.span.start < gold.end and gold.start < r.span.end
                ),
                None,
            )
            if hit is not None and hit.best is not None:
                found += 1
                place = hit.best.match.place
            elif hit is not None and hit.near is not None:
                placed += 1
                place = hit.near
            else:
                errors.append(MAX_ERROR_KM)
                continue
            errors.append(distance_km(place.lat, place.lon, gold.lat, gold.lon))
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
    )
