"""Find every source a text names or alludes to, as Claimant records with spans.

Four kinds of mention, in order of precedence where they overlap: a channel with
a quoted name, a registry alias, a titled or unnamed person or group, and a
generic institution ("the Defense Ministry") resolved to the last named one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from foglift.extract.lexicon import Lexicon, phrase_pattern
from foglift.model import Claimant, ClaimantKind, Side
from foglift.settings import default
from foglift.sources import Registry, Source

_QUOTED = r"""(?P<q>['"«])(?P<name>[^'"«»\n]{2,80}?)(?:['"»])"""
_GLOSS = r"(?:\s*\((?P<gloss>[^()\n]{2,100})\))?"
_NAME = r"(?P<person>(?:[{c}][\w'’-]+|[{c}]\.)(?:\s+(?:[{c}][\w'’-]+|[{c}]\.)){{0,3}})"


@cache
def _channel_pattern(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(
        rf"(?:the\s+)?(?:{lex.channel_nouns.pattern})\s+{_QUOTED}{_GLOSS}",
        re.IGNORECASE,
    )


@cache
def _role_patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    return {
        role: re.compile(rf"(?:\bthe\s+)?(?:{phrase_pattern(words).pattern})", re.I)
        for role, words in lex.data["roles"].items()
    }


@cache
def _titled_pattern(lex: Lexicon) -> re.Pattern[str]:
    titles = [t for words in lex.data["titles"].values() for t in words]
    # A title opens a sentence too ("Губернатор ...").
    titles += [t[:1].upper() + t[1:] for t in titles]
    title_rx = phrase_pattern(titles, flags=0).pattern
    # "губернатор Брянской области Иван Петров": the region between title and name.
    regions = phrase_pattern(lex.data["places"]["region_nouns"]).pattern
    region = rf"(?P<region>\s+[{lex.capital}][\w'’-]+\s+(?:{regions}))?"
    return re.compile(rf"(?P<title>{title_rx}){region}\s+{_NAME.format(c=lex.capital)}")


@cache
def _unnamed_pattern(lex: Lexicon) -> re.Pattern[str]:
    spec = lex.data["unnamed"]
    heads = phrase_pattern([*lex.source_nouns.phrases, *lex.person_nouns.phrases])
    dets = phrase_pattern(lex.determiners).pattern
    mods = phrase_pattern(lex.modifiers).pattern
    relative = phrase_pattern(spec.get("relative", [])).pattern
    # A relative clause ("the general who oversees operations in the region")
    # runs up to the verb that makes the person a source.
    clause_end = phrase_pattern(
        [*spec.get("auxiliaries", []), *lex.data["reporting"]["asserts"]["verbs"]]
    ).pattern
    return re.compile(
        rf"(?<![\w-])(?:(?P<det>{dets})\s+)?(?P<mods>(?:(?:{mods})\s+){{0,3}})"
        rf"(?P<head>{heads.pattern})"
        rf"(?P<rel>\s+(?:{relative})\s+[^,.;:!?\n]{{1,80}}?(?=\s+(?:{clause_end})))?",
        re.IGNORECASE,
    )


_KINDS: tuple[ClaimantKind, ...] = (
    "official", "military_blogger", "media", "independent_analyst", "anonymous",
    "unknown",
)  # fmt: skip


def _kind(value: str) -> ClaimantKind:
    """A lexicon's kind string as a ClaimantKind; unknown strings become "unknown"."""
    for kind in _KINDS:
        if kind == value:
            return kind
    return "unknown"


def _side_of(words: str, lex: Lexicon) -> Side:
    sides: tuple[Side, ...] = ("russia", "ukraine", "independent")
    for word in re.findall(r"[\w-]+", words):
        found = lex.side_words.get(word)
        for side in sides:
            if side == found:
                return side
    return "unknown"


@cache
def _region_sides(lex: Lexicon) -> dict[Side, re.Pattern[str]]:
    spec = lex.data.get("region_sides", {})
    out: dict[Side, re.Pattern[str]] = {}
    for side in ("russia", "ukraine"):
        if spec.get(side):
            out[side] = phrase_pattern(spec[side])
    return out


