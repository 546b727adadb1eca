"""Hostile inputs that once cost memory or time without bound, each read here
under a resource limit: refused with a reason, and nothing else is lost."""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foglift.ingest.items import _CappedStrings
from foglift.spans import SpanSet

Run = Callable[..., tuple[int, str, str]]
# 100,000 levels in 200 kB: once 10 GB of prefixes in the streaming parser
DEEP = b"[" * 100_000 + b"]" * 100_000
LIMIT_BYTES = 4 * 1024**3


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def _foglift(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "foglift.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        preexec_fn=_limited,
    )


def test_a_deep_telegram_export_is_refused_within_bounded_memory(
    tmp_path: Path,
) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (export / "result.json").write_bytes(b'{"messages": ' + DEEP + b"}")
    # the peak of the ingest alone, measured inside its own process: VmHWM,
    # since Linux's ru_maxrss keeps the forking parent's peak across exec (a
    # test run that has grown past the bound would fail it whatever ingest did)
    script = (
        "import os, resource, sys\n"
        "from foglift.cli.main import main\n"
        "code = main(['ingest', 'export', '--db', 's.db', '--quiet'])\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "if os.path.exists('/proc/self/status'):\n"
        "    with open('/proc/self/status') as status:\n"
        "        peak = next(int(line.split()[1]) for line in status\n"
        "                    if line.startswith('VmHWM'))\n"
        "print(code, peak)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        preexec_fn=_limited,
    )
    code, peak_kb = map(int, done.stdout.split())
    assert code == 0, done.stderr
    # (the old parser took over 4 GB)
    assert peak_kb < 500 * 1024, f"peak {peak_kb} kB"
    rejected = _foglift("rejected", "--db", "s.db", "--format", "json", cwd=tmp_path)
    assert "nested deeper than" in rejected.stdout


def test_a_deep_control_map_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "front_20250101.geojson").write_bytes(
        b'{"type": "FeatureCollection", "features": ' + DEEP + b"}"
    )
    (tmp_path / "t.txt").write_text("Russian forces captured Kurakhove.", "utf-8")
    done = _foglift(
        "check",
        "t.txt",
        "--control-maps",
        "maps",
        "--published",
        "2025-02-01",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "nested deeper than" in done.stdout + done.stderr


def test_a_deep_series_file_is_refused_with_a_message(
    tmp_path: Path, run_cli: Run
) -> None:
    (tmp_path / "deep.json").write_bytes(DEEP)
    code, _, err = run_cli(
        "series",
        "import",
        str(tmp_path / "deep.json"),
        "--series-db",
        str(tmp_path / "s.json"),
    )
    assert code != 0 and "nested deeper than" in err and "Traceback" not in err


def test_a_deep_series_store_is_refused_with_a_message(
    tmp_path: Path, run_cli: Run
) -> None:
    (tmp_path / "s.json").write_bytes(b'{"series": {}, "x": ' + DEEP + b"}")
    code, _, err = run_cli("series", "check", "--series-db", str(tmp_path / "s.json"))
    assert code != 0 and "nested deeper than" in err and "Traceback" not in err


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans if s < e)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=30),
    st.integers(0, 70),
    st.integers(0, 12),
)
def test_span_set_answers_as_a_scan_of_every_span(
    taken: list[tuple[int, int]], start: int, length: int
) -> None:
    spans = [(s, s + n) for s, n in taken]
    found = SpanSet(spans)
    end = start + length
    assert found.overlaps(start, end) == _overlaps(spans, start, end)
    later = [s for s, _ in spans if start < s < end]
    assert found.first_start_within(start, end) == (min(later) if later else None)


@pytest.mark.parametrize("repeats", [3, 300])
def test_many_mentions_in_one_sentence_are_each_read(repeats: int) -> None:
    from foglift.pipeline import check_text

    doc = check_text("Fighting continued near Kurakhove, " * repeats + "the end.")
    near = [p for p in doc.places if p.name == "Kurakhove"]
    assert len(near) == repeats


STEERING = "\x1b]0;title\x07\x1b[2J\u202e"


