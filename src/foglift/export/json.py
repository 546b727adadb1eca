"""A Document as JSON under the versioned ``foglift.check/1`` schema."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from foglift.model import SCHEMA, Document


def _jsonable(value: Any) -> Any:
    """Dates as ISO strings, tuples as lists: plain JSON types all the way down."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def document_to_dict(doc: Document) -> dict[str, Any]:
    body = asdict(doc)
    body["sentences"] = [[s["start"], s["end"]] for s in body["sentences"]]
    for finding in body["findings"]:
        finding["evidence"] = dict(finding["evidence"])
    return {"schema": SCHEMA, **_jsonable(body)}


def document_to_json(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent)
