"""Which language each stretch of a text is read in."""

from __future__ import annotations

from foglift.normalise.language import detect_languages, main_language


def test_a_line_of_navigation_does_not_turn_an_english_page_ukrainian() -> None:
    text = (
        "Russian forces captured the village of Kamianka on Tuesday, officials said.\n"
        "Головна Новини Політика Економіка Світ Спорт Культура\n"
        "Ukrainian officials denied the claim and said fighting went on there."
    )
    spans = detect_languages(text)
    assert [s.lang for s in spans] == ["en", "uk", "en"]
    assert main_language(spans) == "en"
    assert text[spans[1].start : spans[1].end].startswith("Головна")


def test_links_and_handles_carry_no_language() -> None:
    post = (
        "Силы ПВО за ночь сбили над областью четыре беспилотника, "
        "сообщил губернатор.\n\n"
        "[👉 Новости. Подписаться](https://t.me/+AbCdEfGhIjKlMnOpQrSt) @newsroom_bot"
    )
    assert {s.lang for s in detect_languages(post)} == {"ru"}


def test_a_few_latin_names_leave_a_cyrillic_paragraph_cyrillic() -> None:
    text = (
        "Сили оборони відбили атаку біля Куп'янська, повідомили у Генштабі "
        "(General Staff)."
    )
    assert [s.lang for s in detect_languages(text)] == ["uk"]