def test_a_channel_name_cannot_steer_the_terminal_in_an_event(
    tmp_path: Path, run_cli: Run
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    export = {
        "name": f"Front{STEERING} news",
        "type": "public_channel",
        "id": 4242,
        "messages": [
            {
                "id": 1,
                "type": "message",
                "date": "2025-11-20T09:00:00",
                "text": "Russian forces captured Kurakhove, the Defence Ministry "
                f"of Russia said.{STEERING}",
            }
        ],
    }
    (folder / "result.json").write_text(json.dumps(export), "utf-8")
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(folder), "--db", db, "--quiet")[0] == 0
    assert run_cli("link", "--db", db)[0] == 0
    _, out, _ = run_cli("events", "--db", db, "--format", "json")
    (event,) = json.loads(out)
    code, out, _ = run_cli("event", event["id"], "--db", db)
    assert code == 0 and "Kurakhove" in out
    assert not {"\x1b", "\x07", "\u202e"} & set(out)


def test_a_series_name_cannot_steer_the_terminal(tmp_path: Path, run_cli: Run) -> None:
    rows = ["date,tanks" + STEERING, "2025-01-01,10", "2025-01-02,20", "2025-01-03,15"]
    (tmp_path / "losses.csv").write_text("\n".join(rows) + "\n", "utf-8")
    db = str(tmp_path / "s.json")
    assert (
        run_cli("series", "import", str(tmp_path / "losses.csv"), "--series-db", db)[0]
        == 0
    )
    _, out, _ = run_cli("series", "check", "--series-db", db)
    assert "decrease" in out and "tanks" in out
    assert not {"\x1b", "\x07", "\u202e"} & set(out)


class _Drip(io.BytesIO):
    """A stream handing out a few bytes a read, so strings and escape
    sequences straddle reads."""

    def __init__(self, data: bytes, size: int) -> None:
        super().__init__(data)
        self._size = size

    def read(self, size: int | None = -1) -> bytes:
        return super().read(self._size)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.lists(st.text(max_size=40), max_size=6),
    st.integers(1, 9),
    st.integers(len("messages"), 30),
    st.booleans(),
)
def test_capped_strings_keep_json_valid_and_cut_only_long_strings(
    texts: list[str], read_size: int, limit: int, ascii_only: bool
) -> None:
    raw = json.dumps({"messages": texts}, ensure_ascii=ascii_only).encode()
    capped = _CappedStrings(_Drip(raw, read_size), limit)
    data = b"".join(iter(lambda: capped.read(read_size), b""))
    read = json.loads(data)["messages"]  # still valid JSON
    assert len(read) == len(texts)
    for before, after in zip(texts, read, strict=True):
        encoded = json.dumps(before, ensure_ascii=ascii_only).encode()[1:-1]
        if len(encoded) <= limit:
            assert after == before
        else:
            # (a surrogate pair cut by a read may keep its first half)
            whole = after[:-1] if after and "\ud800" <= after[-1] <= "\udbff" else after
            assert before.startswith(whole)
            # (an escape sequence cut by a read may run five bytes over)
            assert (
                len(json.dumps(after, ensure_ascii=ascii_only).encode()) - 2
                <= limit + 5
            )


def test_a_document_over_its_time_budget_is_rejected_and_the_next_read() -> None:
    from foglift.model import Item
    from foglift.runs.process import PipelineOptions, process_item

    text = "Russian forces captured Kurakhove, the Defence Ministry said. " * 50
    slow = Item(key="a.txt", text=text, source_name="a", kind="file")
    spent = process_item(slow, PipelineOptions(cpu_seconds=1e-9))
    assert spent.document is None and spent.rejected is not None
    assert spent.rejected.code == "FL109"
    assert "CPU seconds" in spent.rejected.reason
    done = process_item(slow, PipelineOptions())
    assert done.rejected is None and done.document is not None
    assert done.document.claims


def test_check_time_stops_a_stage_between_units_of_work() -> None:
    from foglift.budget import OutOfTime, check_time, time_budget

    check_time()  # no budget: never raises
    with time_budget(1e-9), pytest.raises(OutOfTime):
        sum(range(10_000))
        check_time()
    with time_budget(3600):
        check_time()


