"""``foglift media``: where has this photo or video been seen; files and
clusters of near-duplicates with their first-seen posts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from foglift.errors import MissingInput, UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from foglift.cli.options import add_store_argument

    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    find = sub.add_parser(
        "find",
        help="where a file, or a near-duplicate of it, has been seen",
        epilog="Example: foglift media find clip.mp4 --db corpus.db",
    )
    find.add_argument("file", metavar="IMAGE_OR_VIDEO")
    find.add_argument(
        "--max-distance",
        type=int,
        metavar="BITS",
        help="largest PDQ Hamming distance (of 256) to report (default: the "
        "media_pdq_distance setting, 31)",
    )
    find.add_argument(
        "--no-mirror",
        action="store_true",
        help="do not also look for mirror images and rotations of a still",
    )
    show = sub.add_parser(
        "show",
        help="a cluster (c12) or a file (SHA-256 prefix): metadata, hashes, posts",
        epilog="Example: foglift media show c3",
    )
    show.add_argument("ident", metavar="ID")
    clusters = sub.add_parser(
        "clusters",
        help="near-duplicate clusters seen in several posts, with the first post",
        epilog="Example: foglift media clusters --min-posts 3 --format json",
    )
    clusters.add_argument(
        "--min-posts", type=int, default=2, help="clusters seen in this many posts"
    )
    clusters.add_argument("--limit", type=int, default=100)
    for p in (find, show, clusters):
        add_store_argument(p)
        p.add_argument("--format", default="text", choices=["text", "json"])


def run(args: argparse.Namespace) -> int:
    from foglift.store import open_store

    if args.action is None:
        raise UsageError(
            "say what to do: find, show or clusters",
            hint="foglift media find clip.mp4 --db corpus.db",
        )
    if args.action == "find" and not Path(args.file).is_file():
        raise MissingInput(f"no such file: {args.file}")
    store = open_store(args.db, create=False)
    try:
        result = _query(store, args)
    finally:
        store.close()
    if args.format == "json":
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    _print(args.action, result)
    return 0


def _query(store: Any, args: argparse.Namespace) -> Any:
    from foglift.runs.media import find_media
    from foglift.store.media import list_clusters, show_media

    if args.action == "find":
        return find_media(
            store,
            Path(args.file),
            max_distance=args.max_distance,
            mirrored=not args.no_mirror,
        )
    if args.action == "show":
        return show_media(store, args.ident)
    return list_clusters(store, min_posts=args.min_posts, limit=args.limit)


def _print(action: str, result: Any) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)

    def say(text: str, style: str | None = None) -> None:
        from foglift.export.records import printable

        console.print(Text(printable(text), style=style or ""))

    if action == "clusters":
        if not result:
            say("no cluster seen in that many posts")
        for c in result:
            say(
                f"{c['cluster']}: {c['posts']} posts, {c['files']} files, "
                f"{c['sources']} sources, {c['claims']} claims; first seen "
                f"{c['first_seen_at'] or 'undated'} in {c['first_seen_source']} "
                f"({c['first_seen_post']}), last {c['last_seen_at'] or 'undated'}"
            )
        return
    if action == "find":
        q = result["query"]
        say(
            f"{q['kind']} {q['mime']} sha256 {q['sha256'][:16]}, "
            f"{q['frames']} hash(es)"
            + (", mirror images included" if q["mirrored"] else ""),
            "bold",
        )
        for note in q["notes"]:
            say(f"  note: {note}", "dim")
        idx = result["index"]
        say(
            f"  searched {idx['hashes']:,} hashes in "
            f"{idx['search_seconds'] * 1000:.1f} ms (loaded in "
            f"{idx['load_seconds']:.2f} s)",
            "dim",
        )
        if not result["matches"]:
            say("not seen in the store")
        for m in result["matches"]:
            how = (
                "the same file"
                if m["same_file"]
                else f"distance {m['distance']}, frames {m['frames_matched']}"
            )
            say(f"{m['id'][:16]} {m['kind']} {m['cluster']}: {how}")
        for cluster in result["clusters"]:
            _print_chain(say, cluster)
        return
    if "cluster" in result:
        cluster = result["cluster"]
        for m in cluster["media"]:
            say(
                f"  {m['id'][:16]} {m['kind']} {m['mime']} "
                f"{m['width']}x{m['height']}"
                + (f" {m['duration']:.1f} s" if m["duration"] else "")
                + f", metadata {m['metadata_status']}"
            )
        _print_chain(say, cluster)
        return
    m = result["media"]
    say(f"{m['id']} {m['kind']} {m['mime']}, {m['size']:,} bytes", "bold")
    say(
        f"  {m['width']}x{m['height']}"
        + (f", {m['duration']:.1f} s" if m["duration"] else "")
        + f", {len(m['frames'])} PDQ hash(es), pHash {m['phash'] or '-'}"
    )
    say(f"  metadata {m['metadata_status']}" + (f": {m['metadata_note']}"
        if m["metadata_note"] else ""))  # fmt: skip
    for key, value in m["metadata"]:
        say(f"    {key}: {value}", "dim")
    if m["created"]:
        say(f"  created {m['created']}")
    if m["gps"]:
        say(f"  GPS {m['gps'][0]:.5f}, {m['gps'][1]:.5f}")
    for note in m["notes"]:
        say(f"  note: {note}", "dim")
    _print_chain(say, m["cluster_record"])


def _print_chain(say: Any, cluster: dict[str, Any]) -> None:
    say(
        f"{cluster['id']}: {cluster['files']} file(s) in {cluster['posts']} post(s) "
        f"from {cluster['sources']} source(s)",
        "bold",
    )
    for i, s in enumerate(cluster["chain"]):
        label = "first seen" if i == 0 else "then"
        claims = f"; claims {', '.join(s['claims'])}" if s["claims"] else ""
        say(
            f"  {label} {s['posted_at'] or 'undated'} in {s['source']} "
            f"({s['post']}): {s['kind']} {s['media'][:12]}{claims}"
        )
