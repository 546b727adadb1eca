"""Quantities, times and claimants on their own."""

from __future__ import annotations

from datetime import date

import pytest

from foglift.extract.claimants import find_claimants
from foglift.extract.lexicon import load_lexicon
from foglift.extract.quantities import find_quantities
from foglift.extract.times import find_time_expressions, resolve_span
from foglift.pipeline import check_text
from foglift.sources import load_registry

LEX = load_lexicon("en")


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "unit"),
    [
        ("liberated 256 buildings in", 256, 256, 256, "building"),
        ("over 1,000 square kilometres of", 1000, 1000, None, "km2"),
        ("dozens of drones", None, 24, 99, "drone"),
        ("between 10 and 15 tanks", None, 10, 15, "tank"),
        ("twenty-five Ukrainian tanks", 25, 25, 25, "tank"),
        ("one hundred and twenty soldiers", 120, 120, 120, "personnel"),
        ("up to 1,230 servicemen", 1230, None, 1230, "personnel"),
        ("2.5 million people", 2_500_000, 2_500_000, 2_500_000, "personnel"),
        ("in 2024 256 buildings", 256, 256, 256, "building"),
        ("the **37** drones", 37, 37, 37, "drone"),
        ("18 Kh-101 missiles", 18, 18, 18, "missile"),
    ],
)
def test_quantities(
    text: str, value: float | None, low: float | None, high: float | None, unit: str
) -> None:
    (found,) = find_quantities(text, LEX)
    q = found.quantity
    assert (q.value, q.low, q.high, q.unit) == (value, low, high, unit)
    assert text[q.start : q.end] == q.as_stated


@pytest.mark.parametrize(
    "text",
    [
        "For every building liberated",
        "took 3 hours",
        "the tenth tank",
    ],
)
def test_no_quantity(text: str) -> None:
    assert find_quantities(text, LEX) == []


@pytest.mark.parametrize(
    ("text", "published", "first", "last"),
    [
        (
            "On November 11th",
            date(2025, 11, 12),
            date(2025, 11, 11),
            date(2025, 11, 11),
        ),
        # No year: the year that puts it on or before publication.
        ("on 14 December", date(2025, 11, 12), date(2024, 12, 14), date(2024, 12, 14)),
        ("Dec. 3, 2023", date(2025, 11, 12), date(2023, 12, 3), date(2023, 12, 3)),
        ("yesterday", date(2025, 11, 12), date(2025, 11, 11), date(2025, 11, 11)),
        ("on Monday", date(2025, 11, 12), date(2025, 11, 10), date(2025, 11, 10)),
        (
            "in the past 24 hours",
            date(2025, 11, 12),
            date(2025, 11, 11),
            date(2025, 11, 12),
        ),
        ("overnight", date(2025, 11, 12), date(2025, 11, 11), date(2025, 11, 12)),
        ("in a single day", date(2025, 11, 12), date(2025, 11, 12), date(2025, 11, 12)),
    ],
)
def test_times(text: str, published: date, first: date, last: date) -> None:
    (expr,) = find_time_expressions(text, LEX)
    span = resolve_span(expr, published)
    assert (span.first_day, span.last_day) == (first, last)
    assert text[span.start : span.end] == span.as_stated


def test_times_without_publication_date_stay_unresolved() -> None:
    (expr,) = find_time_expressions("on 14 December", LEX)
    span = resolve_span(expr, None)
    assert span.first_day is None and span.note


def _claimants(text: str) -> list[tuple[str, str, bool, str, str | None]]:
    return [
        (text[c.start : c.end], c.kind, c.named, c.side, c.registry_id)
        for c in find_claimants(text, LEX, load_registry())
    ]


def test_registry_aliases_roles_and_fuzzy_channel_names() -> None:
    text = (
        "Russia's Defence Ministry said so. The channel 'Voyenkory Russkoi Vesny' "
        "agreed, as did the Defense Ministry, TASS and pro-Kremlin bloggers."
    )
    found = _claimants(text)
    assert found[0][4] == "ru-mod"
    assert found[1][4] == "ru-voenkory-russkoy-vesny"
    assert found[2] == ("the Defense Ministry", "official", True, "russia", "ru-mod")
    assert found[3][4] == "ru-tass"
    assert found[4][:4] == ("pro-Kremlin bloggers", "military_blogger", False, "russia")


def test_unknown_channel_kind_comes_from_its_name() -> None:
    (found,) = _claimants(
        "the Telegram channel 'Z Frontline Voenkor' (war correspondents)"
    )
    assert found[1:4] == ("military_blogger", True, "unknown")


def test_people_are_sources_only_when_they_say_something() -> None:
    assert _claimants("Ukrainian soldiers held the line.") == []
    (found,) = _claimants("A Ukrainian soldier said the line held.")
    assert found[:3] == ("A Ukrainian soldier", "unknown", False)


def test_a_number_inside_a_slavic_name_is_not_a_quantity() -> None:
    ru = load_lexicon("ru")
    found = find_quantities("сбили вертолёт Ми-8 и 3 дрона", ru)
    # The helicopter in the singular is one; "8" of its name is nothing.
    assert [(q.quantity.value, q.quantity.unit) for q in found] == [
        (1, "aircraft"),
        (3, "drone"),
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Дрон атаковал нефтебазу", 1),
        ("погиб ребёнок", 1),
        ("попал в дом", 0),  # after a preposition: a target, not a count
        ("атаки дронов", 0),  # plural, no number
    ],
)
def test_a_singular_unit_noun_counts_one(text: str, count: int) -> None:
    found = find_quantities(text, load_lexicon("ru"))
    assert [q.quantity.value for q in found] == [1.0] * count


def _loss_claims(text: str, lang: str) -> list[tuple[str, float | None, float | None]]:
    doc = check_text(text, source="t", published=date(2025, 3, 10), lang=lang)
    return [
        (c.quantity.unit, c.quantity.value, c.quantity.total)
        for c in doc.claims
        if c.quantity is not None
    ]


def test_loss_list_in_one_paragraph_gives_totals_and_the_days_figures() -> None:
    text = (
        "Генштаб сообщил: общие потери противника составили: личного состава — "
        "около 9 500 (+120) человек, танков — 410 (+3) ед., РСЗО — 57 (+0) ед., "
        "самолетов — 12 ед., беспилотников — 2 140 (+15)."
    )
    assert _loss_claims(text, "ru") == [
        ("personnel", 9500, None),
        ("personnel", 120, 9500),
        ("tank", 410, None),
        ("tank", 3, 410),
        ("mlrs", 57, None),
        ("aircraft", 12, None),
        ("drone", 2140, None),
        ("drone", 15, 2140),
    ]


def test_a_dash_and_a_number_alone_make_no_loss_list() -> None:
    text = "Танки — 5 штук видели у дороги, а самолётов — ни одного."
    assert all(c[2] is None for c in _loss_claims(text, "ru"))


@pytest.mark.parametrize("text", ["a Ka-52 helicopter", "an S-300 missile"])
def test_number_in_name_is_no_count(text: str) -> None:
    """A number inside a name counts nothing; the article before it counts one."""
    (found,) = find_quantities(text, LEX)
    assert found.quantity.value == 1
    assert found.quantity.as_stated == text
