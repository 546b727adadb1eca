"""Candidates for a place name, and their ranking in a context.

A name is looked up under its key, then (Cyrillic) under the nominatives of
its case forms, then with a trailing qualifier ("Kursk region", "Pokrovskyi
district") read as a constraint on the kind of place, and last under its
skeleton, the loose key on which transliteration schemes meet.

Each candidate scores ``importance + match + context``:

* importance: log10 of the population, or of a typical population for
  the kind of entry when the gazetteer gives none (see ``_TYPICAL``);
* match: how the name matched (official name, alternate name, old name,
  inflected form, skeleton ...);
* context: the areas and points the rest of the document (or ``near=``)
  establishes: being inside a named country, oblast or raion, and being close
  to the other places mentioned.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from foglift.caches import entries
from foglift.geoparse.index import (
    Place,
    aliases_of,
    place_by_id,
    place_by_pk,
    places_for_key,
    places_for_keys,
    places_for_skeleton,
    settlement_cells,
)
from foglift.names import has_cyrillic, name_key, skeleton

# How the alias matched -> score adjustment. Chosen on the development corpora
# (TR-News, GeoVirus) and the Ukrainian coverage test; see docs/geoparse.md.
MATCH_BONUS = {
    "name": 0.0,
    "qualified": 0.5,
    "uk": 0.0,
    "ru": 0.0,
    "abbr": 0.0,
    "demonym": 0.0,
    "old": -0.3,
    "translit": -0.2,
    # a Ukrainian name put into Russian spelling by rule (Синьковка)
    "ru_guess": -0.3,
    "alt": -1.0,
    "morph": -0.3,
    # a case form of another name when the text's form is a name itself
    # (Іванівці: the village, or the locative of Іванівка): context must decide;
    # -1.5 keeps the exact name first without context (coverage test, 2025-11)
    "morph_shadowed": -1.5,
    "skeleton": -1.5,
    # a Ukrainian settlement whose name is close to a Russian spelling
    "lookalike": -1.5,
    # a part of a named place ("North London", "eastern Ukraine")
    "part": -0.5,
    # the town of an installation named after it ("Saky airbase", "Engels-2")
    "facility": -0.3,
    # an alternate name of a town in Ukraine or Russia that is the official
    # name of other settlements: a former or historical name (Олександрівка
    # of Donetsk, Новоолександрівка of Melitopol) does not beat the live ones
    "shadowed": -2.5,
}
# where the gazetteer holds every settlement's official name (KATOTTH, the
# border oblasts), so that an alternate name matching one is historical
_OFFICIAL_NAMES = frozenset({"UA", "RU"})
_LIVE = frozenset({"name", "uk", "ru", "qualified"})
# rapidfuzz ratio of romanised skeletons at which an alias is a spelling of the
# name (Ильинка and Illinka meet at 100, Широкое and Shyroke at 83, Ровно and
# Rivne at 60; Олександрівка and Donetsk at 20)
SPELLING_RATIO = 55.0

# A typical population for entries the gazetteer gives none: KATOTTH
# categories of Ukrainian settlements, and areas (an area named in a text is
# usually meant as the area, so it counts as a large place).
_TYPICAL = {
    "PPL_M": 15000,
    "PPL_X": 2500,
    "PPL_C": 300,
    "PPL": 500,
    "ADM1": 1_000_000,
    "ADM2": 100_000,
    "ADM3": 10_000,
    "RGN": 2_000_000,
    "CONT": 500_000_000,
    "PCLI": 1_000_000,
    # an airport named in news is a large airport
    "AIRP": 20_000,
}

# The document's country: the other mentions' countries as a share of their
# votes. Same-level co-mentions: other first-level areas (or districts) of the
# same country. Chosen on the development corpora (docs/geoparse.md).
COUNTRY_PRIOR = 1.5
# Minimal-distance clustering: a candidate near some candidate of another
# name (Edmonton and Enfield, both in north London) gains this much per name.
CLUSTER_BONUS = 3.0
LEVEL_BONUS = 0.5
LEVEL_CAP = 1.0

AREA_CAP = 3.5
NEAR_CAP = 3.0
# (distance km, bonus per neighbour) for nearness to the other mentions'
# places; steeper than (50 1.5, 150 1.0, 400 0.5), which made a village 4 km
# from the front town tie one 100 km away: TR-News 83.3% -> 83.7%, GeoVirus =
NEAR_STEPS = ((25.0, 2.0), (50.0, 1.5), (150.0, 0.8), (400.0, 0.3))
# A region holding a city of its own name with at least CITY_STATE_SHARE of
# its (GeoNames cities') people yields CITY_STATE_SHIFT: "Moscow", "Berlin",
# "Kyiv" mean the city. 0.2 on the development corpora: acc@161 equal or up
# (GeoVirus 75.76% -> 75.81%), AUC 0.313 -> 0.300 and 0.375 -> 0.371.
CITY_STATE_SHIFT = 1.5
CITY_STATE_SHARE = 0.2
# "the village of X": a settlement candidate gains this much
KIND_CUE = 2.0
# A place named as the anchor ("--near Pokrovsk", "Rivne, Pokrovsk raion")
# counts as a neighbour of weight/NEAR_SHARE: 1.5 rather than 3 lets the
# village of Rivne by Pokrovsk beat the city of Rivne; coverage test resolved
# with raion 99.5% -> 99.7%, TR-News 83.7% -> 83.8%, GeoVirus =
NEAR_SHARE = 1.5
# A name that is a country's name nearly always means the country.
PRECISION_BONUS = {"country": 1.5}
# A country's capital is named more often than its size says (Washington,
# DC over the state). 0.5: GeoVirus 83.7% -> 83.8%, TR-News =; 1.0 and more
# lose on GeoVirus (83.5%, 83.0%).
CAPITAL_BONUS = 0.5

_QUALIFIERS = {
    "oblast": "region", "region": "region", "province": "region", "krai": "region",
    "kray": "region", "state": "region", "область": "region", "обл": "region",
    "край": "region", "raion": "district", "rayon": "district", "district": "district",
    "county": "district", "co": "district", "район": "district", "hromada": "district",
    "prefecture": "region", "governorate": "region", "department": "region",
    "canton": "region", "territory": "region", "parish": "district",
    "громада": "district", "city": "settlement", "town": "settlement",
    "village": "settlement", "місто": "settlement", "город": "settlement",
    "село": "settlement", "селище": "settlement", "смт": "settlement",
}  # fmt: skip
_AREAS = ("region", "district")
# Only a sizeable town has named parts ("North London"): without the floor
# TR-News' "South Plains" (Texas) became the hamlet of Plains, 182 km off.
PARTS_MIN_PEOPLE = 100_000
_PARTS = frozenset(
    (
        "north", "south", "east", "west", "northern", "southern", "eastern",
        "western", "central", "upper", "lower", "greater", "inner", "outer",
        "downtown", "northeast", "northwest", "southeast", "southwest",
        "northeastern", "northwestern", "southeastern", "southwestern",
    )
)  # fmt: skip
_LEADING = re.compile(r"^(the|of|in|м\.|с\.|смт|г\.|пгт)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer entry a name can mean, and how the name reached it."""

    place: Place
    kind: str
    via: str  # the key that matched


