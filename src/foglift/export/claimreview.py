"""Claims as schema.org ClaimReview JSON-LD.

``reviewRating`` comes from foglift's verdict on the claim; until one exists
it is "Unverified", with an explanation saying so. foglift never calls a
claim true or false without evidence.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from foglift.export.records import claimant_of

ORGANISATION_KINDS = {"official", "media"}
UNVERIFIED = {
    "@type": "Rating",
    "alternateName": "Unverified",
    "ratingExplanation": (
        "No verdict yet: foglift has not checked this claim against control "
        "maps, reference data or independent sources."
    ),
}


# JSON-LD goes into a page's <script> element: these characters as \u escapes
# keep "</script>", "<!--" and "&" in a post from ending or changing it.
_EMBED = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                        "\u2028": "\\u2028", "\u2029": "\\u2029"})  # fmt: skip


def embeddable(serialised: str) -> str:
    """JSON text safe inside an HTML <script> element; the same JSON value."""
    return serialised.translate(_EMBED)


def web_url(value: object) -> str | None:
    """A URL only when it is http(s): a javascript: or data: link is dropped."""
    if not isinstance(value, str):
        return None
    scheme = value.strip().split(":", 1)[0].casefold()
    return value.strip() if scheme in ("http", "https") and ":" in value else None


def claim_review(record: dict[str, Any], reviewed_on: date) -> dict[str, Any]:
    claimant = claimant_of(record)
    document = record.get("document") or {}
    author_type = (
        "Organization" if claimant.get("kind") in ORGANISATION_KINDS else "Person"
    )
    name = claimant.get("name") or "unnamed source"
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    for key, value in (
        ("url", web_url(document.get("url"))),
        ("headline", document.get("title")),
        ("datePublished", document.get("published")),
        ("identifier", document.get("id")),
    ):
        if value:
            appearance[key] = value
    if document.get("source"):
        appearance["publisher"] = {
            "@type": "Organization",
            "name": document["source"],
        }
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": {"@type": author_type, "name": name},
        "appearance": [appearance],
        "firstAppearance": appearance,
    }
    if document.get("published"):
        item["datePublished"] = document["published"]
    verdict = record.get("verdict")
    rating = (
        {
            "@type": "Rating",
            "alternateName": str(verdict.get("label")),
            "ratingExplanation": str(verdict.get("explanation", "")),
        }
        if isinstance(verdict, dict) and verdict.get("label")
        else dict(UNVERIFIED)
    )
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": record["id"],
        "claimReviewed": record["text"],
        "datePublished": reviewed_on.isoformat(),
        "author": {"@type": "Organization", "name": "foglift"},
        "itemReviewed": item,
        "reviewRating": rating,
    }


def write_claimreview(
    records: Iterable[dict[str, Any]], out: TextIO, reviewed_on: date | None = None
) -> int:
    """A JSON array of ClaimReview objects, streamed; returns the count."""
    day = reviewed_on or date.today()
    n = 0
    out.write("[")
    for record in records:
        out.write(",\n" if n else "\n")
        review = claim_review(record, day)
        out.write(
            embeddable(json.dumps(review, ensure_ascii=False, sort_keys=True, indent=2))
        )
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n
