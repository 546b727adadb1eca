"""One key, one set of romanisations and one skeleton for every name."""

from foglift.names import name_key, romanisations, skeleton
from foglift.sources import name_key as registry_key


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


def test_key_separates_words_at_spacing_dashes_and_list_punctuation() -> None:
    assert name_key("  Novo–Oleksandrivka ") == "novo oleksandrivka"
    assert name_key("Kyiv/Kiev") == "kyiv kiev"
    assert name_key("St. Petersburg") == "st petersburg"
    assert name_key("Hlyboke (Kharkiv)") == "hlyboke kharkiv"
    assert name_key("some_channel") == "some channel"
    # other punctuation is part of the name: a bracketed note is not a word
    assert name_key("Vientiane [prefecture]") != name_key("Vientiane Prefecture")


def test_key_folds_quotes_and_letters_nfkd_leaves_whole() -> None:
    assert name_key("«Рыбарь»") == "рыбарь"
    assert name_key("Łódź") == "lodz"
    assert name_key("Straße") == "strasse"
    # NFKD takes the breve off й and the diaeresis off ё and ї
    assert name_key("Йосипівка") == name_key("Иосипівка")
    assert name_key("Їжаківка") == name_key("Іжаківка")


def test_the_registry_keys_names_as_the_gazetteer_does() -> None:
    assert registry_key is name_key


def test_romanisations_take_bgn_and_iso9_from_iuliia_for_both_alphabets() -> None:
    # BGN/PCGN: е after a vowel is "ye"; the Ukrainian є reads as "ye" too
    assert "alekseyevka" in romanisations("Алексеевка")
    assert "yenakiyeve" in romanisations("Єнакієве")
    # ISO 9 without diacritics, the hard and soft signs dropped
    assert "obedinenie" in romanisations("Объединение")
    assert "birulevo" in romanisations("Бирюлёво")


def test_skeletons_of_source_names_meet_across_schemes() -> None:
    assert skeleton("Vojenkory Russkoy Vesny") == skeleton("Voyenkory Russkoi Vesny")
    assert skeleton("Военкоры Русской Весны") == skeleton("Voenkory Russkoy Vesny")
