"""The General Staff's daily loss list: losses claims per category.

    Загальні бойові втрати противника з 24.02.22 по 25.11.25 орієнтовно склали:
    особового складу ‒ близько 1 161 040 (+1 230) осіб
    танків ‒ 11 366 (+2) од., РСЗВ — 1 550 од.

Each item (a line, or a comma-separated part of one paragraph) gives a
cumulative total and, in brackets, the day's figure. Each number is a claim:
the total as of the report's day, and the day's figure (its window is the
report's day and the day before) with the total kept beside it for checking
the series later.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from functools import cache

from foglift.extract.claims import Context, side_in
from foglift.extract.lexicon import Lexicon, phrase_pattern
from foglift.extract.quantities import _digits, parse_number
from foglift.model import OWN_VOICE, Claim, Claimant, Quantity, Side, TimeSpan

_INTRO_REACH = 400  # characters before the first line that may name source and date
_MIN_ITEMS = 3  # a loss list names several categories; one "танки — 5" is not one
# Before a category: the start of a line or of a list item (bullets, commas).
_ITEM_START = re.compile(r"(?:^|[\n,;:])[ \t•·*‒–—-]*$")
# A number after a dash or colon: a text with fewer of them holds no list.
_DASHED_NUMBER = re.compile(r"[‒—–:-][ \t]*(?:\w+[ \t]+)?\d")


@cache
def _item_pattern(lex: Lexicon) -> re.Pattern[str]:
    """One list item: a category, a total, and in brackets the day's figure.

    "танків ‒ 11 366 (+2) од.", "БпЛА оперативно-тактичного рівня — 19365
    (+105)", "РСЗВ — 539". Every part is bounded, so the scan is linear in the
    text's length.
    """
    digits = _digits(lex)
    qual = lex.qualifiers.pattern.pattern
    stems = [stem for stem, _ in lex.data.get("loss_report", {}).get("categories", [])]
    return re.compile(
        rf"(?P<category>{phrase_pattern(stems).pattern})"
        rf"[^\d\n‒—–:;,()]{{0,40}}?\s*[‒—–:-]+[ \t]*"
        rf"(?:(?P<qual>{qual})\s+)?(?P<total>{digits})"
        rf"(?:\s*\(\s*\+\s*(?P<delta>{digits})[^()\n]{{0,40}}\))?",
        re.IGNORECASE,
    )


@cache
def _categories(lex: Lexicon) -> list[tuple[re.Pattern[str], str]]:
    pairs = lex.data.get("loss_report", {}).get("categories", [])
    return [(phrase_pattern([stem]), unit) for stem, unit in pairs]


def _unit_of(category: str, lex: Lexicon) -> str | None:
    for pattern, unit in _categories(lex):
        if pattern.match(category.strip()):
            return unit
    return None


def _items(ctx: Context) -> list[tuple[re.Match[str], str]]:
    dashed = _DASHED_NUMBER.finditer(ctx.text)
    if sum(1 for _, _ in zip(range(_MIN_ITEMS), dashed, strict=False)) < _MIN_ITEMS:
        return []
    found = []
    for m in _item_pattern(ctx.lex).finditer(ctx.text):
        if not _ITEM_START.search(ctx.text, max(0, m.start() - 12), m.start()):
            continue
        unit = _unit_of(m.group("category"), ctx.lex)
        if unit is not None:
            found.append((m, unit))
    return found if len(found) >= _MIN_ITEMS else []


def _claimant(ctx: Context, intro_start: int, first_line: int) -> Claimant:
    if ctx.author.via in OWN_VOICE[1:] and ctx.author.via != "publisher":
        return ctx.author  # a heading or signature names the list's source
    named = [
        c
        for c in ctx.claimants
        if intro_start <= c.start < first_line and c.named and c.registry_id
    ]
    return replace(named[-1], via="subject") if named else ctx.author


def _agent(ctx: Context, words: list[re.Match[str]], claimant: Claimant) -> Side:
    """Whose forces inflicted the losses: the other side from the one that
    lost them ("втрати противника", "втрати росії"); a list with no owner is
    the enemy's, as the claimant tells it."""
    for word in reversed(words):
        named, relative = side_in(ctx, word.end(), word.end() + 30, claimant)
        lost_by = relative if relative != "unknown" else named
        if lost_by in ("russia", "ukraine"):
            return "ukraine" if lost_by == "russia" else "russia"
    return claimant.side if claimant.side in ("russia", "ukraine") else "unknown"


