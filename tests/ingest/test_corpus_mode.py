"""Corpus mode as a newsroom uses it: dated files, JSON arrays, progress on a
pipe, readers beside a running writer, and a mistyped path."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from foglift.ingest.dates import date_in_heading, find_date

Run = Callable[..., tuple[int, str, str]]
REPORT = "Russian forces captured Kurakhove, the Russian Defence Ministry said."


def _documents(run_cli: Run, db: str) -> dict[str, dict[str, object]]:
    code, out, _ = run_cli("documents", "--db", db, "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    return {str(r["item_key"]).rsplit("/", 1)[-1]: r for r in rows}


def test_text_files_are_dated_and_say_from_where(tmp_path: Path, run_cli: Run) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "2025-01-06.md").write_text(REPORT, "utf-8")
    (folder / "January_7_2025.txt").write_text(REPORT + " Day two.", "utf-8")
    (folder / "heading.txt").write_text(
        "# Campaign Assessment\n\nJanuary 8, 2025, 5:30pm ET\n\n" + REPORT, "utf-8"
    )
    (folder / "undated.txt").write_text(REPORT + " No date.", "utf-8")
    db = str(tmp_path / "s.db")
    code, _, _ = run_cli(
        "ingest", str(folder), "--db", db, "--quiet", "--published", "2025-02-01"
    )
    assert code == 0
    docs = _documents(run_cli, db)
    assert (
        docs["2025-01-06.md"]["published"],
        docs["2025-01-06.md"]["published_from"],
    ) == ("2025-01-06", "file name")
    assert docs["January_7_2025.txt"]["published"] == "2025-01-07"
    assert (
        docs["heading.txt"]["published"],
        docs["heading.txt"]["published_from"],
    ) == ("2025-01-08", "dateline")
    # --published dates only what carries no date of its own
    assert (
        docs["undated.txt"]["published"],
        docs["undated.txt"]["published_from"],
    ) == ("2025-02-01", "--published")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("isw-December_08_2022", "2022-12-08"),
        ("report 2024_11_30 final", "2024-11-30"),
        ("Зведення за 24 листопада 2025 року", "2025-11-24"),
        ("Сводка на 3 декабря 2024", "2024-12-03"),
        ("06.01.2025", "2025-01-06"),
        ("February 30, 2025", None),  # no such day
        ("Unit 2025 of 12 brigades", None),
    ],
)
def test_dates_in_names_and_headings(text: str, expected: str | None) -> None:
    found = find_date(text)
    assert (found.isoformat() if found else None) == expected


def test_a_date_deep_in_the_body_is_no_dateline() -> None:
    body = "\n".join(["Line."] * 10 + ["On January 3, 2025 forces attacked."])
    assert date_in_heading(body) is None


def test_json_arrays_and_objects_holding_one(tmp_path: Path, run_cli: Run) -> None:
    rows = [
        {"body": REPORT, "day": "2025-01-05", "guid": "a1"},
        {"body": REPORT + " Again.", "day": "2025-01-06", "guid": "a2"},
    ]
    (tmp_path / "array.json").write_text(json.dumps(rows), "utf-8")
    (tmp_path / "wrapped.json").write_text(json.dumps({"posts": rows}), "utf-8")
    (tmp_path / "odd.json").write_text(json.dumps({"title": "no rows"}), "utf-8")
    db = str(tmp_path / "s.db")
    code, out, _ = run_cli(
        "ingest",
        str(tmp_path / "array.json"),
        str(tmp_path / "wrapped.json"),
        str(tmp_path / "odd.json"),
        "--db",
        db,
        "--map",
        "text=body,published=day,id=guid",
        "--format",
        "json",
    )
    summary = json.loads(out)
    assert code == 0 and summary["new"] == 4
    [rejected] = summary["rejections"]
    assert rejected["code"] == "FL107" and "--map" in rejected["reason"]
    docs = _documents(run_cli, db)
    assert {d["published"] for d in docs.values()} == {"2025-01-05", "2025-01-06"}


def test_a_missing_path_writes_nothing(tmp_path: Path, run_cli: Run) -> None:
    db = tmp_path / "s.db"
    code, _, err = run_cli("ingest", str(tmp_path / "nope"), "--db", str(db))
    assert code == 1 and "FL101" in err and "nope" in err
    assert not db.exists()


def test_progress_lines_on_a_pipe(
    tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from foglift import settings

    real = settings.default
    monkeypatch.setattr(
        settings,
        "default",
        lambda name: 0.0 if name == "progress_every_seconds" else real(name),
    )
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"{REPORT} Number {n}.", "utf-8")
    code, _, err = run_cli("ingest", str(folder), "--db", str(tmp_path / "s.db"))
    lines = [line for line in err.splitlines() if "items/s" in line]
    assert code == 0 and len(lines) == 3
    assert lines[-1].startswith("foglift ingest: 3 items, ") and "claims" in lines[-1]


def test_a_reader_answers_while_a_writer_holds_the_store(
    tmp_path: Path, run_cli: Run
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, "utf-8")
    db = tmp_path / "s.db"
    assert run_cli("ingest", str(folder), "--db", str(db), "--quiet")[0] == 0
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        # a writer in the middle of a batch: the store's write lock is taken
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE documents SET title = 'x'")
        reader = subprocess.run(
            [sys.executable, "-m", "foglift.cli.main", "claims", "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=60,  # waiting on the lock would take minutes
        )
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert reader.returncode == 0, reader.stderr
    assert "Kurakhove" in reader.stdout


def test_claims_findings_filter(tmp_path: Path, run_cli: Run) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Russian forces captured Kurakhove, the Russian Defence Ministry said. "
        "Russian forces also advanced in Krasnokamensk, it said.",
        "utf-8",
    )
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(folder), "--db", db, "--quiet")[0] == 0

    def codes(*options: str) -> set[str]:
        code, out, _ = run_cli("claims", "--db", db, "--format", "jsonl", *options)
        assert code == 0
        rows = [json.loads(line) for line in out.splitlines()]
        return {f["code"] for r in rows for f in r["findings"]}

    assert "place.outside_theatre" in codes()
    assert codes("--findings", "none") == set()
    assert codes("--code", "place.") == {"place.outside_theatre"}