@dataclass(slots=True)
class PlaceContext:
    """What the rest of a document says about where things are."""

    areas: dict[str, float] = field(default_factory=dict)  # place id -> weight
    points: list[tuple[float, float, float]] = field(default_factory=list)
    # votes of the other mentions: their countries, and (country, precision)
    # pairs (Alabama and Texas make "Georgia" a state like them)
    countries: dict[str, float] = field(default_factory=dict)
    levels: dict[tuple[str, str], float] = field(default_factory=dict)
    # per candidate (pk): how many other names have a candidate close by
    support: dict[int, float] = field(default_factory=dict)
    # the kind of place the text says it is ("the village of ...")
    wanted: str | None = None
    # per candidate (pk): a bonus the words around the name give it, and the
    # cue saying why (by the front line on the claim's day: frontline.py; of
    # the size of the towns listed with it)
    boosts: dict[int, tuple[float, str]] = field(default_factory=dict)

    def add_area(self, place_id: str, weight: float) -> None:
        # evidence adds up (three mentions of Kentucky outweigh one), to a cap
        self.areas[place_id] = max(self.areas.get(place_id, 0.0), weight)

    def merged(self, other: PlaceContext) -> PlaceContext:
        out = PlaceContext(
            dict(self.areas),
            list(self.points),
            dict(self.countries),
            dict(self.levels),
            dict(self.support),
            self.wanted,
            dict(self.boosts),
        )
        out.absorb(other)
        return out

    def absorb(self, other: PlaceContext) -> None:
        """Add what ``other`` says to this context, in place."""
        for key, weight in other.areas.items():
            self.add_area(key, weight)
        # one point per place, at its strongest weight and first position (what
        # _neighbours reads): a long text's contexts stay as long as its places,
        # not its mentions, so a context per mention is not quadratic
        self.points = _neighbours_of([*self.points, *other.points])
        for country, votes in other.countries.items():
            self.countries[country] = self.countries.get(country, 0.0) + votes
        for level, votes in other.levels.items():
            self.levels[level] = self.levels.get(level, 0.0) + votes
        self.support.update(other.support)
        self.wanted = self.wanted or other.wanted
        self.boosts.update(other.boosts)

    def country_share(self, country: str) -> float:
        """The share of the other mentions' votes for ``country`` (one vote of
        doubt added, so a lone co-mention is no majority)."""
        if not country or not self.countries:
            return 0.0
        return self.countries.get(country, 0.0) / (sum(self.countries.values()) + 1.0)


