"""The speed targets on real-length text, each printed beside its target.

- posts per CPU-second through normalise + extract + geoparse + sourcing
  (``check_text``), on the real posts of ``../shared/data/telegram-ru-2024`` or,
  when it is absent, on generated posts (``realistic_posts.py``);
- CPU seconds per long report (``../shared/data/long-reports``, whole ISW
  assessments; skipped with the reason when absent), and per 5,000 words;
- ``foglift --help``, wall time of a fresh process;
- ``foglift check`` of one sentence against a folder of 290 daily snapshots,
  once the folder has been read (the first check reads it into the cache);
  the snapshots are copies of ``../shared/data/control-maps`` under 290 dates,
  or synthetic polygons when it is absent;
- peak resident memory of ``ingest`` (its own process, a fresh SQLite store)
  at two corpus sizes, to show whether it grows with the input.

CPU time (``time.process_time``) and medians: the machine these figures are
recorded on is shared, and wall time there also counts the other jobs. Never
asserted in tests. Run: ``make bench``, or
``python benchmarks/real_text.py --posts 2000 --ingest 2000,8000``; add
``--without-loss-reports`` to leave out the loss-report line scan (the
benchmark swaps it for a pass-through, to show what the rest costs).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
POSTS = SHARED / "telegram-ru-2024" / "posts.jsonl"
REPORTS = SHARED / "long-reports"
MAPS = SHARED / "control-maps"
FOGLIFT = [sys.executable, "-m", "foglift.cli.main"]
SNAPSHOTS = 290


def _without_loss_reports() -> None:
    import foglift.extract as extract
    import foglift.extract.loss_reports as loss_reports

    def unchanged(ctx: object, claims: list[object]) -> list[object]:
        return claims

    loss_reports.find_loss_report_claims = unchanged  # type: ignore[assignment]
    extract.find_loss_report_claims = unchanged  # type: ignore[assignment]


def _posts(count: int) -> tuple[str, Iterator[dict[str, str]]]:
    if POSTS.exists():

        def real() -> Iterator[dict[str, str]]:
            with POSTS.open(encoding="utf-8") as handle:
                for n, line in enumerate(handle):
                    if n == count:
                        return
                    yield json.loads(line)

        return "real posts (telegram-ru-2024)", real()
    from realistic_posts import posts

    reason = "../shared/data/telegram-ru-2024 absent: generated posts"
    return reason, posts(count)


def posts_per_cpu_second(count: int) -> None:
    from foglift.pipeline import check_text

    label, items = _posts(count)
    posts = [
        (
            p["text"],
            p["id"],
            datetime.fromisoformat(p["published"]).date(),
            p.get("channel"),
        )
        for p in items
    ]
    check_text("Russian forces entered Pokrovsk.")  # index, lexicons, models
    # five consecutive slices: the median slice's rate, and the whole run's
    size = max(1, len(posts) // 5)
    rates, total = [], 0.0
    for first in range(0, len(posts), size):
        chunk = posts[first : first + size]
        start = time.process_time()
        for text, key, published, channel in chunk:
            check_text(text, source=key, published=published, publisher=channel)
        spent = time.process_time() - start
        total += spent
        rates.append(len(chunk) / spent)
    chars = sum(len(p[0]) for p in posts) / len(posts)
    print(
        f"posts per CPU-second   median {statistics.median(rates):6.1f}  "
        f"(all {len(posts) / total:.1f}; {len(posts)} {label}, mean {chars:.0f} "
        "chars)  target >= 150"
    )


def long_reports(repeat: int) -> None:
    """Each report checked the first time the process sees it (what a user's
    ``foglift check`` meets), then ``repeat`` times more (names seen before)."""
    from foglift.pipeline import check_text

    if not REPORTS.is_dir():
        print("long reports           skipped: ../shared/data/long-reports absent")
        return
    check_text("Russian forces entered Pokrovsk.")  # index, lexicons, models
    first_sight, again = [], []
    for path in sorted(REPORTS.glob("isw-*")):
        text = path.read_text(encoding="utf-8")
        words = len(text.split())
        runs = []
        for _ in range(1 + repeat):
            start = time.process_time()
            check_text(text, source=path.name, published=date(2025, 1, 24))
            runs.append(time.process_time() - start)
        first_sight.append(runs[0] * 5000 / words)
        again.append(statistics.median(runs[1:] or runs) * 5000 / words)
        print(
            f"  {path.name:<28} {words:5} words  {runs[0]:5.2f} s CPU first, "
            f"median {statistics.median(runs[1:] or runs):5.2f} s again"
        )
    print(
        f"long report            median {statistics.median(first_sight):5.2f} s CPU "
        f"per 5,000 words, first sight ({statistics.median(again):.2f} s again; "
        f"{len(first_sight)} reports)  target < 1"
    )


def _median_run(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of a fresh process."""
    walls, cpus = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            raise SystemExit(f"failed: {' '.join(command)}")
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def help_time() -> None:
    wall, cpu = _median_run([*FOGLIFT, "--help"], 7)
    print(
        f"foglift --help         median {cpu:5.2f} s CPU, {wall:.2f} s wall "
        "(7 runs)  target < 0.3"
    )


