"""Claimed counts against reference totals: "256 buildings captured in X".

A reference table is a CSV with columns ``place, kind, total, source``: how many
buildings (or settlements) a place has, and where that figure comes from. The
counts claimed for a place are summed in date order; a verdict flags the claim
that takes the sum past the reference total, and a claim whose count per day
is an implausible share of the total.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from foglift.errors import ReferenceTableError
from foglift.model import Claim, EvidenceFile, Verdict
from foglift.settings import default
from foglift.verify.maps import sha256_file

CHECK = "reference"
KINDS = frozenset({"building", "settlement"})


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    place: str
    kind: str
    total: float
    source: str


@dataclass(frozen=True, slots=True)
class ReferenceTable:
    path: str
    sha256: str
    rows: tuple[ReferenceRow, ...]

    def find(self, names: tuple[str, ...], kind: str) -> ReferenceRow | None:
        wanted = {n.casefold() for n in names if n}
        for row in self.rows:
            if row.kind == kind and row.place.casefold() in wanted:
                return row
        return None


def read_reference(path: str | Path) -> ReferenceTable:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceTableError(
            f"cannot read the reference table {path.name}: {exc}"
        ) from exc
    rows = []
    for i, record in enumerate(csv.DictReader(io.StringIO(text))):
        try:
            kind = record["kind"].strip().lower().removesuffix("s")
            rows.append(
                ReferenceRow(
                    place=record["place"].strip(),
                    kind=kind,
                    total=float(record["total"].replace(",", "")),
                    source=(record.get("source") or "").strip(),
                )
            )
        except (KeyError, AttributeError, ValueError) as exc:
            raise ReferenceTableError(
                f"{path.name}: row {i + 2} is not place, kind, total, source ({exc})",
                hint="header: place,kind,total,source; kind is building or settlement",
            ) from exc
    return ReferenceTable(str(path), sha256_file(path), tuple(rows))


def reference_verdicts(
    claims: tuple[Claim, ...],
    published: date | None,
    table: ReferenceTable,
    max_daily_share: float | None = None,
) -> list[Verdict]:
    """One verdict per counted capture claim with a place in the table."""
    share_max = float(max_daily_share or default("reference_max_daily_share"))
    evidence = (EvidenceFile(table.path, table.sha256, CHECK),)
    counted = [
        c
        for c in claims
        if c.quantity is not None
        and c.quantity.unit in KINDS
        and c.action == "captured"
        and c.stance == "asserts"
        and c.places
    ]

    def when(c: Claim) -> date:
        return (c.time.last_day if c.time else None) or published or date.min

    sums: dict[tuple[str, str], float] = {}
    verdicts = []
    for claim in sorted(counted, key=when):
        q = claim.quantity
        assert q is not None
        amount = q.value if q.value is not None else (q.high or q.low or 0.0)
        for place in claim.places:
            names: tuple[str, ...] = (place.name,)
            if place.resolved:
                names += (place.resolved.name, place.resolved.gazetteer_id)
                names += place.resolved.native_names
            row = table.find(names, q.unit)
            steps = [f"claim {claim.id}: {amount:g} {q.unit}(s) in {place.name!r}"]
            if row is None:
                verdicts.append(
                    Verdict(
                        claim.id,
                        CHECK,
                        "no_data",
                        (*steps, f"no_data: no {q.unit} total for this place"),
                        evidence=evidence,
                    )
                )
                continue
            key = (row.place, row.kind)
            sums[key] = sums.get(key, 0.0) + amount
            days = 1
            if claim.time and claim.time.first_day and claim.time.last_day:
                days = (claim.time.last_day - claim.time.first_day).days + 1
            share = amount / row.total / days if row.total else float("inf")
            steps += [
                f"reference: {row.total:g} {row.kind}s in {row.place} ({row.source})",
                f"claimed so far: {sums[key]:g} of {row.total:g}",
                f"this claim: {share:.1%} of the total per day over {days} day(s)",
            ]
            if sums[key] > row.total:
                status = "exceeds_reference"
                steps.append("exceeds_reference: the claimed sum passes the total")
            elif share > share_max:
                status = "implausible_rate"
                steps.append(f"implausible_rate: more than {share_max:.0%} per day")
            else:
                status = "within_reference"
                steps.append("within_reference")
            verdicts.append(
                Verdict(
                    claim.id,
                    CHECK,
                    status,
                    tuple(steps),
                    (
                        ("place", row.place),
                        ("kind", row.kind),
                        ("total", f"{row.total:g}"),
                        ("claimed_sum", f"{sums[key]:g}"),
                        ("max_daily_share", f"{share_max:g}"),
                    ),
                    evidence,
                    place_id=place.resolved.gazetteer_id if place.resolved else None,
                )
            )
    return verdicts
