"""One claim shape from text to export: ``check --format json`` of a text and
the claim records ``claims --format json`` exports after ``ingest`` and
``verify`` of the same text agree field for field, verdicts included."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from foglift.records import CLAIM_FIELDS
from tests.verify.corpus import write_maps

Run = Callable[..., tuple[int, str, str]]

# Our own sentences: a capture with a reaction, a count at a place with
# namesakes far away (alternatives), a Russian capture with a denial.
TEXTS = {
    "en": "The Russian Ministry of Defence said its forces liberated Kurakhove on "
    "November 11. Ukraine's General Staff denied it. The ministry also said its "
    "troops captured 256 buildings in Pokrovsk over the past day.\n",
    "ru": "Минобороны России заявило, что российские войска освободили Покровск "
    "11 ноября. В Генштабе ВСУ это опровергли.\n",
}
# the store's own fields of a record, beside the claim's
STORED = {"document", "verdict", "findings", "verdicts", "text", "first_day"}
STORED |= {"last_day", "document_id", "claim_id"}
STORED |= {"media"}  # the files its post carries (media provenance)


def _checked(run_cli: Run, path: Path, *extra: str) -> dict[str, Any]:
    code, out, err = run_cli(
        "check", str(path), "--published", "2025-11-12", "--format", "json", *extra
    )
    assert code == 0, err
    body: dict[str, Any] = json.loads(out)
    return body


def _exported(run_cli: Run, path: Path, db: str, maps: Path) -> list[dict[str, Any]]:
    code, _, err = run_cli(
        "ingest", str(path), "--db", db, "--published", "2025-11-12", "--quiet"
    )
    assert code == 0, err
    code, _, err = run_cli("verify", "--db", db, "--control-maps", str(maps))
    assert code == 0, err
    code, out, err = run_cli("claims", "--db", db, "--format", "json")
    assert code == 0, err
    records: list[dict[str, Any]] = json.loads(out)
    return records


def _maps(run_cli: Run, path: Path, folder: Path) -> Path:
    """Control maps on which Kurakhove changes hands three days after the claim."""
    points = {}
    for claim in _checked(run_cli, path)["claims"]:
        for place in claim["places"]:
            if place["resolved"] and place["resolved"]["name"] == "Kurakhove":
                points["Kurakhove"] = (
                    place["resolved"]["lat"],
                    place["resolved"]["lon"],
                )
    return write_maps(folder, points)


def _renamed(steps: list[str], claim: dict[str, Any], store_id: str) -> list[str]:
    old, new = f"claim {claim['id']}: ", f"claim {store_id}: "
    assert steps[0].startswith(old)
    return [new + steps[0][len(old) :], *steps[1:]]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_check_json_equals_the_exported_record(
    lang: str, tmp_path: Path, run_cli: Run
) -> None:
    path = tmp_path / f"{lang}.txt"
    path.write_text(TEXTS[lang], encoding="utf-8")
    maps = _maps(run_cli, path, tmp_path / "maps")
    checked = _checked(run_cli, path, "--control-maps", str(maps))
    records = _exported(run_cli, path, f"sqlite:///{tmp_path / 's.db'}", maps)
    assert checked["claims"] and len(records) == len(checked["claims"])
    by_id = {r["claim_id"]: r for r in records}
    for claim in checked["claims"]:
        record = by_id[claim["id"]]
        store_id = record["id"]
        assert store_id == f"{record['document_id']}:{claim['id']}"
        # the claim itself: every field, in the one shape
        assert set(record) == set(CLAIM_FIELDS) | STORED
        assert {k: record[k] for k in CLAIM_FIELDS} == {**claim, "id": store_id}
        # what the store adds is the same data, not another reading
        text = checked["text"][claim["start"] : claim["end"]]
        assert record["text"] == text
        assert record["document"]["published"] == checked["published"]
        time = claim["time"] or {}
        assert (record["first_day"], record["last_day"]) == (
            time.get("first_day"),
            time.get("last_day"),
        )
        findings = [
            {**f, "claim_id": store_id}
            for f in checked["findings"]
            if f["claim_id"] == claim["id"]
        ]
        assert record["findings"] == findings
        # a verdict names its claim by id: the store's id where the store judged
        verdicts = [
            {**v, "claim_id": store_id, "steps": _renamed(v["steps"], claim, store_id)}
            for v in checked["verdicts"]
            if v["claim_id"] == claim["id"]
        ]
        stored = [
            {k: v for k, v in verdict.items() if k not in ("run_id", "created_at")}
            for verdict in record["verdicts"]
        ]
        assert stored == verdicts
    # the fields the shape must not lose are there to compare
    places = [p for c in checked["claims"] for p in c["places"]]
    assert any(p["resolved"]["alternatives"] for p in places)
    assert all(p["resolved"]["evidence"] for p in places)
    assert all(p["resolved"]["native_names"] for p in places)
    assert any(c["reactions"] for c in checked["claims"])
    assert any(v["status"] != "no_data" for v in checked["verdicts"])


def test_the_library_checks_with_the_cli_evidence(tmp_path: Path, run_cli: Run) -> None:
    """``check_text(..., evidence=Evidence.load(control_maps=DIR))`` is what
    ``foglift check --control-maps DIR`` does: the same verdicts, findings,
    everything."""
    from datetime import date

    from foglift import Evidence, check_text
    from foglift.records import document_to_dict

    path = tmp_path / "en.txt"
    path.write_text(TEXTS["en"], encoding="utf-8")
    maps = _maps(run_cli, path, tmp_path / "maps")
    cli = _checked(run_cli, path, "--control-maps", str(maps), "--window-days", "2")
    evidence = Evidence.load(control_maps=maps, window_days=2)
    day = date(2025, 11, 12)
    doc = check_text(
        TEXTS["en"], source=cli["source"], published=day, evidence=evidence
    )
    assert document_to_dict(doc) == cli
    assert doc.stages[-1] == "verify" and doc.verdicts
    # a window shorter than the map's lag: the library heard the option too
    # (the ministry's capture; the General Staff's denial is a claim of its own)
    asserted = {c.id for c in doc.claims if c.stance == "asserts"}
    assert "confirmed" not in {v.status for v in doc.verdicts if v.claim_id in asserted}
    default = Evidence.load(control_maps=maps)
    judged = check_text(
        TEXTS["en"], source=cli["source"], published=day, evidence=default
    )
    assert "confirmed" in {v.status for v in judged.verdicts}
    plain = check_text(TEXTS["en"], source=cli["source"], published=day)
    assert plain.verdicts == () and "verify" not in plain.stages