@dataclass(frozen=True, slots=True)
class Scored:
    match: Match
    score: float
    cues: tuple[str, ...]
    context: float = 0.0  # the part of the score the rest of the text gave
    nearest_km: float = math.inf  # to the closest place the text names


# Ukraine's areas that Russia annexed in 2014 and its reports count as Russia's
_ANNEXED = frozenset({"admin1:UA.11", "admin1:UA.20"})
_WEAK_ALIASES = frozenset({"alt", "old", "translit", "ru_guess"})


@lru_cache(maxsize=64)
def match_bonus(kind: str) -> float:
    """The adjustment for a match kind; compound kinds ("morph+alt") add up."""
    return sum(MATCH_BONUS[part] for part in kind.split("+"))


def clean_name(name: str) -> str:
    text = " ".join(name.split()).strip(' .,;:!?"“”«»()[]')
    text = _POSSESSIVE.sub("", text)
    return _LEADING.sub("", text)


def find_matches(name: str) -> list[Match]:
    """Every gazetteer entry ``name`` can mean, best match kind per entry."""
    return list(_matches(name))


# Posts of one corpus repeat their names ("Москва", "Путин", a channel's own
# name) and their capitalised non-names: the candidates of a name are read
# once per process, not once per text (a fifth of a post's check before).
@lru_cache(maxsize=entries("matches"))
def _matches(name: str) -> tuple[Match, ...]:
    return tuple(_find_matches(name))


