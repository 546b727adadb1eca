"""The dashboard over a PostgreSQL store: the same answers as on SQLite."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from tests.serve.corpus import POSTS, build_store
from tests.serve.test_browser import CLAIMS, CONFIRMED, RUSSIA
from tests.store.conftest import _fresh_database, postgres_server  # noqa: F401


@pytest.fixture(scope="module")
def pg_client(
    postgres_server: str,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Any, Any]]:
    from foglift.serve import create_app, open_read_only
    from foglift.store import open_store

    url = _fresh_database(postgres_server)
    store = open_store(url)
    maps = build_store(store, tmp_path_factory.mktemp("pg"), POSTS)
    store.close()
    reader = open_read_only(url)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2.*")
        from starlette.testclient import TestClient

        with TestClient(create_app(reader, str(maps))) as client:
            yield client, reader
    reader.close()


def get(client: Any, url: str) -> Any:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2.*")
        response = client.get(url)
    assert response.status_code == 200, (url, response.text[:300])
    return response


def test_postgres_store_serves_the_same_view(pg_client: tuple[Any, Any]) -> None:
    client, _ = pg_client
    view = get(client, "/api/view?zoom=12").json()
    assert view["count"] == CLAIMS and view["map"]["located"] == CLAIMS
    assert get(client, "/api/view?verdict=confirmed").json()["count"] == CONFIRMED
    assert get(client, "/api/view?side=russia").json()["count"] == RUSSIA
    assert get(client, "/api/view?q=Kupiansk").json()["count"] == 1
    claim_id = get(client, "/api/claims?q=Siversk").json()["claims"][0]["id"]
    assert "mark" in get(client, f"/claims/{claim_id}").text
    claim = get(client, f"/api/claims/{claim_id}").json()
    get(client, f"/events/{claim['event']['id']}")
    get(client, f"/places/{claim['claim']['places'][0]['gazetteer_id']}")
    get(client, "/sources/ru-mod")
    get(client, f"/documents/{claim['document']['id']}")
    assert get(client, "/api/documents").json()["count"] == CLAIMS


def test_postgres_store_is_read_only(pg_client: tuple[Any, Any]) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import InternalError

    _, store = pg_client
    with store.engine.connect() as conn, pytest.raises(InternalError):
        conn.execute(text("DELETE FROM claims"))
