"""Document context: the theatre a text is about, and each mention resolved in it.

Cues, strongest first:

* an explicit qualifier right after a name: "Andriivka, Donetsk Oblast",
  "Paris, Texas", "Bakhmut (Donetsk region)";
* an anchor with a distance and bearing: "12 km northwest of Svatove" (the
  anchor's point stands in for the unnamed place nearby);
* front names: "the Donetsk direction", "Pokrovsk axis", "Zaporizhzhia front"
  make their place a theatre anchor;
* the other places in the text: the countries and regions they sit in and
  their points (each mention is ranked with the context of all *others*, so a
  name never votes for itself).

Resolution runs twice: first each name alone, then each name in the context
of the first-pass choices of the others.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from foglift.budget import check_time
from foglift.datelines import agency_follows, is_capitals
from foglift.geography import distance_km, equirectangular_kms
from foglift.geoparse.anchors import (
    AFTER_ELLIPSIS,
    Anchor,
    anchored,
    elliptic_areas,
    fits,
    list_before,
    plural_areas,
    qualified_lists,
    respective_pairs,
    strip_plural,
)
from foglift.geoparse.coreference import antecedent, centre_of, referring_kind
from foglift.geoparse.frontline import FrontEvidence, front_context
from foglift.geoparse.index import Place
from foglift.geoparse.resolve import (
    LONG_SKELETON,
    Match,
    PlaceContext,
    Scored,
    confidence,
    context_of_place,
    find_matches,
    match_bonus,
    peer_group,
    rank,
    with_lookalikes,
)
from foglift.names import has_cyrillic, name_key, skeleton
from foglift.spans import at_line_start

_FRONT = re.compile(
    r"^\s*(?:direction|axis|front|sector|salient|bridgehead|pocket|"
    r"напрямку|напрямок|направлении|направление|фронт)\b",
    re.IGNORECASE,
)
_FRONT_BEFORE = re.compile(r"(?:напрямку|напрямок|направлении|направление)\s*$", re.I)
_BEARING = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:er|re)s?|mi|miles|км)\s+"
    r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
    r"(?:[- ](?:north|south|east|west))?\s+)?(?:of|from)\s*$",
    re.IGNORECASE,
)
_KIND_BEFORE = re.compile(
    r"\b(village|town|city|settlement|hamlet|село|селі|селища|селище|селищі|місто|"
    r"міста|місті|смт|деревня|деревни|деревне|посёлок|поселок|посёлка|поселка|"
    r"посёлке|поселке|город|города|городе)\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_TOWN_WORDS = frozenset(
    ["town", "city", "місто", "міста", "місті", "город", "города", "городе"]
)
_LEVEL = {"country": 1, "region": 2, "district": 3, "settlement": 4, "feature": 4}
_AREA_TAIL = re.compile(
    r"(?:област\w*|район\w*|республик\w*|громад\w*|oblast|region|raion|rayon|"
    r"district|county|province)$",
    re.IGNORECASE,
)
_AREA_LEVELS = ("country", "region", "district")
# an area's noun right after a name (the span ends before it)
_AREA_NOUN_AFTER = re.compile(
    r"[ \t]+(област[а-яіїє]*|кра[йюяеєї][а-яіїє]*|район[а-яіїє]*|oblast|region|krai|"
    r"(?:городск|муниципальн|міськ|муніципальн)[а-яіїє]*[ \t]+округ[а-яіїє]*|"
    r"мор[еяюі]|морем|sea|"
    r"(?:(?:міськ|сільськ|селищн)[а-яіїє]*[ \t]+)?громад[аиіоуюяє][а-яіїє]*)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# a plural district noun before a list: "в городских округах X, Y и Z"
_DISTRICTS_BEFORE = re.compile(
    r"(?:(?:городск|муниципальн|міськ|муніципальн)[а-яіїє]*[ \t]+)?"
    r"(?:округ(?:ах|ов|а|ами|ам)|район(?:ах|ов|ы|ів|ами|ам|и))[ \t*_]+$",
    re.IGNORECASE,
)
# a raion's masculine adjective standing alone, in a text that names raions
_ELLIPTIC_RAION = re.compile(
    r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+(?:ському|ськім|ського|ський|цькому|цького|цький|"
    r"ском|ского|ский|цком|цкого|цкий)$"
)
_RAION_WORD = re.compile(r"район|raion|district", re.IGNORECASE)
# a verb right after it: the adjective has no noun ("По Чугуївському били",
# "по Шебекинскому стреляют"): past or present endings
_VERB_AFTER = re.compile(
    r"[ \t]+[а-яёіїєґ']+(?:в|ла|ло|ли|ють|ять|ить|ує|ают|яют|ит|ет)(?![\w'])"
)
# an adjective's case ending (a town's adjective before an installation)
_ADJECTIVE_CASE = re.compile(
    r"(?:ськ|цьк|зьк|ск|цк|зк)(?:ому|ого|ий|ій|ой|ом|им|ая|ую|ої|ою|ое|е|і|их)$",
    re.IGNORECASE,
)
# up to three words after a name, within its clause
_WORDS_AFTER = re.compile(r"[ \t]+([^\W\d][\w-]*(?:[ \t]+[^\W\d][\w-]*){0,2})")
_ADJECTIVE_END = re.compile(r"(?:ский|ской|ском|ськ[ийо]\w*|цкий|зкий)$", re.I)


# a large town, as the other towns of its list are. The bonus outweighs the
# support a village gets from other names' namesakes near it (at 1.5 a list
# of six oblast centres still chose a village of the seventh's name)
LARGE_TOWN = 100_000
LARGE_TOWN_BONUS = 2.0


def _whole_lists(text: str, spans: Sequence[Span], minimum: int) -> Iterator[list[int]]:
    """Each list of names in ``spans`` once, at its last name (indices last
    first), when it has at least ``minimum`` names."""
    for last in range(len(spans)):
        if last + 1 < len(spans) and len(list_before(text, spans, last + 1)) > 1:
            continue  # not the end of its list
        listed = list_before(text, spans, last)
        if len(listed) >= minimum:
            yield listed


def _listed_with_large_towns(
    text: str, spans: Sequence[Span], first: Sequence[list[Scored]]
) -> dict[int, dict[int, tuple[float, str]]]:
    """Names of a list of three or more whose other names are mostly (two
    in three) large towns: per name, the bonus of its large-town candidates."""

    def large(ranked: list[Scored]) -> bool:
        place = ranked[0].match.place if ranked else None
        return (
            place is not None
            and place.precision == "settlement"
            and (place.population or 0) >= LARGE_TOWN
        )

    out: dict[int, dict[int, tuple[float, str]]] = {}
    for listed in _whole_lists(text, spans, 3):
        for i in listed:
            others = [k for k in listed if k != i and spans[k].key != spans[i].key]
            if len(others) < 2 or 3 * sum(large(first[k]) for k in others) < 2 * len(
                others
            ):
                continue
            towns = {
                s.match.place.pk: (
                    LARGE_TOWN_BONUS,
                    "a large town, as the others of its list",
                )
                for s in first[i]
                if s.match.place.precision == "settlement"
                and (s.match.place.population or 0) >= LARGE_TOWN
            }
            if towns and len(towns) < len(first[i]):
                out[i] = towns
    return out


# A list of villages names neighbours: a namesake with namesakes of other
# names of its list within this many km is the one meant. Common village names
# have dozens of namesakes each, so one such neighbour is often chance (a
# village by some namesake of another common name), two seldom; one of a
# name with few namesakes
# (a town) is not.
LIST_NEIGHBOUR_KM = 10.0
LIST_NEIGHBOUR_BONUS = 3.0
LIST_RARE_NEIGHBOUR_BONUS = 1.5
RARE_NAMESAKES = 3


def _listed_neighbours(
    text: str, spans: Sequence[Span], matches: Sequence[list[Match]]
) -> dict[int, dict[int, tuple[float, str]]]:
    """Per name of a list ("біля X, Y, Z та W"), the bonus of its settlement
    candidates that lie within LIST_NEIGHBOUR_KM of a candidate of two or
    more other names of the list (3.0), or of one name with few namesakes
    (1.5)."""
    out: dict[int, dict[int, tuple[float, str]]] = {}
    for listed in _whole_lists(text, spans, 2):
        # settlement candidates of each name, by cell of a tenth of a degree
        cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        rare = set()
        for k in listed:
            towns = [m for m in matches[k] if m.place.precision == "settlement"]
            if len(towns) <= RARE_NAMESAKES:
                rare.add(spans[k].key)
            for m in matches[k]:
                if m.place.precision == "settlement":
                    cell = (int(m.place.lat * 10 // 1), int(m.place.lon * 10 // 1))
                    cells.setdefault(cell, []).append(
                        (spans[k].key, m.place.lat, m.place.lon)
                    )
        for i in listed:
            bonus: dict[int, tuple[float, str]] = {}
            for m in matches[i]:
                place = m.place
                if place.precision != "settlement":
                    continue
                row, col = int(place.lat * 10 // 1), int(place.lon * 10 // 1)
                near = {
                    key
                    for dr in (-1, 0, 1)
                    for dc in (-2, -1, 0, 1, 2)
                    for key, lat, lon in cells.get((row + dr, col + dc), ())
                    if key != spans[i].key
                    and distance_km(place.lat, place.lon, lat, lon) <= LIST_NEIGHBOUR_KM
                }
                if len(near) >= 2 or near & rare:
                    value = (
                        LIST_NEIGHBOUR_BONUS
                        if len(near) >= 2
                        else LIST_RARE_NEIGHBOUR_BONUS
                    )
                    bonus[place.pk] = (
                        value,
                        f"within {LIST_NEIGHBOUR_KM:.0f} km of namesakes of "
                        f"{len(near)} names listed with it",
                    )
            # a bonus every candidate shares says nothing
            if bonus and len(bonus) < len(matches[i]):
                out[i] = bonus
    return out


def _inside_area_of_last_word(name: str, noun: str) -> list[Match]:
    """The candidates of a name whose last word is the adjective of the area
    named by ``noun`` after it, inside that area ("Міньківка Соледарської"
    + "громади"); [] when the words are no such pair."""
    words = name.split()
    if len(words) < 2 or not _ADJECTIVE_CASE.search(words[-1]):
        return []
    areas = [
        m.place
        for m in find_matches(f"{words[-1]} {noun}")
        if m.place.precision in ("region", "district")
    ]
    head = " ".join(words[:-1])
    return [
        m for m in find_matches(head) if any(a.id in m.place.parents for a in areas)
    ]


def _district_lists(text: str, spans: Sequence[Span]) -> dict[int, str]:
    """Names of a list after a plural district noun, with the singular
    that makes each a district's name ("городской округ", "район")."""
    out: dict[int, str] = {}
    for last in range(len(spans)):
        listed = list_before(text, spans, last)  # last first
        first_start = spans[listed[-1]].start
        before = _DISTRICTS_BEFORE.search(text, max(0, first_start - 40), first_start)
        if before is None:
            continue
        noun = before.group(0).casefold()
        singular = "городской округ" if "округ" in noun else "район"
        for k in listed:
            out.setdefault(k, singular)
    return out