def _find_matches(name: str) -> list[Match]:
    text = clean_name(name)
    key = name_key(text)
    if not key:
        return []
    found: dict[int, Match] = {}

    def add(
        hits: Iterable[tuple[Place, str]], via: str, kind: str | None = None
    ) -> None:
        for place, alias_kind in hits:
            use = kind or alias_kind
            if kind and alias_kind in _WEAK_ALIASES:
                # a case form of a weak alias is weaker still ("morph+alt")
                use = f"{kind}+{alias_kind}"
            current = found.get(place.pk)
            if current is None or match_bonus(use) > match_bonus(current.kind):
                found[place.pk] = Match(place, use, via)

    add(places_for_key(key), key)
    cyrillic = has_cyrillic(key)
    if cyrillic:
        from foglift.geoparse.morphology import nominatives

        # Case forms are looked up even when the form is itself a name: the
        # locative of Іванівка is Іванівці, also a village of its own, and
        # context decides between them (the exact name keeps its bonus).
        shadowed = bool(found)
        form_keys = [name_key(f) for f in nominatives(text, dictionaries=not shadowed)]
        by_key = places_for_keys(tuple(form_keys))
        for form_key in form_keys:
            if form_key in by_key:
                kind = "morph_shadowed" if shadowed else "morph"
                add(by_key[form_key], form_key, kind)
    words = key.split()
    if len(words) > 1 and words[-1] in ("co", "cnty"):
        # "Plymouth Co." is "Plymouth County"
        county = " ".join([*words[:-1], "county"])
        add(places_for_key(county), county)
    if len(words) > 1 and words[-1] in _QUALIFIERS:
        wanted = _QUALIFIERS[words[-1]]
        base = " ".join(words[:-1])
        bases = [base]
        if cyrillic:
            from foglift.geoparse.morphology import nominatives

            bases += [name_key(form) for form in nominatives(base)]
        for base_key in bases:
            places = places_for_key(base_key)
            hits = [(p, k) for p, k in places if p.precision == wanted]
            if not hits and wanted != "settlement":
                # "Karak district" for a governorate: an area of another level
                hits = [(p, k) for p, k in places if p.precision in _AREAS]
            add(hits, base_key, "qualified")
    first, _, rest = key.partition(" ")
    if not found and rest and first in _PARTS:
        # "North London", "Greater Toronto Area", "eastern Ukraine": a part
        # of a place the gazetteer knows
        whole = rest.removesuffix(" area").strip()
        add(
            ((p, "part") for p, _ in places_for_key(whole) if _is_whole(p)),
            whole,
        )
    if not found:
        skel = skeleton(text)
        if len(skel) >= 4:
            add(((p, "skeleton") for p in places_for_skeleton(skel)), skel)
    # an installation matched only by the short skeleton of another's name
    # ("Saky airbase" for the air base the data spell "Saki"; a long one is
    # a spelling of the name, "Zaporizhia nuclear power plant") may still be
    # named after its town, which the gazetteer knows as the text spells it
    if all(m.kind == "skeleton" and len(m.via) < LONG_SKELETON for m in found.values()):
        head = _facility_town(key)
        if head:
            towns = places_for_key(head)
            if not towns and cyrillic:
                from foglift.geoparse.morphology import nominatives

                forms = [name_key(f) for f in nominatives(head)]
                towns = tuple(
                    h for v in places_for_keys(tuple(forms)).values() for h in v
                )
            add(
                (
                    (p, "facility")
                    for p, _ in towns
                    if p.precision in ("settlement", "feature")
                ),
                head,
            )
    if not found and cyrillic:
        # "в Раменском городском округе", "по Волгоградскому НПЗ": a district
        # or an installation named by its town's adjective
        town_keys = town_keys_of_adjective(key)
        named_after = [
            p for hits in places_for_keys(town_keys).values() for p, _ in hits
        ]
        if town_keys and not named_after:
            # a Russian town in Ukrainian spelling (Сизранський: Сызрань)
            named_after = [
                p for k in town_keys for p in places_for_skeleton(skeleton(k))
            ]
        add(
            (
                (p, "facility")
                for p in named_after
                if p.precision == "settlement" and p.country in _THEATRE
            ),
            key,
        )
    return _live_names_first(list(found.values()))


# a skeleton this long (letters of a name of several words) is a spelling of
# the name it matches, not a coincidence
LONG_SKELETON = 20


# an adjective of a town ("Раменский", "Волгоградському") followed by lower-case
# words ending in a district's or an installation's noun; in key form (й -> и,
# ї -> і, a hyphen a space)
_TOWN_ADJECTIVE = re.compile(
    r"^(?P<stem>[а-яеіієґ]{3,}?)(?:ск|ськ|цк|цьк)"
    r"(?:ии|ыи|ои|ого|ому|им|ом|ая|ую|ое|іи|оі|ою|ім|их|ими|а|е|у|і)$"
)
_NAMED_AFTER_TOWN = re.compile(
    r"^(?:[а-яеіієґ]+ )*?(?:округ\w*|район\w*|завод\w*|нпз|тэц|тэс|тец|тес|"
    r"аэропорт\w*|аеропорт\w*|аэродром\w*|аеродром\w*|порт\w*|комбинат\w*|"
    r"комбінат\w*|нефтебаз\w*|нафтобаз\w*|предприяти\w*|підприємств\w*)$"
)


