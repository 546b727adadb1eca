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
from foglift.spans import SpanSet

_WORD = r"[{c}][\w'’]*(?:-[\w'’]+)*"
_STARTS_WORD = r"(?<![\w'’-])"
# the most items one list of places may have after its first
_LONGEST_LIST = 24
_BRACKET = re.compile(r"\([^()\n]*\)")
_NEXT_WORD = re.compile(r" (?P<word>[^\W\d_][\w-]*)")
_NEXT_NAME = re.compile(r" (?P<name>[А-ЯЁ][а-яё-]+)(?![\w-])")


@cache
def _patterns(
    lex: Lexicon,
) -> tuple[
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
]:
    spec = lex.data["places"]
    word = _WORD.format(c=lex.capital)
    name = rf"{word}(?:\s+{word}){{0,2}}"
    # A facility's name ends in its noun ("the X Thermal Power Plant"): the
    # noun may make a fourth word, so the name is not cut before it.
    facilities = spec.get("facility_nouns", [])
    if facilities:
        last = phrase_pattern(facilities, flags=0).pattern
        name = rf"(?:{word}(?:\s+{word}){{2}}\s+(?:{last})|{name})"
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
    # ... or after a preposition ("Каменку в Запорожской области и Зелёное
    # в ДНР", "X in Donetsk Oblast and Y"): the qualifier does not end the list.
    preps = phrase_pattern(spec.get("qualifier_preps", [])).pattern
    abbreviation = rf"[{lex.capital}]{{2,5}}\b"  # "ДНР", "ЛНР"
    area = rf"(?:{region_name}\s+(?i:{nouns})|{abbreviation})"
    qualifier = rf"(?:\s+(?i:{preps})\s+{area})?"
    item = rf"(?:{word}(?:\s+{word}){{0,2}}?\s+{region_name}\s+(?i:{nouns})|{name})"
    item += qualifier
    # An anchor in brackets may follow an item ("X (5 km east of Y), Z and W").
    bracket = r"(?:\s*\([^()\n]{0,80}\))?"
    # Commas alone do not make a list ("capture of Kupiansk, Kyiv says"): the
    # last name must come after a joiner ("X, Y and Z").
    # Each item may take a preposition of its own ("у Сіверську, Мирнограді та
    # поблизу Покровська", "near A, and south of B near C").
    more = rf"(?:(?i:{before})\s+)?(?:(?i:{directional})\s+)*{item}"
    # (Lists are bounded: a text of thousands of "near X, near Y" would
    # otherwise be rescanned to its end from every item, quadratic in length.)
    group = (
        rf"{bracket}(?:\s*,\s*{more}{bracket}){{0,{_LONGEST_LIST}}}"
        rf"\s*,?\s+(?i:{joiners})\s+{more}"
    )
    joined = rf"(?:{group}){{1,4}}"
    # Three names or more by commas alone are a list too ("взяття A, B, C в
    # районі"), when the clause goes on in lower case or ends.
    # (a Ukrainian quotation ends its list too: "«... A, B, C», — сказав він")
    quoted = r"|[\s*_]*[»\"”][\s*_]*(?:[.;!?\n,]|[—–])" if lex.lang == "uk" else ""
    # (Ukrainian launch sites are tagged by their country after a dash: "з
    # напрямків — A, B — РФ, C — Крим"; the tag is no item)
    tag = rf"\s*[—–]\s*[{lex.capital}][\w'’-]*" if lex.lang == "uk" else ""
    gap = rf"(?:{tag})?\s*,\s*" if tag else r"\s*,\s*"
    tagged = rf"|{tag}(?=\s*[.;\n])" if tag else ""
    commas = (
        rf"(?:{gap}{more}){{2,{_LONGEST_LIST}}}"
        rf"(?=\s*[.;\n]|\s+[^\W\d{lex.capital}]{quoted}{tagged})"
    )
    if lex.lang in ("ru", "uk"):
        # "продолжают освобождать A, B.": two names by a comma ending the
        # sentence are a list as well (no verb follows to make B a subject).
        commas += rf"|(?:\s*,\s*{more})(?=[\s*_]*[.;!?\n]{quoted})"
    listed = rf"(?:{joined}|{commas})?"
    # "три населённых пункта в Курской области — A, B и C": settlements named
    # after a count of them, past a dash or a colon.
    settlement_words = [
        form
        for forms in lex.data["units"].get("settlements", {}).values()
        for form in forms
    ]
    # ("запускали БпЛА з напрямків — A, B": the sites listed after a heading noun)
    counted = phrase_pattern(settlement_words + spec.get("list_heads", [])).pattern
    # ... or after "including" ("liberated 13 settlements, including A and B").
    breakdown = phrase_pattern(lex.data["quantity"].get("breakdown", [])).pattern
    apposed = rf"(?:\s[—–:]|,?\s+(?i:{breakdown})[\s:—–-]*)\s*"
    # The weapon may stand between an action and its target ("атакували
    # дронами Одесу", "вдарили ракетами по Харкову").
    weapons = phrase_pattern(
        [f for forms in lex.data["units"].get("aerial", {}).values() for f in forms]
    ).pattern
    at = phrase_pattern(spec.get("locative", [])).pattern
    weapon = rf"(?:(?i:{weapons})\s+(?:(?i:{before}|{at})\s+)?)?"
    # So may whom a place was cleared of ("зачистили від ворога Петрівку").
    enemy = lex.data.get("agents", {}).get("enemy", [])
    cleared = spec.get("cleared_of", [])
    if enemy and cleared:
        of_enemy = rf"(?:(?i:{phrase_pattern(cleared).pattern})\s+"
        of_enemy += rf"(?i:{phrase_pattern(enemy).pattern})\s+)?"
        weapon += of_enemy
    # And who did it, after a noun of the action ("окупацію ворогом сіл X").
    agents = spec.get("agent_between", [])
    if agents:
        weapon += rf"(?:(?i:{phrase_pattern(agents).pattern})\s+)?"
    # In Russian and Ukrainian an adjective in an oblique case may stand
    # between the cue and the name ("в районе приграничного Рыльска", "по
    # белгородскому Шебекино").
    attribute = ""
    if lex.lang in ("ru", "uk"):
        attribute = (
            rf"(?:[^\W\d{lex.capital}][\w-]*"
            r"(?:ого|его|ому|ему|ом|ем|ой|ей|ых|их|ім|ій|ої)\s+)?"
        )
    nouns_after = spec.get("settlement_nouns", [])
    if nouns_after:
        # "захопили прикордонне село X": an adjective in any case before the
        # settlement's noun, which the directional words then take.
        attribute += (
            rf"(?:[^\W\d{lex.capital}][\w'’-]*"
            r"(?:ий|ій|е|є|а|я|у|ю|і|ого|ому|им|ими|их|ої|ою)\s+"
            rf"(?=(?i:{phrase_pattern(nouns_after).pattern})\s))?"
        )
    # A share of a place before its name ("60% Лимана"): the sign follows a
    # digit, so it is no word the cues above could match.
    signs = spec.get("share_signs", [])
    share = "|".join(rf"(?<=\d)\s*{re.escape(x)}\s+" for x in signs)
    # An action in quotes keeps its cue ("про «захоплення» сіл X").
    closing = r"[»\"”]?" if lex.lang == "uk" else ""
    cued = re.compile(
        rf"(?:(?i:{actions}){closing}[\s*_]*\s[\s*_]*{weapon}"
        rf"|(?i:{before})[\s*_]*\s[\s*_]*{'|' + share if share else ''}"
        rf"|(?i:{counted})[^—–:\n.]{{0,60}}?{apposed})"
        rf"{attribute}(?:(?i:{directional})\s+)*(?P<name>{item}{listed})"
    )
    # A name begins a word: tried inside one, a long unbroken word would be
    # scanned to its end from every letter (quadratic in its length).
    suffixed = re.compile(
        rf"{_STARTS_WORD}(?P<name>{region_name})\s+(?P<noun>(?i:{nouns}))"
    )
    # The subject of a passive action: "Kupiansk was captured".
    aux = lex.passive_aux.pattern
    # So is the subject of a predicate that acts on it: "Бєлгород зазнав обстрілу".
    subject_of = phrase_pattern(spec.get("subject_of", [])).pattern
    # ("Курская область была вновь атакована": in Russian a region's noun may
    # follow the name and an adverb the auxiliary)
    # ... and every name of a list before it ("A и B взяты под контроль").
    noun_gap, adverb, rest = r"", r"\w+ly\s+", r""
    if lex.lang == "ru":
        noun_gap, adverb = rf"(?:\s+[^\W\d{lex.capital}][\w-]*)?", r"\w+\s+"
        rest = rf"(?:(?:\s*,\s*|\s+и\s+)(?:{name}))*"
    passive = re.compile(
        rf"{_STARTS_WORD}(?P<name>{name})"
        rf"(?={rest}{noun_gap}\s+(?i:{aux})\s+(?:{adverb})?(?i:{actions})"
        rf"|{rest}(?:\s+[^\W\d{lex.capital}][\w-]*)?\s+(?i:{subject_of}))"
    )
    # The same list after a count, when a cue before the count took the match
    # ("зашли в два села Черниговской области — A и B").
    counted_list = re.compile(
        rf"(?i:{counted})[^—–:\n.]{{0,60}}?{apposed}(?P<name>{item}{listed})"
    )
    # Regions sharing one plural noun ("Харківська, Сумська та Одеська області",
    # "Kharkiv and Odesa oblasts"): each name before the noun is a region.
    # (Russian and Ukrainian ones are adjectives in -ск-/-ськ-/-цьк- in any case.)
    one = rf"[{lex.capital}][\w'’-]*(?:ськ|цьк|зьк|ск|цк)\w*" if endings else word
    shared = re.compile(
        rf"{_STARTS_WORD}(?P<name>{one}(?:\s*,\s*{one})*\s*,?\s+(?i:{joiners})\s+"
        rf"{one})\s+(?i:{nouns})"
    )
    # An object before its verb ("Іванівку звільнили наші воїни"), kept only
    # when its case says it is an object (see find_place_candidates).
    fronted = re.compile(
        rf"{_STARTS_WORD}(?P<name>{word}(?:\s+{word})?)"
        rf"(?=[\s*_]+(?:[^\W\d{lex.capital}][\w-]*\s+)?(?i:{actions}))"
    )
    return cued, suffixed, re.compile(name), passive, counted_list, shared, fronted