_INSIDE_GAP = re.compile(r"(?:^|\s)(?:in|в|во|у)\s", re.IGNORECASE)
_QUALIFIER_GAP = re.compile(r"^\s*(?:,|\(|in|,\s*in)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    name: str
    # the key of the name it is a case form of (set by the resolver)
    lemma: str = dataclasses.field(default="", compare=False)

    @property
    def key(self) -> str:
        """One name however it is written: "HOLLIDAY" and "Holliday", or
        "Abbassiya" and "Abbasiya", are one name, never context for each other;
        so are the case forms of one name ("Урожайне", "біля Урожайного")."""
        if self.lemma:
            return self.lemma
        skel = skeleton(self.name)
        return skel if len(skel) >= 4 else name_key(self.name)


def _with_lemmas(spans: Sequence[Span], matches: Sequence[list[Match]]) -> list[Span]:
    """Cyrillic spans keyed by the nominative their best match was found by:
    the case forms of a name are one name, so a village named twice in two
    cases does not vouch for itself (its namesake's oblast "named in the
    text", 0 km from "a place named in the text")."""
    cyrillic = [bool(found) and has_cyrillic(span.name) for span, found in
                zip(spans, matches, strict=True)]  # fmt: skip
    # a form of two names ("Покровська": of Покровськ or Покровське) is the
    # name the text's other forms share ("у Покровську")
    shared: dict[str, int] = {}
    for i, found in enumerate(matches):
        if cyrillic[i]:
            for via in {m.via for m in found}:
                shared[via] = shared.get(via, 0) + 1
    out = []
    for i, span in enumerate(spans):
        if cyrillic[i]:
            best = max(matches[i], key=lambda m: (shared[m.via], match_bonus(m.kind)))
            lemma = skeleton(best.via)
            if len(lemma) >= 4:
                span = dataclasses.replace(span, lemma=lemma)
        out.append(span)
    return out


@dataclass(frozen=True, slots=True)
class Resolved:
    """One mention with its ranked candidates and the cues that decided."""

    span: Span
    ranked: tuple[Scored, ...]
    confidence: float
    cues: tuple[str, ...]
    front: bool  # named as a front ("Donetsk direction")
    # for a name not in the gazetteer: the nearest place named in the text
    near: Place | None = None
    near_chars: int = 0
    # why a mention has no candidates ("not in the gazetteer")
    why_unresolved: str = ""
    # what in the text says the name is a place ("after 'near'", "qualified
    # by ..."); empty when only the gazetteer says so ("Effort", "Main")
    place_evidence: str = ""
    # why the span is not a place at all ("a common word ..."), or ""
    not_place: str = ""

    @property
    def best(self) -> Scored | None:
        return self.ranked[0] if self.ranked else None


# In a paragraph that names a front, what the rest of the text says counts
# this much (Ukraine's General Staff report with three directions: Рівне,
# Удачне, Дачне by Pokrovsk, not namesakes by the other fronts).
ELSEWHERE = 0.2


def _paragraph_contexts(
    spans: Sequence[Span], paragraphs: Sequence[int], contributions: list[PlaceContext]
) -> dict[tuple[str, int], PlaceContext]:
    """For each (name, paragraph): what the paragraph's other names say."""
    by_paragraph: dict[tuple[str, int], PlaceContext] = {}
    for j, other in enumerate(contributions):
        key = (spans[j].key, paragraphs[j])
        by_paragraph.setdefault(key, PlaceContext()).absorb(other)
    names_in: dict[int, list[str]] = {}
    for name, paragraph in by_paragraph:
        names_in.setdefault(paragraph, []).append(name)
    out: dict[tuple[str, int], PlaceContext] = {}
    for (name, paragraph), _ in by_paragraph.items():
        gathered = PlaceContext()
        for other_name in names_in[paragraph]:
            if other_name != name:
                gathered.absorb(by_paragraph[(other_name, paragraph)])
        out[(name, paragraph)] = gathered
    return out


def _blend(everywhere: PlaceContext, nearby: PlaceContext) -> PlaceContext:
    """The other names' context: their own paragraph's at full weight, the
    rest of the text's at ELSEWHERE."""
    out = PlaceContext()
    for place_id, weight in everywhere.areas.items():
        out.areas[place_id] = ELSEWHERE * weight
    for place_id, weight in nearby.areas.items():
        out.add_area(place_id, weight)
    out.points = [(lat, lon, ELSEWHERE * w) for lat, lon, w in everywhere.points]
    out.points += nearby.points  # a point's strongest weight is the one used
    for votes_of in ("countries", "levels"):
        blended: dict[Any, float] = {}
        for key, votes in getattr(everywhere, votes_of).items():
            blended[key] = ELSEWHERE * votes
        for key, votes in getattr(nearby, votes_of).items():
            blended[key] = blended.get(key, 0.0) + (1.0 - ELSEWHERE) * votes
        setattr(out, votes_of, blended)
    return out


def _loose_guess(ranked: Sequence[Scored]) -> bool:
    """A name matched only by its skeleton or as a part of another place, to a
    place nothing else in the text points to ("Sears" -> Şoarş, Romania;
    Kenya's "North Eastern Province" -> Saudi Arabia's Eastern Province): a
    coincidence of letters, not a resolution. (A misspelt front town in a text
    about the front keeps its match: the text's other places support it.)"""
    if not ranked or ranked[0].context > 0:
        return False
    best = ranked[0].match
    if best.kind == "skeleton" and len(best.via) >= LONG_SKELETON:
        # "Zaporizhia nuclear power plant": letters of a long name seldom
        # coincide
        return False
    # "eastern Ukraine", "northern Syria" need no support
    return best.kind in ("skeleton", "lookalike") or (
        best.kind == "part" and best.place.precision != "country"
    )


def _lacks(found: Sequence[Match], area_id: str) -> bool:
    """True when every candidate is a town and none lies in ``area_id``, a
    country or first-level division (the areas every town records)."""
    return (
        bool(found)
        and area_id.startswith(("country:", "admin1:"))
        and all(m.place.precision == "settlement" for m in found)
        and not any(area_id in m.place.parents for m in found)
    )


def is_front(text: str, span: Span) -> bool:
    return bool(
        _FRONT.match(text[span.end : span.end + 30])
        or _FRONT_BEFORE.search(text[max(0, span.start - 20) : span.start])
    )


def _contribution(best: Scored, weight: float) -> PlaceContext:
    """What one resolved mention tells about the others."""
    place = best.match.place
    context = PlaceContext()
    area_weight = {"country": 1.5, "region": 2.5, "district": 3.0}.get(place.precision)
    if area_weight is not None:
        context.add_area(place.id, area_weight * weight)
    for parent in place.parents:
        if parent.startswith("country:"):
            context.add_area(parent, 1.0 * weight)
        elif parent.startswith("admin1:"):
            context.add_area(parent, 1.5 * weight)
    if place.precision in ("settlement", "district"):
        context.points.append((place.lat, place.lon, weight))
    if place.country:
        context.countries[place.country] = weight
        context.levels[(peer_group(place.country), place.precision)] = weight
    return context


# candidates per name that clustering looks at, and how close counts as near
CLUSTER_TOP = 5
_CLOSE = ((30.0, 1.0), (100.0, 0.6), (250.0, 0.3))
_CLUSTER_CAP = 1.0


def _closeness_of(lat: float, lon: float, lats: Any, lons: Any) -> Any:
    """The closeness of a point to each of many (numpy arrays)."""
    import numpy as np

    km = equirectangular_kms(lats, lons, lat, lon)  # exact enough below 250 km
    return np.select(
        [km < limit for limit, _ in _CLOSE], [value for _, value in _CLOSE], 0.0
    )


def _towns(ranked: Sequence[Scored]) -> list[Scored]:
    return [
        s
        for s in ranked[:CLUSTER_TOP]
        if s.match.place.precision in ("settlement", "district")
    ]


def _theatre_villages(ranked: Sequence[Scored]) -> bool:
    """Whether a name is one of many villages of Ukraine or Russia (Vysoke,
    Popivka): more than CLUSTER_TOP namesakes there, which size does not rank."""
    return (
        len(ranked) > CLUSTER_TOP
        and ranked[0].match.place.country in ("UA", "RU")
        and ranked[CLUSTER_TOP].match.place.country in ("UA", "RU")
    )


def _plausibility(scored: Scored, top: float) -> float:
    """How much a candidate counts as support: 1 for the first choice, less
    the further its score is below it (one of a dozen Richmonds counts little)."""
    return math.exp(min(0.0, scored.score - top))


def cluster_support(
    spans: Sequence[Span],
    first: Sequence[Sequence[Scored]],
    thorough: frozenset[str] = frozenset(),
) -> list[dict[int, float]]:
    """For each mention, its candidates' support: the number of *other*
    names (each counted once, closeness-weighted) with a candidate nearby.

    A name's top towns are scored, and lend support to the other names, each
    weighted by how plausible it is (one of a dozen Richmonds lends little).
    Points are kept in a grid, so a long text costs its names times their
    neighbours, not its names squared. Only settlements and districts take
    part: an area's point says little.
    """
    lend: dict[str, list[tuple[float, float, float]]] = {}
    scored_towns: dict[str, list[Place]] = {}
    for span, ranked in zip(spans, first, strict=True):
        if span.key in lend or not ranked:
            continue
        shares = [_plausibility(x, ranked[0].score) for x in ranked]
        lend[span.key] = [
            (s.match.place.lat, s.match.place.lon, share)
            for s, share in zip(ranked, shares, strict=True)
            if s.match.place.precision in ("settlement", "district")
        ][:CLUSTER_TOP]
        if ranked[0].match.place.precision in ("settlement", "district"):
            # a country's or region's name ("Mexico", "Lebanon") is not decided
            # between settlements; it still supports the others with its towns
            limit = (
                CLUSTER_ALL
                if span.key in thorough or _theatre_villages(ranked)
                else CLUSTER_TOP
            )
            scored_towns[span.key] = [
                s.match.place
                for s in ranked[:limit]
                if s.match.place.precision in ("settlement", "district")
            ]
    import numpy as np

    number = {name: n for n, name in enumerate(lend)}
    grid: dict[tuple[int, int], list[tuple[int, float, float, float]]] = {}
    for name, points in lend.items():
        for lat, lon, weight in points:
            grid.setdefault(_cell(lat, lon), []).append(
                (number[name], lat, lon, weight)
            )
    # each cell's 3 x 3 block of points as arrays, in the order of the block's
    # cells and of the names: towns of one cell share a block
    blocks: dict[tuple[int, int], Any] = {}
    support_of: dict[str, dict[int, float]] = {}
    for name, towns in scored_towns.items():
        support: dict[int, float] = {}
        me = number[name]
        for place in towns:
            row, col = _cell(place.lat, place.lon)
            block = blocks.get((row, col))
            if block is None:
                around = [
                    point
                    for dr in (-1, 0, 1)
                    for dc in (-1, 0, 1)
                    for point in grid.get((row + dr, col + dc), ())
                ]
                block = blocks[(row, col)] = (
                    np.array([p[0] for p in around], dtype=np.int64),
                    np.array([p[1] for p in around], dtype=np.float64),
                    np.array([p[2] for p in around], dtype=np.float64),
                    np.array([p[3] for p in around], dtype=np.float64),
                )
            others, lats, lons, weights = block
            near = _closeness_of(place.lat, place.lon, lats, lons) * weights
            lent = (others != me) & (near > 0.0)
            if not lent.any():
                continue
            who, how_near = others[lent], near[lent]
            # each other name counts once, by its nearest point; summed in
            # the order the names first lend, as a walk over the block does
            best = np.zeros(len(number))
            np.maximum.at(best, who, how_near)
            _, firsts = np.unique(who, return_index=True)
            total = sum(best[who[np.sort(firsts)]].tolist())
            if total:
                support[place.pk] = min(_CLUSTER_CAP, total)
        support_of[name] = support
    return [support_of.get(span.key, {}) for span in spans]


# In a report by direction every candidate of a name is scored for support,
# not just the top five: the Rivne by Pokrovsk is one of 25 and rarely among
# the five largest. (For all texts it lost TR-News 88.2% -> 88.0%.)
CLUSTER_ALL = 80
# grid cells of 2.5 degrees: every point within 250 km is in the 3 x 3 block
_CELL_DEGREES = 2.5


def _cell(lat: float, lon: float) -> tuple[int, int]:
    # longitude cells widen towards the poles: 250 km is more degrees there
    shrink = max(0.2, math.cos(math.radians(lat)))
    return (
        math.floor(lat / _CELL_DEGREES),
        math.floor(lon * shrink / _CELL_DEGREES),
    )


def _one_sense_per_name(
    spans: Sequence[Span],
    chosen: list[list[Scored]],
    own: set[int],
    decisive: set[int],
) -> list[list[Scored]]:
    """A name repeated in one text means one place: the candidate with the
    highest total score over the name's mentions goes first in each, unless a
    mention says where or what it is: a qualifier ("Newark, N.J."; when all the
    name's qualified mentions agree) or a kind of place ("the village of
    Rivne"): that choice then holds for the others. Mentions with a qualifier
    of their own ("Andriivka, Kharkiv Oblast") keep theirs."""
    groups: dict[str, list[int]] = {}
    for i, span in enumerate(spans):
        if chosen[i]:
            groups.setdefault(span.key, []).append(i)
    out = list(chosen)
    for members in groups.values():
        free = [i for i in members if i not in own]
        if len(members) < 2 or not free:
            continue
        totals: dict[int, float] = {}
        for i in free:
            for scored in chosen[i]:
                pk = scored.match.place.pk
                totals[pk] = totals.get(pk, 0.0) + scored.score
        best = max(totals, key=lambda pk: (totals[pk], -pk))
        qualified = {chosen[i][0].match.place.pk for i in members if i in own}
        told = [i for i in free if i in decisive]
        if len(qualified) == 1:
            best = qualified.pop()
        elif told:
            best = chosen[told[0]][0].match.place.pk
        for i in free:
            ranked = chosen[i]
            if ranked[0].match.place.pk == best:
                continue
            first = [
                dataclasses.replace(s, cues=(*s.cues, "as elsewhere in the text"))
                for s in ranked
                if s.match.place.pk == best
            ]
            out[i] = first + [s for s in ranked if s.match.place.pk != best]
    return out


# how much worse than the best fit (fits(): a share of the distance plus the
# bearing's miss over 180 degrees) a candidate may fit an anchor and remain
ANCHOR_FIT_MARGIN = 0.5


def _latin_lookalike(m: Match) -> bool:
    return m.kind == "lookalike" and not has_cyrillic(m.via)


def _inside_cue(m: Match, context: PlaceContext) -> bool:
    """Whether a candidate lies in the area its qualifier names (the area of
    the largest weight, not the wider areas around it)."""
    if not context.areas:
        return False
    top = max(context.areas.values())
    return any(
        area in m.place.parents
        for area, weight in context.areas.items()
        if weight >= top
    )


def _within_anchor(
    found: Sequence[Match], anchor: Anchor, anchor_best: Scored
) -> list[Match]:
    """The candidates that lie where an anchor says, best fit first."""
    point = anchor_best.match.place
    if point.precision not in ("settlement", "district"):
        return []
    fitting = []
    for m in found:
        if m.place.precision not in ("settlement", "district"):
            continue
        miss = fits(anchor, m.place.lat, m.place.lon, point.lat, point.lon)
        if miss is not None:
            fitting.append((miss, m))
    fitting.sort(key=lambda x: x[0])
    # of two Veseles south of Siversk, the one 13 km due south, not the
    # town 38 km southwest at the edge of the bearing and the distance
    return [m for miss, m in fitting if miss <= fitting[0][0] + ANCHOR_FIT_MARGIN]


def _all_but_each(by_name: dict[str, PlaceContext]) -> dict[str, PlaceContext]:
    """For each name, the other names' contexts absorbed in order: the names
    before it (gathered once, left to right), then the names after it
    (gathered once, right to left), instead of every other name again for
    each name. The same context: areas keep their first place and largest
    weight, points their order, and the votes (halves, ones and twos) add up
    exactly in any order."""
    names = list(by_name)
    after: list[PlaceContext] = [PlaceContext()]
    for name in reversed(names[1:]):
        later = PlaceContext()
        later.absorb(by_name[name])
        later.absorb(after[-1])
        after.append(later)
    after.reverse()
    out: dict[str, PlaceContext] = {}
    before = PlaceContext()
    for k, name in enumerate(names):
        out[name] = before.merged(after[k])
        before.absorb(by_name[name])
    return out


def resolve_spans(
    text: str,
    spans: Sequence[Span],
    shown: frozenset[tuple[int, int]] = frozenset(),
    front: FrontEvidence | None = None,
) -> list[Resolved]:
    """Resolve every span of ``text`` in the context of all the others.

    ``shown`` holds the (start, end) of spans the caller read as places from
    their context (a claim's place after "captured"): evidence of a place.
    ``front`` (control maps and the claims' day) makes nearness to the front
    line evidence for the namesakes of a ground claim's place."""
    # "над областью", "в місті": a common noun standing for a place named
    # before it is never looked up (coreference.py)
    referring = [referring_kind(span.name) for span in spans]
    memo: dict[str, list[Match]] = {}
    for span, kind in zip(spans, referring, strict=True):  # names repeat
        check_time()
        if span.name not in memo:
            memo[span.name] = (
                [] if kind else with_lookalikes(span.name, find_matches(span.name))
            )
    matches: list[list[Match]] = [list(memo[span.name]) for span in spans]
    # capitalised common words, acronyms and people's names that reach the
    # resolver (a caller's spans are not filtered as detection's are)
    common = frozenset(LOWER_WORD.findall(text))
    not_places = {
        i: reason
        for i, span in enumerate(spans)
        if (reason := _not_a_place(text, span, common, memo))
    }
    for i in not_places:
        matches[i] = []
    spans = _with_lemmas(spans, matches)
    fronts = [is_front(text, span) for span in spans]
    first = [rank(found) for found in matches]

    def read_as_area(i: int, name: str, kinds: tuple[str, ...]) -> None:
        # the mention is the area ``name`` looks up, when there is one
        areas = [m for m in find_matches(name) if m.place.precision in kinds]
        if areas:
            matches[i] = areas
            first[i] = rank(areas)

    # "Luhansk and Donetsk oblasts", "над Брянской и Ростовской областями":
    # each name of a list closed by a plural area word is an area
    plurals = plural_areas(text, spans)
    for i, (singular, _) in plurals.items():
        base = strip_plural(spans[i].name)
        read_as_area(i, f"{base} {singular}", ("region", "district"))
    for i in elliptic_areas(text, spans):
        if i not in plurals:
            read_as_area(i, f"{spans[i].name} область", ("region",))
    # "По Чугуївському" in a text about raions ("райони Харківщини"):
    # a raion's masculine adjective without its noun is the raion
    if _RAION_WORD.search(text):
        for i, span in enumerate(spans):
            if (
                i in plurals
                or i in not_places
                or not _ELLIPTIC_RAION.match(span.name)
                or not (
                    AFTER_ELLIPSIS.match(text, span.end)
                    or _VERB_AFTER.match(text, span.end)
                )
            ):
                continue
            read_as_area(i, f"{span.name} район", ("district",))

    # a span cut before its area noun ("Брянською" of "Брянською областю",
    # "Краснодарским" of "Краснодарским краем", "Черного" of "Черного моря",
    # "Стародубском" of "Стародубском муниципальном округе"), or a list after
    # a plural district noun ("над городскими округами Коломна и Раменский"): the
    # name with its noun. A district named after its town is at the town (how
    # reports place it).
    district_lists = _district_lists(text, spans)
    pair_cue_early: dict[int, str] = {}
    for i, span in enumerate(spans):
        noun = _AREA_NOUN_AFTER.match(text, span.end)
        if i in plurals or i in not_places:
            continue
        if noun is not None:
            tries = [noun.group(1)]
        elif i in district_lists and _ADJECTIVE_END.search(span.name):
            tries = [district_lists[i]]
        elif not matches[i] or _ADJECTIVE_CASE.search(span.name):
            # "Engels-2" before "airbase", "Волгоградському" before
            # "нафтопереробному заводу": an installation named after its town
            following = _WORDS_AFTER.match(text, span.end)
            if following is None:
                continue
            words_after = following.group(1).split()
            tries = [" ".join(words_after[:n]) for n in range(1, len(words_after) + 1)]
        else:
            continue
        for words in tries:
            areas = [
                m
                for m in find_matches(f"{span.name} {words}")
                if m.place.precision in ("region", "district", "feature")
                or m.kind == "facility"
            ]
            if areas:
                matches[i] = areas
                first[i] = rank(areas)
                break
        else:
            if noun is not None:
                # "Міньківка Соледарської" before "громади": the span holds
                # the name and its area's adjective
                inside = _inside_area_of_last_word(span.name, noun.group(1))
                if inside:
                    matches[i] = inside
                    first[i] = rank(inside)
                    pair_cue_early[i] = (
                        f"qualified by '{span.name.split()[-1]} {noun.group(1)}'"
                    )

    # qualifiers: "X, Y" / "X (Y)" / "X and Z in southern Y" where Y is an
    # area containing a candidate of X
    pair_context: dict[int, PlaceContext] = {}
    pair_cue: dict[int, str] = dict(pair_cue_early)
    why: dict[int, str] = {}
    # "Svitle and Vysoke, in the Donetsk and the Luhansk region respectively"
    is_area = [
        bool(ranked) and ranked[0].match.place.precision in _AREA_LEVELS
        for ranked in first
    ]
    for i, q in respective_pairs(text, spans, is_area).items():
        area = first[q][0].match.place
        inside = [m for m in matches[i] if area.id in m.place.parents]
        if inside:
            matches[i] = inside
        pair_context[i] = context_of_place(area, weight=4.0)
        pair_cue[i] = f"qualified by '{spans[q].name}', respectively"
    inside_town: dict[int, int] = {}
    for q, names in qualified_lists(text, spans):
        gap = text[spans[q - 1].end : spans[q].start]
        # with no word between, only an area in the genitive qualifies:
        # "Успеновка Запорожской области"
        if gap.isspace() and not _AREA_TAIL.search(spans[q].name):
            continue
        if (
            first[q]
            and first[q][0].match.place.precision == "settlement"
            and _INSIDE_GAP.search(gap)
        ):
            # "the Nemyshlianskyi district in southeast Kharkiv City": a name
            # the gazetteer lacks lies in that town
            for i in names:
                if not matches[i]:
                    inside_town.setdefault(i, q)
        if not first[q] or first[q][0].match.place.precision not in (
            "country",
            "region",
            "district",
        ):
            continue
        # "X in Luhansk and Donetsk oblasts": X is in one of them
        group = plurals[q][1] if q in plurals else (q,)
        qualifiers = [
            first[k][0].match.place
            for k in group
            if first[k] and first[k][0].match.place.precision != "settlement"
        ]
        for rank_in_list, i in enumerate(names):
            if i in pair_context or i in plurals:
                continue
            qualifier = qualifiers[0]
            level = _LEVEL.get(first[i][0].match.place.precision, 0) if first[i] else 0
            inside = [
                m
                for m in matches[i]
                if any(area.id in m.place.parents for area in qualifiers)
            ]
            if rank_in_list and (not inside or level <= _LEVEL[qualifier.precision]):
                continue  # a list's earlier names only take a constraint
            context = PlaceContext()
            for area in qualifiers:
                context.absorb(context_of_place(area, weight=4.0))
            pair_context[i] = context
            pair_cue[i] = f"qualified by '{spans[q].name}'"
            # A qualifier of a higher level is a constraint: the candidates
            # inside it, if any. (Of the same level it is a list: "China, Japan".)
            if inside and level > _LEVEL[qualifier.precision]:
                matches[i] = inside
            elif len(qualifiers) == 1 and _lacks(matches[i], qualifier.id):
                # no town of the name in the country or state named beside it
                # ("Holliday, Missouri" when the gazetteer knows only other
                # Hollidays): the text names a town the gazetteer lacks
                matches[i] = []
                why[i] = (
                    f"the gazetteer has no {spans[i].name} in {qualifier.name}, "
                    "only elsewhere"
                )
    for i, span in enumerate(spans):
        bearing = _BEARING.search(text[max(0, span.start - 60) : span.start])
        if bearing and i not in pair_context:
            pair_cue.setdefault(i, f"anchor of '{bearing.group(0).strip()}'")

    # "Zoria (southwest of Kostiantynivka)", "8km southeast of Vuhledar": the
    # anchor's point, the bearing and the distance choose among namesakes
    anchors = anchored(text, spans)
    unanchored = {i: list(matches[i]) for i in anchors}
    for i, anchor in anchors.items():
        if i in pair_context or not first[anchor.anchor]:
            continue
        fitting = _within_anchor(matches[i], anchor, first[anchor.anchor][0])
        if fitting:
            matches[i] = fitting
            pair_cue[i] = f"anchored: {anchor.said} {spans[anchor.anchor].name}".strip()
    # A Latin word that only looks like a Ukrainian village's name is that
    # village only where the text places it: inside its qualifier, or where
    # its anchor says (a misspelt village beside its town); else the letters
    # coincide with some village elsewhere
    for i, found in enumerate(matches):
        if not found or not all(_latin_lookalike(m) for m in found):
            continue
        cue = pair_cue.get(i, "")
        placed = cue.startswith("anchored") or (
            cue.startswith("qualified")
            and i in pair_context
            and all(_inside_cue(m, pair_context[i]) for m in found)
        )
        if not placed:
            matches[i] = []
            why[i] = (
                f"only looks like {found[0].place.name} ({len(found)} of that "
                "name), which the text does not place"
            )

    # "the village of Rivne", "у селі Андріївка": the kind of place is named
    for i, span in enumerate(spans):
        kind_word = _KIND_BEFORE.search(text[max(0, span.start - 30) : span.start])
        if kind_word and i not in pair_context:
            word = kind_word.group(1).casefold()
            village = word not in _TOWN_WORDS
            # "місто", "город" is a status: in Ukraine a city, not a village
            city = has_cyrillic(word) and not village
            pair_context[i] = PlaceContext(
                wanted="village" if village else "city" if city else "settlement"
            )
            pair_cue[i] = f"named as a {word}"

    # A dateline ("WASHINGTON (AP) -", "KYIV, Nov 12 -") names a town
    for i, span in enumerate(spans):
        if (
            i not in pair_context
            and at_line_start(text, span.start)
            and (is_capitals(span.name) or agency_follows(text, span.end))
        ):
            pair_context[i] = PlaceContext(wanted="settlement")
            pair_cue[i] = "named as a town in a dateline"

    # "the ministry said its forces seized X": of X's namesakes (those its
    # qualifier or anchor left) the one by the front line on the claim's day
    boosts_of: dict[int, dict[int, tuple[float, str]]] = {}
    if front is not None:
        # a name repeated with the same candidates asks the maps once
        asked: dict[tuple[int, ...], dict[int, tuple[float, str]]] = {}
        for i, span in enumerate(spans):
            if (span.start, span.end) not in front.spans:
                continue
            places = [s.match.place for s in rank(matches[i])]
            key = tuple(p.pk for p in places)
            if key not in asked:
                asked[key] = front_context(front, places)
            if asked[key]:
                boosts_of.setdefault(i, {}).update(asked[key])

    # "во Львове, Харькове, Ровно": a list names places of one kind; in a
    # list of large towns a name means its large town, not a village
    for i, big in _listed_with_large_towns(text, spans, first).items():
        boosts_of.setdefault(i, {}).update(big)
    for i, neighbours in _listed_neighbours(text, spans, matches).items():
        if i in pair_context:
            continue  # a qualifier or a kind word has said where
        boosts = boosts_of.setdefault(i, {})
        for pk, (value, cue) in neighbours.items():
            had, had_cue = boosts.get(pk, (0.0, ""))
            boosts[pk] = (had + value, f"{had_cue}; {cue}" if had_cue else cue)

    # A report by direction ("На Покровському напрямку ...", one paragraph a
    # front) is read paragraph by paragraph: the places of the paragraph that
    # names a front speak for its names, the rest of the text much less.
    breaks = [m.start() for m in re.finditer("\n", text)]
    paragraphs = [bisect_left(breaks, span.start) for span in spans]
    front_paragraphs = {paragraphs[i] for i, front in enumerate(fronts) if front}
    in_reports = frozenset(
        span.key for i, span in enumerate(spans) if paragraphs[i] in front_paragraphs
    )
    support = cluster_support(spans, first, in_reports)
    chosen = first
    for _ in range(2):
        contributions = []
        for i, ranked in enumerate(chosen):
            if not ranked:
                contributions.append(PlaceContext())
                continue
            weight = 1.0 if confidence(ranked) > 0.5 else 0.5
            if fronts[i]:
                weight *= 2.0
            contributions.append(_contribution(ranked[0], weight))
        # What the other names say, gathered once per name: a long article
        # repeats its names, and gathering per mention would be quadratic.
        by_name: dict[str, PlaceContext] = {}
        for j, other in enumerate(contributions):
            by_name.setdefault(spans[j].key, PlaceContext()).absorb(other)
        others_of = _all_but_each(by_name)
        nearby_of = _paragraph_contexts(spans, paragraphs, contributions)
        chosen = []
        for i, found in enumerate(matches):
            context = others_of[spans[i].key]
            if paragraphs[i] in front_paragraphs:
                nearby = nearby_of[(spans[i].key, paragraphs[i])]
                context = _blend(context, nearby)
            context = context.merged(pair_context.get(i, PlaceContext()))
            context.support = support[i]
            context.boosts = boosts_of.get(i, {})
            chosen.append(rank(found, context))
    # an anchor resolved otherwise in context than alone: its bearing again
    for i, anchor in anchors.items():
        if not pair_cue.get(i, "").startswith("anchored") or not chosen[anchor.anchor]:
            continue
        if (
            chosen[anchor.anchor][0].match.place.pk
            == first[anchor.anchor][0].match.place.pk
        ):
            continue
        fitting = _within_anchor(unanchored[i], anchor, chosen[anchor.anchor][0])
        if fitting:
            keep = {m.place.pk for m in fitting}
            chosen[i] = [s for s in chosen[i] if s.match.place.pk in keep] or rank(
                fitting
            )
    qualified = {
        i for i, cue in pair_cue.items() if cue.startswith(("qualified", "anchored"))
    }
    named_as = {i for i, cue in pair_cue.items() if cue.startswith("named as")}
    chosen = _one_sense_per_name(spans, chosen, qualified, named_as)
    for i, ranked in enumerate(chosen):
        if _loose_guess(ranked):
            place = ranked[0].match.place
            why[i] = (
                f"only a loose match ({place.name}, {place.country or 'no country'}) "
                "that nothing else in the text supports"
            )
            chosen[i] = []
    referred = _refer_back(spans, chosen, referring)
    for i, (ranked, cue) in referred.items():
        chosen[i] = ranked
        pair_cue[i] = cue
    for i, kind in enumerate(referring):
        if kind and i not in referred:
            why[i] = f"a common noun for a {kind} with no {kind} named before it"
    evidence = [
        _place_evidence(text, span, pair_cue.get(i, ""), fronts[i], chosen[i])
        or ("the place of a claim" if (span.start, span.end) in shown else "")
        for i, span in enumerate(spans)
    ]
    # a name listed with a place is a place ("the village of Andriivka and
    # Krasnokamensk", "in Kupiansk, Borova and Lyman")
    for last in range(len(spans)):
        listed = list_before(text, spans, last)
        if len(listed) > 1 and any(evidence[k] for k in listed):
            for k in listed:
                if not evidence[k] and k not in not_places:
                    evidence[k] = "listed with a place"
    vicinities = {
        i: near
        for i, near in _vicinities(spans, chosen, evidence).items()
        if i not in not_places and not referring[i]
    }
    for i, q in inside_town.items():
        if not chosen[i] and chosen[q] and i not in not_places and not referring[i]:
            vicinities[i] = (chosen[q][0].match.place, spans[q].start - spans[i].start)
    out = []
    for i, ranked in enumerate(chosen):
        cues = list(ranked[0].cues) if ranked else []
        if i in pair_cue:
            cues.append(pair_cue[i])
        if fronts[i]:
            cues.append("named as a front")
        near, chars = vicinities.get(i, (None, 0))
        out.append(
            Resolved(
                spans[i],
                tuple(ranked[:6]),
                confidence(ranked),
                tuple(cues),
                fronts[i],
                near,
                chars,
                "" if ranked else why.get(i, "not in the gazetteer"),
                evidence[i],
                not_places.get(i, ""),
            )
        )
    return out


def _refer_back(
    spans: Sequence[Span],
    chosen: Sequence[Sequence[Scored]],
    referring: Sequence[str],
) -> dict[int, tuple[list[Scored], str]]:
    """Each referring noun's antecedent as its ranking, with the cue saying so."""
    out: dict[int, tuple[list[Scored], str]] = {}
    if not any(referring):
        return out
    starts = [span.start for span in spans]
    for i, kind in enumerate(referring):
        if not kind:
            continue
        j = antecedent(kind, spans[i].start, starts, chosen, referring)
        if j is None:
            continue
        named = chosen[j][0]
        cue = f"refers back to '{spans[j].name}'"
        if kind.endswith("centre"):
            centre = centre_of(named.match.place)
            if centre is None:
                continue
            named = Scored(centre, named.score, ())
            cue = f"the centre of {spans[j].name}"
        out[i] = ([dataclasses.replace(named, cues=(*named.cues, cue))], cue)
    return out


LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zа-яёіїєґ][a-zа-яёіїєґ'’]+(?![\w'’-])")
PLACE_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?:in|near|at|from|into|outside|around|toward|towards|to|"
    r"в|во|у|на|под|під|біля|около|возле|из|із|з|до|от|від|над|поблизу)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# Capitalised nouns that make a place's name the name of a treaty, an accord
