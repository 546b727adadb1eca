"""The store's tables, shared by SQLite and PostgreSQL.

Documents and claims carry an integer ``seq`` (insertion order, the key the
full-text indexes point at) and a stable string ``id``. Full-text search
lives outside these tables: an FTS5 index on SQLite and generated
``tsvector`` columns on PostgreSQL, both created by the migrations.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", String(64), nullable=False),
    Column("arguments", JSON, nullable=False),
    Column("foglift_version", String(32), nullable=False),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("status", String(16), nullable=False),  # running, finished
    Column("counts", JSON),
)

sources = Table(
    "sources",
    metadata,
    Column("name", String(512), primary_key=True),
    Column("kind", String(32), nullable=False),  # file, telegram, feed, table
    Column("external_id", String(256)),
    Column("url", Text),
    Column("first_run_id", Integer, ForeignKey("runs.id")),
)

documents = Table(
    "documents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("item_key", String(1024), nullable=False),
    Column("version", Integer, nullable=False),
    Column("supersedes", String(32)),
    Column("superseded_by", String(32)),
    Column("source_name", String(512), ForeignKey("sources.name"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("title", Text),
    Column("author", Text),
    Column("url", Text),
    Column("posted_at", String(32)),  # ISO date or date-time as the input gave it
    Column("published", String(10)),  # ISO date used to resolve times
    # where the date came from: metadata, --published, dateline, file name
    Column("published_from", String(16)),
    Column("lang", String(8), nullable=False),
    Column("extracted", Boolean, nullable=False),
    Column("text", Text, nullable=False),
    Column("raw_length", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("near_duplicate_of", String(32)),
    Column("near_duplicate_score", Float),
    Column("forwarded_from", Text),
    Column("reply_to", String(256)),
    Column("media", JSON, nullable=False),
    Column("repairs", JSON, nullable=False),
    Column("sentences", JSON, nullable=False),
    Column("claimants", JSON, nullable=False),
    Column("stages", JSON, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("ingested_at", String(32), nullable=False),
    UniqueConstraint("item_key", "version", name="uq_documents_item_version"),
    Index("ix_documents_item_key", "item_key"),
    Index("ix_documents_published", "published"),
    Index("ix_documents_source_name", "source_name"),
)

claims = Table(
    "claims",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(48), nullable=False, unique=True),  # document id:c1
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Column("claim_id", String(16), nullable=False),
    Column("claim_type", String(16), nullable=False),
    Column("action", String(64), nullable=False),
    Column("action_as_stated", Text, nullable=False),
    Column("action_start", Integer, nullable=False),
    Column("action_end", Integer, nullable=False),
    Column("claimant_name", Text, nullable=False),
    Column("claimant_kind", String(32), nullable=False),
    Column("claimant_named", Boolean, nullable=False),
    Column("claimant_side", String(16), nullable=False),
    Column("claimant_registry_id", String(128)),
    Column("claimant", JSON, nullable=False),
    # The side that acted ("Russian forces captured X": russia), migration 0003.
    Column("agent_side", String(16), nullable=False, server_default="unknown"),
    Column("stance", String(16), nullable=False),
    Column("voice", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("quantity_value", Float),
    Column("quantity_unit", String(64)),
    Column("quantity", JSON),
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    Column("time", JSON),
    Column("hedges", JSON, nullable=False),
    Column("reactions", JSON, nullable=False),
    Index("ix_claims_document_id", "document_id"),
    Index("ix_claims_type", "claim_type"),
    Index("ix_claims_days", "first_day", "last_day"),
)

place_mentions = Table(
    "place_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Column("claim_id", String(48)),  # null: a mention of the document as a whole
    Column("name", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("gazetteer_id", String(64)),
    Column("resolved_name", Text),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("precision", String(16)),
    Column("confidence", Float),
    Column("resolution", JSON),
    Index("ix_place_mentions_document", "document_id"),
    Index("ix_place_mentions_claim", "claim_id"),
    Index("ix_place_mentions_gazetteer", "gazetteer_id"),
    Index("ix_place_mentions_latlon", "lat", "lon"),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Column("claim_id", String(48)),
    Column("code", String(64), nullable=False),
    Column("severity", String(16), nullable=False),
    Column("message", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("evidence", JSON, nullable=False),
    Index("ix_findings_document", "document_id"),
    Index("ix_findings_claim", "claim_id"),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", String(32), primary_key=True),  # hash of source, stage, code, reason
    Column("source", Text, nullable=False),
    Column("stage", String(32), nullable=False),
    Column("code", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_run_id", Integer, ForeignKey("runs.id")),
    Column("seen_at", String(32), nullable=False),
)

# Events: claims of different documents about the same thing (``foglift
# link``), and how each claim relates to the event's first source.
events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("claim_type", String(16), nullable=False),
    Column("action", String(64), nullable=False),
    Column("place_id", String(64)),
    Column("place_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("unit", String(64)),
    Column("value", Float),
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    Column("status", String(32), nullable=False),
    Column("independent_origins", Integer, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Index("ix_events_place", "place_id"),
    Index("ix_events_days", "first_day", "last_day"),
)

event_members = Table(
    "event_members",
    metadata,
    Column("claim_id", String(48), ForeignKey("claims.id"), primary_key=True),
    Column("event_id", String(32), ForeignKey("events.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("relation", String(16), nullable=False),
    Column("parent", String(48)),
    Column("reason", Text, nullable=False),
    Column("independent", Boolean, nullable=False),
    Index("ix_event_members_event", "event_id"),
)

# Verdicts: what independent evidence says about a claim (``foglift verify``),
# with replayable steps and the hashes of the files used.
verdicts = Table(
    "verdicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(48), ForeignKey("claims.id"), nullable=False),
    Column("check", String(32), nullable=False),
    Column("status", String(32), nullable=False),
    Column("lag_days", Integer),
    Column("place_id", String(64)),
    Column("steps", JSON, nullable=False),
    Column("parameters", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("created_at", String(32), nullable=False),
    Index("ix_verdicts_claim", "claim_id"),
    Index("ix_verdicts_status", "status"),
)

# Near-duplicate detection: sampled word-shingle hashes per document, and how
# many documents carry each (a mark on many documents is boilerplate and is not
# used to find candidates).
marks = Table(
    "marks",
    metadata,
    Column("mark", Integer, nullable=False),
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Index("ix_marks_mark", "mark"),
    Index("ix_marks_document", "document_id"),
)

mark_counts = Table(
    "mark_counts",
    metadata,
    Column("mark", Integer, primary_key=True, autoincrement=False),
    Column("n", Integer, nullable=False),
)

# Media provenance (migration 0005): one row per file by content hash, its
# PDQ hashes (one for a still, one per kept frame of a video), and every post
# that carries it or names a file that was refused (``code``/``problem``).
# ``cluster`` is the seq of the first-recorded file of its near-duplicates.
media = Table(
    "media",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),  # SHA-256 of the bytes
    Column("kind", String(16), nullable=False),  # image, video, animation
    Column("mime", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("width", Integer),
    Column("height", Integer),
    Column("duration", Float),
    Column("metadata", JSON, nullable=False),
    Column("metadata_status", String(16), nullable=False),  # present, absent
    Column("created", String(40)),
    Column("lat", Float),
    Column("lon", Float),
    Column("phash", String(16)),
    Column("notes", JSON, nullable=False),
    Column("cluster", Integer, nullable=False),
    Column("path", Text, nullable=False),  # where it was first read
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("recorded_at", String(32), nullable=False),
    Index("ix_media_cluster", "cluster"),
)

media_hashes = Table(
    "media_hashes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("media_seq", Integer, ForeignKey("media.seq"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("seconds", Float),
    Column("pdq", LargeBinary(32), nullable=False),
    Column("quality", Integer, nullable=False),
    Index("ix_media_hashes_media", "media_seq"),
)

media_occurrences = Table(
    "media_occurrences",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_key", String(1024), nullable=False),
    Column("document_id", String(32)),  # null: a post with media and no text
    Column("source_name", String(512), nullable=False),
    Column("posted_at", String(32)),
    Column("published", String(10)),
    Column("path", Text, nullable=False),  # as the post names it
    Column("media_type", String(32)),  # photo, video_file, animation, img ...
    Column("media_seq", Integer, ForeignKey("media.seq")),  # null when refused
    Column("code", String(16)),
    Column("problem", Text),
    Column("run_id", Integer, ForeignKey("runs.id")),
    UniqueConstraint("item_key", "path", name="uq_media_occurrences_item_path"),
    Index("ix_media_occurrences_media", "media_seq"),
    Index("ix_media_occurrences_document", "document_id"),
)

CONTENT_TABLES = (
    "sources",
    "documents",
    "claims",
    "place_mentions",
    "findings",
    "rejections",
    "marks",
    "mark_counts",
)

# The ledger of finished batches (migration 0006): a batch's row is written in
# the transaction that writes the batch, so a row means the whole batch is
# stored, and a rerun after a killed run skips it without reading its items.
# ``id`` hashes what the batch holds (its documents' ids and the options that
# shaped them), ``counts`` what writing it did.
batches = Table(
    "batches",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("command", String(16), nullable=False),  # ingest, link, verify
    Column("size", Integer, nullable=False),  # reads: items, rejected, skipped
    Column("first_item", Text),
    Column("counts", JSON, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("finished_at", String(32), nullable=False),
)

# The folders files were read from (migration 0007), in the order they were
# first given. A file's item key is the prefix of the first root that holds it
# and its path inside that root, so two folders of the same name elsewhere get
# different keys (``exports`` and ``exports@1a2b3c4d``), and a file reached
# through a parent folder or a link keeps the key it was first stored under.
input_roots = Table(
    "input_roots",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("root", Text, nullable=False, unique=True),  # resolved, absolute
    Column("prefix", String(512), nullable=False, unique=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
)
