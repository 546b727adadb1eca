"""``foglift verify`` over a stored corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from foglift.model import Verdict
from foglift.runs.ingest import ingest_paths
from foglift.runs.verify import verify_store
from foglift.store import Store, open_store
from foglift.store.query import ClaimFilter, query_claims
from foglift.store.schema import runs, verdicts
from foglift.verify import read_control_maps, replay
from tests.store.conftest import db_url, new_db_url, postgres_server  # noqa: F401
from tests.verify.corpus import write_maps, write_posts


@dataclass
class Corpus:
    store: Store
    maps: Path
    points: dict[str, tuple[float, float]]
    claim_ids: dict[str, str]  # place name -> store claim id


@pytest.fixture
def corpus(db_url: str, tmp_path: Path) -> Iterator[Corpus]:  # noqa: F811
    store = open_store(db_url)
    ingest_paths(store, [str(write_posts(tmp_path / "in"))])
    points: dict[str, tuple[float, float]] = {}
    claim_ids: dict[str, str] = {}
    for record in query_claims(store, ClaimFilter(types=("territorial",))):
        for place in record["places"]:
            resolved = place["resolved"]
            points[resolved["name"]] = (resolved["lat"], resolved["lon"])
            claim_ids[resolved["name"]] = record["id"]
    assert sorted(points) == ["Kupiansk", "Kurakhove", "Toretsk"]
    yield Corpus(store, write_maps(tmp_path / "maps", points), points, claim_ids)
    store.close()


def rows(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        found = conn.execute(select(verdicts).order_by(verdicts.c.claim_id)).all()
    return [dict(r._mapping) for r in found]


def by_claim(store: Store) -> dict[str, dict[str, Any]]:
    return {r["claim_id"]: r for r in rows(store)}


def test_verdict_rows_carry_status_lag_and_evidence(corpus: Corpus) -> None:
    maps = read_control_maps(corpus.maps)
    summary = verify_store(corpus.store, maps, arguments={"test": True})
    assert summary.claims == 4  # the loss claim is read, and gets no map verdict
    assert summary.written == 3 and summary.replaced == 0
    found = by_claim(corpus.store)
    status = {name: found[cid]["status"] for name, cid in corpus.claim_ids.items()}
    assert status == {
        "Kurakhove": "confirmed",
        "Kupiansk": "contradicted",
        "Toretsk": "already_held",
    }
    kurakhove = found[corpus.claim_ids["Kurakhove"]]
    assert kurakhove["lag_days"] == 3
    assert kurakhove["check"] == "control_map"
    assert kurakhove["parameters"]["side"] == "russia"
    assert kurakhove["parameters"]["buffer_m"] == "500"
    assert kurakhove["steps"][-1].startswith("confirmed: russia holds it on 2025-11-14")
    assert kurakhove["run_id"] == summary.run_id
    for row in found.values():
        assert row["evidence"]
        for e in row["evidence"]:
            data = Path(e["path"]).read_bytes()
            assert e["sha256"] == hashlib.sha256(data).hexdigest()
    with corpus.store.engine.connect() as conn:
        run = conn.execute(select(runs).where(runs.c.id == summary.run_id)).one()
    assert run.command == "verify" and run.status == "finished"
    assert run.counts["statuses"]["control_map:confirmed"] == 1


def test_stored_verdicts_replay(corpus: Corpus) -> None:
    maps = read_control_maps(corpus.maps)
    verify_store(corpus.store, maps)
    for row in rows(corpus.store):
        stored = Verdict(
            claim_id=row["claim_id"],
            check=row["check"],
            status=row["status"],
            steps=tuple(row["steps"]),
            parameters=tuple(row["parameters"].items()),
            lag_days=row["lag_days"],
            place_id=row["place_id"],
        )
        again = replay(stored, maps)
        assert again.status == row["status"] and again.lag_days == row["lag_days"]
        assert [e.sha256 for e in again.evidence] == [
            e["sha256"] for e in row["evidence"]
        ]


def test_rerun_replaces_and_is_idempotent(corpus: Corpus) -> None:
    maps = read_control_maps(corpus.maps)
    verify_store(corpus.store, maps)
    volatile = ("id", "run_id", "created_at")

    def content() -> list[str]:
        return sorted(
            json.dumps({k: v for k, v in r.items() if k not in volatile})
            for r in rows(corpus.store)
        )

    before = content()
    summary = verify_store(corpus.store, maps)
    assert summary.replaced == 3 and summary.written == 3
    assert content() == before
    assert len(rows(corpus.store)) == 3


def test_revised_map_shows_as_changed_hash(corpus: Corpus) -> None:
    verify_store(corpus.store, read_control_maps(corpus.maps))
    cid = corpus.claim_ids["Kurakhove"]
    old = {e["path"]: e["sha256"] for e in by_claim(corpus.store)[cid]["evidence"]}
    revised = corpus.maps / "deepstatemap_data_20251114.geojson"
    assert str(revised) in old or any(p.endswith(revised.name) for p in old)
    doc = json.loads(revised.read_text("utf-8"))
    doc["features"][0]["geometry"]["coordinates"].append(
        [[[31.0, 46.0], [31.1, 46.0], [31.1, 46.1], [31.0, 46.1], [31.0, 46.0]]]
    )
    revised.write_text(json.dumps(doc), "utf-8")
    verify_store(corpus.store, read_control_maps(corpus.maps))
    row = by_claim(corpus.store)[cid]
    new = {e["path"]: e["sha256"] for e in row["evidence"]}
    changed = sorted(Path(p).name for p in new if old.get(p) != new[p])
    assert changed == [revised.name]
    assert row["status"] == "confirmed" and row["lag_days"] == 3


def test_window_and_since_limit_what_is_judged(corpus: Corpus) -> None:
    from datetime import date

    from foglift.verify import MapSettings

    maps = read_control_maps(corpus.maps)
    summary = verify_store(
        corpus.store,
        maps,
        MapSettings(days_after=2, days_before=0),
        since=date(2025, 11, 10),
    )
    assert summary.claims == 2  # Toretsk's claims are about earlier days
    found = by_claim(corpus.store)
    assert set(found) == {corpus.claim_ids["Kurakhove"], corpus.claim_ids["Kupiansk"]}
    # Russia holds Kurakhove from day D+3: outside a two-day window, and the
    # map is Ukraine's, not Russia's side.
    assert found[corpus.claim_ids["Kurakhove"]]["status"] == "not_confirmed"


def test_agent_side_is_stored(corpus: Corpus) -> None:
    sides = {
        r["places"][0]["resolved"]["name"]: r["agent_side"]
        for r in query_claims(corpus.store, ClaimFilter(types=("territorial",)))
    }
    assert sides == {"Kurakhove": "russia", "Kupiansk": "ukraine", "Toretsk": "russia"}


def test_cli_verify_needs_evidence(run_cli: Any, tmp_path: Path) -> None:
    code, _out, err = run_cli("verify", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no evidence" in err


def test_cli_verify_over_the_store(corpus: Corpus, run_cli: Any) -> None:
    code, out, _err = run_cli(
        "verify",
        "--db",
        corpus.store.url.replace("sqlite:///", ""),
        "--control-maps",
        str(corpus.maps),
        "--format",
        "json",
    )
    assert code == 0
    counts = json.loads(out)
    assert counts["statuses"] == {
        "control_map:already_held": 1,
        "control_map:confirmed": 1,
        "control_map:contradicted": 1,
    }


def test_stored_claims_a_map_cannot_judge_say_why(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The document's text reaches the stored verify: a village near a town is
    not the town, an advance is no change of hands."""
    store = open_store(db_url)
    posts = tmp_path / "in" / "more.jsonl"
    posts.parent.mkdir(parents=True)
    lines = [
        {
            "guid": "n1",
            "body": "The Russian Defense Ministry said its forces captured a "
            "village near Kurakhove on November 11.",
            "date": "2025-11-12",
        },
        {
            "guid": "n2",
            "body": "The Russian Defense Ministry said its forces advanced near "
            "Toretsk on November 8.",
            "date": "2025-11-09",
        },
    ]
    posts.write_text("\n".join(json.dumps(x) for x in lines) + "\n", "utf-8")
    ingest_paths(store, [str(posts)])
    points = {
        p["resolved"]["name"]: (p["resolved"]["lat"], p["resolved"]["lon"])
        for r in query_claims(store, ClaimFilter())
        for p in r["places"]
    }
    maps = read_control_maps(write_maps(tmp_path / "maps", points))
    verify_store(store, maps)
    found = {r["action"]: r["verdicts"] for r in query_claims(store, ClaimFilter())}
    store.close()
    [near] = found["captured"]
    assert near["status"] == "not_judged"
    assert "ground near 'Kurakhove'" in near["steps"][-1]
    [advance] = found["advanced"]
    assert advance["status"] == "not_judged"
    assert "'advanced' is not a change of control" in advance["steps"][-1]


