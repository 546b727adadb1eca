"""Print every claim of whole real documents, one line each, for reading by hand.

The scores of `foglift eval claims` say how many claims match the gold; this
says what an analyst would see on whole documents: the seven full ISW
assessments of ../shared/data/long-reports/ and 300 war-related posts of
../shared/data/telegram-ru-2024/ (the first 300, in file order, that name
the armed forces, drones, air defence, shelling, strikes or the front). Each
line gives the claim's fields and the words of its sentence, so a bogus claim
(not a claim at all, inverted polarity, wrong claimant, wrong place) can be
counted by class.

Run: `python benchmarks/read_claims.py reports|posts [--limit N]`.
Skips with a reason when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from foglift.ingest.dates import find_date

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
_WAR = re.compile(
    r"\b(?:ВСУ|ВС РФ|Минобороны|беспилотник\w*|БПЛА|дрон\w*|ПВО|обстрел\w*|"
    r"ракет\w*|фронт\w*|освобо\w*|СВО|ВКС|штурм\w*|удар\w*)",
    re.IGNORECASE,
)


def documents(kind: str, limit: int) -> Iterator[tuple[str, str, date | None, str]]:
    """(name, text, published, publisher) of the documents to read."""
    if kind == "reports":
        for path in sorted((DATA / "long-reports").glob("isw-*"))[:limit]:
            day = find_date(path.stem)
            yield path.name, path.read_text("utf-8"), day, "ISW"
        return
    taken = 0
    with (DATA / "telegram-ru-2024" / "posts.jsonl").open(encoding="utf-8") as f:
        for line in f:
            post = json.loads(line)
            if not _WAR.search(post["text"]):
                continue
            published = date.fromisoformat(post["published"][:10])
            yield post["id"], post["text"], published, post["channel"]
            taken += 1
            if taken >= limit:
                return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=["reports", "posts"])
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    if not DATA.is_dir():
        print("skipped: reference data not available (../shared/data)")
        return 0
    from foglift.pipeline import check_text

    total = 0
    for name, text, published, publisher in documents(args.kind, args.limit):
        doc = check_text(text, source=name, published=published, publisher=publisher)
        for c in doc.claims:
            total += 1
            places = ", ".join(
                f"{p.name}->{p.resolved.name}/{p.resolved.admin1}"
                if p.resolved
                else p.name
                for p in c.places
            )
            amount = f" {c.quantity.as_stated!r}" if c.quantity else ""
            day = c.time.last_day if c.time else None
            sentence = " ".join(doc.text[c.start : c.end].split())[:300]
            print(
                f"{name} {c.id} | {c.claimant.name} ({c.claimant.kind}) {c.stance} "
                f"{c.claim_type}/{c.action} {c.action_as_stated!r}{amount} "
                f"@ {places} | agent={c.agent_side} day={day}\n    {sentence}"
            )
    print(f"claims: {total}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
