from foglift.geoparse.names import is_indexable, name_key, romanisations, skeleton


def test_key_folds_case_diacritics_apostrophes_and_hyphens() -> None:
    assert name_key("Кам'янське") == name_key("КАМʼЯНСЬКЕ") == name_key("Кам’янське")
    assert name_key("Ivano-Frankivsk") == "ivano frankivsk"
    assert name_key("Québec") == "quebec"


def test_romanisations_cover_official_bgn_and_press_spellings() -> None:
    assert "pokrovsk" in romanisations("Покровськ")
    assert "zaporizhzhia" in romanisations("Запоріжжя")
    assert {"artemovsk", "artyomovsk"} <= set(romanisations("Артёмовск"))
    assert "kharkov" in romanisations("Харьков")
    assert "zaporozhye" in romanisations("Запорожье")
    assert "krasnoarmeysk" in romanisations("Красноармейск")


def test_skeleton_joins_scheme_variants() -> None:
    assert (
        skeleton("Klishchiivka") == skeleton("Klishchiyivka") == skeleton("Кліщіївка")
    )
    assert skeleton("Krasnokamensk") != skeleton("Krasnoarmeysk")


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
