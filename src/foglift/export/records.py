"""Claim records as exports see them, and the operational-security options.

``--coarsen-km N`` snaps every coordinate to the centre of an N km grid cell;
``--delay-days N`` leaves out claims newer than N days (a claim's day is the
end of its time window, else its document's publication day, else the day it
was ingested). Both apply to every export format.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from foglift.model import VERDICT_FIELDS

KM_PER_DEGREE = 111.32


@dataclass(frozen=True, slots=True)
class Opsec:
    coarsen_km: float | None = None
    delay_days: int | None = None
    today: date | None = None  # for tests; None means the real today


def coarsen(lat: float, lon: float, km: float) -> tuple[float, float]:
    """The centre of the ``km`` grid cell holding (lat, lon)."""
    step_lat = km / KM_PER_DEGREE
    cell_lat = (math.floor(lat / step_lat) + 0.5) * step_lat
    cell_lat = max(-90.0, min(90.0, cell_lat))
    step_lon = km / (KM_PER_DEGREE * max(0.01, math.cos(math.radians(cell_lat))))
    cell_lon = (math.floor(lon / step_lon) + 0.5) * step_lon
    cell_lon = ((cell_lon + 180.0) % 360.0) - 180.0
    return round(cell_lat, 6), round(cell_lon, 6)


def claim_day(record: dict[str, Any]) -> str | None:
    document = record.get("document") or {}
    day = record.get("last_day") or document.get("published")
    if not day:
        ingested = document.get("ingested_at")
        day = ingested[:10] if ingested else None
    return str(day) if day else None


def apply_opsec(
    records: Iterable[dict[str, Any]], opsec: Opsec
) -> Iterator[dict[str, Any]]:
    """Records with coordinates coarsened and recent claims withheld."""
    cutoff = None
    if opsec.delay_days is not None:
        cutoff = (opsec.today or date.today()) - timedelta(days=opsec.delay_days)
    for record in records:
        if cutoff is not None:
            day = claim_day(record)
            if day is None or day > cutoff.isoformat():
                continue
        if opsec.coarsen_km:
            record = _coarsen_point(dict(record), opsec.coarsen_km)  # an event's
            if "places" in record:
                record["places"] = [
                    _coarsen_place(place, opsec.coarsen_km)
                    for place in record["places"]
                ]
            if "verdicts" in record:
                record["verdicts"] = [
                    _coarsen_verdict(v, opsec.coarsen_km)
                    for v in record.get("verdicts") or []
                ]
            if isinstance(record.get("verdict"), dict):
                summary = dict(record["verdict"])
                summary["explanation"] = _coarsen_text(
                    str(summary.get("explanation") or ""), opsec.coarsen_km
                )
                record["verdict"] = summary
        yield record


def _coarsen_point(item: dict[str, Any], km: float) -> dict[str, Any]:
    if item.get("lat") is not None and item.get("lon") is not None:
        item["lat"], item["lon"] = coarsen(item["lat"], item["lon"], km)
        item["coarsened_km"] = km
    return item


def _coarsen_place(place: dict[str, Any], km: float) -> dict[str, Any]:
    """A place mention with its point and its alternatives' points coarsened."""
    resolved = place.get("resolved")
    if not resolved:
        return dict(place)
    resolved = _coarsen_point(dict(resolved), km)
    resolved["alternatives"] = [
        _coarsen_point(dict(a), km) for a in resolved.get("alternatives") or []
    ]
    return {**place, "resolved": resolved}


# A verdict's steps name the point it tested ("at 47.98585, 37.28512").
_POINT = re.compile(r"(-?\d{1,2}\.\d+), (-?\d{1,3}\.\d+)")


def _coarsen_text(text: str, km: float) -> str:
    def snap(m: re.Match[str]) -> str:
        lat, lon = coarsen(float(m.group(1)), float(m.group(2)), km)
        return f"{lat}, {lon}"

    return _POINT.sub(snap, text)


def _coarsen_verdict(verdict: dict[str, Any], km: float) -> dict[str, Any]:
    """A verdict without the exact point: parameters and steps coarsened."""
    verdict = dict(verdict)
    params = dict(verdict.get("parameters") or {})
    if "lat" in params and "lon" in params:
        lat, lon = coarsen(float(params["lat"]), float(params["lon"]), km)
        params["lat"], params["lon"] = repr(lat), repr(lon)
        params["coarsened_km"] = f"{km:g}"
    verdict["parameters"] = params
    verdict["steps"] = [_coarsen_text(str(s), km) for s in verdict.get("steps") or []]
    return verdict


