"""A common noun that stands for a place named before it ("над областью",
"в місті", "the town") takes that place's point, never a namesake village's.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from foglift.geoparse.coreference import referring_kind
from foglift.geoparse.theatre import Span, resolve_spans


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("місті", "settlement"),
        ("цього населеного пункту", "settlement"),
        ("Населений пункт", "settlement"),
        ("городом", "settlement"),
        ("the town", "settlement"),
        ("областью", "region"),
        ("регион", "region"),
        ("обласний центр", "centre"),
        ("райцентр", "district centre"),
        ("Місті", "settlement"),
        ("Мистки", ""),
        ("Городок", ""),
        ("Нова Область", ""),
    ],
)
def test_a_referring_noun_is_told_from_a_name(name: str, kind: str) -> None:
    assert referring_kind(name) == kind


def _resolve(text: str, *names: str) -> list[tuple[str, str, str]]:
    spans, at = [], 0
    for name in names:
        start = text.index(name, at)
        spans.append(Span(start, start + len(name), name))
        at = start + 1
    out = []
    for r in resolve_spans(text, spans):
        place = r.best.match.place if r.best else None
        out.append(
            (r.span.name, place.name if place else "", place.id if place else "")
        )
    return out


def test_a_town_noun_takes_the_town_named_before_it() -> None:
    text = (
        "Бої точаться на околицях Костянтинівки. Окупанти заявили, що "
        "зайшли в Костянтинівку, але в місті тривають бої."
    )
    got = _resolve(text, "Костянтинівки", "Костянтинівку", "місті")
    assert got[2][1:] == got[0][1:]
    assert got[2][1] == "Kostiantynivka"


def test_the_place_named_most_often_is_the_antecedent() -> None:
    # the subject of the text, not the last town of a list before the noun
    text = (
        "Войска продвинулись в Угледаре. Бои за Угледар идут с севера, "
        "откуда подошли части из Великой Новоселки и Курахово. "
        "Штурм города продолжается."
    )
    got = _resolve(text, "Угледаре", "Угледар", "Великой Новоселки", "Курахово",
                   "города")  # fmt: skip
    assert got[-1][1] == "Vuhledar"


def test_a_region_noun_takes_the_region_named_before_it() -> None:
    text = (
        "Губернатор Орловской области сообщил об атаке дронов. "
        "Над областью сбиты шесть беспилотников."
    )
    got = _resolve(text, "Орловской области", "областью")
    assert got[1][2] == got[0][2]
    assert got[1][2].startswith("admin1:RU")


def test_a_regional_centre_is_the_town_of_the_oblast_s_name() -> None:
    text = "Голова Дніпропетровської ОВА повідомив про удар по обласному центру вранці."
    got = _resolve(text, "Дніпропетровської", "обласному центру")
    assert got[1][1] == "Dnipro"


def test_a_noun_with_nothing_before_it_is_not_a_namesake_village() -> None:
    text = "У місті лунали вибухи."
    (got,) = resolve_spans(text, [Span(2, 7, "місті")])
    assert got.best is None
    assert got.near is None
    assert "no settlement named before it" in got.why_unresolved


def test_a_plant_noun_takes_the_installation_named_before_it() -> None:
    text = (
        "Дрони атакували Сизранський нафтопереробний завод. "
        "На заводі спалахнула пожежа."
    )
    got = _resolve(text, "Сизранський нафтопереробний завод", "заводі")
    assert got[0][1] == "Syzran"
    assert got[1][1:] == got[0][1:]
