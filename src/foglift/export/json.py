"""A Document as JSON under the versioned ``foglift.check/1`` schema."""

from __future__ import annotations

import json

from foglift.model import Document
from foglift.records import document_to_dict

__all__ = ["document_to_dict", "document_to_json"]


def document_to_json(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent)