def region_side_in(text: str, lex: Lexicon) -> Side:
    """The state every region named in ``text`` belongs to; unknown when none
    is named or regions of both states are."""
    found = {
        side for side, pattern in _region_sides(lex).items() if pattern.search(text)
    }
    return found.pop() if len(found) == 1 else "unknown"


def _official_side(words: str, lex: Lexicon) -> Side:
    """Side words first ("Russian-installed"), then the region an official's
    title names ("Mykolaiv Oblast Head", "губернатор Брянской области")."""
    side = _side_of(words, lex)
    if side != "unknown":
        return side
    for region_side, pattern in _region_sides(lex).items():
        if pattern.search(words):
            return region_side
    return "unknown"


def _named(source: Source, start: int, end: int) -> Claimant:
    """A mention of a registry source."""
    return Claimant(source.name, source.kind, True, source.side, start, end, source.id)


@cache
def _latin_channel_pattern(lex: Lexicon) -> re.Pattern[str]:
    """A channel's noun before its Latin-script name, unquoted, as Russian
    text writes it ("тг-канал Fighterbomber", "канал WarGonzo")."""
    return re.compile(
        rf"(?<![\w-])(?:{lex.channel_nouns.pattern})\s+"
        r"(?P<name>[A-Z][A-Za-z0-9_]{2,40})(?![\w-])(?P<gloss>)",
        re.IGNORECASE,
    )


def _channels(text: str, lex: Lexicon, registry: Registry) -> Iterator[Claimant]:
    min_score = float(default("claimant_fuzzy_min"))
    mentions = list(_channel_pattern(lex).finditer(text))
    if lex.lang == "ru":
        mentions += [
            m
            for m in _latin_channel_pattern(lex).finditer(text)
            if m.group("name")[0].isupper()
        ]
    for m in mentions:
        name, gloss = m.group("name").strip(), m.group("gloss") or ""
        source = registry.by_alias(name) or (
            registry.by_alias(gloss) if gloss else None
        )
        if source is None:
            for candidate in (name, gloss):
                found = registry.fuzzy(candidate, min_score) if candidate else None
                if found:
                    source = found[0]
                    break
        if source is not None:
            yield Claimant(
                name=source.name,
                kind=source.kind,
                named=True,
                side=source.side,
                start=m.start(),
                end=m.end(),
                registry_id=source.id,
            )
            continue
        cues = lex.milblogger_cues.search(f"{name} {gloss}")
        kind: ClaimantKind = "military_blogger" if cues else "unknown"
        yield Claimant(name, kind, True, _side_of(gloss, lex), m.start(), m.end())


def _registered(text: str, lex: Lexicon, registry: Registry) -> Iterator[Claimant]:
    # "Сил оборони півдня Владислав Волошин": a person named right after the
    # organisation speaks for it, so the mention takes in the name.
    person = re.compile(rf"[ \t]+[{lex.capital}][\w'’-]+[ \t]+[{lex.capital}][\w'’-]+")
    cyrillic = re.compile(r"[а-яёіїєґ]", re.I)
    for m, source in registry.find_aliases(text):
        end = m.end()
        named = person.match(text, end)
        if named and cyrillic.search(named.group()):
            end = named.end()
        yield _named(source, m.start(), end)


def _titled(text: str, lex: Lexicon, registry: Registry) -> Iterator[Claimant]:
    kind_of = {
        t.casefold(): k for k, words in lex.data["titles"].items() for t in words
    }
    not_names = set(lex.data["places"]["stopwords"])
    region_noun = re.compile(
        rf"\s+(?:{phrase_pattern(lex.data['places']['region_nouns']).pattern})",
        re.IGNORECASE,
    )
    for m in _titled_pattern(lex).finditer(text):
        person = m.group("person")
        if person.split()[0] in not_names:
            continue  # "General Staff", "President Day"
        region = region_noun.match(text, m.end()) if lex.lang == "ru" else None
        if region is not None and len(person.split()) == 1:
            # "Губернатор Курской области сообщил": an official titled by a
            # region, with no name; the adjective is no person
            words = " ".join(text[m.start() : region.end()].split())
            side = _official_side(words, lex)
            yield Claimant(words, "official", False, side, m.start(), region.end())
            continue
        source = registry.by_alias(person)
        if source is not None:
            yield _named(source, m.start(), m.end())
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        title = " ".join(m.group("title").casefold().split())
        kind = _kind(kind_of.get(title, ""))
        side = _side_of(before, lex)
        if side == "unknown" and kind == "official":
            side = _official_side(text[max(0, m.start() - 40) : m.end()], lex)
        yield Claimant(person, kind, True, side, m.start(), m.end())


