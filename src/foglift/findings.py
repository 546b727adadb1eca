"""Every finding code foglift writes: its stage, severity and what it means.

A finding is what an analyst would raise about a text or a claim (an unnamed
source, a place far from the front, a claim the map contradicts). Its code is
stable: exports and ``--code`` filters name it. The stages write the codes
listed here and no others, and ``docs/errors.md`` lists the same table (tests
keep the three in step).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FindingCode:
    code: str
    stage: str
    severity: str
    meaning: str


FINDING_CODES: dict[str, FindingCode] = {
    f.code: f
    for f in (
        FindingCode("text.repaired", "sourcing", "warning",
                    "the text shows machine damage that normalisation repaired"),
        FindingCode("source.unnamed", "sourcing", "warning",
                    "a source the text does not name (\"a military observer\")"),
        FindingCode("source.partisan", "sourcing", "warning",
                    "a claim confirmed only by a source of the claimant's side"),
        FindingCode("claim.disputed", "sourcing", "warning",
                    "another source in the text disputes or denies the claim"),
        FindingCode("claim.single_source", "sourcing", "info",
                    "no independent source in the text confirms the claim"),
        FindingCode("text.truncated", "geoparse", "warning",
                    "more place names than max_place_mentions: those after the "
                    "limit were not resolved"),
        FindingCode("place.unresolved", "geoparse", "warning",
                    "a place name not in the gazetteer, with suggestions"),
        FindingCode("place.renamed", "geoparse", "info",
                    "an old name of a renamed place, with the date of renaming"),
        FindingCode("place.outside_theatre", "geoparse", "warning",
                    "a settlement far beyond every place of the theatre the text "
                    "names, with the likely intended place"),
        FindingCode("place.ambiguous", "geoparse", "info",
                    "a name of places far apart that nothing in the text decides"),
        FindingCode("late_claim", "verify", "warning",
                    "the control map shows the place held before the claim"),
        FindingCode("map_contradicts", "verify", "warning",
                    "the claimant's own side's map never shows the place held"),
        FindingCode("map_contested", "verify", "info",
                    "the map shows the place partly held or in the grey zone"),
        FindingCode("map_place_ambiguous", "verify", "info",
                    "the place is too uncertain for the map to speak"),
        FindingCode("series_mismatch", "verify", "warning",
                    "a stated total differs from the claimant's own series"),
        FindingCode("exceeds_reference", "verify", "warning",
                    "a claimed count passes the place's reference total"),
        FindingCode("implausible_rate", "verify", "warning",
                    "an implausible share of the place's total for the time"),
    )
}  # fmt: skip