@cache
def accusative_only(lang: str, word: str) -> bool:
    """Whether a Russian or Ukrainian word can only be accusative ("Іванівку",
    "Марьинку"): before a verb it is the verb's object, not its subject."""
    if lang not in ("ru", "uk"):
        return False
    from foglift.geoparse.morphology import analyzer

    parses = analyzer(lang).parse(word)
    return bool(parses) and all("accs" in p.tag for p in parses)


@cache
def _adverb(lang: str, word: str) -> bool:
    """Whether a Russian or Ukrainian word is only an adverb ("Ночью", "Вночі")."""
    if lang not in ("ru", "uk"):
        return False
    from foglift.geoparse.morphology import analyzer

    parses = analyzer(lang).parse(word)
    return bool(parses) and all("ADVB" in p.tag for p in parses)


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@cache
def agrees_with_noun(lang: str, adjective: str, noun: str) -> bool:
    """Whether a capitalised Russian adjective agrees in case and gender (or
    plural) with the common noun after it ("Северной стороны", "Ольговского
    леса"): it names that thing, not a settlement of its own."""
    if lang != "ru":
        return False
    from foglift.geoparse.morphology import analyzer

    morph = analyzer(lang)
    adjectives = [p.tag for p in morph.parse(adjective) if "ADJF" in p.tag]
    parses = morph.parse(noun.casefold())
    if not parses or "NOUN" not in parses[0].tag:
        return False  # ("Раменском городском округе": an adjective again)
    nouns = [p.tag for p in parses if "NOUN" in p.tag]
    for a in adjectives:
        for n in nouns:
            case = next((c for c in _CASES if c in a), None)
            if case is None or case not in n:
                continue
            if ("plur" in a and "plur" in n) or any(
                g in a and g in n for g in ("masc", "femn", "neut")
            ):
                return True
    return False


