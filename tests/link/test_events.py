"""Events across documents and languages: repetition is not corroboration."""

from __future__ import annotations

from datetime import date

from foglift.link.events import EventLinker, LinkClaim, link_claims
from foglift.pipeline import check_text
from foglift.sources import load_registry


def _claims(text: str, published: date, source: str, **kw: str) -> list[LinkClaim]:
    doc = check_text(text, source=source, published=published)
    return link_claims(doc, source=source, **kw)


MOD = (
    "Минобороны России сообщило, что подразделения группировки войск «Центр» "
    "освободили населённый пункт Родинское Донецкой Народной Республики."
)


def test_one_official_claim_repeated_and_once_confirmed() -> None:
    day = date(2025, 11, 20)
    corpus = [
        *_claims(MOD, day, "mod_russia"),
        *_claims(MOD, day, "channel_a", forwarded_from="mod_russia"),
        *_claims(MOD, day, "channel_b", forwarded_from="mod_russia"),
        *_claims(
            "Russia's Defence Ministry said on Thursday its forces had captured "
            "Rodynske in the Donetsk region.",
            day,
            "wire_en",
        ),
        *_claims(
            "Міноборони РФ заявило про захоплення Родинського на Донеччині.",
            day,
            "site_uk",
        ),
        *_claims(
            "Russian forces captured Rodynske, according to the Institute for the "
            "Study of War, which cited geolocated footage.",
            date(2025, 11, 21),
            "isw",
        ),
    ]
    linker = EventLinker(load_registry())
    linker.add(corpus)
    events = [e for e in linker.events.values() if e.action == "captured"]
    assert len(events) == 1, [(e.place_id, e.place_name) for e in events]
    event = events[0]
    relations = [m.relation for m in event.members]
    assert relations.count("origin") == 1
    assert relations.count("repeats") == 4
    independent = [m for m in event.members if m.relation == "corroborates"]
    assert len(independent) == 1 and independent[0].independent
    assert independent[0].claim.claimant.registry_id == "isw"
    assert event.status == "independently_corroborated"
    assert event.independent_origins == 2
    forwards = [m for m in event.members if m.reason.startswith("forwarded")]
    assert len(forwards) == 2


def test_same_village_a_week_apart_is_two_events_and_old_names_are_one() -> None:
    linker = EventLinker(load_registry())
    linker.add(
        [
            *_claims(MOD, date(2025, 11, 20), "mod_russia"),
            *_claims(
                MOD.replace("сообщило", "вновь сообщило"),
                date(2025, 11, 29),
                "mod_russia",
            ),
            *_claims(
                "Russian troops entered Pokrovsk, the ministry said.",
                date(2025, 11, 20),
                "wire",
            ),
            *_claims(
                "Российские войска вошли в Красноармейск, заявили военкоры.",
                date(2025, 11, 21),
                "channel",
            ),
        ]
    )
    captured = [e for e in linker.events.values() if e.action == "captured"]
    assert len(captured) == 2
    entered = [e for e in linker.events.values() if e.action == "entered"]
    assert len(entered) == 1 and len(entered[0].members) == 2


def test_denial_makes_an_event_disputed_and_same_side_support_is_partisan() -> None:
    day = date(2025, 11, 20)
    linker = EventLinker(load_registry())
    linker.add(_claims(MOD, day, "mod_russia"))
    (event,) = linker.events.values()
    assert event.status == "single_source"
    linker.add(_claims("Rybar: our units liberated Rodynske.", day, "rybar_channel"))
    assert event.status == "partisan_only"
    assert event.members[-1].relation == "corroborates"
    assert not event.members[-1].independent
    linker.add(
        _claims("Генштаб ЗСУ спростував, що ворог захопив Родинське.", day, "gs_ua")
    )
    assert event.status == "disputed"
    # the denial, and the claim it answers (unnamed "Russian sources"), which
    # repeats what is already there and corroborates nothing
    relations = {m.claim.claimant.name: m.relation for m in event.members}
    assert "denies" in relations.values() or "disputes" in relations.values()
    assert relations["Russian sources"] == "repeats"


def test_linking_is_incremental() -> None:
    day = date(2025, 11, 20)
    linker = EventLinker(load_registry())
    first = linker.add(_claims(MOD, day, "mod_russia"))
    again = linker.add(_claims(MOD, day, "mod_russia"))
    assert first == again and len(linker.events) == 1
    (event,) = linker.events.values()
    assert len(event.members) == 1  # the same claim twice is one member


def test_how_a_member_joined_names_no_author() -> None:
    day = date(2025, 11, 20)
    linker = EventLinker(load_registry())
    linker.add(_claims(MOD, day, "mod_russia"))
    # an unsigned text (a plain file, no publisher) repeating the capture
    linker.add(_claims("Подразделения освободили Родинское.", day, "notes/a.txt"))
    (event,) = linker.events.values()
    how = event.members[-1].reason
    assert "author" not in how
    assert "notes/a.txt" in how and "Russian Ministry of Defence" in how
