"""Fuzzing every reader and the whole pipeline with generated hostile input:
no exception escapes, the output stays valid JSON, and every offset stays
inside the text it points into. A fixed seed and a bounded number of examples
here; `python benchmarks/adversarial.py --fuzz N` runs longer."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foglift.ingest.sources import ReadOptions, read_stream
from foglift.model import Item, Rejected, Skipped
from foglift.pipeline import check_text
from foglift.records import document_to_dict

# words of the grammar the extractor reads, mixed with what breaks parsers
WORDS = [
    "Russian",
    "forces",
    "captured",
    "near",
    "Kurakhove",
    "the",
    "Ministry",
    "said",
    "ВС",
    "РФ",
    "освободили",
    "под",
    "Покровском",
    "уничтожено",
    "танков",
    "ЗСУ",
    "відбили",
    "атак",
    "біля",
    "Часового",
    "Яру",
    "12",
    "1,200",
    "—",
    "«",
    "»",
    ".",
    ",",
    "\n",
    "\n\n",
    "<script>",
    "</p>",
    "&amp;",
    "\u202e",
    "\x1b[2J",
    "\x00",
    "\ud800",
    "\ufeff",
    "🇺🇦",
    "https://example.org/x",
    "@channel",
    "#tag",
]
TEXTS = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.text(max_size=300),
)
FUZZ = settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _offsets(value: Any, length: int) -> None:
    if isinstance(value, dict):
        start, end = value.get("start"), value.get("end")
        if isinstance(start, int) and isinstance(end, int):
            assert 0 <= start <= end <= length, value
        for item in value.values():
            _offsets(item, length)
    elif isinstance(value, list):
        for item in value:
            _offsets(item, length)


@FUZZ
@given(TEXTS)
def test_check_text_never_raises_and_keeps_offsets_inside(text: str) -> None:
    if not text.strip():
        return  # an empty text is refused with a usage message, tested elsewhere
    doc = check_text(text)
    record = document_to_dict(doc)
    json.loads(json.dumps(record, ensure_ascii=False))
    _offsets(record, len(doc.text))
    for claim in doc.claims:
        assert doc.text[claim.action_start : claim.action_end].strip()


def _wrapped(kind: str, payload: str) -> bytes:
    return _wrapped_text(kind, payload).encode("utf-8", "surrogatepass")


def _wrapped_text(kind: str, payload: str) -> str:
    if kind == "telegram":
        message = {"id": 1, "type": "message", "text": payload, "date": payload}
        return json.dumps({"name": payload, "id": 7, "messages": [message]})
    if kind == "jsonl":
        return json.dumps({"text": payload, "id": payload}) + "\n" + payload
    if kind == "csv":
        return "text,date\n" + json.dumps(payload) + "," + payload + "\n"
    if kind == "html":
        return f"<html><body><p {payload}>{payload}</p></body></html>"
    if kind == "feed":
        return f"<rss><channel><item><title>{payload}</title></item></channel></rss>"
    return payload


@FUZZ
@given(
    st.sampled_from(["text", "html", "telegram", "jsonl", "csv", "feed"]),
    st.one_of(TEXTS, st.binary(max_size=300).map(lambda b: b.decode("latin-1"))),
    st.booleans(),
)
def test_every_reader_yields_items_or_reasons(
    kind: str, payload: str, raw: bool
) -> None:
    data = payload.encode("utf-8", "surrogatepass") if raw else _wrapped(kind, payload)
    out = list(
        read_stream(io.BytesIO(data), "in", kind, "src", ReadOptions(), "src/in")
    )
    for read in out:
        assert isinstance(read, Item | Rejected | Skipped)
        if isinstance(read, Item):
            assert "\x00" not in read.text
            read.text.encode("utf-8")  # storable: no lone surrogates
        if isinstance(read, Rejected):
            assert read.reason and read.code.startswith("FL")
