"""``foglift serve``: the read-only dashboard over a store, on this machine."""

from __future__ import annotations

import argparse
import sys

from foglift.errors import UsageError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from foglift.cli.options import add_store_argument

    add_store_argument(parser)
    parser.add_argument(
        "--control-maps",
        metavar="DIR",
        help="folder of dated control-map GeoJSON snapshots drawn under the claims",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    parser.add_argument("--port", type=int, default=8000, help="default 8000")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from foglift.serve import create_app, open_read_only

    if not 0 <= args.port <= 65535:
        raise UsageError("--port must be in 0..65535")
    store = open_read_only(args.db)
    try:
        app = create_app(store, args.control_maps)
        if args.host not in LOOPBACK:
            print(
                f"foglift serve: listening on {args.host}: anyone who can reach "
                "this address can read the store",
                file=sys.stderr,
            )
        shown = f"[{args.host}]" if ":" in args.host else args.host
        print(f"foglift serve: http://{shown}:{args.port}/ (Ctrl-C stops)", flush=True)
        uvicorn.run(
            app, host=args.host, port=args.port, log_level="warning", access_log=False
        )
    finally:
        store.close()
    return 0
