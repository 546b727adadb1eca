"""The dashboard's JSON under /api/, through Starlette's TestClient."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serve.test_browser import CLAIMS, CONFIRMED, RUSSIA


@pytest.fixture(scope="module")
def client(corpus: tuple[Any, Path]) -> Iterator[Any]:
    with warnings.catch_warnings():
        # Starlette asks for httpx2 beside its TestClient; httpx still works
        warnings.filterwarnings("ignore", message=".*httpx2.*")
        from starlette.testclient import TestClient

        from foglift.serve import create_app

        store, maps = corpus
        with TestClient(create_app(store, str(maps))) as test_client:
            yield test_client


def get(client: Any, url: str, status: int = 200) -> Any:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2.*")
        response = client.get(url)
    assert response.status_code == status, (url, response.text[:300])
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert response.headers["x-content-type-options"] == "nosniff"
    return response


def test_view_counts_markers_and_days(client: Any) -> None:
    data = get(client, "/api/view?zoom=12").json()
    assert data["count"] == CLAIMS and data["map"]["located"] == CLAIMS
    shown = len(data["map"]["points"]) + sum(
        c["count"] for c in data["map"]["clusters"]
    )
    assert shown == CLAIMS
    assert sum(sum(s) for s in data["timeline"]["series"].values()) == CLAIMS
    assert data["timeline"]["days"][0] == "2025-11-05"
    assert data["timeline"]["days"][-1] == "2025-11-20"
    assert set(data["timeline"]["series"]) == {"russia", "ukraine"}
    by_type = get(client, "/api/view?by=type").json()["timeline"]
    assert set(by_type["series"]) == {"territorial", "losses"}


def test_view_filters(client: Any) -> None:
    assert get(client, "/api/view?verdict=confirmed").json()["count"] == CONFIRMED
    assert get(client, "/api/view?side=russia").json()["count"] == RUSSIA
    assert get(client, "/api/view?lang=ru").json()["count"] == 1
    assert get(client, "/api/view?type=losses").json()["count"] == 1
    assert get(client, "/api/view?q=Kupiansk").json()["count"] == 1
    assert get(client, "/api/view?q=nowhere-at-all").json()["count"] == 0
    # a place in another script and case form: the Russian locative of Kupiansk
    assert get(client, "/api/view?q=Купянске").json()["count"] == 1
    brushed = get(client, "/api/view?from=2025-11-05&to=2025-11-09").json()
    assert brushed["count"] == 2
    assert brushed["count_all_days"] == CLAIMS
    # a cluster at low zoom: every claim falls into a few cells
    far = get(client, "/api/view?zoom=3").json()["map"]
    assert sum(c["count"] for c in far["clusters"]) + len(far["points"]) == CLAIMS
    assert far["clusters"]
    # outside the box nothing is drawn, but the count stays
    away = get(client, "/api/view?bbox=10,10,11,11").json()
    assert away["map"]["in_view"] == 0 and away["count"] == CLAIMS


def test_filters_list_values_with_counts(client: Any) -> None:
    data = get(client, "/api/filters").json()
    verdicts = {r["value"]: r["count"] for r in data["options"]["verdict"]}
    assert verdicts == {
        "confirmed": 2,
        "contradicted": 1,
        "already_held": 1,
        "not_confirmed": 1,
        "unverified": 1,
    }
    assert data["snapshots"]["sources"][0]["source"] == "deepstate"
    assert len(data["snapshots"]["sources"][0]["days"]) == 47


def test_claim_and_pages_as_json(client: Any) -> None:
    listed = get(client, "/api/claims?q=Siversk").json()
    assert listed["count"] == 1
    claim_id = listed["claims"][0]["id"]
    claim = get(client, f"/api/claims/{claim_id}").json()
    assert claim["verdict_group"] == "not_confirmed"
    text = claim["claim"]["text"]
    fields = {f["field"]: text[f["start"] : f["end"]] for f in claim["fields"]}
    assert fields == {
        "claimant": "Russian Defense Ministry",
        "action": "captured",
        "place": "Siversk",
        "time": "November 20",
    }
    assert claim["event"]["relation"] == "origin"
    event = get(client, f"/api/events/{claim['event']['id']}").json()
    assert event["tree"][0]["claim_id"] == claim_id
    place_id = claim["claim"]["places"][0]["gazetteer_id"]
    place = get(client, f"/api/places/{place_id}").json()
    assert [c["id"] for c in place["claims"]] == [claim_id]
    # the map never showed Siversk occupied
    assert {s["status"] for s in place["snapshot_history"]} == {"not_occupied"}
    sources = get(client, "/api/sources").json()["sources"]
    mod = next(s for s in sources if s["key"] == "ru-mod")
    assert mod["claims"] == RUSSIA
    record = get(client, "/api/sources/ru-mod").json()
    assert record["registry"]["side"] == "russia"
    assert sum(sum(v) for v in record["chart"]["series"].values()) == RUSSIA
    docs = get(client, "/api/documents?limit=2").json()
    assert docs["count"] == CLAIMS and len(docs["documents"]) == 2
    doc = get(client, f"/api/documents/{claim['document']['id']}").json()
    assert doc["document"]["text"].startswith("The Russian Defense Ministry")
    assert get(client, "/api/rejected").json()["count"] == 0


def test_snapshot_of_a_day(client: Any) -> None:
    early = get(client, "/api/snapshots/2025-10-25").json()
    assert [f["properties"]["status"] for f in early["features"]] == ["occupied"]
    late = get(client, "/api/snapshots/2025-12-31").json()
    assert late["day"] == "2025-12-10"  # the latest on or before the day asked
    assert {f["properties"]["status"] for f in late["features"]} == {
        "occupied",
        "unknown",
    }
    before = get(client, "/api/snapshots/2020-01-01").json()
    assert before["features"] == [] and before["day"] is None


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/claims/no-such-claim", 404, "not_found"),
        ("/api/events/none", 404, "not_found"),
        ("/api/nothing/here", 404, "not_found"),
        ("/api/view?zoom=40", 400, "bad_parameter"),
        ("/api/view?from=yesterday", 400, "bad_parameter"),
        ("/api/view?from=2025-12-01&to=2025-11-01", 400, "bad_parameter"),
        ("/api/view?bbox=1,2,3", 400, "bad_parameter"),
        ("/api/view?bbox=nan,1,2,3", 400, "bad_parameter"),
        ("/api/claims?limit=100000", 400, "bad_parameter"),
        ("/api/claims?offset=-1", 400, "bad_parameter"),
        ("/api/view?claimant=" + "x" * 600, 400, "bad_parameter"),
        ("/api/snapshots/not-a-day", 400, "bad_parameter"),
    ],
)
def test_one_error_shape(client: Any, url: str, status: int, code: str) -> None:
    body = get(client, url, status).json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_no_write_endpoints(client: Any, method: str) -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2.*")
        for url in ("/api/view", "/api/claims", "/", "/static/app.css"):
            response = client.request(method, url)
            assert response.status_code == 405
            assert response.json()["error"]["code"] == "read_only"
            assert "default-src 'self'" in response.headers["content-security-policy"]


def test_html_pages_escape_and_set_csp(client: Any) -> None:
    page = get(client, "/documents").text
    assert "Лента" in page
    missing = get(client, "/claims/none", 404).text
    assert "<h1>404</h1>" in missing
    static = get(client, "/static/vendor/leaflet/leaflet.js")
    assert static.headers["content-security-policy"].startswith("default-src 'self'")


def test_store_is_opened_read_only(corpus: tuple[Any, Path]) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    store, _ = corpus
    with store.engine.connect() as conn, pytest.raises(OperationalError):
        conn.execute(text("DELETE FROM claims"))


def test_claims_are_paged_newest_first(client: Any) -> None:
    whole = get(client, "/api/claims?limit=200").json()["claims"]
    assert len(whole) == CLAIMS
    days = [c["day"] for c in whole]
    assert days == sorted(days, reverse=True)
    pages = [
        get(client, f"/api/claims?offset={n}&limit=2").json()["claims"]
        for n in range(0, CLAIMS, 2)
    ]
    assert [c["id"] for page in pages for c in page] == [c["id"] for c in whole]