@lru_cache(maxsize=1024)
def town_keys_of_adjective(key: str) -> tuple[str, ...]:
    """The keys a town may have whose adjective opens ``key``
    ("раменском городском округе" -> "рамен", "раменское", ...;
    "павлово посадском ..." -> "павловскии посад"), or () when ``key`` is
    not an adjective followed by a district's or an installation's noun."""
    words = key.split()
    compound = ""
    if len(words) > 2 and words[0].endswith("о") and len(words[0]) > 3:
        # Павлово-Посадский of Павловский Посад
        compound, words = words[0], words[1:]
    adjective = _TOWN_ADJECTIVE.match(words[0]) if len(words) > 1 else None
    if not adjective or not _NAMED_AFTER_TOWN.match(" ".join(words[1:])):
        return ()
    stem = adjective.group("stem")
    if compound:
        return (f"{compound[:-1]}скии {stem}", f"{compound[:-1]}ськии {stem}")
    return tuple(
        stem + end for end in ("", "ск", "ськ", "ское", "ське", "е", "о", "а", "ь")
    )


def _alias_kind(kind: str) -> str:
    """The kind of alias a match reached, a case form or not ("morph+alt")."""
    parts = [p for p in kind.split("+") if p not in ("morph", "morph_shadowed")]
    return parts[-1] if parts else "name"


def _live_names_first(found: list[Match]) -> list[Match]:
    """Mark the alternate-name matches of towns in Ukraine and Russia when the
    name is the live, official name of other settlements there."""
    live = any(
        m.place.precision == "settlement"
        and m.place.country in _OFFICIAL_NAMES
        and _alias_kind(m.kind) in _LIVE
        for m in found
    )
    if not live:
        return found
    return [
        dataclasses.replace(m, kind=f"{m.kind}+shadowed")
        if _alias_kind(m.kind) == "alt"
        and m.place.precision == "settlement"
        and m.place.country in _OFFICIAL_NAMES
        and not _spelling_of(m.via, m.place.name)
        else m
        for m in found
    ]


def _spelling_of(alias: str, name: str) -> bool:
    """Whether an alternate name is a spelling of the place's own name
    (Широкое of Shyroke), not another name (Олександрівка of Donetsk)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(skeleton(alias), skeleton(name)) >= SPELLING_RATIO


# Installations named after their town: the words after the town's name
# (longest first), or before it ("port of Pivdennyi", "аэродром Энгельс")
_FACILITY_AFTER = tuple(
    sorted(
        (
            "airbase", "air base", "airfield", "airport", "aerodrome", "air field",
            "plant", "power plant", "nuclear power plant", "thermal power plant",
            "npp", "tpp", "factory", "missile factory", "refinery", "oil refinery",
            "oil depot", "depot", "port", "seaport", "sea port", "railway station",
            "arsenal", "авиабаза", "аэродром", "аэропорт", "аес", "тэс", "нпз",
            "авіабаза", "аеродром", "аеропорт", "тес",
        ),
        key=lambda w: -len(w),
    )
)  # fmt: skip
_FACILITY_BEFORE = (
    "port of", "the port of", "airbase", "air base", "airfield", "авиабаза",
    "аэродром", "аэропорт", "авіабаза", "аеродром", "аеропорт", "порт",
)  # fmt: skip
_SERIAL = re.compile(r"\s+\d+$")


def _facility_town(key: str) -> str:
    """The town's key in an installation's name ("saky airbase" -> "saky",
    "engels 2 airbase" -> "engels"), or ""."""
    for word in _FACILITY_AFTER:
        if key.endswith(" " + word):
            return _SERIAL.sub("", key[: -len(word) - 1]).strip()
    for word in _FACILITY_BEFORE:
        if key.startswith(word + " "):
            return _SERIAL.sub("", key[len(word) + 1 :]).strip()
    return ""


# A Cyrillic name known in one of these countries, or as a city of 100,000
# or more anywhere (Париж), is not a lookalike of a Ukrainian village
# (Белгород is Belgorod, not Bilohorodka).
_THEATRE = frozenset({"UA", "RU", "BY"})
# the KATOTTH statuses of Ukraine's settlements that are not cities
_UA_VILLAGE_CODES = frozenset({"PPL_C", "PPL_X"})
# how close (rapidfuzz ratio of romanised skeletons) a lookalike must be
LOOKALIKE_RATIO = 85.0


@lru_cache(maxsize=entries("ukrainian_lookalikes"))
def ukrainian_lookalikes(forms: tuple[str, ...]) -> tuple[tuple[Place, str], ...]:
    """Ukrainian settlements whose skeletons are within LOOKALIKE_RATIO of a
    form's, the closest three, with the form each matched."""
    from rapidfuzz import fuzz, process

    best: dict[int, tuple[float, str]] = {}
    for form in forms:
        skel = skeleton(form)
        if len(skel) < 5:
            continue
        skeletons, pks = _skeletons_by_initial().get(skel[0], ((), ()))
        for _, score, n in process.extract(
            skel, skeletons, scorer=fuzz.ratio, limit=5, score_cutoff=LOOKALIKE_RATIO
        ):
            if score > best.get(pks[n], (0.0, ""))[0]:
                best[pks[n]] = (score, form)
    out: list[tuple[Place, str]] = []
    for pk, (_, form) in sorted(best.items(), key=lambda item: -item[1][0])[:3]:
        place = place_by_pk(pk)
        if place is not None and place.country == "UA":
            out.append((place, form))
    return tuple(out)


