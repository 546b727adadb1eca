"""Common nouns that stand for a place the text has named: "над областью",
"в місті", "цього населеного пункту", "the town", "обласний центр", "на
заводі".

An annotator (and a claim) gives such a noun the point of the place it
refers to; the gazetteer would give it a namesake village ("місті" -> Mistky,
"регион" -> Reni). A referring noun is never looked up; it takes the place of
its antecedent: among the places of its kind named before it, the one named
most often (the text's subject), the earliest of those tied. A regional or
district centre ("обласний центр", "райцентр") is the largest town of the
region or district named before it that bears that area's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from foglift.geoparse.index import Place
from foglift.geoparse.resolve import Match, Scored, find_matches

# how far back an antecedent may be (a short post, a paragraph or two)
ANTECEDENT_CHARS = 3000

_THIS = (
    r"(?:(?:this|that|the|этот|этого|этом|этому|этим|эта|этой|эту|это|данн\w+|"
    r"цей|цього|цьому|цим|ця|цієї|цю|ці|це|даного|даному|даний|дане|даної)\s+)?"
)
_SETTLEMENT = (
    r"town|city|village|settlement|"
    r"город|города|городу|городом|городе|"
    r"село|села|селу|селом|селе|селі|"
    r"посёлок|поселок|посёлка|поселка|посёлку|поселку|посёлком|поселком|"
    r"посёлке|поселке|деревня|деревни|деревне|деревню|деревней|"
    r"місто|міста|місту|містом|місті|селище|селища|селищу|селищем|селищі|"
    r"населенн?ый пункт|населённый пункт|населенн?ого пункта|населённого пункта|"
    r"населенн?ому пункту|населённому пункту|населенн?ым пунктом|"
    r"населённым пунктом|населенн?ом пункте|населённом пункте|"
    r"населений пункт|населеного пункту|населеному пункту|населеному пункті|"
    r"населеним пунктом"
)
_REGION = (
    r"region|oblast|province|"
    r"область|области|областью|регион|региона|региону|регионом|регионе|"
    r"край|края|краю|краем|крае|"
    r"області|областю|регіон|регіону|регіоном|регіоні"
)
_CENTRE = (
    r"regional (?:centre|center|capital)|oblast (?:centre|center|capital)|"
    r"областн(?:ой|ого|ому|ым|ом) центр\w*|обласн(?:ий|ого|ому|им) центр\w*|"
    r"облцентр\w*"
)
_DISTRICT_CENTRE = (
    r"district (?:centre|center)|районн(?:ый|ого|ому|ым|ом) центр\w*|"
    r"районн(?:ий|ого|ому|им) центр\w*|райцентр\w*"
)
_FACILITY = (
    r"plant|refinery|factory|airfield|airbase|"
    r"завод|завода|заводу|заводом|заводе|заводі|"
    r"предприятие|предприятия|предприятию|предприятии|"
    r"підприємство|підприємства|підприємству|підприємстві|"
    r"аэродром|аэродрома|аэродроме|аеродром|аеродрому|аеродромі|"
    r"нпз|нефтебаза|нефтебазы|нефтебазе|нафтобаза|нафтобази|нафтобазі"
)
_KINDS = (
    ("centre", re.compile(rf"^{_THIS}(?:{_CENTRE})$", re.IGNORECASE)),
    ("district centre", re.compile(rf"^{_THIS}(?:{_DISTRICT_CENTRE})$", re.I)),
    ("settlement", re.compile(rf"^{_THIS}(?:{_SETTLEMENT})$", re.IGNORECASE)),
    ("region", re.compile(rf"^{_THIS}(?:{_REGION})$", re.IGNORECASE)),
    ("facility", re.compile(rf"^{_THIS}(?:{_FACILITY})$", re.IGNORECASE)),
)
# what a noun of each kind refers back to
_ANTECEDENT = {
    "settlement": ("settlement",),
    "region": ("region",),
    "centre": ("region",),
    "district centre": ("district",),
    # an installation placed at its town ("по Сызранскому НПЗ ... на заводе")
    "facility": ("settlement", "feature"),
}


def referring_kind(name: str) -> str:
    """The kind of place a common noun refers back to ("settlement",
    "region", "centre", "district centre"), or "" for a name."""
    words = " ".join(name.replace("ё", "е").replace("Ё", "Е").split())
    # a common noun: lower case but for a capital opening a sentence
    if not words or words[1:] != words[1:].lower():
        return ""
    for kind, pattern in _KINDS:
        if pattern.match(words):
            return kind
    return ""


def antecedent(
    kind: str,
    at: int,
    starts: Sequence[int],
    chosen: Sequence[Sequence[Scored]],
    referring: Sequence[str],
) -> int | None:
    """The index of the mention a noun of ``kind`` at ``at`` refers to: of the
    places of its kind named in the ANTECEDENT_CHARS before it, the one named
    most often, the earliest of those tied; None when there is none."""
    wanted = _ANTECEDENT[kind]
    counts: dict[int, int] = {}
    first: dict[int, int] = {}
    for i, (start, ranked) in enumerate(zip(starts, chosen, strict=True)):
        if start >= at:
            break
        if referring[i] or not ranked or at - start > ANTECEDENT_CHARS:
            continue
        place = ranked[0].match.place
        if place.precision not in wanted:
            continue
        if kind == "facility" and not (
            place.precision == "feature" or ranked[0].match.kind == "facility"
        ):
            continue
        counts[place.pk] = counts.get(place.pk, 0) + 1
        first.setdefault(place.pk, i)
    if not counts:
        return None
    best = max(counts, key=lambda pk: (counts[pk], -first[pk]))
    return first[best]


def centre_of(area: Place) -> Match | None:
    """The largest town inside ``area`` that bears its name (Zaporizhzhia of
    Zaporizhzhia Oblast), or None."""
    towns = [
        m
        for m in find_matches(area.name)
        if m.place.precision == "settlement" and area.id in m.place.parents
    ]
    if not towns:
        return None
    return max(towns, key=lambda m: m.place.population)
