"""Media provenance in a run: record the files posts carry, cluster
near-duplicates, and flag the claims that lean on recycled footage.

``foglift ingest`` hands every post with media to a :class:`MediaRecorder`
once the post's document is committed. For each file the post names the
recorder checks the path stays inside the export's folder, hashes the bytes
(SHA-256: the same file twice is one record), and for a new file probes its
type, metadata and perceptual hashes, looks its hashes up in the archive's
near-duplicate index and joins the cluster of what it matches. Each post is
written in its own transaction, and a post already recorded is skipped, so a
killed run and its rerun end with the store an uninterrupted run gives.
Finally the media findings of every claim whose footage's cluster changed are
computed afresh.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, and_, delete, func, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from foglift.errors import InputError
from foglift.ingest.items import Item, Read, Skipped, parse_day
from foglift.media.cluster import MediaMatch, judge
from foglift.media.findings import (
    CODES,
    ClaimView,
    MediaView,
    Place,
    Sighting,
    media_findings,
)
from foglift.media.index import HashIndex
from foglift.media.records import (
    NOT_INCLUDED,
    FrameHash,
    MediaRecord,
    MediaRefused,
)
from foglift.model import Finding, Rejected
from foglift.settings import default
from foglift.store.db import Store
from foglift.store.media import (
    chunks,
    cluster_records,
    cluster_sightings,
    index_cache,
    media_brief,
)
from foglift.store.schema import (
    claims,
    documents,
    findings,
    media,
    media_hashes,
    media_occurrences,
    place_mentions,
)
from foglift.store.write import now, record_rejection

# a hash's payload in the index: the media's seq and the frame's position
_POSITION_BITS = 20


@dataclass(frozen=True, slots=True)
class MediaPost:
    """A post (or page) and the media files it names."""

    item_key: str
    document_id: str | None
    source_name: str
    posted_at: str | None
    published: str | None
    refs: tuple[tuple[str, str], ...]
    root: str | None


def post_of(read: Read, outcome: str) -> MediaPost | None:
    """The media post of one read of an ingest, None when it carries none."""
    from foglift.pipeline import document_id

    item: Item | None = None
    doc_id: str | None = None
    if isinstance(read, Item) and read.media_refs and outcome != "rejected":
        item = read
        doc_id = document_id(read.key, read.text)
    elif isinstance(read, Skipped) and read.post is not None:
        item = read.post
    if item is None or not item.media_refs:
        return None
    day = item.published
    return MediaPost(
        item_key=item.key,
        document_id=doc_id,
        source_name=item.source_name,
        posted_at=item.posted_at,
        published=day.isoformat() if day else None,
        refs=item.media_refs,
        root=item.media_root,
    )


@dataclass
class MediaSummary:
    files: int = 0  # new files recorded
    known: int = 0  # files already in the store, seen in another post
    occurrences: int = 0
    not_included: int = 0
    refused: list[Rejected] = field(default_factory=list)
    matched: int = 0  # new files that joined an existing cluster
    findings: int = 0

    def counts(self) -> dict[str, int]:
        return {
            "files": self.files,
            "known_files": self.known,
            "occurrences": self.occurrences,
            "not_included": self.not_included,
            "refused": len(self.refused),
            "near_duplicates": self.matched,
            "findings": self.findings,
        }


class MediaIndex:
    """The archive's PDQ hashes in memory, with each media's matchable frames.

    Loading a million hashes from SQLite row by row takes seconds, so the
    arrays are kept in a file beside an SQLite store (``STORE.media-index.npz``)
    and only the rows added since are read; the file is checked against the
    store (row count, last hash) and rebuilt when they disagree.
    """

    def __init__(self) -> None:
        import numpy as np

        self.hashes = HashIndex()
        self.min_quality = int(default("media_pdq_min_quality"))
        self.last_id = 0
        self._quality: list[Any] = []  # int16 chunks, in row order
        self._counts = np.zeros(0, dtype=np.int32)  # matchable frames by seq
        self._extra: dict[int, int] = {}
        self._saved_size = 0

    def frames_of(self, seq: int) -> int:
        if seq in self._extra:
            return self._extra[seq]
        return int(self._counts[seq]) if seq < len(self._counts) else 0

    @classmethod
    def load(cls, conn: Connection, cache: Path | None = None) -> MediaIndex:
        index = cls._from_cache(conn, cache) if cache else None
        if index is None:
            index = cls()
        index._read_rows(conn)
        return index

    @classmethod
    def _from_cache(cls, conn: Connection, cache: Path) -> MediaIndex | None:
        import numpy as np

        try:
            with np.load(cache) as saved:
                columns, payload = saved["columns"], saved["payload"]
                quality, last_id = saved["quality"], int(saved["last_id"])
                last_pdq = bytes(saved["last_pdq"])
        except (OSError, KeyError, ValueError):
            return None
        n = int(payload.shape[0])
        count = conn.execute(
            select(func.count()).where(media_hashes.c.id <= last_id)
        ).scalar_one()
        stored = conn.execute(
            select(media_hashes.c.pdq).where(media_hashes.c.id == last_id)
        ).scalar()
        if count != n or (n and (stored is None or bytes(stored) != last_pdq)):
            return None  # another store, or rows removed: read it afresh
        index = cls()
        good = quality >= index.min_quality
        index.hashes = HashIndex.from_arrays(columns, payload, good)
        index._quality = [quality.astype(np.int16)]
        index._counts = np.bincount(
            (payload[good] >> _POSITION_BITS).astype(np.int64)
        ).astype(np.int32)
        index.last_id = last_id
        index._saved_size = n
        return index

    def _read_rows(self, conn: Connection) -> None:
        import numpy as np

        from foglift.media.index import pack

        result = conn.execute(
            select(
                media_hashes.c.id,
                media_hashes.c.media_seq,
                media_hashes.c.position,
                media_hashes.c.pdq,
                media_hashes.c.quality,
            )
            .where(media_hashes.c.id > self.last_id)
            .order_by(media_hashes.c.id)
        )
        counts: dict[int, int] = {}
        while rows := result.fetchmany(50_000):
            n = len(rows)
            seqs = np.fromiter((r[1] for r in rows), dtype=np.int64, count=n)
            positions = np.fromiter((r[2] for r in rows), dtype=np.int64, count=n)
            quality = np.fromiter((r[4] for r in rows), dtype=np.int16, count=n)
            good = quality >= self.min_quality
            self.hashes.add(
                pack([bytes(r[3]) for r in rows]),
                (seqs << _POSITION_BITS) | positions,
                good,
            )
            self._quality.append(quality)
            for seq in seqs[good].tolist():
                counts[seq] = counts.get(seq, 0) + 1
            self.last_id = int(rows[-1][0])
        for seq, n in counts.items():
            self._extra[seq] = self.frames_of(seq) + n

    def save(self, cache: Path) -> None:
        """Write the arrays beside the store when rows were added since they
        were last read or written; a folder that cannot be written is no error."""
        import os

        import numpy as np

        if self.hashes.size == self._saved_size:
            return
        columns, payload, _good = self.hashes.arrays()
        quality = np.concatenate(self._quality) if self._quality else np.zeros(0)
        last = columns[:, -1] if self.hashes.size else np.zeros(4, dtype=np.uint64)
        temporary = cache.with_name(cache.name + f".{os.getpid()}.tmp")
        try:
            with temporary.open("wb") as out:
                np.savez(
                    out,
                    columns=columns,
                    payload=payload,
                    quality=quality,
                    last_id=np.int64(self.last_id),
                    last_pdq=np.frombuffer(
                        last.astype(">u8").tobytes(), dtype=np.uint8
                    ),
                )
            os.replace(temporary, cache)
            self._saved_size = self.hashes.size
        except OSError:
            temporary.unlink(missing_ok=True)

    def add(self, seq: int, frames: Sequence[FrameHash], last_id: int) -> None:
        """Hashes just written to the store (``last_id``: the last row's id)."""
        import numpy as np

        good = [f.quality >= self.min_quality for f in frames]
        self.hashes.add(
            [f.pdq for f in frames],
            [(seq << _POSITION_BITS) | f.position for f in frames],
            good,
        )
        self._quality.append(np.array([f.quality for f in frames], dtype=np.int16))
        self._extra[seq] = sum(good)
        self.last_id = max(self.last_id, last_id)

    def matches(
        self,
        frames: Sequence[FrameHash],
        *,
        max_distance: int | None = None,
        variants: Sequence[bytes] = (),
    ) -> list[MediaMatch]:
        """The stored media ``frames`` match; ``variants``: more hashes of a
        still (its mirror images and rotations) matched as the still."""
        limit = (
            int(default("media_pdq_distance")) if max_distance is None else max_distance
        )
        usable = [f for f in frames if f.quality >= self.min_quality]
        if not usable:
            return []
        queries = [f.pdq for f in usable] + list(variants)
        positions = [f.position for f in usable] + [usable[0].position] * len(variants)
        pairs = []
        for hit in self.hashes.search(queries, limit):
            payload = int(self.hashes.payload(hit.row))
            pairs.append(
                (
                    positions[hit.query],
                    payload >> _POSITION_BITS,
                    payload & ((1 << _POSITION_BITS) - 1),
                    hit.distance,
                )
            )
        return judge(
            pairs,
            len(usable),
            {seq: self.frames_of(seq) for _q, seq, _p, _d in pairs},
            float(default("media_video_match_share")),
        )


class MediaRecorder:
    """Records the media of the posts an ingest committed; see the module doc."""

    def __init__(self, store: Store, run_id: int) -> None:
        self.store = store
        self.run_id = run_id
        self.summary = MediaSummary()
        self.touched: set[int] = set()  # clusters whose findings must be redone
        self._index: MediaIndex | None = None

    def hear(self, read: Read, outcome: str) -> None:
        post = post_of(read, outcome)
        if post is not None:
            self.record(post)

    def _loaded(self) -> MediaIndex:
        """The archive's index, read once per run when the first new file
        needs it (on a connection of its own: the post's is mid-write)."""
        if self._index is None:
            with self.store.engine.connect() as conn:
                self._index = MediaIndex.load(conn, index_cache(self.store))
        return self._index

    def record(self, post: MediaPost) -> None:
        with self.store.engine.connect() as conn:
            for attempt in range(2):  # another writer may record the same file
                try:
                    with conn.begin():
                        self._record_post(conn, post)
                    return
                except IntegrityError:
                    if attempt:
                        raise

    def _record_post(self, conn: Connection, post: MediaPost) -> None:
        from foglift.media.hashing import Limits, check_content, sha256_file
        from foglift.media.probe import resolve_reference

        limits = Limits.from_settings()
        done = {
            row.path
            for row in conn.execute(
                select(media_occurrences.c.path).where(
                    media_occurrences.c.item_key == post.item_key
                )
            )
        }
        for given, media_type in post.refs:
            if given in done:
                continue
            done.add(given)
            try:
                if post.root is None:
                    raise MediaRefused(
                        NOT_INCLUDED, "read without a folder: its files are unknown"
                    )
                path = resolve_reference(Path(post.root), given)
                check_content(path)  # a known file under a lying name is refused too
                size = path.stat().st_size
                sha = sha256_file(path) if 0 < size <= limits.max_bytes else None
                seq = self._known(conn, sha) if sha else None
                if seq is None:
                    seq = self._new_media(conn, path, sha, limits)
                else:
                    self.summary.known += 1
                    self.touched.add(self._cluster_of(conn, seq))
                self._occurrence(conn, post, given, media_type, seq=seq)
            except MediaRefused as refused:
                self._occurrence(
                    conn,
                    post,
                    given,
                    media_type,
                    code=refused.code,
                    problem=refused.reason,
                )
                if refused.code == NOT_INCLUDED:
                    self.summary.not_included += 1
                    continue
                rejected = Rejected(
                    source=f"{post.item_key}: {given}"[:2000],
                    stage="media",
                    code=refused.code,
                    reason=refused.reason,
                )
                record_rejection(conn, rejected, self.run_id)
                self.summary.refused.append(rejected)
            except OSError as exc:
                self._occurrence(
                    conn, post, given, media_type, code="FL100", problem=str(exc)
                )
            except SQLAlchemyError:
                raise  # the store's, not the file's: the post is written again
            except Exception as exc:  # a decoder's bug on hostile bytes: this file only
                reason = f"the media reader failed: {type(exc).__name__}: {exc}"[:500]
                self._occurrence(
                    conn, post, given, media_type, code="FL900", problem=reason
                )
                rejected = Rejected(
                    source=f"{post.item_key}: {given}"[:2000],
                    stage="media",
                    code="FL900",
                    reason=reason,
                )
                record_rejection(conn, rejected, self.run_id)
                self.summary.refused.append(rejected)

    def _known(self, conn: Connection, sha: str) -> int | None:
        row = conn.execute(select(media.c.seq).where(media.c.id == sha)).first()
        return int(row.seq) if row else None

    def _cluster_of(self, conn: Connection, seq: int) -> int:
        return int(
            conn.execute(select(media.c.cluster).where(media.c.seq == seq)).scalar_one()
        )

    def _new_media(
        self, conn: Connection, path: Path, sha: str | None, limits: Any
    ) -> int:
        from foglift.media.hashing import probe_file

        record = probe_file(path, limits, sha)
        index = self._loaded()
        # a still is looked up mirrored and rotated too: flipping is how a
        # re-poster dodges PDQ (eight lookups instead of one)
        found = index.matches(record.frames, variants=record.variants)
        inserted = conn.execute(
            media.insert().values(**_media_row(record, path, self.run_id))
        ).inserted_primary_key
        assert inserted is not None
        seq = int(inserted[0])
        clusters = {seq}
        if found:
            self.summary.matched += 1
            clusters |= {
                int(r.cluster)
                for r in conn.execute(
                    select(media.c.cluster).where(
                        media.c.seq.in_([m.other for m in found])
                    )
                )
            }
        cluster = min(clusters)
        conn.execute(
            update(media)
            .where(media.c.cluster.in_(clusters) | (media.c.seq == seq))
            .values(cluster=cluster)
        )
        if record.frames:
            conn.execute(
                media_hashes.insert(),
                [
                    {
                        "media_seq": seq,
                        "position": f.position,
                        "seconds": f.seconds,
                        "pdq": f.pdq,
                        "quality": f.quality,
                    }
                    for f in record.frames
                ],
            )
        last = conn.execute(
            select(func.max(media_hashes.c.id)).where(media_hashes.c.media_seq == seq)
        ).scalar()
        index.add(seq, record.frames, int(last or 0))
        self.summary.files += 1
        self.touched.add(cluster)
        return seq

    def _occurrence(
        self,
        conn: Connection,
        post: MediaPost,
        given: str,
        media_type: str,
        *,
        seq: int | None = None,
        code: str | None = None,
        problem: str | None = None,
    ) -> None:
        conn.execute(
            media_occurrences.insert().values(
                item_key=post.item_key,
                document_id=post.document_id,
                source_name=post.source_name,
                posted_at=post.posted_at,
                published=post.published,
                path=given,
                media_type=media_type,
                media_seq=seq,
                code=code,
                problem=problem,
                run_id=self.run_id,
            )
        )
        self.summary.occurrences += 1

    def finish(self) -> MediaSummary:
        """Redo the media findings of the claims the recorded files touch."""
        if self.touched:
            with self.store.engine.begin() as conn:
                self.summary.findings = refresh_findings(conn, self.touched)
        cache = index_cache(self.store)
        if self._index is not None and cache is not None:
            self._index.save(cache)
        return self.summary


def _media_row(record: MediaRecord, path: Path, run_id: int) -> dict[str, Any]:
    return {
        "id": record.sha256,
        "kind": record.kind,
        "mime": record.mime,
        "size": record.size,
        "width": record.width,
        "height": record.height,
        "duration": record.duration,
        "metadata": [list(pair) for pair in record.metadata],
        "metadata_status": record.metadata_status,
        "created": record.created,
        "lat": record.gps[0] if record.gps else None,
        "lon": record.gps[1] if record.gps else None,
        "phash": record.phash,
        "notes": list(record.notes),
        "cluster": 0,  # set once the row has its seq
        "path": str(path),
        "run_id": run_id,
        "recorded_at": now(),
    }


# --- findings ---------------------------------------------------------------


def _claim_places(
    conn: Connection, doc_ids: Sequence[str]
) -> tuple[dict[str, list[Place]], dict[str, list[Place]]]:
    """Resolved places by claim id and by document (all its claims')."""
    by_claim: dict[str, list[Place]] = defaultdict(list)
    by_doc: dict[str, list[Place]] = defaultdict(list)
    for chunk in chunks(doc_ids):
        for row in conn.execute(
            select(
                place_mentions.c.document_id,
                place_mentions.c.claim_id,
                place_mentions.c.resolved_name,
                place_mentions.c.name,
                place_mentions.c.lat,
                place_mentions.c.lon,
            ).where(
                place_mentions.c.document_id.in_(chunk),
                place_mentions.c.claim_id.is_not(None),
                place_mentions.c.lat.is_not(None),
            )
        ):
            place = Place(row.resolved_name or row.name, row.lat, row.lon)
            by_claim[row.claim_id].append(place)
            if place not in by_doc[row.document_id]:
                by_doc[row.document_id].append(place)
    return by_claim, by_doc


def _closeness(conn: Connection, a: int, b: int) -> tuple[int, str] | None:
    """(smallest PDQ distance, frames of ``a`` matched/its frames) between
    two stored files."""
    from foglift.media.index import HashIndex

    rows = {
        seq: [
            (bytes(r.pdq), r.position)
            for r in conn.execute(
                select(media_hashes.c.pdq, media_hashes.c.position)
                .where(media_hashes.c.media_seq == seq)
                .order_by(media_hashes.c.position)
                .limit(600)
            )
        ]
        for seq in (a, b)
    }
    if not rows[a] or not rows[b]:
        return None
    index = HashIndex()
    index.add([h for h, _ in rows[b]], range(len(rows[b])))
    hits = index.search([h for h, _ in rows[a]], 256)
    best: dict[int, int] = {}
    for hit in hits:
        best[hit.query] = min(best.get(hit.query, 256), hit.distance)
    limit = int(default("media_pdq_distance"))
    matched = sum(1 for d in best.values() if d <= limit)
    return min(best.values()), f"{matched}/{len(rows[a])}"


def refresh_findings(conn: Connection, clusters: Iterable[int]) -> int:
    """Recompute media.* findings of every claim whose post carries a file of
    ``clusters``; returns how many were written."""
    sightings = cluster_sightings(conn, clusters)
    posts: dict[str, list[dict[str, Any]]] = defaultdict(list)  # by document
    for rows in sightings.values():
        for r in rows:
            if r["document_id"]:
                posts[r["document_id"]].append(r)
    doc_ids = sorted(posts)
    if not doc_ids:
        return 0
    all_docs = sorted(
        {r["document_id"] for v in sightings.values() for r in v if r["document_id"]}
    )
    by_claim, by_doc = _claim_places(conn, all_docs)
    details = {
        int(r.seq): r
        for r in conn.execute(
            select(media.c.seq, media.c.created, media.c.lat, media.c.lon).where(
                media.c.cluster.in_(sorted(sightings))
            )
        )
    }
    recycled_days = int(default("media_recycled_days"))
    other_place_km = float(default("media_other_place_km"))
    gps_conflict_km = float(default("media_gps_conflict_km"))
    old_days = int(default("media_old_days"))
    written: list[tuple[str, Finding]] = []
    claim_ids: list[str] = []
    near: dict[tuple[int, int], tuple[int, str] | None] = {}
    for chunk in chunks(doc_ids):
        claim_rows = conn.execute(
            select(
                claims.c.id,
                claims.c.claim_id,
                claims.c.document_id,
                claims.c.start,
                claims.c.end,
                claims.c.first_day,
                documents.c.posted_at,
                documents.c.published,
                documents.c.item_key,
            )
            .join(documents, documents.c.id == claims.c.document_id)
            .where(claims.c.document_id.in_(chunk))
        ).all()
        for row in claim_rows:
            claim_ids.append(row.id)
            claim = ClaimView(
                id=row.claim_id,
                document_id=row.document_id,
                start=row.start,
                end=row.end,
                first_day=parse_day(row.first_day),
                places=tuple(by_claim.get(row.id, ())),
            )
            views = []
            for occ in posts[row.document_id]:
                history = sightings[occ["cluster"]]
                first = next(
                    (h for h in history if h["item_key"] != row.item_key), None
                )
                closeness = None
                if first is not None and first["seq"] != occ["seq"]:
                    pair = (occ["seq"], first["seq"])
                    if pair not in near:
                        near[pair] = _closeness(conn, *pair)
                    closeness = near[pair]
                info = details[occ["seq"]]
                views.append(
                    MediaView(
                        media_id=occ["media_id"],
                        kind=occ["kind"],
                        created=info.created,
                        gps=(info.lat, info.lon) if info.lat is not None else None,
                        cluster=occ["cluster"],
                        sightings=tuple(
                            Sighting(
                                media_id=h["media_id"],
                                item_key=h["item_key"],
                                document_id=h["document_id"],
                                source=h["source_name"],
                                posted_at=h["posted_at"],
                                day=parse_day(h["posted_at"] or h["published"]),
                                places=tuple(by_doc.get(h["document_id"], ())),
                            )
                            for h in history
                        ),
                        closeness=closeness,
                    )
                )
            written.extend(
                (row.document_id, f)
                for f in media_findings(
                    claim,
                    parse_day(row.published),
                    row.posted_at,
                    row.item_key,
                    views,
                    recycled_days=recycled_days,
                    other_place_km=other_place_km,
                    gps_conflict_km=gps_conflict_km,
                    old_days=old_days,
                )
            )
    for chunk in chunks(claim_ids):
        conn.execute(
            delete(findings).where(
                and_(findings.c.claim_id.in_(chunk), findings.c.code.in_(CODES))
            )
        )
    if written:
        conn.execute(
            findings.insert(),
            [
                {
                    "document_id": doc_id,
                    "claim_id": f"{doc_id}:{f.claim_id}",
                    "code": f.code,
                    "severity": f.severity,
                    "message": f.message,
                    "start": f.start,
                    "end": f.end,
                    "evidence": dict(f.evidence),
                }
                for doc_id, f in written
            ],
        )
    return len(written)


def find_media(
    store: Store,
    path: Path,
    *,
    max_distance: int | None = None,
    mirrored: bool = True,
) -> dict[str, Any]:
    """Where the file at ``path`` (or a near-duplicate) has been seen."""
    import time

    from foglift.media.hashing import probe_file
    from foglift.media.records import MediaRefused

    try:
        record = probe_file(path)
    except MediaRefused as refused:
        raise InputError(f"{refused.code}: {refused.reason}") from None
    variants = list(record.variants) if mirrored else []
    with store.engine.connect() as conn:
        loading = time.perf_counter()
        cache = index_cache(store)
        index = MediaIndex.load(conn, cache)
        if cache is not None:
            index.save(cache)  # rows added since the file was written
        loaded = time.perf_counter() - loading
        searching = time.perf_counter()
        found = index.matches(
            record.frames, max_distance=max_distance, variants=variants
        )
        searched = time.perf_counter() - searching
        exact = conn.execute(select(media.c.seq).where(media.c.id == record.sha256))
        same = {int(r.seq) for r in exact}
        seqs = sorted({m.other for m in found} | same)
        rows = {
            int(r.seq): r
            for r in conn.execute(select(media).where(media.c.seq.in_(seqs)))
        }
        clusters = sorted({int(r._mapping["cluster"]) for r in rows.values()})
        chains = cluster_records(conn, clusters)
    matches = []
    by_seq = {m.other: m for m in found}
    for seq in seqs:
        row = rows[seq]
        match = by_seq.get(seq)
        matches.append(
            {
                **media_brief(row),
                "same_file": seq in same,
                "distance": match.best_distance if match else 0,
                "frames_matched": f"{match.query_matched}/{match.query_frames}"
                if match
                else None,
                "share": round(match.share, 3) if match else 1.0,
            }
        )
    matches.sort(key=lambda m: (not m["same_file"], m["distance"], -m["share"]))
    return {
        "query": {
            "path": str(path),
            "sha256": record.sha256,
            "kind": record.kind,
            "mime": record.mime,
            "frames": len(record.frames),
            "quality": [f.quality for f in record.frames][:20],
            "notes": list(record.notes),
            "mirrored": bool(variants),
        },
        "index": {
            "hashes": len(index.hashes),
            "load_seconds": round(loaded, 3),
            "search_seconds": round(searched, 4),
        },
        "matches": matches,
        "clusters": [chains[c] for c in clusters],
    }
