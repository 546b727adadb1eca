"""Item keys: which stored document a file's new text replaces.

A file's key is the prefix of the first input folder that holds it and its
path inside that folder. Namesake folders in different places are different
items; the same file reached through another path is the same item.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from foglift.ingest.sources import ReadOptions, file_key, input_roots

Run = Callable[..., tuple[int, str, str]]


def _report(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.txt").write_text(text, "utf-8")
    return folder


def _documents(run_cli: Run, db: str, *extra: str) -> list[dict[str, object]]:
    code, out, err = run_cli("documents", "--db", db, "--format", "json", *extra)
    assert code == 0, err
    listed: list[dict[str, object]] = json.loads(out)
    return listed


def test_namesake_folders_elsewhere_are_different_items(
    tmp_path: Path, run_cli: Run
) -> None:
    first = _report(tmp_path / "a" / "exports", "Russian forces captured Kurakhove.")
    second = _report(tmp_path / "b" / "exports", "Ukrainian forces held Dachne.")
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(first), "--db", db, "--quiet")[0] == 0
    assert run_cli("ingest", str(second), "--db", db, "--quiet")[0] == 0
    current = _documents(run_cli, db)
    keys = sorted(str(d["item_key"]) for d in current)
    assert len(current) == 2  # before: the second replaced the first
    assert keys[0] == "exports/report.txt"
    assert keys[1].startswith("exports@") and keys[1].endswith("/report.txt")
    # a revised text in the second folder replaces its own item only
    _report(second, "Ukrainian forces held Dachne and Kurakhove.")
    assert run_cli("ingest", str(second), "--db", db, "--quiet")[0] == 0
    every = _documents(run_cli, db, "--all-versions")
    assert len(_documents(run_cli, db)) == 2 and len(every) == 3
    texts = {str(d["item_key"]): d for d in _documents(run_cli, db)}
    assert texts["exports/report.txt"]["version"] == 1


def test_the_same_file_through_another_path_is_stored_once(
    tmp_path: Path, run_cli: Run
) -> None:
    data = tmp_path / "data"
    _report(data / "exports", "Russian forces captured Kurakhove.")
    (data / "note.txt").write_text("Ukrainian forces held Dachne.", "utf-8")
    os.symlink(data, tmp_path / "alias")
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(data / "exports"), "--db", db, "--quiet")[0] == 0
    # the parent folder, then a link to it: nothing stored twice
    assert run_cli("ingest", str(data), "--db", db, "--quiet")[0] == 0
    assert run_cli("ingest", str(tmp_path / "alias"), "--db", db, "--quiet")[0] == 0
    single = str(data / "exports" / "report.txt")
    assert run_cli("ingest", single, "--db", db, "--quiet")[0] == 0
    current = _documents(run_cli, db, "--all-versions")
    assert sorted(str(d["item_key"]) for d in current) == [
        "data/note.txt",
        "exports/report.txt",
    ]


def test_keys_without_a_store_are_the_folder_name_and_the_path(tmp_path: Path) -> None:
    folder = _report(tmp_path / "x" / "exports", "text")
    options = ReadOptions()
    (root, name) = input_roots([str(folder)], options)[0]
    assert root == str(folder.resolve()) and name == "exports"
    full = folder.resolve() / "report.txt"
    assert file_key(full, "exports/report.txt", options) == "exports/report.txt"
    known = ReadOptions(roots=((str(tmp_path.resolve()), "top"),))
    assert file_key(full, "exports/report.txt", known) == "top/x/exports/report.txt"
