"""foglift media find / show / clusters, and media in claims output."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.media.synth import drawing, recompress

Run = Callable[..., tuple[int, str, str]]


def test_find_show_clusters(exports: Path, tmp_path: Path, run_cli: Run) -> None:
    db = str(tmp_path / "m.db")
    code, out, err = run_cli("ingest", str(exports), "--db", db, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["media"]["files"] == 6
    clip = exports / "ChatExport_second" / "video_files" / "new.mp4"
    code, out, _ = run_cli("media", "find", str(clip), "--db", db, "--format", "json")
    found = json.loads(out)
    assert code == 0 and found["matches"][0]["same_file"]
    assert len(found["matches"]) == 2  # itself and the longer original
    (cluster,) = found["clusters"]
    assert cluster["first_seen"]["post"] == "telegram:1001/1"
    assert [s["post"] for s in cluster["chain"]] == ["telegram:1001/1",
                                                     "telegram:2002/10"]  # fmt: skip
    # a photo never posted but recompressed from one that was
    probe = tmp_path / "probe.jpg"
    recompress(drawing(11)).save(probe, quality=60)
    code, out, _ = run_cli("media", "find", str(probe), "--db", db)
    assert code == 0 and "first seen 2024-01-11T10:00:00 in First Channel" in out
    unseen = tmp_path / "unseen.jpg"
    drawing(99).save(unseen)
    assert "not seen in the store" in run_cli("media", "find", str(unseen),
                                              "--db", db)[1]  # fmt: skip
    code, out, _ = run_cli("media", "show", cluster["id"], "--db", db)
    assert code == 0 and "first seen 2024-01-10T09:00:00" in out
    sha = found["matches"][0]["id"]
    code, out, _ = run_cli("media", "show", sha[:12], "--db", db, "--format", "json")
    shown = json.loads(out)["media"]
    assert shown["id"] == sha and shown["metadata_status"] == "absent"
    assert shown["frames"] and len(shown["frames"][0]["pdq"]) == 64
    code, out, _ = run_cli("media", "clusters", "--db", db, "--format", "json")
    assert [c["posts"] for c in json.loads(out)] == [3, 2]
    assert run_cli("media", "show", "c999", "--db", db)[0] == 1
    assert run_cli("media", "show", "nonsense!", "--db", db)[0] == 2
    assert run_cli("media", "find", str(tmp_path / "nope.jpg"), "--db", db)[0] == 1
    program = tmp_path / "program.jpg"
    program.write_bytes(b"MZ" + b"\x00" * 100)
    code, _, err = run_cli("media", "find", str(program), "--db", db)
    assert code == 1 and "FL143" in err


def test_claims_carry_media_and_mediareview(
    exports: Path, tmp_path: Path, run_cli: Run
) -> None:
    db = str(tmp_path / "m.db")
    run_cli("ingest", str(exports), "--db", db, "--quiet")
    _, out, _ = run_cli("claims", "--db", db, "--format", "json")
    (later,) = [r for r in json.loads(out) if r["text"].startswith("The Ministry")]
    (media,) = later["media"]
    assert media["kind"] == "video"
    assert media["first_seen"]["post"] == "telegram:1001/1"
    assert {f["code"] for f in later["findings"]} >= {"media.recycled"}
    _, out, _ = run_cli("claims", "--db", db, "--format", "mediareview")
    (review,) = json.loads(out)
    assert review["@type"] == "MediaReview"
    assert review["mediaAuthenticityCategory"] == "DecontextualizedContent"
    assert review["isBasedOn"]["identifier"] == "telegram:1001/1"
    assert review["itemReviewed"]["mediaItemAppearance"][0]["sha256"] == media["media"]


def test_events_show_their_members_media(
    exports: Path, tmp_path: Path, run_cli: Run
) -> None:
    db = str(tmp_path / "m.db")
    run_cli("ingest", str(exports), "--db", db, "--quiet")
    assert run_cli("link", "--db", db)[0] == 0
    _, out, _ = run_cli("events", "--db", db, "--format", "json")
    members = [m for e in json.loads(out) for m in e["members"]]
    (later,) = [m for m in members if m["text"].startswith("The Ministry")]
    assert later["media"][0]["first_seen"]["source"] == "First Channel"