def find_loss_report_claims(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """``claims`` plus claims of each loss-list item; claims inside items drop.

    An item gives the cumulative total as one claim and the day's figure (when
    it is above zero) as another, with the total kept beside it.
    """
    lex = ctx.lex
    if "loss_report" not in lex.data:
        return claims
    lines = _items(ctx)
    if not lines:
        return claims
    first = lines[0][0].start()
    intro_start = max(0, first - _INTRO_REACH)
    claimant = _claimant(ctx, intro_start, first)
    losses = phrase_pattern(lex.data["loss_report"].get("losses_word", []))
    words = list(losses.finditer(ctx.text, intro_start, first))
    agent = _agent(ctx, words, claimant)
    word = words[-1] if words else None
    dated = [
        t for t in ctx.times if intro_start <= t.start < first and t.start in ctx.days
    ]
    day = ctx.days[dated[-1].start] if dated else ctx.published
    found: list[Claim] = []
    for m, unit in lines:
        delta = parse_number(m.group("delta"), lex) if m.group("delta") else None
        total = parse_number(m.group("total"), lex)
        if total is None:
            continue
        anchor_start, anchor_end = (
            (dated[-1].start, dated[-1].end)
            if dated
            else (m.start("total"), m.end("total"))
        )
        as_stated = dated[-1].as_stated if dated else m.group("total")
        anchor_from = ("text" if dated else "published") if day else None
        action_start, action_end = (
            (word.start(), word.end())
            if word
            else (m.start("category"), m.end("category"))
        )
        qualifier = lex.qualifiers.get(m.group("qual") or "")
        base = Claim(
            id="",
            claim_type="losses",
            action="killed" if unit == "personnel" else "lost",
            action_as_stated=ctx.text[action_start:action_end],
            action_start=action_start,
            action_end=action_end,
            claimant=claimant,
            stance="asserts",
            voice="author" if claimant.via in OWN_VOICE else "attributed",
            start=m.start(),
            end=m.end(),
            quantity=Quantity(
                value=total,
                low=total,
                high=total,
                unit=unit,
                as_stated=m.group("total"),
                start=m.start("total"),
                end=m.end("total"),
                qualifier=qualifier,
            ),
            time=TimeSpan(
                first_day=None,
                last_day=day,
                as_stated=as_stated,
                kind="duration",
                start=anchor_start,
                end=anchor_end,
                anchor=day,
                anchor_from=anchor_from,
                note="a cumulative total as of the report's day",
            ),
            agent_side=agent,
        )
        found.append(base)
        if not delta:
            continue
        found.append(
            replace(
                base,
                quantity=Quantity(
                    value=delta,
                    low=delta,
                    high=delta,
                    unit=unit,
                    as_stated=ctx.text[m.start("total") : m.end()].strip(),
                    start=m.start("total"),
                    end=m.end(),
                    qualifier=qualifier,
                    total=total,
                ),
                time=TimeSpan(
                    first_day=day - timedelta(days=1) if day else None,
                    last_day=day,
                    as_stated=as_stated,
                    kind="duration",
                    start=anchor_start,
                    end=anchor_end,
                    anchor=day,
                    anchor_from=anchor_from,
                    note="the day's figure of a cumulative report",
                ),
            )
        )
    spans = [(m.start(), m.end()) for m, _ in lines]
    kept = [c for c in claims if not any(a <= c.action_start < b for a, b in spans)]
    found = [replace(c, id=f"c{len(claims) + n}") for n, c in enumerate(found, 1)]
    return kept + found
