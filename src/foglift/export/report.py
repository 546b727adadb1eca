"""The human-readable report: claims first, then findings.

Every string taken from the input is added as ``rich.text.Text``, never parsed
as markup, so hostile text cannot restyle or spoof the report.
"""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.text import Text

from foglift.export.records import printable
from foglift.model import Claim, Claimant, Document, Finding, Verdict

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _claimant(c: Claimant) -> Text:
    label = Text(c.name, style="bold")
    named = "named" if c.named else "unnamed"
    label.append(f"  ({c.kind}, side {c.side}, {named}", style="dim")
    if c.registry_id:
        label.append(f", registry {c.registry_id}", style="dim")
    label.append(")", style="dim")
    return label


def _field(name: str, value: Text | str) -> Text:
    line = Text(f"    {name:<10} ", style="dim")
    line.append(value if isinstance(value, Text) else Text(value))
    return line


def _claim_lines(doc: Document, claim: Claim) -> list[Text]:
    head = Text(f"[{claim.id}] ", style="bold")
    head.append(f"{claim.claim_type}: {claim.action}", style="bold green")
    head.append(f'  stated as "{claim.action_as_stated}"', style="green")
    lines = [head]
    quote = Text("    ")
    quote.append(doc.text[claim.start : claim.action_start], style="italic")
    quote.append(
        doc.text[claim.action_start : claim.action_end], style="italic underline"
    )
    quote.append(doc.text[claim.action_end : claim.end], style="italic")
    lines.append(quote)
    lines.append(_field("claimant", _claimant(claim.claimant)))
    lines.append(_field("stance", f"{claim.stance}; the text's voice: {claim.voice}"))
    if claim.quantity:
        q = claim.quantity
        amount = f"{q.value:g}" if q.value is not None else f"{q.low:g}-{q.high:g}"
        extra = f" ({q.qualifier})" if q.qualifier else ""
        lines.append(_field("quantity", f'{amount} {q.unit}{extra}  "{q.as_stated}"'))
    if claim.time:
        t = claim.time
        window = (
            f"{t.first_day} to {t.last_day}"
            if t.first_day != t.last_day
            else f"{t.first_day}"
        )
        how = (
            f", anchored on {t.anchor} ({t.anchor_from})"
            if t.kind == "duration"
            else ""
        )
        note = f"; {t.note}" if t.note else ""
        lines.append(_field("when", f'{window}  "{t.as_stated}"{how}{note}'))
    for p in claim.places:
        where = Text(p.name, style="bold")
        if p.resolved and p.resolved.precision == "vicinity":
            r = p.resolved
            where.append(
                f"  -> not in the gazetteer; {r.name}, {r.admin1 or '?'}, "
                f"{r.country} ({r.lat:.4f}, {r.lon:.4f}; vicinity, "
                f"confidence {r.confidence:.2f})",
                style="dim",
            )
        elif p.resolved:
            r = p.resolved
            where.append(
                f"  -> {r.name}, {r.admin1 or '?'}, {r.country} "
                f"({r.lat:.4f}, {r.lon:.4f}; {r.precision}, "
                f"confidence {r.confidence:.2f})"
            )
        else:
            where.append("  (not resolved)", style="dim")
        lines.append(_field("where", where))
    for reaction_of in claim.reactions:
        reaction = Text(f"{reaction_of.relation}: ", style="magenta")
        reaction.append(_claimant(reaction_of.claimant))
        reaction.append(f'  "{reaction_of.cue}"')
        lines.append(_field("reaction", reaction))
    if claim.hedges:
        lines.append(_field("hedges", ", ".join(claim.hedges)))
    return lines


def _finding_line(doc: Document, f: Finding) -> Text:
    line = Text(f"  {f.severity:<7} ", style=_SEVERITY_STYLE[f.severity])
    line.append(f"{f.code:<20} ", style="bold")
    if f.claim_id:
        line.append(f"[{f.claim_id}] ", style="bold")
    line.append(f.message)
    if f.start is not None and f.end is not None and f.end > f.start:
        snippet = doc.text[f.start : f.end].replace("\n", "\\n")
        line.append(f'  @{f.start}-{f.end} "{snippet[:80]}"', style="dim")
    return line


_VERDICT_STYLE = {
    "confirmed": "green",
    "consistent": "green",
    "within_reference": "green",
    "already_held": "yellow",
    "contested": "yellow",
    "not_confirmed": "yellow",
    "implausible_rate": "yellow",
    "contradicted": "bold red",
    "inconsistent": "bold red",
    "exceeds_reference": "bold red",
    "no_data": "dim",
}


def _verdict_lines(v: Verdict) -> list[Text]:
    head = Text(f"  [{v.claim_id}] ", style="bold")
    head.append(f"{v.check}: ")
    head.append(v.status, style=_VERDICT_STYLE.get(v.status, "bold"))
    if v.lag_days is not None:
        head.append(f"  lag {v.lag_days:+d} days")
    params = dict(v.parameters)
    if "map_source" in params:
        head.append(f"  (map {params['map_source']}, side {params['map_side']})")
    if v.place_id:
        head.append(f"  place {v.place_id}", style="dim")
    lines = [head]
    for step in v.steps:
        lines.append(Text(f"      {step}", style="dim"))
    if v.evidence:
        lines.append(
            Text(
                f"      evidence: {len(v.evidence)} file(s), first "
                f"{v.evidence[0].sha256[:12]} {v.evidence[0].path}",
                style="dim",
            )
        )
    return lines


def _safe(line: Text) -> Text:
    """The line with every control or format character from the input (an
    escape sequence in a file name, a direction override in a post) made
    visible; one character for one, so the styles stay where they were."""
    plain = line.plain
    safe = "\n".join(printable(piece) for piece in plain.split("\n"))
    if safe != plain:
        line.plain = safe
    return line


def render_report(
    doc: Document, file: IO[str] | None = None, color: bool | None = None
) -> None:
    console = Console(
        file=file, highlight=False, no_color=color is False, soft_wrap=False
    )
    title = Text("foglift check: ", style="bold")
    title.append(doc.source)
    published = doc.published.isoformat() if doc.published else "unknown"
    title.append(f"  (lang {doc.lang}, published {published})", style="dim")
    console.print(_safe(title))
    console.print(Text(f"\nClaims ({len(doc.claims)})", style="bold underline"))
    if not doc.claims:
        console.print(Text("  none found", style="dim"))
    for claim in doc.claims:
        for line in _claim_lines(doc, claim):
            console.print(_safe(line))
        console.print()
    console.print(Text(f"Findings ({len(doc.findings)})", style="bold underline"))
    for f in doc.findings:
        console.print(_safe(_finding_line(doc, f)))
    if "verify" in doc.stages:
        console.print(Text(f"\nVerdicts ({len(doc.verdicts)})", style="bold underline"))
        if not doc.verdicts:
            console.print(Text("  no claim could be checked", style="dim"))
        for v in doc.verdicts:
            for line in _verdict_lines(v):
                console.print(_safe(line))
    if doc.repairs:
        codes: dict[str, int] = {}
        for r in doc.repairs:
            codes[r.code] = codes.get(r.code, 0) + 1
        summary = ", ".join(f"{code} x{n}" for code, n in sorted(codes.items()))
        console.print(Text(f"\nRepairs: {summary}", style="dim"))
