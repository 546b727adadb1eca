"""One dateline grammar for extraction and geoparsing."""

from foglift.datelines import (
    agency_follows,
    follows_town,
    is_capitals,
    opening_dateline,
)


def test_an_opening_dateline_gives_its_agency() -> None:
    text = "LVIV, May 4 (Wirecall) - The governor said ..."
    m = opening_dateline(text)
    assert m is not None and m.group("agency") == "Wirecall"
    cyrillic = "ХАРКІВ, 4 травня (Телеграф) — Голова ОВА повідомив ..."
    m = opening_dateline(cyrillic)
    assert m is not None and m.group("agency") == "Телеграф"


def test_no_opening_dateline_in_running_text() -> None:
    assert opening_dateline("The governor of Lviv (a city) said - nothing.") is None
    assert opening_dateline("LVIV, May 4 (the morning) - quiet") is None


def test_a_town_goes_on_as_a_dateline() -> None:
    text = "ODESA — Ships left. Dnipro, Ukraine (Wirecall) - ..."
    assert follows_town(text, len("ODESA"))
    assert follows_town(text, text.index(", Ukraine"))
    assert agency_follows(text, text.index(", Ukraine"))
    assert not follows_town(text, text.index(" left"))
    assert not agency_follows(text, text.index(" left"))


def test_capitals_need_three_letters() -> None:
    assert is_capitals("KRAMATORSK") and is_capitals("IVANO-FRANKIVSK")
    assert not is_capitals("Kramatorsk") and not is_capitals("UA")