@lru_cache(maxsize=entries("ukrainian_lookalikes"))
def _latin_lookalikes(key: str) -> tuple[Place, ...]:
    """Every Ukrainian settlement of the name (or names) whose skeleton is
    closest to a Latin word's, within LOOKALIKE_RATIO: the name is what looks
    alike, and a common village name has dozens of namesakes, which the text's
    qualifier or anchor must choose from."""
    from rapidfuzz import fuzz, process

    skel = skeleton(key)
    if len(skel) < 5:
        return ()
    skeletons, _ = _skeletons_by_initial().get(skel[0], ((), ()))
    found = process.extract(
        skel, skeletons, scorer=fuzz.ratio, limit=5, score_cutoff=LOOKALIKE_RATIO
    )
    if not found:
        return ()
    top = max(score for _, score, _ in found)
    names = sorted({name for name, score, _ in found if score == top})
    found_places = {
        place.pk: place
        for name in names
        for place in places_for_skeleton(name)
        if place.country == "UA"
        and place.precision == "settlement"
        and _live_skeleton(place, name)
    }
    return tuple(found_places.values())


def _live_skeleton(place: Place, skel: str) -> bool:
    """Whether a place bears a name of this skeleton as a spelling of its own
    (a Russian spelling of its name), not as a former or another name (Mezhova's
    Grigoryevka)."""
    return any(
        kind != "old" and skeleton(key) == skel and _spelling_of(key, place.name)
        for key, kind in aliases_of(place.pk)
    )


@lru_cache(maxsize=1)
def _skeletons_by_initial() -> dict[str, tuple[tuple[str, ...], tuple[int, ...]]]:
    """Settlement skeletons in Ukraine's box, by first letter: a Russian
    spelling keeps the Ukrainian name's first letter (Крынки, Кринки), and one
    letter's names are a twentieth of the search."""
    import numpy as np

    # the settlements of the box in the order of latitude, then of storage,
    # from the cells suggestions keep in memory
    cells = settlement_cells(44.0, 52.5, 22.0, 40.5)
    rows = [(skel, cell, i) for cell in cells for i, skel in enumerate(cell.skeletons)]
    lats = np.concatenate([cell.lats for cell in cells]) if cells else np.array([])
    rowids = np.concatenate([cell.rowids for cell in cells]) if cells else lats
    grouped: dict[str, list[tuple[str, int]]] = {}
    for n in np.lexsort((rowids, lats)).tolist():
        skel, cell, i = rows[n]
        if skel:
            grouped.setdefault(skel[0], []).append((skel, int(cell.pks[i])))
    return {
        initial: (tuple(s for s, _ in rows), tuple(pk for _, pk in rows))
        for initial, rows in grouped.items()
    }


def _is_whole(place: Place) -> bool:
    """Whether a place is large enough to have named parts ("North London",
    "eastern Ukraine"; not the hamlet of Plains for "South Plains")."""
    return place.precision != "settlement" or place.population >= PARTS_MIN_PEOPLE


_LATIN_WORD = re.compile(r"[a-z][a-z'-]{4,}")


