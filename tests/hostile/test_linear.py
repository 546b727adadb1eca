"""Shortcuts that keep a long text's cost linear give what the scans they
replaced gave: each is checked against the plain scan on made-up inputs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foglift.extract.claims import _gap_blocked, _item_gap
from foglift.extract.lexicon import load_lexicon
from foglift.ingest.html import extract_page, few_attributes
from foglift.settings import default

# words a list's gap holds and words it does not, in the three languages
_GAP_PIECES = [
    " ", ", ", ",", " and ", " near ", " north of ", " the ", " town of ", "Kamianka",
    " у ", " и ", " в районе ", " восточнее ", " н.п. ", " та ", " біля ", " села ",
    " сообщил ", "Лесного", ".", " (", ")", "-", "42", "  ", " южных ",
]  # fmt: skip


@settings(max_examples=400, derandomize=True, deadline=None)
@given(
    st.lists(st.sampled_from(_GAP_PIECES), max_size=14),
    st.sampled_from(["en", "ru", "uk"]),
)
def test_no_list_gap_reaches_past_the_first_word_no_gap_holds(
    pieces: list[str], lang: str
) -> None:
    text = "Kamianka" + "".join(pieces) + "Zarichne"
    ctx = _Ctx(text, load_lexicon(lang))
    start = len("Kamianka")
    blocked = _gap_blocked(ctx, start)  # type: ignore[arg-type]
    gap = _item_gap(ctx.lex)
    for end in range(max(start, blocked), len(text) + 1):
        assert gap.fullmatch(text, start, end) is None


class _Ctx:
    def __init__(self, text: str, lex: object) -> None:
        self.text, self.lex = text, lex


def _attributes(n: int) -> str:
    return " ".join(f'a{i}="x"' for i in range(n))


def test_a_page_with_few_attributes_is_read_as_it_is() -> None:
    page = (
        "<html><body><p class=\"lead\" id=p1 data-x='1'>Troops held Kamianka.</p>"
        f'<img src="data:image/png;base64,{"A" * 5000}"><p>More.</p></body></html>'
    )
    assert few_attributes(page) == page


@pytest.mark.parametrize("quote", ['"', "'", ""])
def test_a_tag_keeps_its_first_attributes_only(quote: str) -> None:
    limit = int(default("max_html_attributes"))
    attributes = " ".join(f"a{i}={quote}<v>{quote}" for i in range(limit + 50))
    if not quote:
        attributes = attributes.replace("<v>", "v")
    page = f"<html><body><p {attributes}>Troops captured Kamianka.</p></body></html>"
    kept = few_attributes(page)
    assert re.findall(r"\ba(\d+)=", kept) == [str(i) for i in range(limit)]
    assert kept.endswith(">Troops captured Kamianka.</p></body></html>")


def test_a_paragraph_with_a_hundred_thousand_attributes_is_read() -> None:
    # minutes in the HTML parser and extractor before the attributes were cut
    page = f"<html><body><p {_attributes(100_000)}>Troops captured Kamianka.</p>"
    assert extract_page(page + "</body></html>").text == "Troops captured Kamianka."


@pytest.mark.parametrize(
    "markup",
    ["<a" * 50_000, "<a b" * 50_000, "<a " + 'b="<a ' * 20_000, "<a " + "b/" * 50_000],
)
def test_unclosed_tags_are_scanned_once(markup: str) -> None:
    # (each of these once made the tag pattern rescan the rest from every "<")
    assert len(few_attributes(markup)) <= len(markup)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.text(alphabet="ab \t\n\u00a0\u2003", max_size=40), st.integers(0, 45))
def test_line_start_is_what_the_slice_of_the_line_said(text: str, start: int) -> None:
    from foglift.spans import at_line_start

    start = min(start, len(text))
    sliced = not text[text.rfind("\n", 0, start) + 1 : start].strip()
    assert at_line_start(text, start) == sliced
