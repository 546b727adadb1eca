"""What the words between place names say: lists, qualifiers and anchors.

An analyst reads "Zoriane and Vesele in the DNR" as two villages of Donetsk
Oblast, "Zoria (southwest of Kostiantynivka)" as the Zoria a few kilometres
southwest of that town, and "over the Bryansk and Rostov oblasts" as two
oblasts. This module finds those relations in the text between spans; the
resolver (``theatre``) applies them:

* a list: names joined by commas and conjunctions ("X, Y and Z", "X и Y",
  "X та Y") share what follows the last of them;
* a qualifier: an area after a name or list, with a preposition and a
  compass adjective allowed between ("X in southern Kharkiv Oblast", "X в
  ДНР", "X на Донеччині", "X, Donetsk Oblast");
* an anchor: a bearing, and maybe a distance, from another place ("X
  (southwest of Y)", "X, 8km southeast of Y", "X южнее Y", "X на південь від
  Y", "(both west of Y)"), or a name or list after an anchored bearing
  ("southwest of Y near X", "south of Y around X, Z and W");
* a plural area word after a list ("Luhansk and Donetsk oblasts", "над
  Брянской и Ростовской областями"): every name of the list is an area.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from foglift.geography import distance_km, initial_bearing


class _Spanlike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


# a comma or a conjunction, within a line ("X, Y and Z"; not "Madison
# Williams", nor two lines of a heading)
_LIST_GAP = re.compile(
    r"^[ \t]*(?:,[ \t]*(?:(?:and|or|as well as|и|или|а также|і|й|та|або|а також)"
    r"[ \t]+)?|(?:and|or|as well as|и|или|а также|і|й|та|або|а також)[ \t]+)$",
    re.IGNORECASE,
)
_COMPASS_ADJECTIVE = (
    r"(?:(?:north|south|east|west|central|occupied|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?|(?:южн|северн|западн|восточн|центральн|"
    r"оккупированн|северо-?западн|северо-?восточн|юго-?западн|юго-?восточн|"
    r"північн|південн|західн|східн|центральн|окупованн|тимчасово окупованн|"
    r"північно-?західн|північно-?східн|південно-?західн|південно-?східн)\w*)"
)
# "Andriivka, a small village in the Donetsk region": the kind of place in
# apposition, then the area
_APPOSITION = (
    r"(?:(?:an?|the)\s+(?:[a-z]+\s+){0,2}(?:village|town|city|settlement|hamlet)"
    r"s?\s+)?"
)
# between a name (or list) and an area that qualifies it
_QUALIFIER_GAP = re.compile(
    rf"^\s*,?\s*\(?\s*{_APPOSITION}(?:(?:which is|that is|located|що|что|который|"
    rf"которое|которая)\s+)?(?:(?:in|at|of|в|во|у|на)\s+)?(?:the\s+)?"
    rf"(?:{_COMPASS_ADJECTIVE}\s+)?$",
    re.IGNORECASE,
)
_PLURAL_AREA = re.compile(
    r"\s*(oblasts|regions|provinces|raions|rayons|districts|hromadas|областями|"
    r"областях|областей|областям|районами|районах|районов|районів|районам|краями|"
    r"краях|краев|громади|громадах|громадами|громадам|громад)\b",
    re.IGNORECASE,
)
_PLURAL_END = re.compile(rf"\s+{_PLURAL_AREA.pattern.strip()}$", re.IGNORECASE)


def strip_plural(name: str) -> str:
    """A name without the plural area word that closes it ("Volgograd")."""
    return _PLURAL_END.sub("", name)


# plural area word -> the singular that makes a name an area ("Bryansk oblast")
_SINGULAR = {
    "oblasts": "oblast",
    "regions": "region",
    "provinces": "province",
    "raions": "raion",
    "rayons": "raion",
    "districts": "district",
    "hromadas": "hromada",
}

_POINTS = {
    "north": 0.0,
    "east": 90.0,
    "south": 180.0,
    "west": 270.0,
}
_POINT_STEMS = (
    ("north", "north"),
    ("south", "south"),
    ("east", "east"),
    ("west", "west"),
    ("север", "north"),
    ("юг", "south"),
    ("восто", "east"),
    ("запад", "west"),
    ("півн", "north"),
    ("північ", "north"),
    ("півд", "south"),
    ("схід", "east"),
    ("східн", "east"),
    ("захід", "west"),
    ("західн", "west"),
)
_DIRECTION = r"(?:(?:north|south)[- ]?(?:east|west)|north|south|east|west)(?:ern|ward)?"
_DIRECTION_RU = r"(?:(?:северо|юго)-?(?:запад|восток)|север|юг|запад|восток)"
_DIRECTION_UK = (
    r"(?:(?:північн(?:ий|о)|південн(?:ий|о))[- ]?(?:захід|схід)|північ|південь|"
    r"захід|схід)"
)
_KM_WORD = r"(?:km|kilomet(?:er|re)s?|км|кілометр\w*|километр\w*)"


def _km(group: str) -> str:
    return rf"(?P<{group}>\d+(?:[.,]\d+)?)\s*(?:-|–)?\s*{_KM_WORD}"


_KM = _km("km")
_MILES = r"(?P<mi>\d+(?:[.,]\d+)?)\s*(?:mi|miles?)"
_ABOUT = (
    r"(?:(?:about|approximately|roughly|some|around|nearly|almost|under|over|"
    r"less than|more than|приблизно|близько|около|примерно|порядка|~)\s*)?"
)
# "X and Y, two small villages along the M03 highway, south of Z": the kind
# of the places in apposition, maybe with the road they lie on
_ANCHOR_APPOSITION = (
    r"(?:(?:an?|the|two|three|four|five|several|both|all)\s+(?:[a-z]+\s+){0,2}"
    r"(?:village|town|city|settlement|hamlet)s?\s*,?\s+(?:(?:along|on|off|near)\s+"
    r"(?:the\s+)?[\w-]+(?:\s+(?:highway|road|motorway|route))?\s*,?\s+)?)?"
)
# between an anchored name (or list) and its anchor
_ANCHOR_GAP = re.compile(
    rf"^\s*[,;:—–-]?\s*\(?\s*{_ANCHOR_APPOSITION}"
    rf"(?:(?:both|all|each|just|located|situated|which is|"
    rf"that is|є|що|который|которое|которая)\s+)*{_ABOUT}"
    rf"(?:"
    rf"(?:(?:{_KM}|{_MILES})\s+(?:to\s+the\s+)?)?(?P<dir>{_DIRECTION})\s+(?:of|from)"
    rf"|(?:(?:в|на\s+удалении|за)\s+)?{_ABOUT}(?:{_km('km_ru')}\s+)?(?:к|на)\s+"
    rf"(?P<dir_ru>{_DIRECTION_RU})\w*\s+от"
    rf"|(?P<dir_ru2>{_DIRECTION_RU})\w*(?:нее|ее)"
    rf"|(?:за\s+)?{_ABOUT}(?:{_km('km_uk')}\s+)?на\s+(?P<dir_uk>{_DIRECTION_UK})"
    rf"\s+від"
    rf"|(?P<dir_uk2>(?:північн|південн|західн|східн|північно-?західн|"
    rf"північно-?східн|південно-?західн|південно-?східн)\w*)іше"
    rf")\s*(?:(?:the\s+)?(?:central|downtown|occupied)\s+|the\s+(?:town|city|village|"
    rf"settlement)\s+of\s+|(?:м\.|с\.|смт|г\.)\s*)?$",
    re.IGNORECASE,
)
# a bearing before an anchor, then the anchored name: "southwest of Bakhmut
# near Klishchiivka"
_BEARING_BEFORE = re.compile(
    rf"(?:{_KM}\s+)?(?P<dir>{_DIRECTION})\s+of\s+$",
    re.IGNORECASE,
)
_NEAR_GAP = re.compile(
    r"^\s*,?\s*(?:near|at|in|around|toward|towards|in the direction of|in the "
    r"vicinity of)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Anchor:
    """An anchored name: its anchor span, bearing from the anchor to the
    place (degrees, 0 north), and the stated distance in km (None if none)."""

    anchor: int
    bearing: float
    km: float | None
    said: str


def bearing_of(word: str) -> float | None:
    """Degrees of a compass word in English, Russian or Ukrainian."""
    low = word.casefold()
    x = y = 0.0
    found = False
    for at in range(len(low)):
        for stem, point in _POINT_STEMS:
            if low.startswith(stem, at):
                angle = math.radians(_POINTS[point])
                x += math.sin(angle)
                y += math.cos(angle)
                found = True
                break
    if not found or (abs(x) < 1e-9 and abs(y) < 1e-9):
        return None
    return round(math.degrees(math.atan2(x, y)), 6) % 360.0


def _number(value: str | None) -> float | None:
    return float(value.replace(",", ".")) if value else None


def list_before(text: str, spans: Sequence[_Spanlike], last: int) -> list[int]:
    """``last`` and the spans listed before it ("X, Y and Z"), last first."""
    out = [last]
    k = last
    while k > 0 and _LIST_GAP.match(text[spans[k - 1].end : spans[k].start]):
        k -= 1
        out.append(k)
    return out


def qualified_lists(
    text: str, spans: Sequence[_Spanlike]
) -> list[tuple[int, list[int]]]:
    """(qualifier span, the names before it) for every span that may qualify
    the name or list before it; the caller checks that it is an area."""
    out = []
    for q in range(1, len(spans)):
        gap = text[spans[q - 1].end : spans[q].start]
        if "\n" in gap:
            continue
        if _QUALIFIER_GAP.match(gap):
            out.append((q, list_before(text, spans, q - 1)))
            continue
        # "X (north of Y) in Z Oblast": the area after a bracket qualifies
        # the name before the bracket, not the anchor inside it
        closed = _CLOSED_GAP.match(gap)
        if closed is None or not _QUALIFIER_GAP.match(gap[closed.end() :]):
            continue
        k = q - 1
        while k >= 0 and "(" not in text[spans[k].start : spans[q - 1].end]:
            k -= 1
        if k < 0:
            continue
        opened = text.rfind("(", spans[k].start, spans[q - 1].start)
        while k >= 0 and spans[k].end > opened:
            k -= 1
        if k >= 0 and not text[spans[k].end : opened].strip(" ,"):
            out.append((q, list_before(text, spans, k)))
    return out


_CLOSED_GAP = re.compile(r"^[^()\n]*\)")


# a list's gap before a plural area word may hold a compass word
_AREA_LIST_GAP = re.compile(
    r"^[ \t]*,?[ \t]*(?:(?:and|or|и|или|і|й|та|або)[ \t]+)?"
    rf"(?:{_COMPASS_ADJECTIVE}[ \t]+)?$",
    re.IGNORECASE,
)


def _area_list_gap(gap: str) -> bool:
    return bool(gap.strip()) and _AREA_LIST_GAP.match(gap) is not None


def plural_areas(
    text: str, spans: Sequence[_Spanlike]
) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Spans of a list closed by a plural area word ("Luhansk and Donetsk
    oblasts", "Брянской и Ростовской областями"), with the singular word that
    makes each an area's name ("oblast", "область", "район") and the list."""
    out: dict[int, tuple[str, tuple[int, ...]]] = {}
    for i, span in enumerate(spans):
        # the word after the span, or closing it ("Volgograd oblasts")
        plural = _PLURAL_AREA.match(text, span.end) or _PLURAL_END.search(
            text, span.start, span.end
        )
        if plural is None:
            continue
        word = plural.group(1).casefold()
        singular = _SINGULAR.get(word) or (
            "район" if word.startswith("район") else "край" if word.startswith("кра")
            else "громада" if word.startswith("громад") else "область"
        )  # fmt: skip
        members = tuple(list_before(text, spans, i))
        if len(members) < 2:
            # "northern Sumy and eastern Kharkiv oblasts": a compass word
            # before a name of the list
            k = i
            while k > 0 and _area_list_gap(text[spans[k - 1].end : spans[k].start]):
                k -= 1
            members = tuple(range(k, i + 1))
        if len(members) < 2:
            continue  # one name before a plural is no list ("Kharkiv regions")
        for k in members:
            out[k] = (singular, members)
    return out