def with_lookalikes(name: str, matches: list[Match]) -> list[Match]:
    """``matches`` and, for a Cyrillic name known neither in the theatre nor as
    a city of 100,000 or more, the Ukrainian settlements whose names look like
    it: a Russian spelling the rules do not give (Крынки for Кринки, Работино
    for Роботине, Степногорск for Степногірськ), as weak candidates that the
    text's context must carry. Kept out of :func:`find_matches`, the hot path
    of every lookup: documents and ``geo lookup`` call it once per name."""
    text = clean_name(name)
    key = name_key(text)
    if not key:
        return matches
    if not has_cyrillic(key):
        # a Latin single word the gazetteer does not know at all, even by its
        # skeleton, may be a Ukrainian village spelt by Russian sound
        # (an o for the Ukrainian i) or with a letter slipped
        if matches or " " in key or not _LATIN_WORD.fullmatch(key):
            return matches
        return [Match(place, "lookalike", key) for place in _latin_lookalikes(key)]
    if any(m.place.country in _THEATRE or importance(m.place) >= 5.0 for m in matches):
        return matches
    from foglift.geoparse.morphology import nominatives

    known = {m.place.pk for m in matches}
    forms = (key, *(name_key(f) for f in nominatives(text)[:3]))
    extra = [
        Match(place, "lookalike", via)
        for place, via in ukrainian_lookalikes(forms)
        if place.pk not in known
    ]
    return [*matches, *extra]


# Regions of the two countries at war are named as peers: a Russian list of
# regions hit by drones runs Kursk, Bryansk, Crimea; a Ukrainian one Sumy,
# Kharkiv, Belgorod ("Крыму" there is Crimea, not the village of Krym).
_PEERS = {"RU": "RU+UA", "UA": "RU+UA"}


def peer_group(country: str) -> str:
    """The country whose first-level areas a name's areas are peers of."""
    return _PEERS.get(country, country)


def importance(place: Place) -> float:
    population = place.population or _TYPICAL.get(place.fcode, 500)
    return math.log10(population + 10)


def _nearness(d: float) -> float:
    for limit, value in NEAR_STEPS:
        if d < limit:
            return value
    return 0.0


def _neighbours(context: PlaceContext) -> list[tuple[float, float, float]]:
    """The context's points, one per place: a place named three times is one
    neighbour, at its strongest weight."""
    return _neighbours_of(context.points)


def _neighbours_of(
    points: list[tuple[float, float, float]],
) -> list[tuple[float, float, float]]:
    weights: dict[tuple[float, float], float] = {}
    for lat, lon, weight in dict.fromkeys(points):  # (repeats cost nothing)
        weights[(lat, lon)] = max(weight, weights.get((lat, lon), 0.0))
    return [(lat, lon, weight) for (lat, lon), weight in weights.items()]


def score(
    match: Match,
    context: PlaceContext | None,
    neighbours: list[tuple[float, float, float]] | None = None,
) -> Scored:
    place = match.place
    total = importance(place) + match_bonus(match.kind)
    total += PRECISION_BONUS.get(place.precision, 0.0)
    alone = total
    nearest = math.inf
    cues = [f"matched {match.kind} '{match.via}'"]
    if place.fcode == "PPLC" and match.kind not in _WEAK_ALIASES:
        # (by its own name: "Mexico" is the country, not Mexico City's alias)
        total += CAPITAL_BONUS
        cues.append("a national capital")
    if context is not None:
        area_bonus, area_cue = 0.0, ""
        for parent in (place.id, *place.parents):
            weight = context.areas.get(parent, 0.0)
            if weight > area_bonus:
                area_bonus, area_cue = weight, parent
        if area_bonus:
            total += area_bonus
            cues.append(f"inside {area_cue} named in the text")
        near_bonus, nearest = 0.0, math.inf
        # nearness says something only about places with a meaningful point
        if place.precision in ("settlement", "district"):
            shrink = math.cos(math.radians(place.lat))
            for lat, lon, weight in neighbours or _neighbours(context):
                # equirectangular distance: within 400 km it is off by well
                # under 1%, and it is what a text with many places costs most
                dlat = lat - place.lat
                dlon = (lon - place.lon + 180.0) % 360.0 - 180.0
                d = 111.195 * math.hypot(dlat, dlon * shrink)
                near_bonus += weight * _nearness(d)
                nearest = min(nearest, d)
        near_bonus = min(NEAR_CAP, near_bonus)
        near_cue = f"{nearest:.0f} km from a place named in the text"
        if near_bonus:
            total += near_bonus
            cues.append(near_cue)
        if context.wanted and place.precision == "settlement":
            # "village" means a small place: no city of 20,000 or more
            small = (place.population or _TYPICAL.get(place.fcode, 500)) < 20_000
            # Ukraine's settlements carry their status: a city (PPL_M), an
            # urban-type or rural settlement (PPL_X) or a village (PPL_C)
            fits = (
                place.country != "UA" or place.fcode not in _UA_VILLAGE_CODES
                if context.wanted == "city"
                else context.wanted == "settlement" or small
            )
            if fits:
                total += KIND_CUE
                cues.append(f"a {context.wanted}, as the text says")
        support = context.support.get(place.pk, 0.0)
        if support:
            total += CLUSTER_BONUS * support
            cues.append(f"near candidates of {support:.1f} other names")
        boost, boost_cue = context.boosts.get(place.pk, (0.0, ""))
        if boost:
            total += boost
            cues.append(boost_cue)
        share, country = context.country_share(place.country), place.country
        if _ANNEXED.intersection((place.id, *place.parents)):
            # Crimea and Sevastopol, annexed in 2014: Russian reports list them
            # among Russia's regions ("над Ростовской областью ... и Крымом")
            russia = context.country_share("RU")
            if russia > share:
                share, country = russia, "RU (which annexed it)"
        if share > 0:
            total += COUNTRY_PRIOR * share
            cues.append(f"{share:.0%} of the text's places are in {country}")
        peers = context.levels.get((peer_group(place.country), place.precision), 0.0)
        if peers and place.precision in ("region", "district"):
            total += min(LEVEL_CAP, LEVEL_BONUS * peers)
            cues.append(f"named beside other {place.precision}s of {place.country}")
    return Scored(match, total, tuple(cues), total - alone, nearest)


