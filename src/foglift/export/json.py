"""A Document as JSON under the versioned ``foglift.check/1`` schema."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from foglift.model import SCHEMA, Document


def _default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def document_to_dict(doc: Document) -> dict[str, Any]:
    body = asdict(doc)
    body["sentences"] = [[s["start"], s["end"]] for s in body["sentences"]]
    for finding in body["findings"]:
        finding["evidence"] = dict(finding["evidence"])
    return {"schema": SCHEMA, **body}


def document_to_json(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(
        document_to_dict(doc), ensure_ascii=False, indent=indent, default=_default
    )
