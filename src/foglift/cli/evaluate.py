"""``foglift eval``: score a stage on a gold corpus.

Example::

    foglift eval geoparse ../shared/data/geoparse-dev/TR-News.xml --gold-spans
    foglift eval claims ../shared/data/claims-dev/*.jsonl --errors 20
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from foglift.errors import MissingInput


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Example: foglift eval geoparse TR-News.xml --gold-spans"
    sub = parser.add_subparsers(
        dest="eval_command", metavar="SUBCOMMAND", required=True
    )
    geo = sub.add_parser(
        "geoparse",
        help="toponym resolution on an LGL/TR-News or GeoVirus XML corpus",
        epilog="Example: foglift eval geoparse GeoVirus.xml --gold-spans --format json",
    )
    geo.add_argument("corpus", help="the corpus XML file")
    geo.add_argument(
        "--gold-spans",
        action="store_true",
        help="resolve the annotated spans (else detect mentions first)",
    )
    geo.add_argument("--format", default="text", choices=["text", "json"])
    claims = sub.add_parser(
        "claims",
        help="claim extraction on gold claims (JSONL, one item a line)",
        epilog="Example: foglift eval claims en.jsonl ru.jsonl uk.jsonl --errors 20",
    )
    claims.add_argument("gold", nargs="+", help="gold JSONL files")
    claims.add_argument("--format", default="text", choices=["text", "json"])
    claims.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="list up to N errors of each kind (missed, spurious, each field)",
    )
    claims.add_argument(
        "--lang",
        default="auto",
        help="language of the texts (default: detected per paragraph)",
    )
    claims.add_argument(
        "--sources", metavar="FILE", help="extra source registry (TOML)"
    )


def run(args: argparse.Namespace) -> int:
    if args.eval_command == "claims":
        return _run_claims(args)
    from foglift.geoparse.evaluate import evaluate

    corpus = Path(args.corpus)
    if not corpus.is_file():
        raise MissingInput(f"no such corpus: {corpus}", hint="check the path")
    score = evaluate(corpus, gold_spans=args.gold_spans)
    result = {"corpus": corpus.name, "gold_spans": args.gold_spans, **score.as_dict()}
    if args.format == "json":
        sys.stdout.write(json.dumps(result) + "\n")
        return 0
    setting = "gold spans" if args.gold_spans else "end to end"
    print(f"corpus      {corpus.name} ({setting})")
    print(
        f"n           {score.n} (found {score.found} in the gazetteer, "
        f"{score.placed} placed near a named place)"
    )
    print(f"acc@161     {score.acc161:.1%}")
    print(f"mean km     {score.mean_km:.1f}")
    print(f"median km   {score.median_km:.1f}")
    print(f"AUC         {score.auc:.3f}")
    return 0


_TARGETS = {
    "recall": 0.85,
    "precision": 0.90,
    "claimant": 0.90,
    "stance": 0.95,
    "type": 0.85,
    "action": 0.85,
    "agent_side": 0.90,
    "quantity": 0.95,
    "date": 0.90,
    "place_point": 0.90,
}


def _run_claims(args: argparse.Namespace) -> int:
    from foglift.extract.evaluate import FIELDS, evaluate

    paths = [Path(p) for p in args.gold]
    for path in paths:
        if not path.is_file():
            raise MissingInput(f"no such gold file: {path}", hint="check the path")
    result = evaluate(paths, lang=args.lang, sources_file=args.sources)
    if args.format == "json":
        out = result.as_dict()
        if args.errors:
            out["errors"] = _errors_by_kind(result.errors, args.errors)
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return 0
    langs = sorted(result.by_lang)
    rows = ["recall", "precision", *FIELDS]
    print(f"items {result.items}; failed {len(result.failed)}")
    print(
        f"{'':<14}" + "".join(f"{lang:>14}" for lang in langs) + f"{'macro':>8}  target"
    )
    macro = result.macro()
    counts = "".join(
        f"{f'{t.matched}/{t.gold} of {t.predicted}':>16}"
        for t in (result.by_lang[lang] for lang in langs)
    )
    print(f"{'matched/gold':<14}{counts}")
    for row in rows:
        cells = []
        for lang in langs:
            tally = result.by_lang[lang]
            value = (
                getattr(tally, row)
                if row in ("recall", "precision")
                else tally.share(row)
            )
            n = "" if row in ("recall", "precision") else f" n={tally.scored[row]}"
            cells.append(f"{_pct(value) + n:>16}")
        target = _TARGETS.get(row)
        mark = ""
        if target is not None and macro[row] is not None:
            worst = min(
                v
                for lang in langs
                if (
                    v := (
                        getattr(result.by_lang[lang], row)
                        if row in ("recall", "precision")
                        else result.by_lang[lang].share(row)
                    )
                )
                is not None
            )
            mark = f"  >={target:.0%} {'met' if worst >= target else 'NOT met'}"
        print(f"{row:<14}" + "".join(cells) + f"{_pct(macro[row]):>8}{mark}")
    print("halves (recall / precision):")
    for (lang, half), tally in sorted(result.by_half.items()):
        print(f"  {lang}-{half:<5} {_pct(tally.recall)} / {_pct(tally.precision)}")
    for item, error in result.failed:
        print(f"failed {item}: {error}")
    if args.errors:
        for kind, errors in _errors_by_kind(result.errors, args.errors).items():
            print(f"\n== {kind}")
            for e in errors:
                print(
                    f"  {e['item']}: gold={e['gold']!s} | predicted={e['predicted']!s}"
                )
    return 0


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


_PER_ITEM = (
    2  # errors of one kind listed per item, so one long item does not fill a list
)


def _errors_by_kind(errors: list[Any], limit: int) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    shown: Counter[tuple[str, str]] = Counter()
    for e in errors:
        listed = out.setdefault(e.kind, [])
        if len(listed) < limit and shown[(e.kind, e.item)] < _PER_ITEM:
            shown[(e.kind, e.item)] += 1
            listed.append({"item": e.item, "gold": e.gold, "predicted": e.predicted})
    return out