def anchored(text: str, spans: Sequence[_Spanlike]) -> dict[int, Anchor]:
    """Names placed by a bearing from another name: name index -> Anchor."""
    out: dict[int, Anchor] = {}
    for j in range(1, len(spans)):
        gap = text[spans[j - 1].end : spans[j].start]
        if "\n" in gap:
            continue
        found = _ANCHOR_GAP.match(gap)
        if found is not None:
            word = next(
                found.group(g)
                for g in ("dir", "dir_ru", "dir_ru2", "dir_uk", "dir_uk2")
                if found.group(g)
            )
            bearing = bearing_of(word)
            km = _number(
                found.group("km") or found.group("km_ru") or found.group("km_uk")
            )
            miles = _number(found.group("mi"))
            if miles is not None:
                km = miles * 1.609
            if bearing is None:
                continue
            for i in list_before(text, spans, j - 1):
                out.setdefault(i, Anchor(j, bearing, km, found.group(0).strip()))
            continue
    # "southwest of Bakhmut near Klishchiivka"
    for j in range(len(spans) - 1):
        before = _BEARING_BEFORE.search(
            text, max(0, spans[j].start - 40), spans[j].start
        )
        after = text[spans[j].end : spans[j + 1].start]
        if before is None or not _NEAR_GAP.match(after):
            continue
        bearing = bearing_of(before.group("dir"))
        if bearing is None:
            continue
        anchor = Anchor(j, bearing, _number(before.group("km")), before.group(0))
        out.setdefault(j + 1, anchor)
        # and the names listed after it: "south of X around Y, Z, and W"
        k = j + 2
        while k < len(spans) and _LIST_GAP.match(
            text[spans[k - 1].end : spans[k].start]
        ):
            out.setdefault(k, anchor)
            k += 1
    return out


