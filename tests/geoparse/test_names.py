from foglift.geoparse.names import is_indexable


def test_only_latin_and_cyrillic_names_are_indexed() -> None:
    assert is_indexable("Київ")
    assert is_indexable("Besançon")
    assert not is_indexable("Αθήνα")
    assert not is_indexable("東京")


def test_russian_spellings_follow_the_common_correspondences() -> None:
    from foglift.geoparse.names import russian_spellings

    assert "андреевка" in russian_spellings("Андріївка")
    assert "синьковка" in russian_spellings("Синьківка")
    assert "тоненькое" in russian_spellings("Тоненьке")
    assert "покровск" in russian_spellings("Покровськ")
    assert "великая новоселка" in russian_spellings("Велика Новосілка")
    assert russian_spellings("Paris") == []
