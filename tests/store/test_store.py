"""The store on SQLite and PostgreSQL: ingest, idempotence, versions, queries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from foglift.ingest.sources import ReadOptions
from foglift.runs.ingest import ingest_paths
from foglift.runs.process import PipelineOptions
from foglift.store import Store, open_store
from foglift.store.db import MIGRATIONS
from foglift.store.query import (
    ClaimFilter,
    DocumentFilter,
    query_claims,
    query_documents,
)
from foglift.store.schema import CONTENT_TABLES, documents, metadata, rejections
from tests.store.corpus import CLAIM, write_mixed_corpus

PROVENANCE = {"run_id", "first_run_id", "ingested_at", "seen_at", "seq", "id_"}


@pytest.fixture
def store(db_url: str) -> Any:
    opened = open_store(db_url)
    yield opened
    opened.close()


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every content row, without the columns that say which run wrote it."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for name in CONTENT_TABLES:
            table = metadata.tables[name]
            columns = [c for c in table.columns if c.name not in PROVENANCE]
            if name in ("place_mentions", "findings"):  # surrogate ids differ
                columns = [c for c in columns if c.name != "id"]
            rows = conn.execute(select(*columns)).all()
            tables[name] = sorted(tuple(map(repr, r)) for r in rows)
    return tables


def test_mixed_folder_stores_good_and_records_bad(store: Store, tmp_path: Path) -> None:
    corpus = write_mixed_corpus(tmp_path / "corpus")
    summary = ingest_paths(store, [str(corpus)])
    codes = sorted((r.code, Path(r.source).name) for r in summary.rejected)
    assert codes == [
        ("FL102", "binary.txt"),
        ("FL103", "empty.txt"),
        ("FL103", "posts.jsonl:3"),
        ("FL106", "posts.jsonl:2"),
        ("FL106", "result.json"),
        ("FL108", "bomb.rss"),
    ]
    truncated = next(r for r in summary.rejected if r.source.endswith("result.json"))
    assert "truncated" in truncated.reason
    # 12 channel posts + the messages before the damage + 3 articles + feed + 2 rows
    stored = summary.new
    assert summary.read == stored > 12 + 3 + 1 + 2
    assert summary.skipped["unknown file type '.jpg'"] == 1
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(rejections)).scalar() == 6
        page = conn.execute(select(documents).where(documents.c.kind == "html")).one()
        assert page.title == "Forces enter Kurakhove"
        assert page.author == "Jane Roe"
        assert page.url == "https://news.example/kurakhove"
        assert page.published == "2025-11-12"
        assert "SCRIPT-TEXT" not in page.text and "color:red" not in page.text
        feed = conn.execute(select(documents).where(documents.c.kind == "feed")).one()
        assert feed.source_name == "Front Wire" and "alert" not in feed.text
        texts = [r.text for r in conn.execute(select(documents.c.text))]
        assert not any("never read" in t for t in texts)


def test_reingesting_adds_nothing(store: Store, tmp_path: Path) -> None:
    corpus = write_mixed_corpus(tmp_path / "corpus")
    first = ingest_paths(store, [str(corpus)])
    before = snapshot(store)
    second = ingest_paths(store, [str(corpus)])
    assert second.new == second.versions == 0
    assert second.unchanged == first.new
    assert snapshot(store) == before


def test_changed_document_is_a_new_version(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text(CLAIM, "utf-8")
    ingest_paths(store, [str(folder)])
    article.write_text(
        CLAIM + " Analysts said Russian forces entered Toretsk.", "utf-8"
    )
    summary = ingest_paths(store, [str(folder)])
    assert (summary.new, summary.versions) == (0, 1)
    rows = list(query_documents(store, DocumentFilter(all_versions=True)))
    assert sorted(r["version"] for r in rows) == [1, 2]
    old = next(r for r in rows if r["version"] == 1)
    new = next(r for r in rows if r["version"] == 2)
    assert old["superseded_by"] == new["id"] and new["supersedes"] == old["id"]
    current = list(query_claims(store, ClaimFilter()))
    assert {c["document_id"] for c in current} == {new["id"]}
    everything = list(query_claims(store, ClaimFilter(all_versions=True)))
    assert {c["document_id"] for c in everything} == {old["id"], new["id"]}


def test_near_duplicates_are_linked_not_dropped(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "1-original.txt").write_text(CLAIM, "utf-8")
    (folder / "2-forward.txt").write_text("Forwarded from Wire:\n" + CLAIM, "utf-8")
    (folder / "3-other.txt").write_text(
        "Ukraine's General Staff said its forces repelled 14 attacks near "
        "Pokrovsk on November 11, and that the village of Andriivka remains "
        "under Ukrainian control.",
        "utf-8",
    )
    summary = ingest_paths(store, [str(folder)])
    assert summary.new == 3 and summary.near_duplicates == 1
    rows = {r["item_key"]: r for r in query_documents(store, DocumentFilter())}
    original = rows["posts/1-original.txt"]
    assert rows["posts/2-forward.txt"]["near_duplicate_of"] == original["id"]
    assert rows["posts/2-forward.txt"]["claims"] > 0
    assert rows["posts/3-other.txt"]["near_duplicate_of"] is None


def test_language_without_extractor_is_stored_then_extracted(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(CLAIM, "utf-8")
    first = ingest_paths(store, [str(path)], pipeline_options=PipelineOptions("xx"))
    assert first.new == 1 and first.without_claims == {"xx": 1} and first.claims == 0
    [row] = query_documents(store, DocumentFilter())
    assert row["extracted"] is False and row["lang"] == "xx"
    again = ingest_paths(store, [str(path)], pipeline_options=PipelineOptions("xx"))
    assert again.unchanged == 1
    later = ingest_paths(store, [str(path)])
    assert later.extracted_later == 1 and later.claims > 0
    [row] = query_documents(store, DocumentFilter())
    assert row["extracted"] is True and row["claims"] == later.claims


@pytest.fixture
def filled(store: Store, tmp_path: Path) -> Store:
    ingest_paths(store, [str(write_mixed_corpus(tmp_path / "corpus"))])
    return store


def claim_texts(store: Store, **fields: Any) -> list[str]:
    return [c["text"] for c in query_claims(store, ClaimFilter(**fields))]


def test_claim_filters(filled: Store) -> None:
    from foglift.cli.claims import place_ids

    pokrovsk = claim_texts(filled, places=place_ids(["Pokrovsk"]))
    # Krasnoarmeysk is Pokrovsk's Russian name: the same claims come back
    assert (
        pokrovsk
        and claim_texts(filled, places=place_ids(["Krasnoarmeysk"])) == pokrovsk
    )
    assert claim_texts(filled, places=place_ids(["Покровськ"])) == pokrovsk
    near = claim_texts(filled, near=(48.28, 37.18, 15.0))  # Pokrovsk, 15 km
    assert near and all("Kupiansk" not in t for t in near)
    assert claim_texts(filled, near=(0.0, 0.0, 50.0)) == []
    kupiansk = claim_texts(filled, places=place_ids(["Kupiansk"]))
    assert any("3 tanks" in t for t in kupiansk)
    staff = list(query_claims(filled, ClaimFilter(claimant="general staff")))
    assert staff and all(
        "general staff" in c["claimant"]["name"].casefold() for c in staff
    )
    for kind in ("losses", "territorial", "advance"):
        got = list(query_claims(filled, ClaimFilter(types=(kind,))))
        assert got and {c["claim_type"] for c in got} == {kind}
    from datetime import date

    window = list(
        query_claims(
            filled, ClaimFilter(since=date(2025, 11, 10), until=date(2025, 11, 10))
        )
    )
    assert window
    for c in window:
        first = c["first_day"] or c["document"]["published"]
        last = c["last_day"] or c["document"]["published"]
        assert first <= "2025-11-10" <= last


def test_full_text_search_and_hostile_queries(filled: Store) -> None:
    found = claim_texts(filled, text="Kurakhove")
    assert found and all("Kurakhove" in t for t in found)
    assert claim_texts(filled, text="nosuchwordanywhere") == []
    hostile = ['"', "AND OR NOT", "kur*", "a:b", "(", "'; DROP TABLE claims;--", "\x00"]
    for query in hostile:
        claim_texts(filled, text=query)  # never a syntax error
        claim_texts(filled, claimant=query)
        list(query_documents(filled, DocumentFilter(source=query, text=query)))
    assert claim_texts(filled, claimant="%") == []  # LIKE wildcards are literal
    docs = list(query_documents(filled, DocumentFilter(text="tanks Kupiansk")))
    assert [d["kind"] for d in docs] == ["feed"]


def test_migrations_leave_the_same_tables(db_url: str) -> None:
    store = open_store(db_url)
    store.close()
    store = open_store(db_url)  # opening again migrates nothing
    with store.engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    from sqlalchemy import inspect

    names = set(inspect(store.engine).get_table_names())
    store.close()
    heads = sorted(p.name[:4] for p in MIGRATIONS.joinpath("versions").glob("0*.py"))
    assert version == heads[-1]  # the newest revision shipped
    assert set(metadata.tables) <= names


def test_store_refuses_bad_locations(tmp_path: Path) -> None:
    from foglift.errors import InputError, UsageError

    with pytest.raises(InputError, match="no store"):
        open_store(str(tmp_path / "missing.db"), create=False)
    with pytest.raises(UsageError, match="postgresql\\+psycopg"):
        open_store("postgres://u@h/db")
    with pytest.raises(InputError):
        open_store(str(tmp_path / "no" / "dir" / "x.db"))


def test_read_options_mapping_in_store(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "headline,story,when,channel\n"
        "T1,Russian forces entered Toretsk the ministry said.,2025-11-09,Mil\n",
        "utf-8",
    )
    options = ReadOptions(
        mapping={
            "text": "story",
            "published": "when",
            "title": "headline",
            "source": "channel",
        }
    )
    summary = ingest_paths(store, [str(path)], options)
    assert summary.new == 1
    [row] = query_documents(store, DocumentFilter())
    assert (row["title"], row["published"], row["source_name"]) == (
        "T1",
        "2025-11-09",
        "Mil",
    )
