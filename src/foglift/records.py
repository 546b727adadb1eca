"""One serialisation of the model: records to plain JSON values and back.

``check --format json`` (the ``foglift.check/1`` schema), the store's JSON
columns, the claim records the exports write and the claims verify and link
read back from the store all go through these functions, so a claim has one
shape wherever it is written. msgspec does the work: dates become ISO days,
tuples lists, nested records objects, and :func:`msgspec.convert` rebuilds
and type-checks them (a stance or claim type outside the model's literals is
an error, not a silent string). Three fields read better as objects than as
the pairs the model keeps them in: a finding's ``evidence`` and a verdict's
``parameters`` are JSON objects, and a document's ``sentences`` are
``[start, end]`` pairs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import msgspec

from foglift.model import (
    SCHEMA,
    Claim,
    Document,
    Finding,
    PlaceMention,
    Resolution,
    Verdict,
)

T = TypeVar("T")

# The fields of a claim record that are the claim itself (the rest say where it
# is stored: document, findings, verdicts, text, days).
CLAIM_FIELDS = tuple(Claim.__dataclass_fields__)


def plain(value: Any) -> Any:
    """Any model record (or tuple, date ...) as plain JSON values."""
    return _lists(msgspec.to_builtins(value))


def _lists(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


def convert(data: Any, cls: type[T]) -> T:
    """``data`` (plain JSON values) as a ``cls`` record; unknown keys ignored."""
    return msgspec.convert(data, cls)


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    out: dict[str, Any] = plain(claim)
    return out


def claim_from_dict(data: Mapping[str, Any]) -> Claim:
    """The claim in a claim record (or a check's claim object)."""
    return convert({k: data[k] for k in CLAIM_FIELDS if k in data}, Claim)


def place_to_dict(place: PlaceMention) -> dict[str, Any]:
    out: dict[str, Any] = plain(place)
    return out


def resolution_to_dict(resolution: Resolution) -> dict[str, Any]:
    out: dict[str, Any] = plain(resolution)
    return out


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    out: dict[str, Any] = plain(finding)
    out["evidence"] = dict(finding.evidence)
    return out


def _pairs(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    """``data`` with its object ``key`` as the model's (name, value) pairs."""
    return {**data, key: [list(kv) for kv in dict(data.get(key) or {}).items()]}


def finding_from_dict(data: Mapping[str, Any]) -> Finding:
    return convert(_pairs(data, "evidence"), Finding)


def verdict_to_dict(verdict: Verdict) -> dict[str, Any]:
    out: dict[str, Any] = plain(verdict)
    out["parameters"] = dict(verdict.parameters)
    return out


def verdict_from_dict(data: Mapping[str, Any]) -> Verdict:
    return convert(_pairs(data, "parameters"), Verdict)


def document_to_dict(doc: Document) -> dict[str, Any]:
    """A checked document under the ``foglift.check/1`` schema."""
    body: dict[str, Any] = plain(doc)
    body["sentences"] = [[s.start, s.end] for s in doc.sentences]
    body["findings"] = [finding_to_dict(f) for f in doc.findings]
    body["verdicts"] = [verdict_to_dict(v) for v in doc.verdicts]
    return {"schema": SCHEMA, **body}


def document_from_dict(data: Mapping[str, Any]) -> Document:
    """The document a ``foglift.check/1`` object was written from."""
    body = {k: v for k, v in data.items() if k != "schema"}
    body["sentences"] = [{"start": s, "end": e} for s, e in data.get("sentences", ())]
    body["findings"] = [_pairs(f, "evidence") for f in data.get("findings") or ()]
    body["verdicts"] = [_pairs(v, "parameters") for v in data.get("verdicts") or ()]
    return convert(body, Document)
