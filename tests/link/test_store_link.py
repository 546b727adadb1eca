"""`foglift link`, `events` and `event` over a real store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]

MOD = (
    "Минобороны России сообщило, что подразделения группировки войск «Центр» "
    "освободили населённый пункт Родинское."
)


def _telegram(path: Path, channel: str, messages: list[dict[str, object]]) -> None:
    chat_id = sum(map(ord, channel))  # stable across runs, unlike hash()
    export = {"name": channel, "type": "public_channel", "id": chat_id}
    export["messages"] = messages
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")


def _post(n: int, day: str, text: str, **extra: object) -> dict[str, object]:
    return {
        "id": n,
        "type": "message",
        "date": f"{day}T09:00:00",
        "text": text,
        **extra,
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _telegram(folder / "mod.json", "Минобороны России", [_post(1, "2025-11-20", MOD)])
    _telegram(
        folder / "channels.json",
        "Z channel",
        [_post(7, "2025-11-20", MOD, forwarded_from="Минобороны России")],
    )
    _telegram(
        folder / "isw.json",
        "ISW updates",
        [
            _post(
                3,
                "2025-11-21",
                "Russian forces captured Rodynske, according to the Institute for "
                "the Study of War, which cited geolocated footage.",
            )
        ],
    )
    return folder


def test_link_events_and_event_tree(corpus: Path, tmp_path: Path, run_cli: Run) -> None:
    db = str(tmp_path / "corpus.db")
    assert run_cli("ingest", str(corpus), "--db", db, "--quiet")[0] == 0
    code, out, _ = run_cli("link", "--db", db, "--format", "json")
    assert code == 0
    first = json.loads(out)
    assert first["placed"] == 3 and first["events"] == 1
    # Linking again places nothing and changes nothing.
    again = json.loads(run_cli("link", "--db", db, "--format", "json")[1])
    assert again["placed"] == 0 and again["changed"] == 0

    code, out, _ = run_cli(
        "events", "--db", db, "--place", "Rodynske", "--format", "json"
    )
    (event,) = json.loads(out)
    assert event["status"] == "independently_corroborated"
    relations = sorted(m["relation"] for m in event["members"])
    assert relations == ["corroborates", "origin", "repeats"]
    forward = next(m for m in event["members"] if m["relation"] == "repeats")
    assert "forwarded" in forward["reason"]

    code, out, _ = run_cli("event", event["id"], "--db", db)
    assert code == 0
    assert out.index("origin") < out.index("repeats")
    assert "Institute for the Study of War" in out

    code, out, _ = run_cli(
        "events", "--db", db, "--status", "disputed", "--format", "json"
    )
    assert json.loads(out) == []


def test_new_claims_join_existing_events(
    corpus: Path, tmp_path: Path, run_cli: Run
) -> None:
    db = str(tmp_path / "corpus.db")
    run_cli("ingest", str(corpus), "--db", db, "--quiet")
    run_cli("link", "--db", db)
    later = tmp_path / "later"
    later.mkdir()
    _telegram(
        later / "gs.json",
        "Генштаб ЗСУ",
        [_post(9, "2025-11-21", "Генштаб ЗСУ спростував, що ворог захопив Родинське.")],
    )
    run_cli("ingest", str(later), "--db", db, "--quiet")
    summary = json.loads(run_cli("link", "--db", db, "--format", "json")[1])
    # the denial, and the claim it answers: both join the one event
    assert summary["placed"] == 2 and summary["events"] == 1
    (event,) = json.loads(run_cli("events", "--db", db, "--format", "json")[1])
    assert event["status"] == "disputed"
    assert any(m["relation"] in ("denies", "disputes") for m in event["members"])


def test_unknown_event_is_a_clear_error(tmp_path: Path, run_cli: Run) -> None:
    db = str(tmp_path / "empty.db")
    code, _, err = run_cli("event", "e1", "--db", db)
    assert code == 1 and "no store" in err  # nothing ingested yet: says so
    (tmp_path / "one.txt").write_text(MOD, encoding="utf-8")
    run_cli("ingest", str(tmp_path / "one.txt"), "--db", db, "--quiet")
    run_cli("link", "--db", db)
    code, _, err = run_cli("event", "e404", "--db", db)
    assert code == 1 and "no event" in err
