"""Media provenance in the store, read back: the posts of each cluster in
order, where a file has been seen, a file's or a cluster's record, the
clusters of the archive, and the media each document's post carries.

Records are plain dicts (JSON-ready). A cluster is named ``c`` + the seq of
its first-recorded file; a file by its SHA-256 (any unique prefix of at
least 8 hex digits is accepted). Recording and matching are
:mod:`foglift.runs.media`'s.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from foglift.errors import InputError, UsageError
from foglift.store.db import Store
from foglift.store.schema import claims, media, media_hashes, media_occurrences


def index_cache(store: Store) -> Path | None:
    """Where an SQLite store keeps its media index arrays (None: PostgreSQL,
    whose server reads the rows fast enough)."""
    database = store.engine.url.database
    if store.dialect != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database + ".media-index.npz")


def chunks(values: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _sort_key(posted_at: str | None, published: str | None) -> str:
    """A UTC ISO moment to order posts by; undated posts last."""
    at = _moment(posted_at)
    if at is not None:
        if at.tzinfo is not None:
            at = at.astimezone(UTC).replace(tzinfo=None)
        return at.isoformat()
    return published or "9999"


def cluster_sightings(
    conn: Connection, clusters: Iterable[int]
) -> dict[int, list[dict[str, Any]]]:
    """Every post carrying a file of each cluster, earliest first."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    wanted = sorted(set(clusters))
    for chunk in chunks(wanted):
        for row in conn.execute(
            select(
                media.c.cluster,
                media.c.seq,
                media.c.id.label("media_id"),
                media.c.kind,
                media_occurrences.c.item_key,
                media_occurrences.c.document_id,
                media_occurrences.c.source_name,
                media_occurrences.c.posted_at,
                media_occurrences.c.published,
                media_occurrences.c.path,
            )
            .join(media, media.c.seq == media_occurrences.c.media_seq)
            .where(media.c.cluster.in_(chunk))
        ):
            found[int(row.cluster)].append(dict(row._mapping))
    for rows in found.values():
        rows.sort(key=lambda r: (_sort_key(r["posted_at"], r["published"]), r["seq"]))
    return found


_CLUSTER = re.compile(r"^c(\d+)$", re.IGNORECASE)
_HEX = re.compile(r"^[0-9a-f]{8,64}$")


def media_brief(row: Any) -> dict[str, Any]:
    m = row._mapping
    return {
        "id": m["id"],
        "kind": m["kind"],
        "mime": m["mime"],
        "size": m["size"],
        "width": m["width"],
        "height": m["height"],
        "duration": m["duration"],
        "cluster": f"c{m['cluster']}",
        "metadata_status": m["metadata_status"],
        "created": m["created"],
        "gps": [m["lat"], m["lon"]] if m["lat"] is not None else None,
    }


def _media_full(conn: Connection, row: Any) -> dict[str, Any]:
    record = media_brief(row)
    m = row._mapping
    frames = conn.execute(
        select(media_hashes.c.position, media_hashes.c.seconds, media_hashes.c.pdq,
               media_hashes.c.quality)
        .where(media_hashes.c.media_seq == m["seq"])
        .order_by(media_hashes.c.position)
    ).all()  # fmt: skip
    record.update(
        {
            "metadata": [list(pair) for pair in m["metadata"]],
            "metadata_note": None
            if m["metadata_status"] == "present"
            else "no creation time, place or device in the metadata: stripped "
            "(as Telegram does for compressed photos) or never written",
            "phash": m["phash"],
            "notes": list(m["notes"]),
            "path": m["path"],
            "frames": [
                {
                    "position": f.position,
                    "seconds": f.seconds,
                    "pdq": bytes(f.pdq).hex(),
                    "quality": f.quality,
                }
                for f in frames
            ],
        }
    )
    return record


def _claims_of(conn: Connection, doc_ids: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(doc_ids), 500):
        for row in conn.execute(
            select(claims.c.document_id, claims.c.id)
            .where(claims.c.document_id.in_(doc_ids[start : start + 500]))
            .order_by(claims.c.seq)
        ):
            found[row.document_id].append(row.id)
    return found


def _sighting(row: dict[str, Any], claim_ids: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "post": row["item_key"],
        "source": row["source_name"],
        "posted_at": row["posted_at"] or row["published"],
        "media": row["media_id"],
        "kind": row["kind"],
        "path": row["path"],
        "document_id": row["document_id"],
        "claims": claim_ids.get(row["document_id"] or "", []),
    }


def cluster_records(conn: Connection, clusters: Sequence[int]) -> dict[int, Any]:
    """Each cluster's files, first-seen post and chain of later posts."""
    sightings = cluster_sightings(conn, clusters)
    doc_ids = sorted(
        {r["document_id"] for v in sightings.values() for r in v if r["document_id"]}
    )
    claim_ids = _claims_of(conn, doc_ids)
    records = {}
    for cluster in clusters:
        chain = [_sighting(r, claim_ids) for r in sightings.get(cluster, [])]
        files = sorted({s["media"] for s in chain})
        records[cluster] = {
            "id": f"c{cluster}",
            "files": len(files),
            "posts": len({s["post"] for s in chain}),
            "sources": len({s["source"] for s in chain}),
            "first_seen": chain[0] if chain else None,
            "chain": chain,
        }
    return records