def test_stored_claims_read_back_whole(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    """Verify judges the claim the pipeline made: read back from the store,
    a claim keeps its reactions and its places' native names, alternatives
    (the namesakes the place check weighs) and evidence."""
    from foglift.pipeline import check_text
    from foglift.records import claim_from_dict

    text = (
        "The Russian Ministry of Defence said its forces liberated Pokrovsk on "
        "November 11. Ukraine denied it."
    )
    posts = tmp_path / "in" / "wire.jsonl"
    posts.parent.mkdir(parents=True)
    posts.write_text(
        json.dumps({"id": "w1", "text": text, "published": "2025-11-12"}) + "\n",
        "utf-8",
    )
    store = open_store(db_url)
    ingest_paths(store, [str(posts)])
    # the ministry's claim (Ukraine's denial is a claim of its own)
    (record,) = [
        r for r in query_claims(store, ClaimFilter()) if r["stance"] == "asserts"
    ]
    store.close()
    (checked,) = [
        c
        for c in check_text(
            text, source=record["document"]["item"], published=date(2025, 11, 12)
        ).claims
        if c.stance == "asserts"
    ]
    stored = claim_from_dict(record)
    assert stored == replace(checked, id=record["id"])
    resolved = stored.places[0].resolved
    assert resolved is not None and resolved.alternatives and resolved.native_names
    assert resolved.evidence and stored.reactions
