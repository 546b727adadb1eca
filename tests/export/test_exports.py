"""Exports: GeoJSON (RFC 7946), ClaimReview, CSV, JSONL; coarsening and delay."""

from __future__ import annotations

import copy
import csv
import functools
import io
import json
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from foglift.export.claimreview import write_claimreview
from foglift.export.csv import safe_cell, write_csv
from foglift.export.formats import write_claims
from foglift.export.geojson import write_geojson
from foglift.export.records import Opsec, apply_opsec, coarsen, flat_claim
from foglift.ingest.sources import ReadOptions
from foglift.runs.ingest import ingest_paths
from foglift.store import open_store
from foglift.store.query import ClaimFilter, distance_km, query_claims

Run = Callable[..., tuple[int, str, str]]


# Our own wire item: a claim with a resolved place (and its namesakes), a count,
# a day and a reaction, as the pipeline finds them and the store keeps them.
WIRE = {
    "id": "w1",
    "text": "The Russian Ministry of Defence said its troops liberated 256 buildings "
    "in Pokrovsk on November 11. Ukraine denied it.",
    "url": "https://w.example/1",
    "title": "T",
    "published": "2025-11-12",
}


@functools.cache
def _stored_records() -> tuple[dict[str, Any], ...]:
    """The claim records ``foglift ingest`` stores for ``WIRE``."""
    with tempfile.TemporaryDirectory() as tmp:
        posts = Path(tmp) / "wire.jsonl"
        posts.write_text(json.dumps(WIRE) + "\n", encoding="utf-8")
        store = open_store(str(Path(tmp) / "s.db"))
        try:
            ingest_paths(store, [str(posts)], ReadOptions(source_name="Wire"))
            return tuple(query_claims(store, ClaimFilter()))
        finally:
            store.close()


def record(**changes: Any) -> dict[str, Any]:
    """A stored claim record, with ``changes`` (hostile text, other days)."""
    base = copy.deepcopy(_stored_records()[0])
    base.update(changes)
    return base


def point() -> tuple[float, float]:
    """The record's resolved place: (lat, lon)."""
    resolved = record()["places"][0]["resolved"]
    return resolved["lat"], resolved["lon"]


def test_geojson_is_rfc7946() -> None:
    out = io.StringIO()
    assert write_geojson([record()], out) == 1
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    [feature] = collection["features"]
    lat, lon = point()
    assert feature["geometry"] == {
        "type": "Point",
        "coordinates": [round(lon, 6), round(lat, 6)],
    }
    props = feature["properties"]
    assert props["claim_type"] == "objects" and props["place_name"] == "Pokrovsk"
    assert props["place_resolved_name"] == "Pokrovsk"
    assert props["place_precision"] == "settlement"
    assert props["claimant_name"] == "Russian Ministry of Defence"
    assert json.loads(json.dumps(collection)) == collection  # plain JSON all through
    empty = io.StringIO()
    write_geojson([], empty)
    assert json.loads(empty.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_claimreview_is_unverified_until_a_verdict() -> None:
    out = io.StringIO()
    write_claimreview([record()], out, reviewed_on=date(2025, 11, 20))
    [review] = json.loads(out.getvalue())
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["reviewRating"]["alternateName"] == "Unverified"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2025-11-12"
    assert item["author"] == {
        "@type": "Organization",
        "name": "Russian Ministry of Defence",
    }
    assert item["appearance"][0]["url"] == "https://w.example/1"
    judged = io.StringIO()
    verdict = {"label": "Not confirmed", "explanation": "map shows no change"}
    write_claimreview([record(verdict=verdict)], judged, date(2025, 11, 20))
    assert json.loads(judged.getvalue())[0]["reviewRating"]["alternateName"] == (
        "Not confirmed"
    )


def test_csv_has_every_field_and_defuses_formulas() -> None:
    out = io.StringIO()
    hostile = record(text='=HYPERLINK("http://x") [bold]liberated[/] Pokrovsk')
    write_csv([flat_claim(hostile)], out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert set(row) == set(flat_claim(record()))
    assert row["text"].startswith("'=HYPERLINK")
    assert row["quantity_value"] == "256.0" and row["verdict"] == "unverified"
    [place] = json.loads(row["places"])
    assert place["name"] == "Pokrovsk" and place["resolved"]["alternatives"]
    assert json.loads(row["reactions"])[0]["relation"] == "disputes"
    assert safe_cell("-12") == "-12" and safe_cell("@x") == "'@x"
    assert safe_cell("+7 tanks") == "'+7 tanks" and safe_cell(3) == 3


def test_coarsening_snaps_to_a_grid() -> None:
    lat, lon = point()
    for km in (1.0, 5.0, 25.0):
        snapped = coarsen(lat, lon, km)
        assert distance_km(lat, lon, *snapped) <= km * 0.75
        assert coarsen(*snapped, km) == snapped  # a cell centre stays put
    assert coarsen(48.2826, 37.1757, 10) == coarsen(48.2830, 37.1760, 10)
    original = record()
    [out] = apply_opsec([original], Opsec(coarsen_km=10))
    resolved = out["places"][0]["resolved"]
    assert (resolved["lat"], resolved["lon"]) == coarsen(lat, lon, 10)
    assert resolved["coarsened_km"] == 10
    # the namesakes a place could also be are coarsened too
    for was, now in zip(
        original["places"][0]["resolved"]["alternatives"],
        resolved["alternatives"],
        strict=True,
    ):
        assert (now["lat"], now["lon"]) == coarsen(was["lat"], was["lon"], 10)
    assert original["places"][0]["resolved"]["lat"] == lat  # input untouched


def test_delay_days_withholds_recent_claims() -> None:
    today = date(2025, 11, 20)
    old = record(id="old", last_day="2025-11-01")
    new = record(id="new", last_day="2025-11-19")
    undated = record(id="undated", last_day=None)  # falls back to publication day
    kept = apply_opsec([old, new, undated], Opsec(delay_days=7, today=today))
    assert [r["id"] for r in kept] == ["old", "undated"]
    kept = apply_opsec([old, new, undated], Opsec(delay_days=0, today=today))
    assert len(list(kept)) == 3


def test_table_escapes_markup_and_control_characters() -> None:
    out = io.StringIO()
    hostile = record(text="[bold]liberated[/] \x1b[31mPokrovsk")
    write_claims([hostile], "table", out, Opsec())
    text = out.getvalue()
    assert "\x1b" not in text
    assert "[bold]liberated[/]" in text


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "geojson", "claimreview"])
def test_every_format_applies_opsec(fmt: str) -> None:
    out = io.StringIO()
    opsec = Opsec(coarsen_km=20, delay_days=3, today=date(2025, 11, 14))
    rows = [record(), record(id="d1:c2", last_day="2025-11-12")]
    write_claims(rows, fmt, out, opsec)
    body = out.getvalue()
    lat, lon = point()
    alternatives = record()["places"][0]["resolved"]["alternatives"]
    for exact in (lat, lon, *(a["lat"] for a in alternatives)):
        assert str(exact) not in body
    assert "d1:c2" not in body
    assert record()["id"] in body


