"""``foglift verify``: verdicts for every stored claim; the evidence options
it shares with ``foglift check ARTICLE --control-maps DIR`` (one article).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from foglift.errors import UsageError
from foglift.settings import SETTINGS

if TYPE_CHECKING:
    from foglift.pipeline import Evidence


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


def evidence_from_args(args: argparse.Namespace) -> Evidence:
    """The evidence the options name; map problems reported on stderr."""
    from foglift.pipeline import Evidence

    evidence = Evidence.load(
        control_maps=args.control_maps,
        maps_config=args.maps_config,
        series_db=args.series_db,
        reference=args.reference,
        window_days=args.window_days,
        buffer_m=args.buffer_m,
        late_days=args.late_days,
    )
    if evidence.maps is not None:
        from foglift.export.records import printable

        for problem in evidence.maps.problems:
            print(
                f"control maps: {problem.code}: {printable(problem.path)}: "
                f"{printable(problem.reason)}",
                file=sys.stderr,
            )
    return evidence


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from foglift.cli.claims import add_store_argument, day

    add_store_argument(parser)
    add_verify_arguments(parser)
    parser.add_argument("--since", type=day, help="claims about days from (YYYY-MM-DD)")
    parser.add_argument("--until", type=day, help="claims about days until")
    parser.add_argument("--format", default="text", choices=["text", "json"])


def run(args: argparse.Namespace) -> int:
    from foglift.runs.verify import verify_store
    from foglift.store import open_store
    from foglift.verify import MapSettings

    if not (args.control_maps or args.series_db or args.reference):
        raise UsageError(
            "no evidence to verify against",
            hint="foglift verify --control-maps maps/ (or --series-db, --reference)",
        )
    if args.since and args.until and args.since > args.until:
        raise UsageError("--since is after --until")
    store = open_store(args.db, create=False)
    try:
        evidence = evidence_from_args(args)
        maps, settings = evidence.maps, evidence.settings or MapSettings()
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
            series=evidence.series,
            reference=evidence.reference,
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
