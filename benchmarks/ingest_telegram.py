"""Ingest throughput and peak memory on generated Telegram Desktop exports.

Writes a ``result.json`` of N posts (default 10,000 and 100,000), ingests each
into a fresh SQLite store in its own process, and prints posts/s and that
process's peak resident memory, so the two sizes show whether memory grows
with the input. Run: `make bench-ingest` or
`python benchmarks/ingest_telegram.py 10000 100000`.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = [
    "Pokrovsk", "Kurakhove", "Toretsk", "Vuhledar", "Chasiv Yar", "Kupiansk",
    "Myrnohrad", "Siversk", "Lyman", "Huliaipole", "Orikhiv", "Kostiantynivka",
]  # fmt: skip
CLAIMANTS = [
    "the Russian Defense Ministry said",
    "Ukraine's General Staff reported",
    "a military blogger claimed",
    "the ministry said",
]
ACTIONS = [
    "its forces captured the village of {p}",
    "its troops liberated {p}",
    "forces destroyed {n} tanks near {p}",
    "units repelled {n} attacks near {p}",
    "Russian forces entered {p}",
]


def write_export(path: Path, posts: int, seed: int = 5) -> None:
    """A channel export written as it streams, with forwards and entity lists."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n "name": "Front Channel",\n "type": "public_channel",\n')
        out.write(' "id": 424242,\n "messages": [\n')
        previous: list[str] = []
        for n in range(1, posts + 1):
            place = rng.choice(PLACES)
            body = (
                f"On November {rng.randint(1, 28)}, {rng.choice(CLAIMANTS)} that "
                + rng.choice(ACTIONS).format(p=place, n=rng.randint(2, 40))
                + f". Report {n}, sector {rng.randint(1, 500)}."
            )
            if previous and rng.random() < 0.05:  # a forward with a line added
                body = "Forwarded, worth reading:\n" + rng.choice(previous)
            previous = [*previous, body][-50:]
            text: object = body + "\n\nSubscribe: @frontchannel"
            if n % 4 == 0:
                text = [body, {"type": "mention", "text": "\n\n@frontchannel"}]
            message = {
                "id": n,
                "type": "message",
                "date": f"2025-11-{1 + n % 28:02d}T{n % 24:02d}:00:00",
                "from": "Front Channel",
                "text": text,
            }
            if n % 9 == 0:
                message["photo"] = f"photos/photo_{n}.jpg"
            out.write(("," if n > 1 else "") + json.dumps(message) + "\n")
        out.write(" ]\n}\n")


def child(export: str, db: str) -> None:
    from foglift.runs.ingest import ingest_paths
    from foglift.store import open_store

    store = open_store(db)
    started = time.perf_counter()
    summary = ingest_paths(store, [export])
    elapsed = time.perf_counter() - started
    store.close()
    print(json.dumps({"seconds": elapsed, **summary.counts()}))


def measure(posts: int, folder: Path) -> dict[str, float]:
    export = folder / f"result-{posts}.json"
    write_export(export, posts)
    db = folder / f"store-{posts}.db"
    command = [sys.executable, __file__, "--child", str(export), str(db)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    _pid, status, usage = os.wait4(process.pid, 0)
    output = process.stdout.read() if process.stdout else ""
    if status != 0:
        raise SystemExit(f"ingest of {posts} posts failed")
    result = json.loads(output.strip().splitlines()[-1])
    return {
        "posts": posts,
        "bytes": export.stat().st_size,
        "seconds": result["seconds"],
        "new": result["new"],
        "near_duplicates": result["near_duplicates"],
        "claims": result["claims"],
        "peak_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "store_mb": db.stat().st_size / 1e6,
    }


def warm_up() -> None:
    """Build the gazetteer index (once per data version) outside the measurement."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from foglift.pipeline import check_text; "
            "check_text('Russian forces entered Pokrovsk.')",
        ],
        check=True,
    )


def main(sizes: list[int]) -> None:
    warm_up()
    with tempfile.TemporaryDirectory(prefix="foglift-bench-") as tmp:
        rows = [measure(n, Path(tmp)) for n in sizes]
    print("posts    export MB  posts/s  peak RSS MB  store MB  near-dups  claims")
    for r in rows:
        rate = r["posts"] / r["seconds"]
        print(
            f"{r['posts']:>7,}  {r['bytes'] / 1e6:9.1f}  {rate:7.0f}"
            f"  {r['peak_mb']:11.0f}  {r['store_mb']:8.1f}  {r['near_duplicates']:9,}"
            f"  {r['claims']:6,}"
        )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
