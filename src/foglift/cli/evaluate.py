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

from foglift.cli.options import add_format_option
from foglift.errors import MissingInput


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Example: foglift eval geoparse TR-News.xml --gold-spans"
    sub = parser.add_subparsers(
        dest="eval_command", metavar="SUBCOMMAND", required=True
    )
    geo = sub.add_parser(
        "geoparse",
        help="toponym resolution on an LGL/TR-News or GeoVirus XML corpus, "
        "or on the gold places of a claims JSONL file",
        epilog="Examples: foglift eval geoparse GeoVirus.xml --gold-spans "
        "--format json; foglift eval geoparse claims-dev/uk.jsonl --errors 20",
    )
    geo.add_argument(
        "corpus",
        help="the corpus XML file, or a claims JSONL file (its gold places: share "
        "within 10 km, by qualifier / anchor / none)",
    )
    geo.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="(claims JSONL) list up to N places resolved more than 10 km off",
    )
    geo.add_argument(
        "--control-maps",
        metavar="DIR",
        help="(claims JSONL) control-map snapshots, as for foglift check: the "
        "places of ground claims are looked for by the front line on the item's day",
    )
    geo.add_argument(
        "--gold-spans",
        action="store_true",
        help="resolve the annotated spans (else detect mentions first)",
    )
    add_format_option(geo)
    claims = sub.add_parser(
        "claims",
        help="claim extraction on gold claims (JSONL, one item a line)",
        epilog="Example: foglift eval claims en.jsonl ru.jsonl uk.jsonl --errors 20",
    )
    claims.add_argument("gold", nargs="+", help="gold JSONL files")
    add_format_option(claims)
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
    claims.add_argument(
        "--control-maps",
        metavar="DIR",
        help="control-map snapshots, as for foglift check: the front line on an "
        "item's day is evidence for the namesakes of its places",
    )


def run(args: argparse.Namespace) -> int:
    if args.eval_command == "claims":
        return _run_claims(args)
    from foglift.geoparse.evaluate import evaluate

    corpus = Path(args.corpus)
    if not corpus.is_file():
        raise MissingInput(f"no such corpus: {corpus}", hint="check the path")
    if corpus.suffix == ".jsonl":
        return _run_claim_places(corpus, args)
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
    print(f"acc@161     {score.overall}  (bootstrap 95% interval over articles)")
    for half, share in sorted(score.halves.items()):
        print(f"  half {half}    {share}")
    for level, share in sorted(score.levels.items()):
        print(f"  {level:<9} {share}")
    if score.detection is not None:
        print(f"detection   precision {score.detection}")
    print(f"mean km     {score.mean_km:.1f}")
    print(f"median km   {score.median_km:.1f}")
    print(f"AUC         {score.auc:.3f}")
    return 0


def _run_claim_places(path: Path, args: argparse.Namespace) -> int:
    from foglift.geoparse.evaluate import POINT_KM, evaluate_claim_places

    maps = None
    if args.control_maps:
        from foglift.verify import read_control_maps

        maps = read_control_maps(args.control_maps)
    score = evaluate_claim_places(path, maps)
    table = score.table()
    misses = sorted(
        (o for o in score.outcomes if o.km > POINT_KM),
        key=lambda o: (o.gold.item, o.gold.start),
    )
    if args.format == "json":
        payload = {
            "corpus": path.name,
            "within_km": POINT_KM,
            "rows": {k: v.as_dict() for k, v in table.items()},
            "misses": [
                {
                    "item": o.gold.item,
                    "name": o.gold.name,
                    "cue": o.gold.cue,
                    "km": round(o.km, 1),
                    "resolved": o.resolved_as,
                }
                for o in misses[: args.errors]
            ],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        return 0
    print(f"corpus      {path.name} (gold places of claims, within {POINT_KM:g} km)")
    for row, share in table.items():
        print(f"  {row:<20} {share}")
    for o in misses[: args.errors]:
        print(
            f"  {o.gold.item:<9} {o.gold.name!r:28} {o.gold.cue:<9} "
            f"{o.km:8.1f} km  {o.resolved_as}"
        )
    return 0


_SCORES = ("recall", "precision")  # over all claims; the rest over matched pairs
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
    evidence = None
    if args.control_maps:
        from foglift.pipeline import Evidence

        evidence = Evidence.load(control_maps=args.control_maps)
    result = evaluate(
        paths, lang=args.lang, sources_file=args.sources, evidence=evidence
    )
    if args.format == "json":
        out = result.as_dict()
        if args.errors:
            out["errors"] = _errors_by_kind(result.errors, args.errors)
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return 0
    langs = sorted(result.by_lang)
    rows = ["recall", "precision", *FIELDS]
    print(f"items {result.items}; failed {len(result.failed)}")
    print(f"{'':<14}" + "".join(f"{lang:>16}" for lang in langs) + "   macro  target")
    macro = result.macro()
    tallies = [result.by_lang[lang] for lang in langs]
    counts = "".join(f"{f'{t.matched}/{t.gold} of {t.predicted}':>16}" for t in tallies)
    print(f"{'matched/gold':<14}{counts}")
    for row in rows:
        row_cells = "".join(f"{_cell(t, row):>16}" for t in tallies)
        target = _TARGETS.get(row)
        mark = ""
        values = [v for t in tallies if (v := t.value(row)) is not None]
        if target is not None and values:
            mark = f"  >={target:.0%} {'met' if min(values) >= target else 'NOT met'}"
        print(f"{row:<14}{row_cells}{_pct(macro[row]):>8}{mark}")
    print("place_point by cue beside the place (qualifier / anchor / none):")
    for lang in langs:
        cues = result.place_cues.get(lang, {})
        cells = []
        for cue in ("qualifier", "anchor", "none"):
            hits, scored = cues.get(cue, [0, 0])
            share = hits / scored if scored else None
            cells.append(f"{cue} {_pct(share)} n={scored}")
        print(f"  {lang:<4} " + "; ".join(cells))
    print("halves by id parity (recall / precision / claimant / type / action):")
    for (lang, half), tally in sorted(result.by_half.items()):
        shares = " / ".join(
            _pct(tally.value(name))
            for name in ("recall", "precision", "claimant", "type", "action")
        )
        print(f"  {lang}-{half:<5} {shares}")
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


def _cell(tally: Any, row: str) -> str:
    """A share, with the number of pairs it is over where that is not all."""
    count = "" if row in _SCORES else f" n={tally.scored[row]}"
    return _pct(tally.value(row)) + count


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