def _governed(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a preposition tying people to others stands right before
    ``start``: "with Ukrainian forces" is no subject of the verb after it."""
    words = lex.data["unnamed"].get("affiliation_words", [])
    before = re.search(r"([\w'’-]+)\s+$", text[max(0, start - 24) : start])
    return before is not None and before.group(1).casefold() in words


@cache
def _nominative(lang: str, word: str) -> bool:
    """Whether a Russian or Ukrainian noun may be a subject: "сообщил
    губернатор" names the speaker, "сообщил журналистам" the audience."""
    if lang not in ("ru", "uk"):
        return False
    from foglift.geoparse.morphology import analyzer

    return any("nomn" in p.tag for p in analyzer(lang).parse(word))


def _speaking(text: str, end: int, reporting: re.Pattern[str]) -> bool:
    """Whether a reporting participle follows right after ``end`` ("soldiers
    claiming to have ...")."""
    verb = reporting.match(text, _skip_spaces(text, end))
    return verb is not None and verb.group().endswith("ing")


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


# a line that opens with a dash before a speaker, and ends after it
_SIGNED_BEFORE = re.compile(r"(?:^|\n)[ \t*_]*[—–][ \t*_]*$")
_SIGNED_AFTER = re.compile(r"(?:\s+[а-яё-]+){0,3}[ \t*_.]*(?:\n|$)")


def _unnamed(text: str, lex: Lexicon) -> Iterator[Claimant]:
    reporting = re.compile(
        "|".join(lex.reporting[k].pattern for k in ("asserts", "denies", "disputes")),
        re.IGNORECASE,
    )
    audience = phrase_pattern(lex.data["unnamed"].get("recipient_cues", [])).pattern
    recipient = re.compile(rf"(?:{audience})\s+$", re.I)
    according = re.compile(rf"(?:{lex.according_to.pattern})\s+$", re.I)
    not_before = re.compile(
        rf"\s+(?:{phrase_pattern(lex.data['unnamed'].get('not_before', [])).pattern})",
        re.I,
    )
    inverted = re.compile(
        rf"(?:{reporting.pattern})(?:\s+(?:{audience}))?\s+$",
        re.IGNORECASE,
    )
    for m in _unnamed_pattern(lex).finditer(text):
        before = text[max(0, m.start() - 16) : m.start()]
        if recipient.search(before):
            # "told reporters": the audience, not a source. In Russian and
            # Ukrainian the case tells ("сообщил журналистам" / "губернатор").
            if lex.lang in ("ru", "uk"):
                if not _nominative(lex.lang, m.group("head").split()[0]):
                    continue
            elif not according.search(before):
                continue
        head = " ".join(m.group("head").split())
        noun_kind = lex.source_nouns.get(head)
        if noun_kind == "anonymous" and not_before.match(text, m.end("head")):
            continue  # "the source of the fire" is no source of information
        if (
            noun_kind is None
            and _governed(text, m.start(), lex)
            and not (lex.lang == "en" and _speaking(text, m.end(), reporting))
        ):
            # "a volunteer fighting with Ukrainian forces claimed"; but "videos
            # of paratroopers claiming to have cleared X": the soldiers speak
            continue
        if noun_kind is None:
            # A person is a source only when reported as saying something,
            # after the noun or, inverted, before it ("..., сообщил губернатор").
            after = text[m.end() : m.end() + 40]
            # "по словам пленных", "со слов очевидцев": a source by the phrase
            # of attribution before it
            attributed = lex.lang == "ru" and according.search(before) is not None
            # "...\n— губернатор области.": a line signed with a dash
            attributed = attributed or (
                lex.lang == "ru"
                and _SIGNED_BEFORE.search(text, max(0, m.start() - 8), m.start())
                is not None
                and _SIGNED_AFTER.match(text, m.end()) is not None
            )
            if (
                not re.match(
                    rf"(?:['’]s)?\s*{_adverbs(lex)}(?:had\s+|has\s+|have\s+)?"
                    rf"(?:{reporting.pattern})",
                    after,
                )
                and not inverted.search(text, max(0, m.start() - 40), m.start())
                and not attributed
            ):
                continue
            noun_kind = lex.person_nouns.get(head) or "unknown"
        kind = _kind(noun_kind)
        phrase = " ".join(m.group().split())
        if lex.lang == "ru" and according.search(before):
            # "по словам пленных": the source is "пленные"
            phrase = _nominative_phrase(phrase, lex.lang)
        side = _side_of(m.group("mods") or "", lex)
        if kind == "official" and side == "unknown":
            side = _official_side(m.group("mods") or "", lex)
        if kind == "official" and side == "unknown" and lex.lang in ("ru", "en"):
            # "..., сообщил губернатор" in a post on Белгородская область: an
            # official of the one state whose regions the text names
            side = region_side_in(text, lex)
        if side == "unknown":
            # "milbloggers" with no nationality: in English war reporting the
            # word names Russia's (a Ukrainian one is always called so)
            side = lex.data["unnamed"].get("head_sides", {}).get(head.casefold(), side)
        if kind == "independent_analyst" and side in ("russia", "ukraine"):
            kind = "unknown"  # "Russian experts" are not independent analysts
        # "Russian and Ukrainian sources": two groups share one head noun.
        shared = re.search(
            r"(?<![\w'’-])(?P<adj>[\w'’-]+)\s+and\s+$",
            text[max(0, m.start() - 30) : m.start()],
        )
        if shared and not m.group("det") and lex.side_words.get(shared.group("adj")):
            adj_start = max(0, m.start() - 30) + shared.start("adj")
            adj = shared.group("adj")
            yield Claimant(
                f"{adj} {head}",
                kind,
                False,
                _side_of(adj, lex),
                adj_start,
                adj_start + len(adj),
            )
        yield Claimant(phrase, kind, False, side, m.start(), m.end())


def _nominative_phrase(phrase: str, lang: str) -> str:
    """A phrase in the genitive after "по словам" put in the nominative."""
    from foglift.extract.lexicon import _morph

    out = []
    for word in phrase.split():
        if word.isupper():  # "СМИ", "ВСУ": abbreviations do not decline
            out.append(word)
            continue
        parses = _morph(lang).parse(word)
        form = parses[0].inflect({"nomn"}) if parses else None
        new = form.word if form is not None else word
        out.append(new[:1].upper() + new[1:] if word[:1].isupper() else new)
    return " ".join(out)


def _roles(text: str, lex: Lexicon) -> Iterator[tuple[str, Claimant]]:
    for role, pattern in _role_patterns(lex).items():
        for m in pattern.finditer(text):
            phrase = " ".join(m.group().split())
            yield (
                role,
                Claimant(phrase, "official", True, "unknown", m.start(), m.end()),
            )


_TITLE_GAP = re.compile(r"\s+(?:[A-ZА-ЯЁІЇЄҐ][\w'’-]*\s+){0,3}")
_GOVERNMENT = {"russia": "ru-government", "ukraine": "ua-government"}


def _metonyms(text: str, lex: Lexicon, registry: Registry) -> Iterator[Claimant]:
    """ "Kyiv says", "Moscow claims": a capital speaking is its government."""
    verbs = "|".join(
        lex.reporting[stance].pattern for stance in ("asserts", "denies", "disputes")
    )
    for side, names in lex.data.get("metonyms", {}).items():
        source = registry.sources.get(_GOVERNMENT.get(side, ""))
        if source is None:
            continue
        agents = re.compile(
            rf"(?:{phrase_pattern(lex.data.get('metonym_agents', [])).pattern})\s+$",
            re.IGNORECASE,
        )
        names_rx = phrase_pattern(names, flags=0).pattern
        speaking = re.compile(rf"\s+(?:has\s+|have\s+|had\s+)?(?:{verbs})")
        for m in re.finditer(names_rx, text):
            # Before a reporting verb ("Kyiv denied"), or the agent of a
            # reaction ("rejected by Kyiv").
            if not speaking.match(text, m.end()) and not agents.search(
                text, max(0, m.start() - 20), m.start()
            ):
                continue
            named = _named(source, m.start(), m.end())
            if lex.lang == "uk":
                # the state as the text names it ("РФ заявила"), its
                # government's entry kept in the registry id
                named = replace(named, name=m.group())
            yield named


@cache
def _named_subject_pattern(lex: Lexicon) -> re.Pattern[str] | None:
    spec = lex.data.get("named_subjects")
    if not spec:
        return None
    # A unit's number is part of its name ("the 93rd Brigade").
    cap = (
        rf"(?:(?:[{lex.capital}][\w'’-]*|\d+(?:st|nd|rd|th))"
        rf"(?:[ \t]+\([{lex.capital}]{{2,6}}\))?)"
    )
    joiner = phrase_pattern(spec.get("connectors", []), flags=0).pattern
    adverbs = _adverbs(lex)
    # Verbs of one word: "are a lie" follows a claim, not a speaker.
    verbs = phrase_pattern(
        w
        for stance in ("asserts", "denies", "disputes")
        for w in lex.data["reporting"][stance]["verbs"]
        # (a phrase of assertion starts with its verb: "issued a statement")
        if " " not in w or stance == "asserts"
    ).pattern
    return re.compile(
        # (beginning a word: a long unbroken word is not rescanned per letter)
        rf"(?<![\w'’-])[_*]*"
        rf"(?P<name>{cap}(?:[ \t]+(?:(?:{joiner})[ \t]+)?{cap}){{0,8}})"
        # "The 12th Brigade additionally stated", "..., Ivan Petrenko, claimed"
        # ("outlet _Astra_ reported": markup around the name)
        rf"(?=[_*]*(?P<comma>,)?\s+(?:on\s+\w+\s+\d{{1,2}}\s+)?{adverbs}"
        rf"(?:has\s+|have\s+|had\s+)?(?:{verbs}))"
    )


@cache
def _adverbs(lex: Lexicon) -> str:
    """Adverbs that may stand between a speaker and its reporting verb ("the
    brigade also stated"), as an optional regular-expression group."""
    words = lex.data["reporting"]["asserts"].get("adverbs", [])
    if not words:
        return ""
    return rf"(?:(?:{phrase_pattern(words).pattern})\s+)?"


def _named_subjects(text: str, lex: Lexicon) -> Iterator[Claimant]:
    """A capitalised name right before a reporting verb that the registry
    does not know: its kind from its words, its side from its side words; a
    lone surname ("Kim specified") is the person named in full before."""
    pattern = _named_subject_pattern(lex)
    if pattern is None:
        return
    spec = lex.data["named_subjects"]
    kinds = {
        w: kind
        for kind in ("official", "media", "military_blogger")
        for w in spec.get(kind, [])
    }
    not_names = set(lex.data["places"]["stopwords"])
    seen: list[Claimant] = []
    for m in pattern.finditer(text):
        if re.search(r"['’]s$", m.group("name")):
            continue  # "the Ministry's claims": a possessive, and "claims" a noun
        if m.group("comma") and not re.search(
            r"(?:,|\bincluding(?:\s+the)?)\s*$",
            text[max(0, m.start("name") - 20) : m.start("name")],
        ):
            continue  # "In Kharkiv, said ...": only an apposition stands in commas
        words = re.findall(r"[\w'’-]+", m.group("name"))
        joiners = set(spec.get("connectors", []))
        while words and (words[0] in not_names or words[0] in joiners):
            words = words[1:]  # "The", "On", "However"; "and" after a side word
        if not words or all(w in not_names or w in lex.side_words for w in words):
            continue
        start = text.find(words[0], m.start("name"))
        end = m.end("name")
        while end > start and text[end - 1] in "_*":
            end -= 1
        name = text[start:end]
        if len(words) == 1:
            full = [c for c in seen if c.name.split()[-1] == words[0]]
            if full:
                yield replace(full[-1], start=start, end=m.end("name"))
                continue
        # "The Russian-installed head of X, Ivan Petrenko, claimed": the
        # apposition's head tells the person's kind and side.
        # "Russian opposition outlet Astra reported": the words before the
        # name in its clause describe it too.
        # ("People's Republic (LNR) militia representative X": a bracketed
        # abbreviation is one of those words)
        word = r"\(?[\w'’-]+\)?" if lex.lang == "en" else r"[\w'’-]+"
        lead = re.search(
            rf"(?:{word}\s+){{1,3}}[_*]*$", text[max(0, start - 60) : start]
        )
        described = (lead.group() if lead else "") + name
        if m.group("comma"):
            head = text[max(0, m.start("name") - 120) : m.start("name")].rstrip(", ")
            described = re.split(r"[.;:!?\n]|,", head)[-1] + " " + name
        kind: ClaimantKind = "unknown"
        for w in re.findall(r"[\w'’-]+", described):
            found = kinds.get(w.rstrip("s") if w.rstrip("s") in kinds else w)
            if found is None:
                found = kinds.get(w[:1].upper() + w[1:]) if m.group("comma") else None
            if found is not None:
                kind = _kind(found)
        side = (
            _official_side(described, lex)
            if kind == "official"
            else _side_of(described, lex)
        )
        claimant = Claimant(name, kind, True, side, start, end)
        seen.append(claimant)
        yield claimant


# "«...», – заявив очільник області": a title with no name after a quote.
_QUOTED_TITLE_UK = re.compile(
    r"[,.!?»\"”]\s*[–—-]\s*[^\W\d]+\s+(?P<title>(?:очільни|голов|керівни|начальни|"
    r"речни)\w*(?:\s+[^\W\d\sА-ЯІЇЄҐ][\w'’-]*){0,2})\s*(?=[.,;\n]|$)"
)


def _quoted_titles(
    text: str, lex: Lexicon, found: list[Claimant]
) -> Iterator[Claimant]:
    """A Ukrainian title with no name after a quote and its reporting verb
    ("..., – заявив очільник області") is the official named before it."""
    if lex.lang != "uk":
        return
    for m in _QUOTED_TITLE_UK.finditer(text):
        start, end = m.start("title"), m.end("title")
        if any(c.start < end and start < c.end for c in found):
            continue
        before = [
            c for c in found if c.end <= m.start() and c.named and c.kind == "official"
        ]
        if before:
            yield replace(before[-1], start=start, end=end)


def _quoted_surnames(
    text: str, lex: Lexicon, found: list[Claimant]
) -> Iterator[Claimant]:
    """A lone surname after a quote and its reporting verb ("..., – наголосив
    Коваль") is the person named in full before it."""
    verbs = phrase_pattern(
        w
        for stance in ("asserts", "denies", "disputes")
        for w in lex.data["reporting"][stance]["verbs"]
        if " " not in w
    ).pattern
    said = rf"(?:{verbs})"
    if lex.lang in ("ru", "uk"):
        # "– перелічив втрати Лисак": any verb, and its object, may stand
        # between the dash and the surname (the surname must be named before).
        lower = rf"[^\W\d{lex.capital}][\w'’-]*"
        said = rf"(?:{said}|{lower})(?:\s+{lower}){{0,2}}"
    pattern = re.compile(
        rf"[,.!?»\"”]\s*[–—-]\s*{said}\s+"
        rf"(?P<name>[{lex.capital}][\w'’-]+)\b(?![ \t]+[{lex.capital}])"
    )
    for m in pattern.finditer(text):
        if any(c.start < m.end("name") and m.start("name") < c.end for c in found):
            continue
        full = [
            c
            for c in found
            if c.end <= m.start()
            and len(c.name.split()) > 1
            and (
                c.name.split()[-1] == m.group("name")
                # a registered source named by its person in Ukrainian text
                # ("очільник ОВА Іван Федоров" ... "написав Федоров")
                or (
                    lex.lang == "uk" and text[c.start : c.end].endswith(m.group("name"))
                )
            )
        ]
        if full:
            yield replace(full[-1], start=m.start("name"), end=m.end("name"))
            continue
        # Named in full before with a title a few words ahead ("командир
        # підрозділу Андрій Коваль"), though no verb made them a source there.
        cap = lex.capital
        named = list(
            re.finditer(
                rf"(?<![\w'’-])[{cap}][\w'’-]+[ \t]+{re.escape(m.group('name'))}\b",
                text[: m.start()],
            )
        )
        if not named:
            continue
        first = named[-1]
        ahead = text[max(0, first.start() - 60) : first.start()].casefold().split()
        titled = [k for k, ts in lex.data["titles"].items() for t in ts if t in ahead]
        if titled:
            kind = _kind(titled[-1])
            side: Side = "unknown"
            if kind == "official":
                side = _official_side(first.group(), lex)
            start, end = m.start("name"), m.end("name")
            yield Claimant(first.group(), kind, True, side, start, end)


def _according_surnames(
    text: str, lex: Lexicon, found: list[Claimant]
) -> Iterator[Claimant]:
    """ "За словами Коваля": a lone surname after "according to" is the person
    named in full before it ("журналіст Андрій Коваль"), in Ukrainian."""
    if lex.lang != "uk":
        return
    cap = lex.capital
    pattern = re.compile(
        rf"(?:{lex.according_to.pattern})\s+"
        rf"(?P<name>[{cap}][\w'’-]+)\b(?![ \t]+[{cap}])",
        re.IGNORECASE,
    )
    for m in pattern.finditer(text):
        if not m.group("name")[:1].isupper():
            continue
        if any(c.start < m.end("name") and m.start("name") < c.end for c in found):
            continue
        # the surname in any case ("Коваля", "Рьопке"): its first five letters
        stem = re.escape(m.group("name")[:5])
        named = list(
            re.finditer(
                rf"(?<![\w'’-])[{cap}][\w'’-]+[ \t]+{stem}[\w'’-]*", text[: m.start()]
            )
        )
        if not named:
            continue
        first = named[-1]
        ahead = text[max(0, first.start() - 60) : first.start()].casefold().split()
        titled = [k for k, ts in lex.data["titles"].items() for t in ts if t in ahead]
        kind = _kind(titled[-1]) if titled else "unknown"
        side: Side = (
            _official_side(first.group(), lex) if kind == "official" else "unknown"
        )
        start, end = m.start("name"), m.end("name")
        yield Claimant(first.group(), kind, True, side, start, end)


def find_claimants(text: str, lex: Lexicon, registry: Registry) -> tuple[Claimant, ...]:
    """Every claimant mention in ``text``, in order, overlaps resolved."""
    ranked: list[tuple[int, Claimant, str | None]] = []
    ranked += [(0, c, None) for c in _channels(text, lex, registry)]
    ranked += [(1, c, None) for c in _registered(text, lex, registry)]
    ranked += [(2, c, None) for c in _titled(text, lex, registry)]
    ranked += [(2, c, None) for c in _metonyms(text, lex, registry)]
    ranked += [(3, c, None) for c in _unnamed(text, lex)]
    ranked += [(3, c, None) for c in _named_subjects(text, lex)]
    ranked += [(4, c, role) for role, c in _roles(text, lex)]
    taken: list[tuple[int, int]] = []
    kept: list[tuple[Claimant, str | None]] = []
    for _, claimant, role in sorted(ranked, key=lambda r: (r[0], r[1].start)):
        if any(claimant.start < e and s < claimant.end for s, e in taken):
            continue
        taken.append((claimant.start, claimant.end))
        kept.append((claimant, role))
    kept += [(c, None) for c in _quoted_surnames(text, lex, [k[0] for k in kept])]
    kept += [(c, None) for c in _quoted_titles(text, lex, [k[0] for k in kept])]
    kept += [(c, None) for c in _according_surnames(text, lex, [k[0] for k in kept])]
    kept.sort(key=lambda k: k[0].start)
    defaults = lex.data.get("role_defaults", {})
    found = list(
        _resolve_roles(_drop_dependent_unnamed(text, kept, lex), registry, defaults)
    )
    return tuple(_named_again(text, found) if lex.lang == "en" else found)


def _named_again(text: str, claimants: Sequence[Claimant]) -> list[Claimant]:
    """English names shortened when said again ("the X Group" after "Ukraine's
    X Operational Group", "the SES" after "State Emergency Service (SES)"):
    a named source whose side is unknown takes the side, and the kind if
    unknown, of the source named before in full."""
    out: list[Claimant] = []
    for claimant in claimants:
        if claimant.named and claimant.side == "unknown":
            words = set(re.findall(r"[\w-]+", claimant.name.casefold()))
            for earlier in reversed(out):
                if earlier.side == "unknown" or earlier.end > claimant.start:
                    continue
                said = text[earlier.start : earlier.end].casefold()
                full = set(re.findall(r"[\w-]+", f"{earlier.name.casefold()} {said}"))
                bracket = re.match(
                    rf"\s*\({re.escape(claimant.name)}\)", text[earlier.end :]
                )
                if (len(words) > 1 and words <= full) or bracket:
                    kind = claimant.kind if claimant.kind != "unknown" else earlier.kind
                    claimant = replace(claimant, side=earlier.side, kind=kind)
                    break
        out.append(claimant)
    return out


def _affiliated(lex: Lexicon, gap: str) -> bool:
    """Whether ``gap`` ties an unnamed person to the source named after it."""
    words = gap.split()
    allowed = lex.data["unnamed"].get("affiliation_words", [])
    return not gap.strip() or (
        len(words) <= 2 and all(w.casefold() in allowed for w in words)
    )


# How far after a named analyst an unnamed one of its kind is still its people.
_SAME_SOURCE_REACH_UK = 300


def _drop_dependent_unnamed(
    text: str, kept: list[tuple[Claimant, str | None]], lex: Lexicon
) -> list[tuple[Claimant, str | None]]:
    """Drop unnamed mentions that are not new sources.

    "ISW analysts" are ISW's, and "the milbloggers" after "Russian milbloggers"
    are the same unnamed group mentioned again.
    """
    out: list[tuple[Claimant, str | None]] = []
    heads_seen: dict[str, Claimant] = {}
    for n, (claimant, role) in enumerate(kept):
        following = kept[n + 1][0] if n + 1 < len(kept) else None
        if (
            not claimant.named
            and following is not None
            and following.named
            and _affiliated(lex, text[claimant.end : following.start])
        ):
            # "the Ukrainian military spokesman Viktor Trehubov" is a title,
            # "аналітики проєкту DeepState" are DeepState's analysts.
            continue
        if not claimant.named:
            head = claimant.name.split(" who ")[0].split()[-1].casefold()
            anaphor = claimant.name.split()[0].casefold() in ("the", "these", "those")
            if anaphor and head in heads_seen:
                # "the sources stated" after "its sources": the same group speaks
                earlier = heads_seen[head]
                out.append(
                    (replace(earlier, start=claimant.start, end=claimant.end), role)
                )
                continue
            heads_seen[head] = claimant
            named_before = [
                c
                for c, _ in out
                if c.named
                and c.kind == claimant.kind
                and claimant.start - c.end < _SAME_SOURCE_REACH_UK
            ]
            if (
                lex.lang == "uk"
                and claimant.kind in ("independent_analyst", "military_blogger")
                and named_before
            ):
                # "аналітики проєкту DeepState" ... "йдеться у повідомленні
                # експертів": the experts are the project named just before
                out.append(
                    (
                        replace(
                            named_before[-1], start=claimant.start, end=claimant.end
                        ),
                        role,
                    )
                )
                continue
            # "ISW analysts", "Joint Forces Task Force spokesman": the named
            # source's own people, not an unnamed source.
            if (
                out
                and out[-1][0].named
                and _TITLE_GAP.fullmatch(text[out[-1][0].end : claimant.start])
            ):
                continue
        out.append((claimant, role))
    return out


def _resolve_roles(
    kept: list[tuple[Claimant, str | None]],
    registry: Registry,
    defaults: dict[str, str],
) -> Iterator[Claimant]:
    """Point "the Defense Ministry" at the last named source holding that role,
    else at the language's default holder ("Генштаб" in Ukrainian news)."""
    for i, (claimant, role) in enumerate(kept):
        if role is None:
            yield claimant
            continue
        holders = {s.id for s in registry.with_role(role)}
        earlier = [c for c, _ in kept[:i] if c.registry_id in holders]
        default = registry.sources.get(defaults.get(role, ""))
        if earlier:
            ref = earlier[-1]
            yield replace(
                claimant,
                name=ref.name,
                kind=ref.kind,
                side=ref.side,
                registry_id=ref.registry_id,
                via="role",
            )
        elif default is not None:
            yield replace(
                claimant,
                name=default.name,
                kind=default.kind,
                side=default.side,
                registry_id=default.id,
                via="role",
            )
        else:
            yield claimant