@cache
def _region_nouns(lex: Lexicon) -> Table[bool]:
    return Table(dict.fromkeys(lex.data["places"]["region_nouns"], True))


@cache
def _before_words(lex: Lexicon) -> Table[bool]:
    return Table(dict.fromkeys(lex.data["places"]["before"], True))


@cache
def _joiner_words(lex: Lexicon) -> str:
    return phrase_pattern(lex.data["places"].get("list_joiners", [])).pattern


def find_place_candidates(
    text: str, lex: Lexicon, exclude: list[tuple[int, int]]
) -> tuple[PlaceMention, ...]:
    """Place candidates outside the ``exclude`` spans (claimant mentions)."""
    spec = lex.data["places"]
    stop = set(spec["stopwords"])
    regions = _region_nouns(lex)
    joiner_words = _joiner_words(lex)
    before_words = _before_words(lex)
    suffixes = tuple(spec.get("adjective_suffixes", []))

    def adjectival(word: str) -> bool:
        return bool(suffixes) and word.casefold().endswith(suffixes)

    # A name right before a road's noun names the road ("Качинское шоссе"),
    # no place where something happened.
    roads = spec.get("road_nouns")
    road = phrase_pattern(roads) if roads else None
    cued, suffixed, single, passive, counted_list, shared, fronted = _patterns(lex)
    found: dict[tuple[int, int], PlaceMention] = {}
    # spans taken so far, kept sorted: a text of thousands of mentions must
    # not scan every earlier one per new one
    taken, excluded = SpanSet(), SpanSet(exclude)

    def add(start: int, end: int, keep_noun: bool = False) -> None:
        # Drop stopwords at either edge ("The Donetsk", "Pokrovsk On").
        words = [w for w in re.finditer(r"\S+", text[start:end])]
        while words and words[0].group() in stop:
            words = words[1:]
        # "Ukraine's Donetsk region" names the region; the possessive is context.
        while len(words) > 1 and re.search(r"['’]s$", words[0].group()):
            words = words[1:]
        # A capitalised opening word that is a place-type noun or an adverb
        # ("Село Степове", "Ночью Белгород") is no part of the name.
        while len(words) > 1 and (
            before_words.get(words[0].group()) or _adverb(lex.lang, words[0].group())
        ):
            words = words[1:]
        while words and words[-1].group() in stop and not keep_noun:
            words = words[:-1]
        if not words or (
            len(words) == 1
            and (adjectival(words[0].group()) or _adverb(lex.lang, words[0].group()))
        ):
            # "from Russian-held territory": an adjective, not a name;
            # "Сначала был налёт": an adverb opening a sentence
            return
        start, end = start + words[0].start(), start + words[-1].end()
        if road is not None and road.match(text, end + 1) and text[end] == " ":
            return
        if len(words) == 1 and lex.lang == "ru":
            # "над акваторией Северной стороны Севастополя": the adjective
            # names a part of the city after it; "у Ольговского леса" a wood
            noun = _NEXT_WORD.match(text, end)
            if (
                noun is not None
                and not noun.group("word")[0].isupper()
                and not regions.get(noun.group("word"))
                and not before_words.get(noun.group("word"))
                and agrees_with_noun(lex.lang, words[0].group(), noun.group("word"))
            ):
                whole = _NEXT_NAME.match(text, noun.end())
                if whole is not None:
                    start, end = whole.start("name"), whole.end("name")
                else:
                    end = noun.end()
        # A name running into a region found before it ends where the region
        # begins ("Белицкое Донецкой Народной" -> "Белицкое").
        later = taken.first_start_within(start, end)
        if later is not None:
            end = len(text[start:later].rstrip()) + start
        if end <= start or excluded.overlaps(start, end) or taken.overlaps(start, end):
            return
        taken.add(start, end)
        found[(start, end)] = PlaceMention(text[start:end], start, end)

    for m in shared.finditer(text):
        parts = re.split(rf"\s*,?\s+(?:{joiner_words})\s+|\s*,\s*", m.group("name"))
        at = m.start("name")
        for part in parts:
            at = text.index(part, at)
            add(at, at + len(part))
            at += len(part)
    for m in fronted.finditer(text):
        if accusative_only(lex.lang, m.group("name").split()[-1]):
            add(m.start("name"), m.end("name"))
    for m in suffixed.finditer(text):
        keep = m.group("noun") in regions
        add(m.start("name"), m.end("noun") if keep else m.end("name"), keep)
    for m in passive.finditer(text):
        add(m.start("name"), m.end("name"))
    for m in cued.finditer(text):
        # Names inside a bracketed anchor are not items of the list.
        brackets = [b.span() for b in _BRACKET.finditer(text, *m.span("name"))]
        for one in single.finditer(text, m.start("name"), m.end("name")):
            if not any(a <= one.start() < b for a, b in brackets):
                add(one.start(), one.end())
    for m in counted_list.finditer(text):
        for one in single.finditer(text, m.start("name"), m.end("name")):
            add(one.start(), one.end())
    return tuple(sorted(found.values(), key=lambda p: p.start))
