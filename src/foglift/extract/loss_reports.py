"""The General Staff's daily loss list: one losses claim per category.

    Загальні бойові втрати противника з 24.02.22 по 25.11.25 орієнтовно склали:
    особового складу ‒ близько 1 161 040 (+1 230) осіб
    танків ‒ 11 366 (+2) од.

Each line gives a cumulative total and, in brackets, the day's figure. The
day's figure is the claim (its window is the report's day and the day before);
the total is kept beside it for checking the series later.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from functools import cache

from foglift.extract.claims import Context
from foglift.extract.lexicon import Lexicon, phrase_pattern
from foglift.extract.quantities import _digits, parse_number
from foglift.model import OWN_VOICE, Claim, Claimant, Quantity, TimeSpan

_INTRO_REACH = 400  # characters before the first line that may name source and date


@cache
def _line_pattern(lex: Lexicon) -> re.Pattern[str]:
    digits = _digits(lex)
    qual = lex.qualifiers.pattern.pattern
    return re.compile(
        rf"^[ \t•·*–—-]*(?P<category>[^\n\d‒—–:]{{2,80}}?)\s*[‒—–:-]+\s*"
        rf"(?:(?P<qual>{qual})\s+)?(?P<total>{digits})\s*"
        rf"\(\s*\+\s*(?P<delta>{digits})\s*\)[^\n]*$",
        re.MULTILINE | re.IGNORECASE,
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


def _claimant(ctx: Context, intro_start: int, first_line: int) -> Claimant:
    if ctx.author.via in OWN_VOICE[1:] and ctx.author.via != "publisher":
        return ctx.author  # a heading or signature names the list's source
    named = [
        c
        for c in ctx.claimants
        if intro_start <= c.start < first_line and c.named and c.registry_id
    ]
    return replace(named[-1], via="subject") if named else ctx.author


def find_loss_report_claims(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """``claims`` plus one claim per loss-list line; claims inside lines drop."""
    lex = ctx.lex
    if "loss_report" not in lex.data:
        return claims
    lines = [
        (m, unit)
        for m in _line_pattern(lex).finditer(ctx.text)
        if (unit := _unit_of(m.group("category"), lex)) is not None
    ]
    if not lines:
        return claims
    first = lines[0][0].start()
    intro_start = max(0, first - _INTRO_REACH)
    claimant = _claimant(ctx, intro_start, first)
    losses = phrase_pattern(lex.data["loss_report"].get("losses_word", []))
    words = list(losses.finditer(ctx.text, intro_start, first))
    word = words[-1] if words else None
    dated = [
        t for t in ctx.times if intro_start <= t.start < first and t.start in ctx.days
    ]
    day = ctx.days[dated[-1].start] if dated else ctx.published
    found: list[Claim] = []
    for m, unit in lines:
        delta = parse_number(m.group("delta"), lex)
        total = parse_number(m.group("total"), lex)
        if delta is None:
            continue
        anchor_start, anchor_end = (
            (dated[-1].start, dated[-1].end)
            if dated
            else (m.start("delta"), m.end("delta"))
        )
        time = TimeSpan(
            first_day=day - timedelta(days=1) if day else None,
            last_day=day,
            as_stated=dated[-1].as_stated if dated else m.group("delta"),
            kind="duration",
            start=anchor_start,
            end=anchor_end,
            anchor=day,
            anchor_from=("text" if dated else "published") if day else None,
            note="the day's figure of a cumulative report",
        )
        action_start, action_end = (
            (word.start(), word.end())
            if word
            else (m.start("category"), m.end("category"))
        )
        found.append(
            Claim(
                id=f"c{len(claims) + len(found) + 1}",
                claim_type="losses",
                action="killed" if unit == "personnel" else "destroyed",
                action_as_stated=ctx.text[action_start:action_end],
                action_start=action_start,
                action_end=action_end,
                claimant=claimant,
                stance="asserts",
                voice="author" if claimant.via in OWN_VOICE else "attributed",
                start=m.start(),
                end=m.end(),
                quantity=Quantity(
                    value=delta,
                    low=delta,
                    high=delta,
                    unit=unit,
                    as_stated=ctx.text[m.start("total") : m.end()].strip(),
                    start=m.start("total"),
                    end=m.end(),
                    qualifier=lex.qualifiers.get(m.group("qual") or ""),
                    total=total,
                ),
                time=time,
            )
        )
    spans = [(m.start(), m.end()) for m, _ in lines]
    kept = [c for c in claims if not any(a <= c.action_start < b for a, b in spans)]
    return kept + found
