"""``foglift sources stats``: track records from stored verdicts and series."""

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
from foglift.verify import JsonSeriesStore, import_series, read_control_maps
from tests.store.conftest import db_url, new_db_url, postgres_server  # noqa: F401
from tests.verify.corpus import ingest_with_maps


@pytest.fixture
def ingested(db_url: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:  # noqa: F811
    """A store URL with the corpus ingested (not yet verified), and its maps."""
    store = open_store(db_url)
    maps = ingest_with_maps(store, tmp_path)
    store.close()
    yield db_url, maps


TRACK_KEYS = (
    "claimant",
    "name",
    "names",
    "side",
    "territorial_claims",
    "checked",
    "few_checked",
    "confirmed",
    "share_confirmed",
    "median_lag_days",
    "already_held",
    "share_already_held",
    "contradicted",
    "share_contradicted",
    "not_confirmed",
    "contested",
)


def stats(run_cli: Any, db: str, *args: str) -> dict[str, Any]:
    code, out, err = run_cli("sources", "stats", "--db", db, "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_no_verdicts_yet_is_said_honestly(
    ingested: tuple[str, Path], run_cli: Any, tmp_path: Path
) -> None:
    db, _maps = ingested
    found = stats(run_cli, db, "--series-db", str(tmp_path / "none.json"))
    assert found["series"] == []
    mod = next(r for r in found["claimants"] if r["claimant"] == "ru-mod")
    assert mod["territorial_claims"] == 2 and mod["checked"] == 0
    assert mod["share_confirmed"] is None and mod["median_lag_days"] is None
    code, out, _ = run_cli(
        "sources", "stats", "--db", db, "--series-db", str(tmp_path / "none.json")
    )
    assert code == 0 and "no verdicts yet" in out and "no imported series" in out


def test_track_record_figures(
    ingested: tuple[str, Path], run_cli: Any, tmp_path: Path
) -> None:
    db, maps = ingested
    store = open_store(db)
    verify_store(store, read_control_maps(maps))
    store.close()
    found = stats(run_cli, db, "--series-db", str(tmp_path / "none.json"))
    rows = {r["claimant"]: r for r in found["claimants"]}
    mod = rows["ru-mod"]
    assert {k: mod[k] for k in TRACK_KEYS} == {
        "claimant": "ru-mod",
        "name": "Russian Ministry of Defence",
        "names": ["Russian Ministry of Defence"],
        "side": "russia",
        "territorial_claims": 2,
        "checked": 2,
        "few_checked": True,
        "confirmed": 1,
        "share_confirmed": 0.5,
        "median_lag_days": 3,
        "already_held": 1,
        "share_already_held": 0.5,
        "contradicted": 0,
        "share_contradicted": 0.0,
        "not_confirmed": 0,
        "contested": 0,
    }
    # Each share carries its 95% Wilson interval: 1 of 2 is anything from 9% to 91%.
    assert (mod["share_confirmed_low"], mod["share_confirmed_high"]) == (
        0.0945,
        0.9055,
    )
    assert (mod["share_contradicted_low"], mod["share_contradicted_high"]) == (
        0.0,
        0.6576,
    )
    ua = rows["ua-general-staff"]
    assert (ua["checked"], ua["contradicted"], ua["share_contradicted"]) == (1, 1, 1.0)
    # --since leaves out the Toretsk claim (about November 5).
    later = stats(
        run_cli, db, "--since", "2025-11-10", "--series-db", str(tmp_path / "x")
    )
    mod = next(r for r in later["claimants"] if r["claimant"] == "ru-mod")
    assert (mod["territorial_claims"], mod["share_confirmed"]) == (1, 1.0)


def test_series_anomalies_and_csv(
    ingested: tuple[str, Path], run_cli: Any, tmp_path: Path
) -> None:
    db, _maps = ingested
    source = tmp_path / "losses.csv"
    lines = ["date,tanks"] + [f"2025-10-{day:02d},{1000 + day}" for day in range(1, 29)]
    lines.append("2025-10-29,1010")  # a drop no correction explains
    source.write_text("\n".join(lines) + "\n", "utf-8")
    series_db = tmp_path / "series.json"
    series = JsonSeriesStore(series_db)
    import_series(series, source)
    series.save()
    found = stats(run_cli, db, "--series-db", str(series_db))
    assert found["series"] == [
        {
            "series": "losses:tanks",
            "days": 29,
            "first_day": "2025-10-01",
            "last_day": "2025-10-29",
            "unexplained_decreases": 1,
            "explained_decreases": 0,
            "outlier_increments": 0,
        }
    ]
    before = stats(run_cli, db, "--series-db", str(series_db), "--until", "2025-10-28")
    assert before["series"][0]["unexplained_decreases"] == 0
    code, out, _ = run_cli(
        "sources", "stats", "--db", db, "--series-db", str(series_db), "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {r["table"] for r in rows} == {"claimant", "series"}
    assert (
        next(r for r in rows if r["table"] == "series")["unexplained_decreases"] == "1"
    )
