"""Which language each paragraph is in: English, Russian or Ukrainian.

Links and handles are not language. A paragraph written (almost) only in
Latin letters is English; one mostly in Cyrillic is Ukrainian or Russian by
the letters only one of them has (і ї є ґ, ы э ъ ё) and, where those do
not decide, by a vote of its words in the two pymorphy3 dictionaries
extraction loads anyway: a word only one language knows is a vote for it.
With neither kind of letter a paragraph needs a clear vote, or takes its
neighbours' language. A paragraph that mixes the two scripts (an English
article with a line of Ukrainian navigation) is judged line by line. Short
stretches ("⚡️ BREAKING", a hashtag, a "Подписаться" link) take their
neighbour's language.

A statistical detector (lingua, high accuracy) was used for the undecided
paragraphs until its models, about 100 MB, proved the largest part of an
ingest's memory. On the 9,171 real channel posts and claims-dev texts the
languages found now differ from before in 46 texts, each a Russian one: 38
short posts had been English (too short for a guess, they took the default),
8 lines lingua had read as Ukrainian or English.
"""

from __future__ import annotations

import re

from foglift.model import LanguageSpan

LANGUAGES = ("en", "ru", "uk")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_MIN_LETTERS = 20  # fewer letters than this give no reliable guess
_LINE = re.compile(r"[^\n]+")
# Link targets, bare addresses and handles carry no language.
_NOT_LANGUAGE = re.compile(r"\]\([^()\s]*\)|https?://\S+|www\.\S+|t\.me/\S+|@\w+")
# A script under this share of the letters is quoted names, not the language.
_MINOR_SCRIPT = 0.2


# Russian or Ukrainian, undecided: its neighbours will tell
_SLAVIC = "ru|uk"
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")


# the letters of the Cyrillic block (not its signs and combining marks)
_CYRILLIC_LETTER = re.compile(
    "[" + "".join(chr(c) for c in range(0x400, 0x500) if chr(c).isalpha()) + "]"
)
_UK_LETTER = re.compile("[іїєґІЇЄҐ]")
_RU_LETTER = re.compile("[ыэъёЫЭЪЁ]")


def _cyrillic_share(text: str, cleaned: bool = False) -> tuple[int, float]:
    """(letters that carry language, the share of them in Cyrillic); with
    ``cleaned`` the links and handles are already taken out."""
    if not cleaned:
        text = _NOT_LANGUAGE.sub(" ", text)
    # counted in C: a list of the letters cost a tenth of a post's check
    count = sum(map(str.isalpha, text))
    if not count:
        return 0, 0.0
    return count, len(_CYRILLIC_LETTER.findall(text)) / count


def _guess(text: str) -> tuple[str | None, float]:
    text = _NOT_LANGUAGE.sub(" ", text)
    count, share = _cyrillic_share(text, cleaned=True)
    if count < _MIN_LETTERS:
        return None, 0.0
    if share < _MINOR_SCRIPT:
        return "en", 1.0 - share
    # Letters only one of the two languages has decide at once.
    ukrainian = _UK_LETTER.search(text) is not None
    russian = _RU_LETTER.search(text) is not None
    if ukrainian and not russian:
        return "uk", 0.99
    if russian and not ukrainian:
        return "ru", 0.99
    if share < 0.5:
        return "en", 1.0 - share  # a Latin majority: English naming a few things
    if not ukrainian:
        # Neither language's own letters: the words decide only by a margin
        # (the Ukrainian dictionary knows many Russian loans, "промокодом");
        # else the nearest Russian or Ukrainian paragraph does, and a text of
        # nothing else is Russian (detect_languages).
        votes = _votes(text)
        if abs(votes["uk"] - votes["ru"]) >= 2:
            lang = max(votes, key=lambda k: votes[k])
            return lang, votes[lang] / (votes["ru"] + votes["uk"])
        return _SLAVIC, 0.5
    return _dictionary_vote(text)


