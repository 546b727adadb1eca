"""Verification options shared by commands; ``foglift verify`` over a corpus
waits for the store to keep verdicts (it will live here).

``foglift check ARTICLE --control-maps DIR`` verifies one article's claims.
"""

from __future__ import annotations

import argparse

from foglift.model import Document
from foglift.settings import SETTINGS


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


def verify_from_args(doc: Document, args: argparse.Namespace) -> Document:
    """Run the verify stage when any evidence option was given."""
    if not (args.control_maps or args.series_db or args.reference):
        return doc
    from dataclasses import replace

    from foglift.verify import (
        JsonSeriesStore,
        MapSettings,
        read_control_maps,
        read_reference,
        verify,
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
        import sys

        for problem in maps.problems:
            print(
                f"control maps: {problem.code}: {problem.path}: {problem.reason}",
                file=sys.stderr,
            )
    return verify(
        doc,
        maps,
        settings,
        series=JsonSeriesStore(args.series_db) if args.series_db else None,
        reference=read_reference(args.reference) if args.reference else None,
    )