# or a format of talks: "Geneva Conventions", "Minsk Agreements", "Normandy
# Format". The place names the document, not where anything happens.
_NAMED_FOR_A_PLACE = frozenset(
    {
        "accord",
        "accords",
        "agreement",
        "agreements",
        "convention",
        "conventions",
        "declaration",
        "format",
        "memorandum",
        "protocol",
        "protocols",
        "treaty",
    }
)


def _not_a_place(
    text: str, span: Span, common: frozenset[str], memo: dict[str, list[Match]]
) -> str:
    """Why a span is not a place whatever the gazetteer holds, or "": a word
    the text also writes in lower case ("Main Effort", "a rifle"), a run of
    capitals inside a line ("NATO"), a person ("Grace Mappes", "Frederick W.
    Kagan"). A preposition of place before it ("in Reading") keeps it."""
    from foglift.geoparse.detect import STOPWORDS, given_name
    from foglift.geoparse.resolve import importance

    name = span.name
    if name.casefold().strip(" .'’") in STOPWORDS:
        return "a word that is never a place in running text"
    before = text[max(0, span.start - 30) : span.start]
    if PLACE_WORD_BEFORE.search(before) or " " in name.strip():
        return ""
    line_start = at_line_start(text, span.start)
    big = any(importance(m.place) >= _WELL_KNOWN for m in memo.get(name, ()))
    if name.isupper() and 4 <= len(name) <= 5 and not line_start and not big:
        return "an acronym, not a place"
    if not name.isupper() and name.casefold() in common:
        return "a common word the text also writes in lower case"
    after = re.match(r"\s+([A-ZА-ЯЁІЇЄҐ][\w'’.-]*)", text[span.end : span.end + 40])
    if after and after.group(1).casefold() in _NAMED_FOR_A_PLACE:
        return "part of the name of a treaty or accord"
    if after and given_name(name, after.group(1)) and not big:
        return "a person's given name"
    previous = re.search(r"([A-ZА-ЯЁІЇЄҐ][\w'’-]*)\s+$", before)
    if previous and given_name(previous.group(1), name) and not big:
        return "a person's surname"
    if in_byline(text, span.start):
        return "a name in a byline of authors"
    return ""