def test_a_store_that_cannot_be_written_is_read_as_it_is(
    tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Russian forces captured Kurakhove, the Defence Ministry of Russia said.",
        "utf-8",
    )
    db = tmp_path / "s.db"
    assert run_cli("ingest", str(tmp_path / "in"), "--db", str(db), "--quiet")[0] == 0
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    # (tests run as any user, root included: the check itself is replaced)
    monkeypatch.setattr("foglift.store.db._writable", lambda path: False)
    code, out, err = run_cli("claims", "--db", str(db), "--format", "json")
    assert code == 0, err
    assert "Kurakhove" in out
    code, out, err = run_cli("link", "--db", str(db))
    assert code != 0 and "Traceback" not in err and "read" in err.lower()
    after = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    assert after == before  # nothing written, no journal files made


def test_standard_input_is_read_up_to_the_input_limit(tmp_path: Path) -> None:
    # /dev/zero never ends: the reader must stop at the limit, not drain it
    with open("/dev/zero", "rb") as endless:
        done = subprocess.run(
            [sys.executable, "-m", "foglift.cli.main", "ingest", "-", "--db", "s.db"],
            stdin=endless,
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,
            preexec_fn=_limited,
        )
    assert "larger than max_input_bytes" in done.stderr + done.stdout, done.stderr
    assert "Traceback" not in done.stderr


def test_no_command_opens_a_network_connection(
    tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a network connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(
        '<html><head><link rel="stylesheet" href="http://198.51.100.7/x.css">'
        '<script src="https://198.51.100.7/x.js"></script></head><body><p>Russian '
        "forces captured Kurakhove, the Defence Ministry said.</p>"
        '<img src="http://198.51.100.7/pixel.gif"></body></html>',
        "utf-8",
    )
    db = str(tmp_path / "s.db")
    for args in (
        ("ingest", str(tmp_path / "in"), "--db", db, "--quiet"),
        ("link", "--db", db),
        ("claims", "--db", db, "--format", "claimreview"),
        ("check", str(tmp_path / "in" / "a.html")),
    ):
        code, _, err = run_cli(*args)
        assert code in (0, 1), (args, err)
        assert "network connection" not in err


def test_an_export_claiming_another_channels_id_never_replaces_its_posts(
    tmp_path: Path, run_cli: Run
) -> None:
    def export(folder: str, name: str, text: str) -> Path:
        path = tmp_path / folder
        path.mkdir()
        message = {"id": 1, "type": "message", "date": "2025-11-20T09:00:00"}
        body = {"name": name, "type": "public_channel", "id": 777}
        body["messages"] = [{**message, "text": text}]
        (path / "result.json").write_text(json.dumps(body), "utf-8")
        return path

    real = export("real", "Front news", "Russian forces captured Kurakhove.")
    forged = export("forged", "Impostor", "Ukrainian forces recaptured Kurakhove.")
    db = str(tmp_path / "s.db")
    assert run_cli("ingest", str(real), "--db", db, "--quiet")[0] == 0
    assert run_cli("ingest", str(forged), "--db", db, "--quiet")[0] == 0
    code, out, _ = run_cli("documents", "--db", db, "--format", "json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 2  # both current: neither replaced
    # the same channel's edited post is a new version of it
    edited = tmp_path / "edited"
    edited.mkdir()
    body = json.loads((real / "result.json").read_text("utf-8"))
    body["messages"][0]["text"] = "Russian forces captured Kurakhove and Dachne."
    (edited / "result.json").write_text(json.dumps(body), "utf-8")
    assert run_cli("ingest", str(edited), "--db", db, "--quiet")[0] == 0
    code, out, _ = run_cli("documents", "--db", db, "--format", "json")
    assert len(json.loads(out)) == 2


def test_place_names_past_the_limit_are_left_with_a_finding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from foglift import settings
    from foglift.geoparse import stage
    from foglift.pipeline import check_text

    def small(name: str) -> int | float | str:
        return 3 if name == "max_place_mentions" else settings.default(name)

    monkeypatch.setattr(stage, "default", small)
    names = ["Kharkiv", "Sumy", "Poltava", "Dnipro", "Odesa", "Lviv"]
    text = "Reports came from " + ", ".join(names) + "."
    doc = check_text(text, lang="en")
    cut = [f for f in doc.findings if f.code == "text.truncated"]
    assert len(cut) == 1 and cut[0].start == text.index("Dnipro")
    assert cut[0].end == text.index("Lviv") + len("Lviv")
    assert "3 place names after the first 3" in cut[0].message
    assert [p.name for p in doc.places] == names[:3]
    monkeypatch.undo()
    assert not [
        f for f in check_text(text, lang="en").findings if f.code == "text.truncated"
    ]