# Without a stated distance an anchored place is "about 30 km" from its
# anchor: up to half as far again. A stated distance holds within 50% (and 3 km).
UNSTATED_KM = 45.0
# a bearing holds within this many degrees either side (8-point compass words
# are loose: "west of" covers west-northwest and west-southwest and a bit more)
BEARING_TOLERANCE = 67.5


def fits(
    anchor: Anchor, lat: float, lon: float, anchor_lat: float, anchor_lon: float
) -> float | None:
    """How badly a point misses what the anchor says (0 is exact), or None
    when it is outside the stated bearing or distance."""
    d = distance_km(anchor_lat, anchor_lon, lat, lon)
    if anchor.km is not None:
        low, high = anchor.km * 0.5 - 3.0, anchor.km * 1.5 + 3.0
        if not low <= d <= high:
            return None
        miss_km = abs(d - anchor.km) / max(anchor.km, 1.0)
    else:
        if d > UNSTATED_KM:
            return None
        miss_km = d / UNSTATED_KM
    if d < 1.0:
        return None  # the anchor itself is not a place beside it
    off = abs((initial_bearing(anchor_lat, anchor_lon, lat, lon) - anchor.bearing
               + 180.0) % 360.0 - 180.0)  # fmt: skip
    if off > BEARING_TOLERANCE:
        return None
    return miss_km + off / 180.0


