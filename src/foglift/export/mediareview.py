"""Footage a claim leans on as schema.org MediaReview JSON-LD, beside ClaimReview.

A review is written only where foglift has evidence: a ``media.recycled``
finding says the footage was first seen earlier or under a claim about
another place, which is MediaReview's "DecontextualizedContent" (original
footage in a new, misleading context). Footage without such a finding gets no
rating at all: foglift never calls media authentic for want of a match.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any, TextIO

from foglift.export.claimreview import embeddable

_OBJECT = {"image": "ImageObject", "animation": "ImageObject", "video": "VideoObject"}


def media_reviews(record: dict[str, Any], reviewed_on: date) -> list[dict[str, Any]]:
    """One MediaReview per file of the claim's post flagged media.recycled."""
    flagged: dict[str, list[dict[str, Any]]] = {}
    for finding in record.get("findings") or []:
        if finding.get("code") == "media.recycled":
            media_id = (finding.get("evidence") or {}).get("media")
            if media_id:
                flagged.setdefault(str(media_id), []).append(finding)
    document = record.get("document") or {}
    reviews = []
    for item in record.get("media") or []:
        found = flagged.get(str(item.get("media")))
        if not found:
            continue
        evidence = found[0].get("evidence") or {}
        appearance: dict[str, Any] = {
            "@type": _OBJECT.get(str(item.get("kind")), "MediaObject"),
            "sha256": item["media"],
        }
        if document.get("posted_at") or document.get("published"):
            appearance["uploadDate"] = (
                document.get("posted_at") or document["published"]
            )
        if document.get("source"):
            appearance["publisher"] = {
                "@type": "Organization",
                "name": document["source"],
            }
        original: dict[str, Any] = {
            "@type": _OBJECT.get(str(evidence.get("media_kind")), "MediaObject"),
            "sha256": evidence.get("first_seen_media"),
            "uploadDate": evidence.get("first_seen_at"),
            "publisher": {
                "@type": "Organization",
                "name": evidence.get("first_seen_source"),
            },
            "identifier": evidence.get("first_seen_post"),
        }
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "MediaReview",
                "identifier": f"{record['id']}/{item['media'][:16]}",
                "datePublished": reviewed_on.isoformat(),
                "author": {"@type": "Organization", "name": "foglift"},
                "mediaAuthenticityCategory": "DecontextualizedContent",
                "originalMediaContextDescription": "; ".join(
                    str(f.get("message")) for f in found
                ),
                "itemReviewed": {
                    "@type": "MediaReviewItem",
                    "mediaItemAppearance": [appearance],
                    "appearance": {
                        "@type": "Claim",
                        "identifier": record["id"],
                        "text": record.get("text"),
                    },
                },
                "isBasedOn": original,
            }
        )
    return reviews


def write_mediareview(
    records: Iterable[dict[str, Any]], out: TextIO, reviewed_on: date | None = None
) -> int:
    """A JSON array of MediaReview objects, streamed; returns the count."""
    day = reviewed_on or date.today()
    n = 0
    out.write("[")
    for record in records:
        for review in media_reviews(record, day):
            out.write(",\n" if n else "\n")
            out.write(
                embeddable(
                    json.dumps(review, ensure_ascii=False, sort_keys=True, indent=2)
                )
            )
            n += 1
    out.write("\n]\n" if n else "]\n")
    return n
