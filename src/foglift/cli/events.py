"""``foglift events`` and ``foglift event ID``: linked claims and who said it first."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from foglift.errors import InputError

STATUSES = ("single_source", "partisan_only", "independently_corroborated", "disputed")
FORMATS = ("table", "json", "jsonl", "csv", "geojson")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from foglift.cli.claims import add_arguments as claim_arguments

    # The same filters as `foglift claims`: an event shows when one of its
    # claims passes them.
    claim_arguments(parser)
    for action in parser._actions:
        if action.dest == "format":
            action.choices = FORMATS
    parser.add_argument("--status", action="append", choices=STATUSES)
    from foglift.store.verdicts import STATUS_ORDER

    parser.add_argument(
        "--verdict",
        action="append",
        choices=STATUS_ORDER,
        help="events whose verdict (their origin's, from `foglift verify`) is this",
    )


def _columns() -> list[tuple[str, Any, int]]:
    def sources(e: dict[str, Any]) -> str:
        return ", ".join(
            f"{m['relation']}: {(m['claimant'] or {}).get('name')}"
            for m in e["members"]
        )

    return [
        ("event", lambda e: e["id"], 8),
        ("days", lambda e: f"{e['first_day'] or ''}..{e['last_day'] or ''}", 22),
        ("action", lambda e: f"{e['claim_type']}: {e['action']}", 22),
        ("place", lambda e: e["place_name"] or e["unit"] or "", 22),
        ("status", lambda e: e["status"], 26),
        ("independent", lambda e: e["independent_origins"], 11),
        ("maps", lambda e: (e["verdict"] or {}).get("status") or "", 14),
        ("sources", sources, 70),
    ]


def _geojson(records: list[dict[str, Any]]) -> dict[str, Any]:
    features = [
        {
            "type": "Feature",
            "id": e["id"],
            "geometry": {"type": "Point", "coordinates": [e["lon"], e["lat"]]},
            "properties": {k: v for k, v in e.items() if k not in ("lat", "lon")},
        }
        for e in records
        if e["lat"] is not None and e["lon"] is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def run(args: argparse.Namespace) -> int:
    from foglift.cli.claims import filter_from_args
    from foglift.export.formats import write_rows
    from foglift.export.records import Opsec, apply_opsec
    from foglift.runs.link import event_records
    from foglift.store import open_store

    claim_filter = filter_from_args(args)
    store = open_store(args.db, create=False)
    try:
        records = list(event_records(store, claim_filter, tuple(args.status or ())))
    finally:
        store.close()
    if args.verdict:
        records = [
            r for r in records if (r["verdict"] or {}).get("status") in args.verdict
        ]
    records = list(apply_opsec(records, Opsec(args.coarsen_km, args.delay_days)))
    if args.limit is not None:
        records = records[: args.limit]
    if args.format == "geojson":
        import json

        json.dump(_geojson(records), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    write_rows(records, args.format, sys.stdout, _columns(), "Events")
    return 0


def add_event_arguments(parser: argparse.ArgumentParser) -> None:
    from foglift.cli.claims import add_store_argument

    parser.add_argument(
        "event_id", metavar="ID", help="an event id from `foglift events`"
    )
    add_store_argument(parser)
    parser.add_argument("--format", default="text", choices=["text", "json"])


def run_event(args: argparse.Namespace) -> int:
    from foglift.runs.link import get_event
    from foglift.store import open_store

    store = open_store(args.db, create=False)
    try:
        event = get_event(store, args.event_id)
    finally:
        store.close()
    if event is None:
        raise InputError(
            f"no event {args.event_id!r} in the store",
            hint="list them with `foglift events`; run `foglift link` after ingesting",
        )
    if args.format == "json":
        import json

        json.dump(event, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    render_tree(event)
    return 0


def render_tree(event: dict[str, Any]) -> None:
    """The event's sources as a tree: who said it first, who repeated whom."""
    from rich.console import Console
    from rich.text import Text
    from rich.tree import Tree

    from foglift.export.records import printable

    title = Text(f"{event['id']} ", style="bold")
    title.append(f"{event['claim_type']}: {event['action']} ")
    title.append(printable(event["place_name"] or event["unit"] or ""), style="bold")
    title.append(
        f"  {event['first_day'] or '?'}..{event['last_day'] or '?'}  "
        f"{event['status']}, {event['independent_origins']} independent origin(s)",
        style="dim",
    )
    verdict = event.get("verdict")
    if verdict:
        title.append(
            f"\n{printable(verdict['label'])}: {printable(verdict['explanation'])}"
        )
    tree = Tree(title)
    nodes: dict[str, Tree] = {}
    for member in event["members"]:
        label = Text(f"{member['relation']}: ", style="magenta")
        label.append(printable((member["claimant"] or {}).get("name")), style="bold")
        label.append(
            f"  [{printable(member['source'])}, {member['published'] or 'undated'}]"
        )
        label.append(f"  {printable(member['reason'])}", style="dim")
        if member.get("verdict"):
            label.append(f"  maps: {member['verdict']}", style="cyan")
        label.append(f"\n{printable(member['text'], 200)}", style="italic")
        parent = nodes.get(member["parent"] or "", tree)
        if member["relation"] in ("disputes", "denies"):
            parent = tree
        nodes[member["claim_id"]] = parent.add(label)
    Console(highlight=False).print(tree)