# a person in a byline: two to four capitalised words, initials among them
_PERSON = r"[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:\s+(?:[A-ZА-ЯЁІЇЄҐ]\.|[A-ZА-ЯЁІЇЄҐ][\w'’-]+)){1,3}"
_BYLINE = re.compile(
    rf"\s*(?:(?:[Bb]y|BY|[Аа]вторы?|[Аа]втори)\s*:?\s+)?({_PERSON}(?:\s*,\s*{_PERSON})*"
    rf"(?:\s*,?\s*(?:and|&|и|і|та)\s+{_PERSON})?)\s*"
)
_BYLINE_CHARS = 400  # a byline is a short line: longer lines are never read


def in_byline(text: str, at: int) -> bool:
    """Whether ``at`` lies in a line that is only a list of people's names
    ("By Jane Doe and John Roe", "Ann Lee, Frederick W. Kagan"): a line of
    two or more names of two to four words, at least half of which open with a given
    name. Its names are authors, not places, even a given name that is mostly
    a town (Madison, Regina) or a surname that is one (Kagan)."""
    from foglift.geoparse.detect import given_name

    start = text.rfind("\n", max(0, at - _BYLINE_CHARS), at) + 1
    if start == 0 and at > _BYLINE_CHARS:
        return False
    end = text.find("\n", at, start + _BYLINE_CHARS + 1)
    if end < 0:
        if len(text) - start > _BYLINE_CHARS:
            return False
        end = len(text)
    line = text[start:end]
    found = _BYLINE.fullmatch(line)
    if found is None:
        return False
    people = re.split(
        r"\s*,\s*(?:(?:and|&|и|і|та)\s+)?|\s+(?:and|&|и|і|та)\s+",
        found.group(1).strip(),
    )
    given = sum(
        1
        for person in people
        if len(words := person.split()) > 1 and given_name(words[0], words[1])
    )
    return len(people) >= 2 and given * 2 >= len(people)