def _dictionary_vote(text: str) -> tuple[str, float]:
    """Russian or Ukrainian, for a text with letters of both, by the
    lower-case words only one dictionary knows (a capital opens a name or a
    sentence); a tie goes to the language whose own letters are the more."""
    votes = _votes(text)
    if votes["ru"] != votes["uk"]:
        lang = max(votes, key=lambda k: votes[k])
        return lang, votes[lang] / (votes["ru"] + votes["uk"])
    more_uk = len(_UK_LETTER.findall(text)) > len(_RU_LETTER.findall(text))
    return ("uk" if more_uk else "ru"), 0.5


def _votes(text: str) -> dict[str, int]:
    """How many of a text's lower-case words only the Russian, and only the
    Ukrainian, dictionary knows."""
    from foglift.geoparse.morphology import analyzer

    ru, uk = analyzer("ru"), analyzer("uk")
    votes = {"ru": 0, "uk": 0}
    for word in _WORD.findall(text):
        # names are no evidence: the Ukrainian dictionary knows many Russian
        # surnames the Russian one does not
        if len(word) < 2 or not _CYRILLIC_LETTER.match(word) or word[0].isupper():
            continue
        word = word.casefold()
        in_ru, in_uk = ru.word_is_known(word), uk.word_is_known(word)
        if in_ru != in_uk:
            votes["ru" if in_ru else "uk"] += 1
    return votes


def detect_languages(text: str, default: str = "en") -> tuple[LanguageSpan, ...]:
    """Language spans covering the text's paragraphs, neighbours merged."""
    guesses = []
    for m in _PARAGRAPH.finditer(text):
        _, share = _cyrillic_share(m.group())
        if _MINOR_SCRIPT <= share <= 1 - _MINOR_SCRIPT and "\n" in m.group():
            # Two scripts in one paragraph: each line is judged on its own.
            guesses += [
                (
                    m.start() + line.start(),
                    m.start() + line.end(),
                    *_guess(line.group()),
                )
                for line in _LINE.finditer(m.group())
            ]
        else:
            guesses.append((m.start(), m.end(), *_guess(m.group())))
    # an undecided Cyrillic stretch takes the nearest decided one before it,
    # else after it (two passes: a text of many lines stays linear)
    following: list[str | None] = [None] * len(guesses)
    coming: str | None = None
    for n in range(len(guesses) - 1, -1, -1):
        following[n] = coming
        if guesses[n][2] in ("ru", "uk"):
            coming = guesses[n][2]
    previous: str | None = None
    for n, (start, end, guessed, _) in enumerate(guesses):
        if guessed == _SLAVIC:
            guesses[n] = (start, end, previous or following[n] or "ru", 0.5)
        elif guessed in ("ru", "uk"):
            previous = guessed
    known = [g for g in guesses if g[2] is not None]
    if not known:
        whole = _guess(text)
        lang = whole[0] or default
        if lang == _SLAVIC or (whole[0] is None and _cyrillic_share(text)[1] >= 0.5):
            lang = "ru"  # a few Cyrillic words and nothing else
        return (LanguageSpan(lang, 0, len(text), whole[1]),) if text else ()
    spans: list[LanguageSpan] = []
    last: str = known[0][2] or default
    for start, end, guessed, confidence in guesses:
        lang = guessed or last
        last = lang
        if spans and spans[-1].lang == lang:
            prev = spans[-1]
            spans[-1] = LanguageSpan(
                lang, prev.start, end, max(prev.confidence, confidence)
            )
        else:
            spans.append(LanguageSpan(lang, start, end, confidence))
    return tuple(spans)


def main_language(spans: tuple[LanguageSpan, ...], default: str = "en") -> str:
    """The language with the most characters."""
    sizes: dict[str, int] = {}
    for span in spans:
        sizes[span.lang] = sizes.get(span.lang, 0) + span.end - span.start
    return max(sizes, key=lambda k: sizes[k]) if sizes else default
