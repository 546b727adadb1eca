"""What each page shows, as plain data: the HTML templates and ``/api/`` share it.

Every handler takes the app context and the request and returns a dict; it
never builds markup (the templates escape everything they print).
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from foglift.serve import queries
from foglift.serve.index import SIDES, VERDICT_GROUPS, cluster, group_of, mask
from foglift.serve.index import options as filter_options
from foglift.serve.index import timeline as day_counts
from foglift.store.query import ClaimFilter
from foglift.store.query import query_claims as _query_claims
from foglift.store.verdicts import LABELS, explanation

if TYPE_CHECKING:
    from starlette.requests import Request

    from foglift.serve.app import Context

LIST_SIZE = 20  # claims listed beside the map
MAX_MARKERS = 3000
PASSAGE_MARGIN = 600  # characters of context a field outside the sentence may add
DOCUMENT_SHOWN = 100_000  # characters of a document's text a page shows

VERDICT_LABELS = {
    "confirmed": "Confirmed",
    "contradicted": "Contradicted",
    "already_held": "Already held (late claim)",
    "not_confirmed": "Not confirmed",
    "unverified": "Unverified",
}


def _error(status: int, code: str, message: str) -> Exception:
    from foglift.serve.app import ApiError

    return ApiError(status, code, message)


# --- home: map, timeline, list ---------------------------------------------


def home(ctx: Context, request: Request) -> dict[str, Any]:
    return {"title": "Map and timeline", "maps": bool(ctx.snapshots.series)}


def filters(ctx: Context, request: Request) -> dict[str, Any]:
    index = ctx.index.get()
    dated = index.day[index.day >= 0]
    return {
        "claims": index.size,
        "first_day": date.fromordinal(int(dated.min())).isoformat()
        if len(dated)
        else None,
        "last_day": date.fromordinal(int(dated.max())).isoformat()
        if len(dated)
        else None,
        "options": filter_options(index),
        "verdicts": [{"value": v, "label": VERDICT_LABELS[v]} for v in VERDICT_GROUPS],
        "sides": list(SIDES),
        "snapshots": ctx.snapshots.listing(),
    }


def view(ctx: Context, request: Request) -> dict[str, Any]:
    """Everything the home page draws for one state of its filters."""
    from foglift.serve.app import _bbox, _int, _param, selection

    index = ctx.index.get()
    sel = selection(ctx, request)
    zoom = _int(request, "zoom", 6, 0, 18)
    by = _param(request, "by") or "side"
    if by not in ("side", "type"):
        raise _error(400, "bad_parameter", "by must be side or type")
    keep = mask(index, sel)
    keep_all_days = mask(index, sel, with_days=False)
    markers = cluster(index, keep, zoom, _bbox(request))
    shown = len(markers["points"]) + len(markers["clusters"])
    if shown > MAX_MARKERS:  # a whole-world request at street zoom
        markers["points"] = markers["points"][:MAX_MARKERS]
        markers["clusters"] = markers["clusters"][
            : MAX_MARKERS - len(markers["points"])
        ]
        markers["truncated"] = True
    rows = np.flatnonzero(keep[index.order])[:LIST_SIZE]
    return {
        "count": int(keep.sum()),
        "count_all_days": int(keep_all_days.sum()),
        "claims_in_store": index.size,
        "map": markers,
        "timeline": day_counts(index, keep_all_days, by),
        "claims": _summaries(ctx, [index.ids[int(index.order[r])] for r in rows]),
    }


def claim_list(ctx: Context, request: Request) -> dict[str, Any]:
    from foglift.serve.app import _page, selection

    index = ctx.index.get()
    offset, limit = _page(request)
    keep = mask(index, selection(ctx, request))
    rows = np.flatnonzero(keep[index.order])
    page = rows[offset : offset + limit]
    return {
        "count": len(rows),
        "offset": offset,
        "limit": limit,
        "claims": _summaries(ctx, [index.ids[int(index.order[r])] for r in page]),
    }


def _summaries(ctx: Context, ids: list[str]) -> list[dict[str, Any]]:
    found = queries.claim_summaries(ctx.store, ids)
    index = ctx.index.get()
    verdict = index.columns["verdict"]
    out = []
    for claim_id in ids:
        row = found.get(claim_id)
        if row is None:
            continue
        at = index.row_of(claim_id)
        row["verdict"] = verdict.values[verdict.codes[at]] if at is not None else None
        out.append(row)
    return out


_RESOLVED = ("gazetteer_id", "precision", "admin1", "admin2", "country", "lat", "lon")


def query_claims(store: Any, filters: ClaimFilter) -> list[dict[str, Any]]:
    """Claim records as the store exports them, each place also carrying its
    resolution's fields flat (``resolved_name``, ``gazetteer_id``, ``lat``...),
    the names the pages and their templates read."""
    records = list(_query_claims(store, filters))
    for record in records:
        for place in record.get("places") or []:
            resolved = place.get("resolved") or {}
            place["resolved_name"] = resolved.get("name")
            place["confidence"] = resolved.get("confidence")
            for key in _RESOLVED:
                place[key] = resolved.get(key)
    return records


# --- one claim --------------------------------------------------------------


def _claim_record(ctx: Context, claim_id: str) -> dict[str, Any]:
    found = list(
        query_claims(ctx.store, ClaimFilter(ids=(claim_id,), all_versions=True))
    )
    if not found:
        raise _error(404, "not_found", "no claim with this id")
    return found[0]


def field_spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every field of a claim with its character offsets in the document."""
    spans: list[dict[str, Any]] = []

    def add(field: str, part: dict[str, Any], label: str) -> None:
        start, end = part.get("start"), part.get("end")
        if start is not None and end is not None and end > start:
            spans.append({"field": field, "start": start, "end": end, "label": label})

    claimant = record.get("claimant") or {}
    add("claimant", claimant, f"claimant: {claimant.get('name')}")
    action = {"start": record["action_start"], "end": record["action_end"]}
    add("action", action, f"action: {record['action']}")
    quantity = record.get("quantity") or {}
    add(
        "quantity",
        quantity,
        f"quantity: {quantity.get('value')} {quantity.get('unit')}",
    )
    for place in record.get("places") or []:
        add("place", place, f"place: {place.get('resolved_name') or place['name']}")
    time = record.get("time") or {}
    add("time", time, f"time: {time.get('first_day')}..{time.get('last_day')}")
    for reaction in record.get("reactions") or []:
        add("reaction", reaction, f"reaction: {reaction.get('relation')}")
    return spans