def _snapshot_folder(folder: Path) -> str:
    """290 daily snapshots: the real files under other dates (each with its
    own bytes, so its own hash), or made-up polygons."""
    first = date(2025, 2, 1)
    real = sorted(MAPS.glob("*.geojson")) if MAPS.is_dir() else []
    for n in range(SNAPSHOTS):
        day = first + timedelta(days=n)
        if real:
            source = real[n % len(real)]
            prefix = "deepstate_raw_" if "raw" in source.name else "deepstatemap_data_"
            # trailing blanks: still the same GeoJSON, but a file of its own
            body = source.read_bytes() + b" " * (n + 1)
        else:
            prefix, body = "deepstatemap_data_", _synthetic_snapshot(n)
        (folder / f"{prefix}{day:%Y%m%d}.geojson").write_bytes(body)
    if real:
        return "copies of ../shared/data/control-maps"
    return "../shared/data/control-maps absent: synthetic polygons"


def _synthetic_snapshot(day: int) -> bytes:
    """A union of occupied land south of a wiggling front of 2,000 vertices."""
    west, east = 32.0, 39.5
    edge = []
    for i in range(2000):
        lon = west + (east - west) * i / 1999
        lat = 47.6 + 0.3 * math.sin(lon * 3.1) + 0.04 * math.sin(lon * 40 + day)
        edge.append([round(lon, 5), round(lat + 0.002 * day, 5)])
    ring = [[west, 44.5], *edge, [east, 44.5], [west, 44.5]]
    feature = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "MultiPolygon", "coordinates": [[ring]]},
    }
    return json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()


def snapshot_check() -> None:
    with tempfile.TemporaryDirectory(prefix="foglift-maps-") as tmp:
        folder = Path(tmp)
        label = _snapshot_folder(folder)
        article = folder / "article.txt"
        article.write_text(
            "Russian forces captured Pokrovsk, the Defence Ministry said.\n",
            encoding="utf-8",
        )
        command = [
            *FOGLIFT, "check", str(article), "--published", "2025-11-12",
            "--control-maps", str(folder),
        ]  # fmt: skip
        _, first = _median_run(command, 1)
        wall, cpu = _median_run(command, 5)
    print(
        f"check + {SNAPSHOTS} snapshots   median {cpu:5.2f} s CPU, {wall:.2f} s wall "
        f"once read (first check {first:.2f} s CPU; {label})  target < 1"
    )


def _write_posts_jsonl(path: Path, count: int) -> str:
    """``count`` posts: the real ones over and over (each with its own id
    and a numbered last line), or generated ones."""
    label, _ = _posts(0)
    with path.open("w", encoding="utf-8") as out:
        if POSTS.exists():
            real = POSTS.read_text(encoding="utf-8").splitlines()
            for n in range(count):
                post = json.loads(real[n % len(real)])
                post["id"] = f"{post['id']}-{n}"
                post["text"] += f"\n\n#{n}"
                out.write(json.dumps(post, ensure_ascii=False) + "\n")
        else:
            from realistic_posts import posts

            for post in posts(count):
                out.write(json.dumps(post, ensure_ascii=False) + "\n")
    return label


def _ingest_child(posts: str, db: str) -> None:
    from foglift.ingest.sources import ReadOptions
    from foglift.runs.ingest import ingest_paths
    from foglift.store import open_store

    store = open_store(db)
    start = time.process_time()
    mapping = {"text": "text", "published": "published", "id": "id"}
    summary = ingest_paths(store, [posts], ReadOptions(mapping=mapping))
    spent = time.process_time() - start
    store.close()
    print(json.dumps({"cpu": spent, **summary.counts()}))


def ingest_memory(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="foglift-ingest-") as tmp:
        for count in sizes:
            posts = Path(tmp) / f"posts-{count}.jsonl"
            label = _write_posts_jsonl(posts, count)
            db = Path(tmp) / f"store-{count}.db"
            command = [sys.executable, __file__, "--ingest-child", str(posts), str(db)]
            process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
            _pid, status, usage = os.wait4(process.pid, 0)
            output = process.stdout.read() if process.stdout else ""
            if status != 0:
                raise SystemExit(f"ingest of {count} posts failed")
            result = json.loads(output.strip().splitlines()[-1])
            print(
                f"ingest {count:>7,} posts   peak {usage.ru_maxrss / 1024:5.0f} MB RSS"
                f"  {count / result['cpu']:6.1f} posts per CPU-second "
                f"({label}, {result['claims']} claims)  target <= 300 MB, flat"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--posts",
        type=int,
        default=5000,
        help="posts to check (slices of a fifth each; the first thousand of the "
        "file are its longest, so fewer posts weigh them more)",
    )
    parser.add_argument("--report-runs", type=int, default=2)
    parser.add_argument(
        "--ingest",
        default="1000,4000",
        help="corpus sizes for the memory test, comma-separated ('' skips it)",
    )
    parser.add_argument("--without-loss-reports", action="store_true")
    parser.add_argument(
        "--only", choices=["posts", "reports", "help", "maps", "ingest"]
    )
    args = parser.parse_args()
    if args.without_loss_reports:
        _without_loss_reports()
        print("(loss-report line scan left out)")
    steps = {
        "help": help_time,
        "maps": snapshot_check,
        "posts": lambda: posts_per_cpu_second(args.posts),
        "reports": lambda: long_reports(args.report_runs),
        "ingest": lambda: ingest_memory(
            [int(n) for n in args.ingest.split(",") if n.strip()]
        ),
    }
    for name, step in steps.items():
        if args.only in (None, name):
            step()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--ingest-child":
        _ingest_child(sys.argv[2], sys.argv[3])
    else:
        sys.path.insert(0, str(Path(__file__).parent))
        main()