def claimant_of(record: dict[str, Any]) -> dict[str, Any]:
    claimant = record.get("claimant")
    return claimant if isinstance(claimant, dict) else {}


def flat_claim(record: dict[str, Any]) -> dict[str, Any]:
    """One claim record as a flat row: nested values as JSON text."""
    claimant = claimant_of(record)
    quantity = record.get("quantity") or {}
    time = record.get("time") or {}
    document = record.get("document") or {}
    verdict = record.get("verdict") or {}
    return {
        "id": record["id"],
        "document_id": record["document_id"],
        "claim_id": record["claim_id"],
        "claim_type": record["claim_type"],
        "action": record["action"],
        "action_as_stated": record["action_as_stated"],
        "action_start": record["action_start"],
        "action_end": record["action_end"],
        "text": record["text"],
        "start": record["start"],
        "end": record["end"],
        "claimant_name": claimant.get("name"),
        "claimant_kind": claimant.get("kind"),
        "claimant_named": claimant.get("named"),
        "claimant_side": claimant.get("side"),
        "claimant_registry_id": claimant.get("registry_id"),
        "stance": record["stance"],
        "voice": record["voice"],
        "quantity_value": quantity.get("value"),
        "quantity_low": quantity.get("low"),
        "quantity_high": quantity.get("high"),
        "quantity_unit": quantity.get("unit"),
        "quantity_as_stated": quantity.get("as_stated"),
        "first_day": record.get("first_day"),
        "last_day": record.get("last_day"),
        "time_as_stated": time.get("as_stated"),
        "hedges": _json(record.get("hedges") or []),
        "reactions": _json(record.get("reactions") or []),
        "place_names": "; ".join(p["name"] for p in record.get("places", [])),
        "places": _json(record.get("places") or []),
        "findings": _json(record.get("findings") or []),
        "verdict": verdict.get("status") or verdict.get("label") or "unverified",
        "verdict_label": verdict.get("label"),
        "verdict_lag_days": verdict.get("lag_days"),
        "verdicts": _json(record.get("verdicts") or []),
        "document_source": document.get("source"),
        "document_item": document.get("item"),
        "document_kind": document.get("kind"),
        "document_title": document.get("title"),
        "document_author": document.get("author"),
        "document_url": document.get("url"),
        "document_published": document.get("published"),
        "document_posted_at": document.get("posted_at"),
        "document_lang": document.get("lang"),
        "document_version": document.get("version"),
        "document_near_duplicate_of": document.get("near_duplicate_of"),
        "document_forwarded_from": document.get("forwarded_from"),
    }


# A verdict's columns are the store's verdict fields.
VERDICT_COLUMNS = VERDICT_FIELDS


def flat_verdicts(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One flat row per verdict of a claim record: the claim's columns, then
    the verdict's (steps, parameters and evidence as JSON, the evidence hashes
    also as a plain list)."""
    claim = flat_claim(record)
    claim.pop("verdicts", None)
    for verdict in record.get("verdicts") or []:
        row = dict(claim)
        for key in VERDICT_COLUMNS:
            value = verdict.get(key)
            row[f"verdict_{key}"] = (
                _json(value) if isinstance(value, list | dict) else value
            )
        row["verdict_evidence_sha256"] = " ".join(
            str(e.get("sha256")) for e in verdict.get("evidence") or []
        )
        yield row


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def printable(value: object, limit: int | None = None) -> str:
    """Text safe for a terminal: control and format characters (escape
    sequences, direction overrides) shown as U+FFFD, newlines as spaces."""
    text = "" if value is None else str(value)
    if text.isprintable():  # the common case, decided in C
        if limit is not None and len(text) > limit:
            return text[: limit - 1] + "…"
        return text
    out = []
    for ch in text:
        if ch in "\n\r\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co"):
            out.append("\ufffd")
        else:
            out.append(ch)
    result = "".join(out)
    if limit is not None and len(result) > limit:
        result = result[: limit - 1] + "…"
    return result
