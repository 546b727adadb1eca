"""``foglift ingest``: pour files, folders, exports and feeds into the store."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

from foglift.errors import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders (read recursively): .txt .md .html .json (Telegram "
        "Desktop export) .jsonl .csv .xml/.rss/.atom; - for stdin",
    )
    parser.add_argument(
        "--db",
        help="store: SQLite file or postgresql+psycopg:// URL "
        "(default $FOGLIFT_DB, else foglift.db)",
    )
    parser.add_argument("--source", help="source name for these inputs")
    parser.add_argument("--lang", default="auto", choices=["auto", "en", "ru", "uk"])
    parser.add_argument(
        "--map",
        metavar="FIELD=COLUMN,...",
        help="JSONL/CSV column mapping, e.g. text=body,published=date,id=guid",
    )
    parser.add_argument(
        "--encoding", default="utf-8", help="encoding of text and CSV inputs"
    )
    parser.add_argument("--sources", metavar="FILE", help="extra source registry")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when anything was rejected"
    )
    parser.add_argument(
        "--format",
        default="text",
        choices=["text", "json"],
        help="summary as text (stderr) or JSON (stdout)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress bar or text summary"
    )


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from foglift.ingest.sources import ReadOptions
    from foglift.ingest.tables import parse_mapping
    from foglift.store import open_store
    from foglift.store.ingest import PipelineOptions, ingest_paths

    if "-" in args.paths and sys.stdin.isatty():
        raise UsageError(
            "reading from stdin, but nothing is piped in",
            hint="cat export.jsonl | foglift ingest -",
        )
    read_options = ReadOptions(
        source_name=args.source,
        mapping=parse_mapping(args.map),
        encoding=args.encoding,
    )
    store = open_store(args.db)
    console = Console(file=sys.stderr, highlight=False, soft_wrap=True)
    arguments = {
        "paths": list(args.paths),
        "source": args.source,
        "lang": args.lang,
        "map": args.map,
        "strict": args.strict,
    }
    try:
        if args.quiet:
            summary = ingest_paths(
                store,
                args.paths,
                read_options,
                PipelineOptions(args.lang, args.sources, args.source),
                arguments=arguments,
            )
        else:
            summary = _with_progress(store, args, read_options, arguments, console)
    except KeyboardInterrupt:
        # The open transaction is rolled back; everything committed stays, and
        # a rerun continues from there.
        print(
            "foglift ingest: interrupted; the store is consistent, run the same "
            "command again to finish",
            file=sys.stderr,
        )
        return 130
    finally:
        store.close()
    if args.format == "json":
        body: dict[str, Any] = {"run": summary.run_id, **summary.counts()}
        body["rejections"] = [
            {"source": r.source, "stage": r.stage, "code": r.code, "reason": r.reason}
            for r in summary.rejected
        ]
        body["skipped_reasons"] = dict(sorted(summary.skipped.items()))
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    elif not args.quiet:
        _print_summary(console, summary)
    return 1 if args.strict and summary.rejected else 0


def _with_progress(
    store: Any,
    args: argparse.Namespace,
    read_options: Any,
    arguments: dict[str, Any],
    console: Any,
) -> Any:
    from rich.progress import (
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from foglift.store.ingest import PipelineOptions, ingest_paths

    tally: Counter[str] = Counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/]"),
        TextColumn("{task.completed} items"),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=None, detail="")

        def advance(_read: Any, outcome: str) -> None:
            tally[outcome] += 1
            detail = ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))
            progress.update(task, advance=1, detail=detail)

        return ingest_paths(
            store,
            args.paths,
            read_options,
            PipelineOptions(args.lang, args.sources, args.source),
            arguments=arguments,
            on_item=advance,
        )


def _print_summary(console: Any, summary: Any) -> None:
    from rich.text import Text

    from foglift.export.records import printable

    counts = summary.counts()
    line = (
        f"read {counts['read']}, new {counts['new']}, "
        f"new versions {counts['new_versions']}, unchanged {counts['unchanged']}, "
        f"near-duplicates {counts['near_duplicates']}, claims {counts['claims']}, "
        f"rejected {counts['rejected']}, skipped {counts['skipped']}"
    )
    console.print(Text(f"foglift ingest: run {summary.run_id}: {line}"))
    if summary.extracted_later:
        console.print(
            Text(
                f"  extracted now (language newly supported): {summary.extracted_later}"
            )
        )
    for lang, n in sorted(summary.without_claims.items()):
        console.print(
            Text(f"  stored without claims (no extractor for {lang!r} yet): {n}")
        )
    for reason, n in summary.skipped.most_common(5):
        console.print(Text(f"  skipped {n}: {printable(reason, 120)}"))
    for rejected in summary.rejected[:20]:
        console.print(
            Text(
                f"  rejected {rejected.code} [{rejected.stage}] "
                f"{_tail(printable(rejected.source), 80)}: "
                f"{printable(rejected.reason, 200)}"
            )
        )
    if len(summary.rejected) > 20:
        console.print(
            Text(
                f"  ... and {len(summary.rejected) - 20} more: `foglift rejected` "
                "lists them all"
            )
        )


def _tail(text: str, limit: int) -> str:
    """The end of a long path, where its file name is."""
    return text if len(text) <= limit else "…" + text[-(limit - 1) :]
