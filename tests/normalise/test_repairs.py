from __future__ import annotations

import pytest

from foglift.normalise import repair_text


def _codes(raw: str) -> list[str]:
    return [r.code for r in repair_text(raw)[1]]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("heightened.nnOn November", "heightened.\n\nOn November"),
        ("crossfire?nnThat same day", "crossfire?\n\nThat same day"),
        ("the end.nThe next", "the end.\nThe next"),
        ("first line\\nsecond line", "first line\nsecond line"),
        ("Windows.rnrnNext", "Windows.\n\nNext"),
        ("заявили.nnВ Минобороны", "заявили.\n\nВ Минобороны"),
        ("Tom &amp; Jerry &#8217;s &quot;x&quot;", 'Tom & Jerry \'s "x"'),
        ("war\u2019s end \u201cquoted\u201d", 'war\'s end "quoted"'),
        ("a\u00a0b  c\t\td", "a b c d"),
        ("ok\u200b\u202eevil\u202c done\x07", "okevil done"),
        ("seized X and \u200dYvanivka", "seized X and Yvanivka"),
        ("a \U0001f468\u200d\U0001f469 b", "a \U0001f468\u200d\U0001f469 b"),
        ("ВСУ [ударили](https://t.me/x/1) по складу", "ВСУ ударили по складу"),
        ("20 — в [Брянской,](https://t.me/x/2) 12", "20 — в Брянской, 12"),
        ("see [1] and [a](b)", "see [1] and [a](b)"),
        ("The cafÃ© was closed", "The café was closed"),
        ("  padded  \n\n\n\nlines  ", "padded\n\nlines"),
    ],
)
def test_repairs_produce_clean_text(raw: str, expected: str) -> None:
    assert repair_text(raw)[0] == expected


@pytest.mark.parametrize(
    "raw",
    [
        "The Finnish analyst from Penn slept at the inn.",
        "The annex was closed. Vinnytsia, Chernihiv and Sumy.",
        "Ukraine's Ministry said 'no' to the plan.\nNext line.",
        "Donnelly met Anna in Brno.",
    ],
)
def test_real_words_are_never_repaired(raw: str) -> None:
    codes = _codes(raw)
    assert not [c for c in codes if c.startswith("escape")], codes


def test_every_repair_points_at_both_texts() -> None:
    raw = "Cl&amp;aim.nnThey said \u201cyes\u201d\\nthen  left.\x00 End.nAfter"
    text, repairs = repair_text(raw)
    assert len(repairs) == 8
    for r in repairs:
        assert text[r.start : r.end] == r.after
        assert raw[r.source_start : r.source_start + len(r.before)] == r.before


def test_a_link_keeps_offsets_into_both_texts() -> None:
    raw = "Они [ударили](https://t.me/x/1) по \u200dскладу."
    text, repairs = repair_text(raw)
    assert text == "Они ударили по складу."
    assert [r.code for r in repairs] == ["markup.link"] * 2 + ["control.invisible"]
    for r in repairs:
        assert raw[r.source_start : r.source_start + len(r.before)] == r.before


def test_replaying_repairs_rebuilds_the_text() -> None:
    raw = "A &amp; B.nnC said \u2018x\u2019\\nD  E"
    text, repairs = repair_text(raw)
    rebuilt, cursor = [], 0
    for r in sorted(repairs, key=lambda r: r.source_start):
        rebuilt.append(raw[cursor : r.source_start] + r.after)
        cursor = r.source_start + len(r.before)
    rebuilt.append(raw[cursor:])
    assert "".join(rebuilt) == text
