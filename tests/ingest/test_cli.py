"""``foglift ingest``, ``documents`` and ``rejected`` from the command line."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.store.corpus import CLAIM, write_mixed_corpus

Run = Callable[..., tuple[int, str, str]]


def test_mixed_folder_exit_codes_and_summary(tmp_path: Path, run_cli: Run) -> None:
    corpus = write_mixed_corpus(tmp_path / "corpus")
    db = str(tmp_path / "s.db")
    code, out, err = run_cli("ingest", str(corpus), "--db", db)
    assert code == 0 and out == ""
    # the repost, and two posts of the broken export that repeat the channel
    assert "rejected 6" in err and "near-duplicates 3" in err
    assert "FL108" in err and "bomb.rss" in err
    code, out, err = run_cli("ingest", str(corpus), "--db", db, "--strict")
    assert code == 1 and "new 0" in err
    code, out, _ = run_cli("ingest", str(corpus), "--db", db, "--format", "json")
    summary = json.loads(out)
    assert summary["new"] == 0 and summary["unchanged"] == summary["read"] > 0
    assert {r["code"] for r in summary["rejections"]} == {
        "FL102", "FL103", "FL106", "FL108"
    }  # fmt: skip


def test_documents_and_rejected(tmp_path: Path, run_cli: Run) -> None:
    corpus = write_mixed_corpus(tmp_path / "corpus")
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(corpus), "--db", db, "--quiet")[0] == 0
    code, out, _ = run_cli(
        "documents",
        "--db",
        db,
        "--format",
        "jsonl",
        "--source",
        "front wire",
        "--with-text",
    )
    [doc] = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and doc["kind"] == "feed" and "Kupiansk" in doc["text"]
    code, out, _ = run_cli("documents", "--db", db, "--text", "Kurakhove")
    assert code == 0 and "Forces enter Kurakhove" in out
    code, out, _ = run_cli("rejected", "--db", db, "--format", "csv")
    assert code == 0 and len(out.strip().splitlines()) == 7  # header + 6
    code, out, _ = run_cli("rejected", "--db", db, "--code", "FL108")
    assert code == 0 and "entity" in out


def test_stdin_and_env_store(
    tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOGLIFT_DB", str(tmp_path / "env.db"))
    lines = "\n".join(
        json.dumps({"id": n, "text": CLAIM.replace("11", str(n))}) for n in (3, 4)
    )
    stdin = io.TextIOWrapper(io.BytesIO(lines.encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    code, out, err = run_cli("ingest", "-", "--source", "pipe", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["new"] == 2
    assert (tmp_path / "env.db").exists()
    code, out, _ = run_cli("documents", "--format", "json")
    assert {d["source_name"] for d in json.loads(out)} == {"pipe"}


def test_hostile_names_are_escaped(tmp_path: Path, run_cli: Run) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "[bold red]x[blink]\x1b[2J.txt").write_bytes(b"\x00\x01binary")
    db = str(tmp_path / "s.db")
    code, _, err = run_cli("ingest", str(folder), "--db", db)
    assert code == 0 and "\x1b" not in err and "[bold red]x[blink]" in err
    code, out, _ = run_cli("rejected", "--db", db)
    assert "\x1b" not in out and "[bold red]x[blink]" in out


def test_usage_errors(tmp_path: Path, run_cli: Run) -> None:
    code, _, err = run_cli(
        "ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--map", "body"
    )
    assert code == 2 and "FIELD=COLUMN" in err
    code, _, err = run_cli("ingest", str(tmp_path), "--db", "postgres://x@y/z")
    assert code == 2 and "postgresql+psycopg" in err
