"""An own-voice claim belongs to the channel or site that published the text."""

from __future__ import annotations

from datetime import date

from foglift.ingest.items import Item
from foglift.pipeline import check_text
from foglift.runs.process import PipelineOptions, publisher_of

POST = "Наши подразделения освободили населённый пункт Кураховка."


def test_a_registered_publisher_speaks_with_its_kind_and_side() -> None:
    doc = check_text(POST, published=date(2025, 11, 12), lang="ru", publisher="Rybar")
    (claim,) = doc.claims
    assert claim.claimant.name == "Rybar"
    assert claim.claimant.registry_id == "ru-rybar"
    assert claim.claimant.kind == "military_blogger"
    assert claim.claimant.via == "publisher" and claim.voice == "author"
    # "our units" are the publisher's side.
    assert claim.agent_side == "russia"


def test_a_title_naming_a_known_source_is_that_source() -> None:
    doc = check_text(
        "Russian forces captured Kurakhove on November 11.",
        published=date(2025, 11, 12),
        lang="en",
        publisher="Institute for the Study of War Russian Offensive Campaign",
    )
    assert {c.claimant.registry_id for c in doc.claims} == {"isw"}


def test_an_unknown_publisher_keeps_its_name() -> None:
    doc = check_text(POST, lang="ru", publisher="Some Local Channel")
    assert doc.claims[0].claimant.name == "Some Local Channel"
    # Whoever publishes news is a media outlet; a Russian text tells no side.
    assert doc.claims[0].claimant.kind == "media"
    assert doc.claims[0].claimant.side == "unknown"


def test_an_unknown_publishers_side_from_its_domain_or_language() -> None:
    uk_post = "Наші підрозділи звільнили населений пункт Кураховка."
    ua = check_text(uk_post, lang="uk", publisher="Місцеві новини")
    assert ua.claims[0].claimant.side == "ukraine"
    ru = check_text(POST, lang="ru", publisher="Some Local Channel (news.ru)")
    assert ru.claims[0].claimant.side == "russia"


def test_without_a_publisher_the_text_is_its_own_author() -> None:
    assert check_text(POST, lang="ru").claims[0].claimant.name == "author"


def test_a_forward_keeps_its_original_channel() -> None:
    def item(**fields: object) -> Item:
        base = {"key": "k", "text": POST, "source_name": "Relay", "kind": "telegram"}
        return Item(**{**base, **fields})  # type: ignore[arg-type]

    options = PipelineOptions()
    assert publisher_of(item(), options) == "Relay"
    assert publisher_of(item(forwarded_from="Origin"), options) == "Origin"
    # A file's name is no publisher; a source the user names is.
    assert publisher_of(item(kind="file"), options) is None
    assert (
        publisher_of(item(kind="file"), PipelineOptions(source_name="Wire")) == "Wire"
    )