# words before a name that say it is a place: a locative or directional
# preposition ("near Kupiansk", "у Покровську", "під Бахмутом")
_LOCATIVE_BEFORE = re.compile(
    r"(?<![\w-])(?:in|near|at|from|into|outside|around|toward|towards|across|"
    r"through|via|to|of the (?:town|city|village|settlement|region|oblast) of|"
    r"north|south|east|west|northeast|northwest|southeast|southwest|"
    r"в|во|у|на|под|під|біля|около|возле|из|із|з|до|от|від|над|поблизу|"
    r"районе|районі|неподалік|вблизи|близ|через|між|между)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NOT_LOCATIVE = re.compile(r"(?:according|due|thanks|owing)\s+to\s+$", re.I)
# a gazetteer entry this large is a place whatever the words around it
_WELL_KNOWN = 5.3


def _place_evidence(
    text: str, span: Span, cue: str, front: bool, ranked: Sequence[Scored]
) -> str:
    """What says that a name is a place, beyond the gazetteer's having it:
    a qualifier, anchor, kind word or dateline, a front, a locative
    preposition before it, or a well-known place (a town of 200,000 or more,
    a country or first-level area). Empty when nothing does."""
    from foglift.geoparse.resolve import importance

    if cue:
        return cue
    if front:
        return "named as a front"
    before = text[max(0, span.start - 40) : span.start]
    if _LOCATIVE_BEFORE.search(before) and not _NOT_LOCATIVE.search(before):
        return "after a locative preposition"
    if ranked:
        place = ranked[0].match.place
        if place.precision in ("country", "region") or importance(place) >= _WELL_KNOWN:
            return "a well-known place"
        if ranked[0].context > 0 and place.country in ("UA", "RU"):
            return "in the theatre the text is about"
    return ""


# A name the gazetteer lacks (a hamlet, a hospital, a valley) is most often
# near the place named closest to it in the text: within VICINITY_CHARS, the
# nearest mention resolved to a settlement or district stands in for it, as
# an approximate point ("vicinity"). On the development corpora (gold spans)
# that point is within 161 km for 25 of the 30 names TR-News places this way
# and 42 of GeoVirus' 67; counting regions or features too was worse.
VICINITY_CHARS = 1000


def _vicinities(
    spans: Sequence[Span],
    chosen: Sequence[Sequence[Scored]],
    evidence: Sequence[str],
) -> dict[int, tuple[Place, int]]:
    """For each mention without candidates, the nearest town named within
    VICINITY_CHARS, and how many characters away; only a name the text shows
    to be a place counts as a town here (not "Effort" resolved to a hamlet)."""
    towns = sorted(
        (
            (span.start, ranked[0].match.place)
            for span, ranked, shown in zip(spans, chosen, evidence, strict=True)
            if ranked
            and shown
            and ranked[0].match.place.precision in ("settlement", "district")
        ),
        key=lambda town: town[0],
    )
    starts = [start for start, _ in towns]
    out: dict[int, tuple[Place, int]] = {}
    for i, (span, ranked) in enumerate(zip(spans, chosen, strict=True)):
        if ranked or not towns:
            continue
        at = bisect_left(starts, span.start)
        nearby = [towns[k] for k in (at - 1, at) if 0 <= k < len(towns)]
        start, place = min(nearby, key=lambda t: abs(t[0] - span.start))
        gap = abs(start - span.start)
        if gap <= VICINITY_CHARS:
            out[i] = (place, gap)
    return out