# a feminine adjective standing for an oblast named before it: "36 сбиты в
# Курской области, 20 в Брянской", "над Сумською та Харківською областями"
_ELLIPTIC = re.compile(
    r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+(?:ской|цкой|зской|ській|ською|ської|цькій|цькою|"
    r"цької)$"
)
_AREA_WORD = re.compile(r"област|oblast|регион|регіон", re.IGNORECASE)
AFTER_ELLIPSIS = re.compile(
    r"\s*(?:$|[^\w\s]|(?:и|і|й|та|а|или|або|—)(?:\s|$))", re.IGNORECASE
)


def elliptic_areas(text: str, spans: Sequence[_Spanlike]) -> list[int]:
    """Spans that are an oblast's adjective without its noun, in a text that
    names oblasts: each is that oblast (the caller looks it up)."""
    if not _AREA_WORD.search(text):
        return []
    out = []
    for i, span in enumerate(spans):
        name = text[span.start : span.end]
        if _ELLIPTIC.match(name) and AFTER_ELLIPSIS.match(text, span.end):
            out.append(i)
    return out


_RESPECTIVELY = re.compile(
    r"\s*[,)]?\s*(?:respectively|соответственно|відповідно)\b", re.IGNORECASE
)
# between two areas of a "respectively" list, or the names before it
_RESPECTIVE_GAP = re.compile(
    rf"^[ \t]*,?[ \t]*(?:(?:and|и|і|й|та)[ \t]+)?(?:the[ \t]+)?"
    rf"(?:{_COMPASS_ADJECTIVE}[ \t]+)?$",
    re.IGNORECASE,
)


_POSSESSIVE_END = re.compile(r"['’]s(?:\s|$)")


def respective_pairs(
    text: str, spans: Sequence[_Spanlike], is_area: Sequence[bool]
) -> dict[int, int]:
    """Names paired with areas by "respectively": "Svitle and Vysoke, in the
    Donetsk and the Luhansk region respectively" -> name index -> area index."""
    out: dict[int, int] = {}
    for last in range(len(spans)):
        if not is_area[last] or not _RESPECTIVELY.match(text, spans[last].end):
            continue
        areas = [last]
        while (
            areas[0] > 0
            and is_area[areas[0] - 1]
            # "Ukraine's southern Zaporizhzhia region" is a wider area, not a peer,
            # whether or not the span holds the possessive
            and not _POSSESSIVE_END.search(
                text[spans[areas[0] - 1].start : spans[areas[0] - 1].end + 2]
            )
            and _RESPECTIVE_GAP.match(
                text[spans[areas[0] - 1].end : spans[areas[0]].start]
            )
        ):
            areas.insert(0, areas[0] - 1)
        # the names: a list ending before the first area (what lies between
        # is the qualifier's gap, "located in", with no sentence end)
        first = areas[0]
        k = first - 1
        while k >= 0 and is_area[k]:
            k -= 1  # "in Ukraine's eastern Donetsk ...": a wider area first
        if k < 0 or re.search(r"[.!?]\s", text[spans[k].end : spans[first].start]):
            continue
        names = list(reversed(list_before(text, spans, k)))
        if len(names) != len(areas) or len(areas) < 2:
            continue
        out.update(zip(names, areas, strict=True))
    return out