def test_claims_cli_formats(tmp_path: Path, run_cli: Run) -> None:
    from tests.store.corpus import write_mixed_corpus

    corpus = write_mixed_corpus(tmp_path / "corpus")
    db = str(tmp_path / "s.db")
    code, _out, err = run_cli("ingest", str(corpus), "--db", db, "--quiet")
    assert code == 0, err
    code, out, _ = run_cli(
        "claims", "--db", db, "--format", "geojson", "--place", "Krasnoarmeysk"
    )
    features = json.loads(out)["features"]
    assert code == 0 and features
    assert {f["properties"]["place_resolved_name"] for f in features} >= {"Pokrovsk"}
    code, out, _ = run_cli("claims", "--db", db, "--format", "jsonl", "--limit", "2")
    assert code == 0 and len(out.splitlines()) == 2
    code, out, _ = run_cli("claims", "--db", db, "--format", "csv", "--type", "losses")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {r["claim_type"] for r in rows} == {"losses"}
    code, out, _ = run_cli(
        "claims",
        "--db",
        db,
        "--format",
        "claimreview",
        "--near",
        "48.28,37.18,20",
        "--coarsen-km",
        "10",
    )
    reviews = json.loads(out)
    assert code == 0 and reviews
    assert {r["reviewRating"]["alternateName"] for r in reviews} == {"Unverified"}
    code, out, _ = run_cli("claims", "--db", db, "--text", "Kurakhove")
    assert code == 0 and "Kurakhove" in out
    code, out, _ = run_cli(
        "claims", "--db", db, "--format", "json", "--delay-days", "36500"
    )
    assert code == 0 and json.loads(out) == []
    code, _, err = run_cli("claims", "--db", db, "--near", "500,1,2")
    assert code == 2 and "out of range" in err
    code, _, err = run_cli("claims", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no store" in err


def test_claimreview_can_be_embedded_in_a_page() -> None:
    hostile = record(text="</script><script>alert(1)</script> & <!-- x")
    hostile["document"] = {
        **hostile.get("document", {}),
        "url": "javascript:alert(1)",
        "title": "</script>",
    }
    out = io.StringIO()
    write_claimreview([hostile], out, reviewed_on=date(2025, 11, 20))
    page = out.getvalue()
    assert "<" not in page and ">" not in page and "&" not in page
    [review] = json.loads(page)  # the same value once parsed
    assert review["claimReviewed"].startswith("</script><script>")
    appearance = review["itemReviewed"]["appearance"][0]
    assert "url" not in appearance and appearance["headline"] == "</script>"
    safe = record()
    safe["document"] = {**safe.get("document", {}), "url": "https://example.org/a"}
    out = io.StringIO()
    write_claimreview([safe], out, reviewed_on=date(2025, 11, 20))
    [review] = json.loads(out.getvalue())
    assert review["itemReviewed"]["appearance"][0]["url"] == "https://example.org/a"