def show_media(store: Store, ident: str) -> dict[str, Any]:
    """A cluster (``c12``) or a file (a SHA-256 or its prefix) with its posts."""
    ident = ident.strip()
    with store.engine.connect() as conn:
        cluster = _CLUSTER.match(ident)
        if cluster:
            number = int(cluster.group(1))
            members = conn.execute(
                select(media).where(media.c.cluster == number).order_by(media.c.seq)
            ).all()
            if not members:
                raise InputError(
                    f"no media cluster {ident!r} in the store",
                    hint="list them with `foglift media clusters`",
                )
            record = cluster_records(conn, [number])[number]
            record["media"] = [media_brief(m) for m in members]
            return {"cluster": record}
        if not _HEX.match(ident.casefold()):
            raise UsageError(
                f"{ident!r} is neither a cluster (c12) nor a file's SHA-256",
                hint="foglift media show c3, or the first 12 hex digits of a file's "
                "SHA-256 from `foglift media find`",
            )
        rows = conn.execute(
            select(media).where(media.c.id.like(ident.casefold() + "%")).limit(2)
        ).all()
        if not rows:
            raise InputError(
                f"no media file {ident!r} in the store",
                hint="`foglift media find FILE` looks a file up by its content",
            )
        if len(rows) > 1:
            raise UsageError(
                f"{ident!r} names more than one file", hint="give more hex digits"
            )
        row = rows[0]
        record = _media_full(conn, row)
        cluster_id = int(row._mapping["cluster"])
        record["cluster_record"] = cluster_records(conn, [cluster_id])[cluster_id]
        return {"media": record}


def list_clusters(
    store: Store, *, min_posts: int = 2, limit: int | None = 100
) -> list[dict[str, Any]]:
    """Clusters seen in at least ``min_posts`` posts, most posted first."""
    posts = func.count(func.distinct(media_occurrences.c.item_key))
    query = (
        select(media.c.cluster, posts.label("posts"))
        .join(media, media.c.seq == media_occurrences.c.media_seq)
        .group_by(media.c.cluster)
        .having(posts >= min_posts)
        .order_by(posts.desc(), media.c.cluster)
    )
    if limit is not None:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        numbers = [int(r.cluster) for r in conn.execute(query)]
        records = cluster_records(conn, numbers)
    out = []
    for n in numbers:
        record = records[n]
        first = record["first_seen"] or {}
        out.append(
            {
                "cluster": record["id"],
                "files": record["files"],
                "posts": record["posts"],
                "sources": record["sources"],
                "first_seen_at": first.get("posted_at"),
                "first_seen_source": first.get("source"),
                "first_seen_post": first.get("post"),
                "last_seen_at": record["chain"][-1]["posted_at"]
                if record["chain"]
                else None,
                "claims": sum(len(s["claims"]) for s in record["chain"]),
            }
        )
    return out


def media_of_documents(
    conn: Connection, doc_ids: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """The media each document's post carries, with where each was first seen."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rows: list[Any] = []
    for start in range(0, len(doc_ids), 500):
        rows.extend(
            conn.execute(
                select(
                    media_occurrences.c.document_id,
                    media_occurrences.c.path,
                    media_occurrences.c.media_type,
                    media_occurrences.c.code,
                    media_occurrences.c.problem,
                    media.c.id,
                    media.c.kind,
                    media.c.cluster,
                    media.c.metadata_status,
                    media.c.created,
                )
                .outerjoin(media, media.c.seq == media_occurrences.c.media_seq)
                .where(
                    media_occurrences.c.document_id.in_(doc_ids[start : start + 500])
                )
                .order_by(media_occurrences.c.id)
            ).all()
        )
    clusters = sorted({int(r.cluster) for r in rows if r.cluster is not None})
    first = {c: v[0] for c, v in cluster_sightings(conn, clusters).items() if v}
    for r in rows:
        item: dict[str, Any] = {"path": r.path, "type": r.media_type}
        if r.id is None:
            item["refused"] = {"code": r.code, "reason": r.problem}
        else:
            seen = first.get(int(r.cluster))
            item.update(
                {
                    "media": r.id,
                    "kind": r.kind,
                    "cluster": f"c{r.cluster}",
                    "metadata_status": r.metadata_status,
                    "created": r.created,
                    "first_seen": {
                        "post": seen["item_key"],
                        "source": seen["source_name"],
                        "posted_at": seen["posted_at"] or seen["published"],
                    }
                    if seen
                    else None,
                }
            )
        found[r.document_id].append(item)
    return found
