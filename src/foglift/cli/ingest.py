"""``foglift ingest``: pour files, folders, exports and feeds into the store."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from foglift.cli.claims import day
from foglift.errors import MissingInput, UsageError


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
    parser.add_argument(
        "--published",
        type=day,
        metavar="YYYY-MM-DD",
        help="date of texts that carry none (else a dateline in their first lines, "
        "else a date in the file name)",
    )
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
    from foglift.runs.ingest import ingest_paths
    from foglift.runs.process import PipelineOptions
    from foglift.store import open_store

    if "-" in args.paths and sys.stdin.isatty():
        raise UsageError(
            "reading from stdin, but nothing is piped in",
            hint="cat export.jsonl | foglift ingest -",
        )
    missing = [p for p in args.paths if p != "-" and not Path(p).exists()]
    if missing:  # before the store is opened: a typo creates nothing
        raise MissingInput(
            f"no such file or directory: {', '.join(missing)}",
            hint="check the path; nothing was written",
        )
    read_options = ReadOptions(
        source_name=args.source,
        mapping=parse_mapping(args.map),
        encoding=args.encoding,
        published=args.published,
    )
    store = open_store(args.db)
    console = Console(file=sys.stderr, highlight=False, soft_wrap=True)
    arguments = {
        "paths": list(args.paths),
        "source": args.source,
        "lang": args.lang,
        "map": args.map,
        "published": args.published.isoformat() if args.published else None,
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
        elif console.is_terminal:
            summary = _with_progress(store, args, read_options, arguments, console)
        else:
            summary = _with_progress_lines(store, args, read_options, arguments)
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

    from foglift.runs.ingest import ingest_paths
    from foglift.runs.process import PipelineOptions

    tally: Counter[str] = Counter()
    counter = _RunningCount()
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

        def checked(read: Any, result: Any) -> None:
            counter.add(read, result)
            stored = ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))
            detail = f"{counter.claims} claims, {counter.rejected} rejected"
            progress.update(
                task,
                advance=1,
                detail=f"{detail}; committed: {stored}" if stored else detail,
            )

        def committed(_read: Any, outcome: str) -> None:
            tally[outcome] += 1

        return ingest_paths(
            store,
            args.paths,
            read_options,
            PipelineOptions(args.lang, args.sources, args.source),
            arguments=arguments,
            on_item=committed,
            on_checked=checked,
        )


class _RunningCount:
    """Documents, claims and rejects as the pipeline finishes each item."""

    def __init__(self) -> None:
        self.items = 0
        self.claims = 0
        self.rejected = 0
        self.started = time.monotonic()

    def add(self, read: Any, result: Any) -> None:
        from foglift.model import Rejected

        self.items += 1
        if result is not None and result.extracted and result.document is not None:
            self.claims += len(result.document.claims)
        if isinstance(read, Rejected) or (
            result is not None and result.rejected is not None
        ):
            self.rejected += 1

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return (
            f"foglift ingest: {self.items:,} items, {self.claims:,} claims, "
            f"{self.rejected:,} rejected, {self.items / elapsed:,.1f} items/s"
        )


def _with_progress_lines(
    store: Any, args: argparse.Namespace, read_options: Any, arguments: dict[str, Any]
) -> Any:
    """Progress for a log or a pipe: one plain line every few seconds."""
    from foglift.runs.ingest import ingest_paths
    from foglift.runs.process import PipelineOptions
    from foglift.settings import default

    every = float(default("progress_every_seconds"))
    counter = _RunningCount()
    last = time.monotonic()

    def checked(read: Any, result: Any) -> None:
        nonlocal last
        counter.add(read, result)
        if time.monotonic() - last >= every:
            last = time.monotonic()
            print(counter.line(), file=sys.stderr, flush=True)

    return ingest_paths(
        store,
        args.paths,
        read_options,
        PipelineOptions(args.lang, args.sources, args.source),
        arguments=arguments,
        on_checked=checked,
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