def rank(matches: Iterable[Match], context: PlaceContext | None = None) -> list[Scored]:
    found = list(matches)
    neighbours = _neighbours(context) if context is not None else None
    scored = [score(m, context, neighbours) for m in found]
    city_states = _city_states(found)
    if city_states:
        scored = [
            dataclasses.replace(
                s, score=s.score - CITY_STATE_SHIFT, cues=(*s.cues, "a city's area")
            )
            if s.match.place.pk in city_states
            else s
            for s in scored
        ]
    # equal scores (the nearness bonus is capped) go to the candidate closest
    # to the places the text names: of four Rivnes at the cap, the one 3 km
    # from Pokrovsk, not the one 125 km off
    scored.sort(key=lambda s: (-round(s.score, 9), s.nearest_km, s.match.place.pk))
    return scored


def _city_states(found: list[Match]) -> set[int]:
    """Regions that are largely one city of the same name (Moscow, Berlin,
    Kyiv City): the name means the city."""
    out: set[int] = set()
    for region in found:
        area = region.place
        if area.precision != "region" or not area.population:
            continue
        for city in found:
            place = city.place
            if (
                place.precision == "settlement"
                and city.kind not in _WEAK_ALIASES  # Oklahoma City is no "Oklahoma"
                and area.id in place.parents
                and place.population >= area.population * CITY_STATE_SHARE
            ):
                out.add(area.pk)
    return out


def confidence(ranked: list[Scored]) -> float:
    """Share of the top candidate in a softmax over the scores."""
    if not ranked:
        return 0.0
    top = ranked[0].score
    return 1.0 / sum(math.exp(min(50.0, s.score - top)) for s in ranked)


def context_of_place(place: Place, weight: float = 3.0) -> PlaceContext:
    """The context a place named beside another gives it ("Andriivka, Donetsk")."""
    context = PlaceContext()
    if place.precision in ("country", "region", "district"):
        context.add_area(place.id, weight)
    # A named raion or county is the cue: its oblast counts for much less, so
    # a village inside the raion beats a larger namesake elsewhere in the
    # oblast (0.3 against 0.8 on the coverage test: Ukrainian names resolved
    # with their raion named 98.6% -> 99.5%, genitives 96.6% -> 98.7%)
    share = 0.3 if place.precision == "district" else 0.8
    for parent in place.parents:
        parent_place = place_by_id(parent)
        if parent_place is not None and parent_place.precision != "country":
            context.add_area(parent, weight * share)
        elif parent_place is not None:
            context.add_area(parent, weight * 0.5)
    context.points.append((place.lat, place.lon, weight / NEAR_SHARE))
    return context
