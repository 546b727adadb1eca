from __future__ import annotations

from pathlib import Path

import pytest

from foglift.errors import DataError
from foglift.names import skeleton
from foglift.sources import load_registry


def test_shipped_registry_covers_both_sides_and_independents() -> None:
    registry = load_registry()
    sides = {s.side for s in registry}
    kinds = {s.kind for s in registry}
    assert sides == {"russia", "ukraine", "independent"}
    assert {"official", "military_blogger", "media", "independent_analyst"} <= kinds
    for source_id in ("ru-mod", "ua-general-staff", "ru-rybar", "ru-wargonzo", "isw"):
        assert source_id in registry.sources


def test_transliteration_variants_share_a_skeleton() -> None:
    assert skeleton("Vojenkory Russkoy Vesny") == skeleton("Voenkory Russkoi Vesny")
    assert skeleton("Военкоры Русской Весны") == skeleton("Voyenkory Russkoy Vesny")


def test_fuzzy_match_rejects_unrelated_names() -> None:
    registry = load_registry()
    assert registry.fuzzy("Dnevnik Desantnika", 86) is None
    found = registry.fuzzy("Rybar'", 86)
    assert found is not None and found[0].id == "ru-rybar"


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[source]]\nid = "ru-rybar"\nname = "Rybar"\nkind = "military_blogger"\n'
        'side = "russia"\nowner = "rybar-holding"\naliases = ["Rybar"]\n\n'
        '[[source]]\nid = "local-1"\nname = "Kharkiv Today"\nkind = "media"\n'
        'side = "ukraine"\naliases = ["Kharkiv Today"]\n',
        encoding="utf-8",
    )
    registry = load_registry(str(extra))
    assert registry.sources["ru-rybar"].owner == "rybar-holding"
    assert registry.by_alias("kharkiv today") is not None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[source]]\nid = 'x'\n", "lacks"),
        (
            "[[source]]\nid='x'\nname='X'\nkind='spy'\nside='russia'\naliases=[]\n",
            "kind",
        ),
        ("not toml = = =", "not valid TOML"),
    ],
)
def test_broken_user_file_is_a_clear_error(
    tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_registry(str(bad))


def test_a_short_cyrillic_alias_declines_but_is_no_other_word() -> None:
    registry = load_registry()
    found = [s.id for _, s in registry.find_aliases("Сбиты два беспилотника")]
    assert found == []
    found = [s.id for _, s in registry.find_aliases("по данным Двача, сбиты два дрона")]
    assert found == ["ru-dvach"]