def passage(text: str, start: int, end: int, spans: list[dict[str, Any]]) -> Any:
    """The claim's sentence (widened to take in fields just outside it) cut
    into segments, each with the fields that cover it."""
    inside = [
        s
        for s in spans
        if 0 <= s["start"] < s["end"] <= len(text)
        and s["start"] >= start - PASSAGE_MARGIN
        and s["end"] <= end + PASSAGE_MARGIN
    ]
    lo = min([start, *(s["start"] for s in inside)])
    hi = max([end, *(s["end"] for s in inside)])
    cuts = sorted({lo, hi, *(s["start"] for s in inside), *(s["end"] for s in inside)})
    segments = []
    for a, b in itertools.pairwise(cuts):
        covering = [s for s in inside if s["start"] <= a and b <= s["end"]]
        segments.append(
            {
                "text": text[a:b],
                "start": a,
                "end": b,
                "fields": [s["field"] for s in covering],
                "title": "; ".join(s["label"] for s in covering),
            }
        )
    return {"start": lo, "end": hi, "segments": segments}


def claim(ctx: Context, request: Request) -> dict[str, Any]:
    claim_id = request.path_params["claim_id"]
    record = _claim_record(ctx, claim_id)
    doc = queries.document(ctx.store, record["document_id"])
    spans = field_spans(record)
    text = doc["text"] if doc else record["text"]
    for span in spans:
        span["text"] = text[span["start"] : span["end"]]
    shown = passage(text, record["start"], record["end"], spans)
    for verdict in record["verdicts"]:
        verdict["label"] = LABELS.get(verdict["status"], verdict["status"])
        verdict["explanation"] = explanation(verdict)
    member = queries.event_for_claim(ctx.store, claim_id)
    event = None
    if member is not None:
        from foglift.runs.link import get_event

        found = get_event(ctx.store, member["event_id"])
        if found is not None:
            event = {
                "id": found["id"],
                "status": found["status"],
                "place_name": found["place_name"],
                "first_day": found["first_day"],
                "members": len(found["members"]),
                "relation": member["relation"],
                "reason": member["reason"],
            }
    statuses = [v["status"] for v in record["verdicts"]]
    return {
        "title": f"Claim {claim_id}",
        "claim": record,
        "verdict_group": group_of(statuses),
        "verdict_labels": VERDICT_LABELS,
        "fields": spans,
        "passage": shown,
        "event": event,
        "document": {
            "id": record["document_id"],
            "source": record["document"]["source"],
            "title": record["document"]["title"],
            "url": record["document"]["url"],
            "published": record["document"]["published"],
            "lang": record["document"]["lang"],
            "repairs": (doc or {}).get("repairs") or [],
        },
    }


