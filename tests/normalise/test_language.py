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


def test_cyrillic_without_letters_of_its_own_takes_its_neighbours() -> None:
    # no і ї є ґ and no ы э ъ ё, and no clear vote of the words
    (span,) = detect_languages("Вечером прошла проверка документов на складе")
    assert span.lang == "ru"
    assert detect_languages("Вот это поворот")[0].lang == "ru"  # a short post
    # after a Ukrainian paragraph, the same kind of line is Ukrainian
    text = "Військові відбили дві атаки.\n\nТакож за добу ворог втратив 3 танки."
    assert [s.lang for s in detect_languages(text)] == ["uk"]


def test_letters_of_both_languages_are_decided_by_the_words() -> None:
    # Russian words quoting a Ukrainian name: Ukrainian letters are outvoted
    text = "Жители сообщили, что в Підгородне опять нет света и воды"
    (span,) = detect_languages(text)
    assert span.lang == "ru"
    # Ukrainian words quoting a Russian phrase
    text = "Мешканці кажуть, що ввечері чули вибухи, хоча блогер писав «всё спокойно»"
    (span,) = detect_languages(text)
    assert span.lang == "uk"
    # a name in capitals votes for nobody
    (span,) = detect_languages("Сьогодні на станції Эльтон знову вимкнули світло")
    assert span.lang == "uk"
