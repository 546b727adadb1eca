"""Media provenance: near-duplicate recall per transform, false matches among
distinct pictures, hashing speed, and index query time at 100k and 1M hashes.

    python benchmarks/media.py                 # everything (a few minutes)
    python benchmarks/media.py --images 300 --distinct 1000 --sizes 100000,1000000

Pictures and clips are generated (tests/media/synth.py: Pillow drawings of
shapes, text and grain; PyAV-encoded clips with a cut every 3 seconds), so the
figures measure foglift's hashing and matching, not a photo collection.
Times are CPU seconds (time.process_time), as in the other benchmarks: the
machine is shared. Figures and how they were recorded: benchmarks/README.md
and docs/media.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.media.synth import TRANSFORMS, drawing, write_clip

from foglift.media.cluster import judge
from foglift.media.hashing import (
    hamming,
    pdq_dihedral,
    pdq_of,
    probe_file,
    rgb_for_hashing,
)
from foglift.media.index import HashIndex
from foglift.settings import default

THRESHOLD = int(default("media_pdq_distance"))
SHARE = float(default("media_video_match_share"))


def image_recall(n: int) -> None:
    import imagehash
    from PIL import Image

    print(f"\nrecall over {n} pictures at PDQ distance <= {THRESHOLD} (of 256)")
    header = ("transform", "PDQ", "PDQ+dihedral", "median d", "pHash<=10")
    print(f"{header[0]:<16}{header[1]:>8}{header[2]:>14}{header[3]:>10}{header[4]:>11}")
    found = {name: [0, 0, 0] for name in TRANSFORMS}
    distances: dict[str, list[int]] = {name: [] for name in TRANSFORMS}
    for seed in range(n):
        original = drawing(10_000 + seed)
        rgb = rgb_for_hashing(original)
        pdq = pdq_of(rgb)[0]
        variants = pdq_dihedral(rgb)
        phash = imagehash.phash(Image.fromarray(rgb))
        for name, transform in TRANSFORMS.items():
            changed = rgb_for_hashing(transform(original))
            other = pdq_of(changed)[0]
            d = hamming(pdq, other)
            distances[name].append(d)
            found[name][0] += d <= THRESHOLD
            found[name][1] += min(hamming(v, other) for v in variants) <= THRESHOLD
            found[name][2] += (phash - imagehash.phash(Image.fromarray(changed))) <= 10
    for name, (plain, dihedral, ph) in found.items():
        print(
            f"{name:<16}{plain / n:>8.3f}{dihedral / n:>14.3f}"
            f"{statistics.median(distances[name]):>10.0f}{ph / n:>11.3f}"
        )


def false_matches(n: int) -> None:
    hashes = [pdq_of(rgb_for_hashing(drawing(50_000 + s)))[0] for s in range(n)]
    index = HashIndex()
    index.add(hashes, range(n))
    pairs = n * (n - 1) // 2
    close = [h for h in index.search(hashes, THRESHOLD) if h.query < h.row]
    nearest = sorted(
        min(hamming(a, b) for j, b in enumerate(hashes) if j != i)
        for i, a in enumerate(hashes[:200])
    )
    print(
        f"\nfalse matches among {n} distinct pictures: {len(close)} of {pairs:,} "
        f"pairs at distance <= {THRESHOLD} ({len(close) / pairs * 10_000:.2f} "
        f"per 10,000); nearest distinct neighbour of 200: min {nearest[0]}, "
        f"median {statistics.median(nearest):.0f}"
    )


def video_recall(clips: int, folder: Path) -> None:
    rng = random.Random(5)
    matched = 0
    shares = []
    for seed in range(clips):
        original = probe_file(write_clip(folder / f"o{seed}.mp4", seed, 0, 24))
        start = rng.uniform(2, 12)
        cut = probe_file(
            write_clip(
                folder / f"t{seed}.mp4",
                seed,
                start,
                start + rng.uniform(6, 10),
                size=(240, 180),
            )
        )
        index = HashIndex()
        index.add(
            [f.pdq for f in original.frames], [f.position for f in original.frames]
        )
        pairs = [
            (cut.frames[h.query].position, 1, h.row, h.distance)
            for h in index.search([f.pdq for f in cut.frames], THRESHOLD)
        ]
        found = judge(pairs, len(cut.frames), {1: len(original.frames)}, SHARE)
        matched += bool(found)
        shares.append(found[0].share if found else 0.0)
    print(
        f"\ntrimmed clips (6-10 s cut at a random point of a 24 s clip, 320x240 -> "
        f"240x180, re-encoded): recall {matched / clips:.3f} over {clips}; median "
        f"share of frames matched {statistics.median(shares):.2f} (needed {SHARE})"
    )


def hashing_speed(folder: Path) -> None:
    paths = []
    for seed in range(60):
        path = folder / f"h{seed}.jpg"
        drawing(70_000 + seed, (1280, 960)).save(path, quality=88)
        paths.append(path)
    started = time.process_time()
    for path in paths:
        probe_file(path)
    per_image = (time.process_time() - started) / len(paths)
    clip = write_clip(folder / "speed.mp4", 99, 0, 60, fps=25, size=(640, 480))
    started = time.process_time()
    record = probe_file(clip)
    elapsed = time.process_time() - started
    print(
        f"\nhashing: {1 / per_image:.1f} images/s (1280x960 JPEG: decode, SHA-256, "
        f"EXIF, PDQ, pHash); video {(record.duration or 0) / elapsed:.1f} s of "
        f"video per s (640x480, 25 fps, {len(record.frames)} frames kept of 60 s)"
    )


def query_time(sizes: list[int], queries: int = 30) -> None:
    rng = np.random.default_rng(11)
    print("\nindex query (one hash; eight = a still and its dihedral variants)")
    for size in sizes:
        index = HashIndex(size)
        words = rng.integers(0, 2**64, size=(size, 4), dtype=np.uint64)
        index.add(words, range(size))
        planted = []
        for _ in range(queries):  # a near-duplicate of a stored row, d bits away
            row = int(rng.integers(size))
            value = int.from_bytes(words[row].astype(">u8").tobytes(), "big")
            bits = rng.choice(
                256, size=int(rng.integers(1, THRESHOLD + 1)), replace=False
            )
            for b in bits:
                value ^= 1 << int(b)
            planted.append((row, value.to_bytes(32, "big"), len(bits)))
        one, eight, recalled = [], [], 0
        for row, query, distance in planted:
            started = time.process_time()
            hits = index.search([query], THRESHOLD)
            one.append(time.process_time() - started)
            recalled += any(h.row == row and h.distance == distance for h in hits)
            started = time.process_time()
            index.search([query] * 8, THRESHOLD)
            eight.append(time.process_time() - started)
        print(
            f"  {size:>9,} hashes: median {statistics.median(one) * 1000:.1f} ms, "
            f"p90 {sorted(one)[int(0.9 * len(one))] * 1000:.1f} ms; eight hashes "
            f"{statistics.median(eight) * 1000:.1f} ms; planted found "
            f"{recalled}/{len(planted)}"
        )


def store_find(size: int, folder: Path) -> None:
    """`foglift media find` on a store holding ``size`` hashes: load + search."""
    from sqlalchemy import insert

    from foglift.runs.media import find_media
    from foglift.store import open_store
    from foglift.store.schema import media, media_hashes

    store = open_store(str(folder / "find.db"))
    rng = np.random.default_rng(2)
    per_file = 10
    files = size // per_file
    started = time.process_time()
    with store.engine.begin() as conn:
        conn.execute(
            insert(media),
            [
                {
                    "id": f"{n:064x}",
                    "kind": "video",
                    "mime": "video/mp4",
                    "size": 1,
                    "metadata": [],
                    "metadata_status": "absent",
                    "notes": [],
                    "cluster": n + 1,
                    "path": "generated",
                    "recorded_at": "2026-01-01T00:00:00+00:00",
                }
                for n in range(files)
            ],
        )
        for start in range(0, files, 10_000):
            conn.execute(
                insert(media_hashes),
                [
                    {
                        "media_seq": n + 1,
                        "position": p,
                        "pdq": rng.bytes(32),
                        "quality": 100,
                    }
                    for n in range(start, min(files, start + 10_000))
                    for p in range(per_file)
                ],
            )
    filled = time.process_time() - started
    probe = folder / "probe.jpg"
    drawing(11).save(probe, quality=90)  # PDQ quality 100: it is searched
    print(
        f"\nmedia find on a store of {size:,} hashes (SQLite, filled in "
        f"{filled:.0f} s); wall-clock seconds, as the command reports them:"
    )
    for label, mirrored in (
        ("first find (no index file yet)", True),
        ("again (index file beside the store)", True),
        ("again, --no-mirror", False),
    ):
        idx = find_media(store, probe, mirrored=mirrored)["index"]
        print(
            f"  {label}: loaded in {idx['load_seconds']:.2f} s, searched "
            f"{'8 hashes' if mirrored else '1 hash'} in "
            f"{idx['search_seconds'] * 1000:.1f} ms"
        )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--distinct", type=int, default=1000)
    parser.add_argument("--clips", type=int, default=20)
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--store-size", type=int, default=1_000_000)
    parser.add_argument(
        "--parts",
        default="recall,false,video,speed,query,store",
        help="which measurements, comma-separated",
    )
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "recall" in parts:
            image_recall(args.images)
        if "false" in parts:
            false_matches(args.distinct)
        if "video" in parts:
            video_recall(args.clips, folder)
        if "speed" in parts:
            hashing_speed(folder)
        if "query" in parts:
            query_time([int(s) for s in args.sizes.split(",")])
        if "store" in parts and args.store_size:
            store_find(args.store_size, folder)


if __name__ == "__main__":
    main()