# --- events -----------------------------------------------------------------


def event_list(ctx: Context, request: Request) -> dict[str, Any]:
    from foglift.serve.app import _page

    offset, limit = _page(request)
    return {
        "title": "Events",
        "count": queries.count_events(ctx.store),
        "offset": offset,
        "limit": limit,
        "events": queries.event_page(ctx.store, offset=offset, limit=limit),
    }


def event_tree(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Members nested under the claim they repeat or answer (origin at the top)."""
    known = {m["claim_id"] for m in members}
    children: dict[str | None, list[dict[str, Any]]] = {}
    for m in members:
        parent = m.get("parent") if m.get("parent") in known else None
        if parent == m["claim_id"]:
            parent = None
        children.setdefault(parent, []).append(m)
    seen: set[str] = set()

    def nest(parent: str | None) -> list[dict[str, Any]]:
        out = []
        for m in children.get(parent, []):
            if m["claim_id"] in seen:
                continue
            seen.add(m["claim_id"])
            out.append({**m, "children": nest(m["claim_id"])})
        return out

    return nest(None)


def event(ctx: Context, request: Request) -> dict[str, Any]:
    from foglift.runs.link import get_event

    found = get_event(ctx.store, request.path_params["event_id"])
    if found is None:
        raise _error(404, "not_found", "no event with this id")
    relations = Counter(m["relation"] for m in found["members"])
    first = found["members"][0] if found["members"] else None
    return {
        "title": f"Event {found['id']}",
        "event": found,
        "tree": event_tree(found["members"]),
        "first": first,
        "relations": dict(relations),
        "verdict_labels": VERDICT_LABELS,
    }


# --- sources (claimants) ----------------------------------------------------


def source_list(ctx: Context, request: Request) -> dict[str, Any]:
    from foglift.serve.app import _page

    offset, limit = _page(request)
    index = ctx.index.get()
    claimant = index.columns["claimant"]
    verdict = index.columns["verdict"]
    side = index.columns["side"]
    grid = np.zeros((len(claimant.values), len(verdict.values)), dtype=np.int64)
    np.add.at(grid, (claimant.codes, verdict.codes), 1)
    sides: dict[int, Counter[str]] = {}
    for c, s in zip(claimant.codes.tolist(), side.codes.tolist(), strict=True):
        sides.setdefault(c, Counter())[side.values[s]] += 1
    rows: list[dict[str, Any]] = []
    for i, key in enumerate(claimant.values):
        total = int(grid[i].sum())
        if not total:
            continue
        rows.append(
            {
                "key": key,
                "name": index.labels.get(key, key),
                "side": sides[i].most_common(1)[0][0],
                "claims": total,
                "verdicts": {
                    verdict.values[j]: int(grid[i, j]) for j in range(grid.shape[1])
                },
            }
        )
    rows.sort(key=lambda r: (-int(r["claims"]), str(r["key"])))
    return {
        "title": "Sources and claimants",
        "count": len(rows),
        "offset": offset,
        "limit": limit,
        "sources": rows[offset : offset + limit],
        "verdict_labels": VERDICT_LABELS,
    }


TRACKED_LIMIT = 20_000  # claims a track record is computed over (newest first)


def source(ctx: Context, request: Request) -> dict[str, Any]:
    from foglift.runs.track import claimant_of, track_records
    from foglift.sources import load_registry

    key = request.path_params["key"]
    index = ctx.index.get()
    column = index.columns["claimant"]
    code = column.code(key)
    if code < 0:
        raise _error(404, "not_found", "no claimant with this key")
    rows = np.flatnonzero(column.codes[index.order] == code)
    ids = [index.ids[int(index.order[r])] for r in rows[:TRACKED_LIMIT]]
    records: list[dict[str, Any]] = []
    for start in range(0, len(ids), 500):
        records += query_claims(
            ctx.store, ClaimFilter(ids=tuple(ids[start : start + 500]))
        )
    registry = load_registry()
    tracked = [r for r in records if r["claim_type"] in ("territorial", "advance")]
    track, left_out = track_records(tracked, registry)
    who = claimant_of(records[0], registry) if records else None
    entry = registry.sources.get(who.key) if who else None
    # claims per month by verdict: the chart over time
    months: dict[str, Counter[str]] = {}
    lags: list[int] = []
    for r in records:
        day = r["first_day"] or r["document"]["published"]
        if not day:
            continue
        group = group_of([v["status"] for v in r["verdicts"]])
        months.setdefault(str(day)[:7], Counter())[group] += 1
        summary = r.get("verdict") or {}
        if summary.get("status") == "confirmed" and summary.get("lag_days") is not None:
            lags.append(int(summary["lag_days"]))
    ordered = sorted(months)
    return {
        "title": index.labels.get(key, key),
        "key": key,
        "name": index.labels.get(key, key),
        "claims": len(rows),
        "counted": len(records),
        "track": track,
        "left_out": left_out,
        "median_lag_days": statistics.median(lags) if lags else None,
        "registry": (
            {
                "id": entry.id,
                "name": entry.name,
                "kind": entry.kind,
                "side": entry.side,
                "owner": entry.owner,
                "aliases": list(entry.aliases),
            }
            if entry
            else None
        ),
        "chart": {
            "months": ordered,
            "series": {
                g: [months[m][g] for m in ordered]
                for g in VERDICT_GROUPS
                if any(months[m][g] for m in ordered)
            },
        },
        "recent": _summaries(ctx, ids[:50]),
        "verdict_labels": VERDICT_LABELS,
    }


# --- places -----------------------------------------------------------------

PLACE_CLAIMS = 500


def place(ctx: Context, request: Request) -> dict[str, Any]:
    key = request.path_params["key"]
    row = queries.place_row(ctx.store, key)
    if row is None:
        raise _error(404, "not_found", "no place with this key")
    ids = queries.place_claim_ids(ctx.store, key, PLACE_CLAIMS)
    records = list(query_claims(ctx.store, ClaimFilter(ids=tuple(ids)))) if ids else []
    history = []
    for r in records:
        for v in r["verdicts"]:
            history.append(
                {
                    "claim_id": r["id"],
                    "day": r["first_day"] or r["document"]["published"],
                    "claimant": (r["claimant"] or {}).get("name"),
                    "action": r["action"],
                    "check": v["check"],
                    "status": v["status"],
                    "label": LABELS.get(v["status"], v["status"]),
                    "lag_days": v["lag_days"],
                }
            )
    history.sort(key=lambda h: (str(h["day"]), h["claim_id"]))
    snapshots: list[dict[str, Any]] = []
    if row.get("lat") is not None and row.get("lon") is not None:
        snapshots = _runs(ctx.snapshots.history(row["lat"], row["lon"]))
    name = row.get("resolved_name") or row.get("name")
    return {
        "title": f"Place {name}",
        "key": key,
        "place": {
            k: row.get(k)
            for k in (
                "name",
                "resolved_name",
                "gazetteer_id",
                "country",
                "admin1",
                "admin2",
                "lat",
                "lon",
                "precision",
            )
        },
        "claims": [
            {
                "id": r["id"],
                "day": r["first_day"] or r["document"]["published"],
                "claimant": (r["claimant"] or {}).get("name"),
                "side": (r["claimant"] or {}).get("side"),
                "action": r["action"],
                "action_as_stated": r["action_as_stated"],
                "text": r["text"][:300],
                "verdict": group_of([v["status"] for v in r["verdicts"]]),
            }
            for r in records
        ],
        "verdict_history": history,
        "snapshot_history": snapshots,
        "verdict_labels": VERDICT_LABELS,
    }


def _runs(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive snapshot days with one status, as ranges."""
    out: list[dict[str, Any]] = []
    for p in points:
        last = out[-1] if out else None
        if last and last["source"] == p["source"] and last["status"] == p["status"]:
            last["last_day"] = p["day"]
            last["snapshots"] += 1
        else:
            out.append(
                {
                    "source": p["source"],
                    "status": p["status"],
                    "first_day": p["day"],
                    "last_day": p["day"],
                    "snapshots": 1,
                }
            )
    return out


# --- documents and rejected inputs -------------------------------------------


def document_list(ctx: Context, request: Request) -> dict[str, Any]:
    from foglift.serve.app import _page, _param

    offset, limit = _page(request)
    source_name = _param(request, "source")
    return {
        "title": "Documents",
        "source": source_name,
        "count": queries.count_documents(ctx.store, source_name),
        "offset": offset,
        "limit": limit,
        "documents": queries.document_page(
            ctx.store, source=source_name, offset=offset, limit=limit
        ),
    }


def document(ctx: Context, request: Request) -> dict[str, Any]:
    found = queries.document(ctx.store, request.path_params["document_id"])
    if found is None:
        raise _error(404, "not_found", "no document with this id")
    text = found.pop("text")
    found["text"] = text[:DOCUMENT_SHOWN]
    found["text_length"] = len(text)
    found["text_truncated"] = len(text) > DOCUMENT_SHOWN
    return {"title": f"Document {found['id']}", "document": found}


def rejected(ctx: Context, request: Request) -> dict[str, Any]:
    from foglift.serve.app import _page

    offset, limit = _page(request)
    return {
        "title": "Rejected inputs",
        "count": queries.count_rejections(ctx.store),
        "offset": offset,
        "limit": limit,
        "rejected": queries.rejection_page(ctx.store, offset=offset, limit=limit),
    }


# --- control-map snapshots ----------------------------------------------------


def snapshot_list(ctx: Context, request: Request) -> dict[str, Any]:
    return ctx.snapshots.listing()


def snapshot(ctx: Context, request: Request) -> dict[str, Any]:
    from foglift.serve.app import _param

    try:
        day = date.fromisoformat(request.path_params["day"])
    except ValueError:
        raise _error(400, "bad_parameter", "the day must be YYYY-MM-DD") from None
    series = ctx.snapshots.find(_param(request, "source"))
    if series is None:
        raise _error(404, "no_maps", "no control maps were given (--control-maps)")
    found = ctx.snapshots.day_on_or_before(series, day)
    if found is None:
        return {
            "type": "FeatureCollection",
            "source": series.source,
            "day": None,
            "features": [],
        }
    return ctx.snapshots.geojson(series, found)


def no_such_api(ctx: Context, request: Request) -> dict[str, Any]:
    raise _error(404, "not_found", "no such API endpoint")
