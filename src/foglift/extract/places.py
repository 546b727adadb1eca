"""Place-name candidates from the shape of the text, before any gazetteer.

A capitalised name counts when a locative cue comes before it ("in", "entered",
"outskirts of") or a front or region noun after it ("the Donetsk direction",
"Donetsk Oblast"). The geoparse stage resolves these and adds names that only
its gazetteer recognises.
"""

from __future__ import annotations

import re
from functools import cache

from foglift.extract.lexicon import Lexicon, Table, phrase_pattern
from foglift.model import PlaceMention

_WORD = r"[{c}][\w'’]*(?:-[\w'’]+)*"


@cache
def _patterns(
    lex: Lexicon,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    spec = lex.data["places"]
    word = _WORD.format(c=lex.capital)
    name = rf"{word}(?:\s+{word}){{0,2}}"
    before = phrase_pattern(spec["before"]).pattern
    directional = phrase_pattern(spec["directional"]).pattern
    nouns = phrase_pattern(spec["region_nouns"] + spec["axis_nouns"]).pattern
    # Russian and Ukrainian regions are adjectives before the noun ("Запорожской
    # области"): only such words may form their name, so the settlement before
    # them ("Успеновка") stays a name of its own.
    endings = spec.get("region_adjective_endings")
    if endings:
        ending = "|".join(re.escape(e) for e in endings)
        adjective = rf"[{lex.capital}][\w'’-]*(?:{ending})"
        region_name = rf"{adjective}(?:\s+{adjective})?"
    else:
        region_name = name
    # Every action phrase is a cue too: "liberated Rodynske", "taken Novoselivka".
    actions = lex.actions.pattern.pattern
    joiners = phrase_pattern(spec.get("list_joiners", [])).pattern
    # "liberated Ivanivka, Petrivka and Stepove": the cue reaches every name.
    # A region may follow each name: "Успеновка Запорожской области и Андреевка".
    item = rf"(?:{word}(?:\s+{word}){{0,2}}?\s+{region_name}\s+(?i:{nouns})|{name})"
    # Commas alone do not make a list ("capture of Kupiansk, Kyiv says"): the
    # last name must come after a joiner ("X, Y and Z").
    more = rf"(?:(?i:{directional})\s+)*{item}"
    listed = rf"(?:(?:\s*,\s*{more})*\s*,?\s+(?i:{joiners})\s+{more})?"
    # "три населённых пункта в Курской области — A, B и C": settlements named
    # after a count of them, past a dash or a colon.
    settlement_words = [
        form
        for forms in lex.data["units"].get("settlements", {}).values()
        for form in forms
    ]
    counted = phrase_pattern(settlement_words).pattern
    cued = re.compile(
        rf"(?:(?i:{before}|{actions})[\s*_]*\s[\s*_]*"
        rf"|(?i:{counted})[^—–:\n.]{{0,60}}?\s[—–:]\s*)"
        rf"(?:(?i:{directional})\s+)*(?P<name>{item}{listed})"
    )
    suffixed = re.compile(rf"(?P<name>{region_name})\s+(?P<noun>(?i:{nouns}))")
    # The subject of a passive action: "Kupiansk was captured".
    aux = lex.passive_aux.pattern
    passive = re.compile(
        rf"(?P<name>{name})(?=\s+(?i:{aux})\s+(?:\w+ly\s+)?(?i:{actions}))"
    )
    return cued, suffixed, re.compile(name), passive


def find_place_candidates(
    text: str, lex: Lexicon, exclude: list[tuple[int, int]]
) -> tuple[PlaceMention, ...]:
    """Place candidates outside the ``exclude`` spans (claimant mentions)."""
    spec = lex.data["places"]
    stop = set(spec["stopwords"])
    regions = Table(dict.fromkeys(spec["region_nouns"], True))
    cued, suffixed, single, passive = _patterns(lex)
    found: dict[tuple[int, int], PlaceMention] = {}

    def add(start: int, end: int, keep_noun: bool = False) -> None:
        # Drop stopwords at either edge ("The Donetsk", "Pokrovsk On").
        words = [w for w in re.finditer(r"\S+", text[start:end])]
        while words and words[0].group() in stop:
            words = words[1:]
        # "Ukraine's Donetsk region" names the region; the possessive is context.
        while len(words) > 1 and re.search(r"['’]s$", words[0].group()):
            words = words[1:]
        while words and words[-1].group() in stop and not keep_noun:
            words = words[:-1]
        if not words:
            return
        start, end = start + words[0].start(), start + words[-1].end()
        # A name running into a region found before it ends where the region
        # begins ("Белицкое Донецкой Народной" -> "Белицкое").
        later = [s for s, e in found if start < s < end]
        if later:
            end = len(text[start : min(later)].rstrip()) + start
        if end <= start or any(start < e and s < end for s, e in (*exclude, *found)):
            return
        found[(start, end)] = PlaceMention(text[start:end], start, end)

    for m in suffixed.finditer(text):
        keep = m.group("noun") in regions
        add(m.start("name"), m.end("noun") if keep else m.end("name"), keep)
    for m in passive.finditer(text):
        add(m.start("name"), m.end("name"))
    for m in cued.finditer(text):
        for one in single.finditer(text, m.start("name"), m.end("name")):
            add(one.start(), one.end())
    return tuple(sorted(found.values(), key=lambda p: p.start))
