"""``foglift verdicts`` and the exports' verdict fields, over a verified store."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from foglift.runs.verify import verify_store
from foglift.store import open_store
from foglift.verify import read_control_maps
from tests.store.conftest import db_url, new_db_url, postgres_server  # noqa: F401
from tests.verify.corpus import ingest_with_maps


@pytest.fixture
def verified(db_url: str, tmp_path: Path) -> Iterator[str]:  # noqa: F811
    """A store URL whose claims were verified against synthetic maps."""
    store = open_store(db_url)
    verify_store(store, read_control_maps(ingest_with_maps(store, tmp_path)))
    store.close()
    yield db_url


def verdicts(run_cli: Any, db: str, *args: str) -> tuple[int, str, str]:
    return run_cli("verdicts", "--db", db, *args)  # type: ignore[no-any-return]


def test_status_filter_and_json_carry_steps_and_hashes(
    verified: str, run_cli: Any
) -> None:
    code, out, _ = verdicts(
        run_cli, verified, "--status", "confirmed", "--format", "json"
    )
    assert code == 0
    records = json.loads(out)
    assert [r["places"][0]["resolved"]["name"] for r in records] == ["Kurakhove"]
    (v,) = records[0]["verdicts"]
    assert v["status"] == "confirmed" and v["lag_days"] == 3
    assert v["steps"][-1].startswith("confirmed:")
    assert v["parameters"]["k_days"] == "7"
    assert all(len(e["sha256"]) == 64 for e in v["evidence"])
    assert records[0]["verdict"]["label"] == "Confirmed by control maps"


def test_claim_filters_apply(verified: str, run_cli: Any) -> None:
    code, out, _ = verdicts(
        run_cli, verified, "--claimant", "general staff", "--format", "jsonl"
    )
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["verdict"]["status"] for r in lines] == ["contradicted"]
    _, out, _ = verdicts(
        run_cli, verified, "--since", "2025-11-10", "--format", "jsonl"
    )
    assert sorted(json.loads(x)["verdict"]["status"] for x in out.splitlines()) == [
        "confirmed",
        "contradicted",
    ]
    # The loss claim has no verdict: verdicts lists only judged claims.
    _, out, _ = verdicts(run_cli, verified, "--type", "losses", "--format", "jsonl")
    assert out == ""
    _, out, _ = verdicts(run_cli, verified, "--status", "no_data", "--format", "json")
    assert json.loads(out) == []


def test_csv_one_row_per_verdict(verified: str, run_cli: Any) -> None:
    code, out, _ = verdicts(run_cli, verified, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 3
    by_status = {r["verdict_status"]: r for r in rows}
    assert set(by_status) == {"confirmed", "contradicted", "already_held"}
    confirmed = by_status["confirmed"]
    assert confirmed["verdict_lag_days"] == "3"
    hashes = confirmed["verdict_evidence_sha256"].split()
    evidence = json.loads(confirmed["verdict_evidence"])
    assert hashes == [e["sha256"] for e in evidence]
    assert json.loads(confirmed["verdict_parameters"])["map_source"] == "deepstate"


def test_table_escapes_and_lists_each_verdict(verified: str, run_cli: Any) -> None:
    code, out, _ = verdicts(run_cli, verified)
    assert code == 0
    for status in ("confirmed", "contradicted", "already_held"):
        assert status in out
    assert "\x1b" not in out


def test_claimreview_rating_reflects_the_verdict(verified: str, run_cli: Any) -> None:
    code, out, _ = run_cli("claims", "--db", verified, "--format", "claimreview")
    assert code == 0
    ratings = [r["reviewRating"] for r in json.loads(out)]
    assert sorted(r["alternateName"] for r in ratings) == [
        "Already held before the claim (late claim)",
        "Confirmed by control maps",
        "Contradicted",
        "Unverified",  # the loss claim: no evidence checked it
    ]
    by_name = {r["alternateName"]: r["ratingExplanation"] for r in ratings}
    assert by_name["Contradicted"].startswith("contradicted: ukraine never holds it")
    assert "map deepstate (side ukraine)" in by_name["Contradicted"]
    assert by_name["Confirmed by control maps"].startswith(
        "confirmed: russia holds it on 2025-11-14, lag +3 days"
    )
    assert "No verdict yet" in by_name["Unverified"]


def test_geojson_stays_rfc7946_with_verdicts(verified: str, run_cli: Any) -> None:
    code, out, _ = run_cli(
        "claims", "--db", verified, "--format", "geojson", "--coarsen-km", "10"
    )
    assert code == 0
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        props = feature["properties"]
        assert props["verdict"] in {
            "confirmed",
            "contradicted",
            "already_held",
            "unverified",
        }
        # Coarsened exports leak no exact point through the verdicts either.
        for v in json.loads(props["verdicts"]):
            assert v["parameters"]["coarsened_km"] == "10"
            assert (
                v["parameters"]["lat"] == repr(lat)
                or abs(float(v["parameters"]["lat"]) - lat) < 1e-6
            )


def test_events_carry_their_origins_verdict_and_coarsen_their_point(
    verified: str, run_cli: Any
) -> None:
    assert run_cli("link", "--db", verified)[0] == 0
    code, out, _ = run_cli("events", "--db", verified, "--format", "json")
    assert code == 0
    events = {e["place_name"]: e for e in json.loads(out) if e["place_name"]}
    kurakhove = events["Kurakhove"]
    assert kurakhove["verdict"]["status"] == "confirmed"
    assert kurakhove["verdict"]["claim_id"] == kurakhove["members"][0]["claim_id"]
    assert kurakhove["members"][0]["verdict"] == "confirmed"
    assert events["Kupiansk"]["verdict"]["status"] == "contradicted"
    # the events table shows what the maps say
    code, out, _ = run_cli("events", "--db", verified, "--verdict", "contradicted")
    assert code == 0 and "contradicted" in out and "Kurakhove" not in out
    # a coarsened export names no exact point: not the event's, not its verdict's
    code, out, _ = run_cli(
        "events", "--db", verified, "--format", "json", "--coarsen-km", "10"
    )
    exact = (kurakhove["lat"], kurakhove["lon"])
    coarse = next(e for e in json.loads(out) if e["place_name"] == "Kurakhove")
    assert coarse["coarsened_km"] == 10 and (coarse["lat"], coarse["lon"]) != exact
    assert f"{exact[0]:.5f}" not in coarse["verdict"]["explanation"]
    code, out, _ = run_cli("event", kurakhove["id"], "--db", verified)
    assert code == 0 and "Confirmed by control maps" in out and "maps: confirmed" in out
