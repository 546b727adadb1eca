"""``foglift verify``: verdicts for every stored claim; the evidence options
it shares with ``foglift check ARTICLE --control-maps DIR`` (one article).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from foglift.cli.options import add_format_option
from foglift.errors import DateRangeError, NoEvidence
from foglift.model import Document
from foglift.settings import SETTINGS

if TYPE_CHECKING:
    from foglift.verify import ControlMaps, MapSettings, ReferenceTable, SeriesStore


def add_verify_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("verification")
    group.add_argument(
        "--control-maps",
        metavar="DIR",
        help="folder of dated control-map GeoJSON snapshots (DeepStateMap, ISW): "
        "territorial claims get verdicts",
    )
    group.add_argument(
        "--maps-config",
        metavar="FILE",
        help="map sources and layer names (TOML); default DIR/maps.toml if present",
    )
    group.add_argument(
        "--window-days",
        type=int,
        metavar="N",
        help="days after the claim date a change may appear on the map "
        f"(default {SETTINGS['control_map_days_after'].default})",
    )
    group.add_argument(
        "--buffer-m",
        type=float,
        metavar="M",
        help="metres around a settlement that count as the settlement "
        f"(default {SETTINGS['control_map_buffer_m'].default})",
    )
    group.add_argument(
        "--late-days",
        type=int,
        metavar="K",
        help="held this many days before the claim = a late claim "
        f"(default {SETTINGS['control_map_k_days'].default})",
    )
    group.add_argument(
        "--series-db",
        metavar="FILE",
        help="series store from 'foglift series import': stated totals are checked",
    )
    group.add_argument(
        "--reference",
        metavar="CSV",
        help="reference totals (place,kind,total,source): counted captures checked",
    )


def _evidence_from_args(
    args: argparse.Namespace,
) -> tuple[ControlMaps | None, MapSettings, SeriesStore | None, ReferenceTable | None]:
    """Maps (problems reported on stderr), thresholds, series and reference."""
    from dataclasses import replace

    from foglift.verify import (
        JsonSeriesStore,
        MapSettings,
        read_control_maps,
        read_reference,
    )

    settings = MapSettings()
    if args.window_days is not None:
        settings = replace(settings, days_after=args.window_days)
    if args.buffer_m is not None:
        settings = replace(settings, buffer_m=args.buffer_m)
    if args.late_days is not None:
        settings = replace(settings, k_days=args.late_days)
    maps = (
        read_control_maps(args.control_maps, args.maps_config)
        if args.control_maps
        else None
    )
    if maps is not None:
        from foglift.export.records import printable

        for problem in maps.problems:
            print(
                f"control maps: {problem.code}: {printable(problem.path)}: "
                f"{printable(problem.reason)}",
                file=sys.stderr,
            )
    series = JsonSeriesStore(args.series_db) if args.series_db else None
    reference = read_reference(args.reference) if args.reference else None
    return maps, settings, series, reference


def verify_from_args(doc: Document, args: argparse.Namespace) -> Document:
    """Run the verify stage when any evidence option was given."""
    if not (args.control_maps or args.series_db or args.reference):
        return doc
    from foglift.verify import verify

    maps, settings, series, reference = _evidence_from_args(args)
    return verify(doc, maps, settings, series=series, reference=reference)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from foglift.cli.options import add_store_argument, day

    add_store_argument(parser)
    add_verify_arguments(parser)
    parser.add_argument("--since", type=day, help="claims about days from (YYYY-MM-DD)")
    parser.add_argument("--until", type=day, help="claims about days until")
    add_format_option(parser)


def run(args: argparse.Namespace) -> int:
    from foglift.store import open_store
    from foglift.store.verify import verify_store

    if not (args.control_maps or args.series_db or args.reference):
        raise NoEvidence(
            "no evidence to verify against",
            hint="foglift verify --control-maps maps/ (or --series-db, --reference)",
        )
    if args.since and args.until and args.since > args.until:
        raise DateRangeError("--since is after --until")
    store = open_store(args.db, create=False)
    try:
        maps, settings, series, reference = _evidence_from_args(args)
        arguments: dict[str, Any] = {
            "control_maps": args.control_maps,
            "maps_config": args.maps_config,
            "series_db": args.series_db,
            "reference": args.reference,
            "since": args.since.isoformat() if args.since else None,
            "until": args.until.isoformat() if args.until else None,
            "settings": dict(settings.as_parameters()),
            "map_files": len(maps.files()) if maps is not None else 0,
        }
        summary = verify_store(
            store,
            maps,
            settings,
            series=series,
            reference=reference,
            since=args.since,
            until=args.until,
            arguments=arguments,
        )
    finally:
        store.close()
    counts = {"run_id": summary.run_id, **summary.counts()}
    if args.format == "json":
        sys.stdout.write(json.dumps(counts, sort_keys=True) + "\n")
        return 0
    print(
        f"verify run {summary.run_id}: {summary.claims} claims, "
        f"{summary.written} verdicts written ({summary.replaced} replaced)"
    )
    for key, n in sorted(summary.statuses.items()):
        print(f"  {key:<32} {n}")
    return 0
