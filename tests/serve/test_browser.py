"""What a person sees in Chromium: markers, the timeline, filters, highlights,
the control-map layer, and a hostile corpus that stays inert."""

from __future__ import annotations

from typing import Any

from tests.serve.conftest import Recorded, Server

# the known store (tests/serve/corpus.py): six claims, every one located
CLAIMS = 6
CONFIRMED = 2
RUSSIA = 4


def wait_until(p: Any, expression: str, timeout: float = 15.0) -> None:
    """Poll ``expression`` in the page (Playwright's own waiting evaluates
    strings with eval, which the page's CSP rightly refuses)."""
    import time

    deadline = time.monotonic() + timeout
    while not p.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        p.wait_for_timeout(50)


def open_home(page: Recorded, server: Server, query: str = "") -> Any:
    p = page.page
    p.goto(f"{server.url}/{query}")
    p.wait_for_selector("body[data-ready]")
    wait_until(p, "document.getElementById('timeline').dataset.total !== undefined")
    return p


def markers_shown(p: Any) -> int:
    """Claims drawn on the map: single markers plus what each cluster holds."""
    return int(
        p.evaluate(
            """() => document.querySelectorAll('.leaflet-marker-icon.mk').length +
            [...document.querySelectorAll('.leaflet-marker-icon.cl')]
              .reduce((s, e) => s + Number(e.textContent), 0)"""
        )
    )


def visible_count(p: Any) -> int:
    return int(p.locator("#count").inner_text())


def timeline_total(p: Any) -> int:
    return int(p.locator("#timeline").get_attribute("data-total"))


def wait_for_count(p: Any, n: int) -> None:
    wait_until(p, f"document.getElementById('count').dataset.count === '{n}'")


def test_home_shows_every_claim_on_map_and_timeline(
    page: Recorded, server: Server
) -> None:
    p = open_home(page, server)
    assert visible_count(p) == CLAIMS
    assert markers_shown(p) == CLAIMS
    assert timeline_total(p) == CLAIMS
    # the timeline runs from the first claim's day to the last one's
    assert p.locator("#timeline").get_attribute("data-days") == "16"
    assert p.locator(".legend").inner_text().count("Confirmed") == 1
    assert not page.outside() and not page.errors


def test_filters_change_map_timeline_and_url(page: Recorded, server: Server) -> None:
    p = open_home(page, server)
    p.select_option("#f-verdict", "confirmed")
    wait_for_count(p, CONFIRMED)
    assert markers_shown(p) == CONFIRMED
    wait_until(
        p, f"document.getElementById('timeline').dataset.total === '{CONFIRMED}'"
    )
    assert "verdict=confirmed" in p.url
    # the state in the address reloads the same view
    p2 = open_home(page, server, "?" + p.url.split("?", 1)[1])
    assert visible_count(p2) == CONFIRMED
    assert p2.locator("#f-verdict").input_value() == "confirmed"
    p2.select_option("#f-verdict", "")
    p2.select_option("#f-side", "russia")
    wait_for_count(p2, RUSSIA)
    assert markers_shown(p2) == RUSSIA
    p2.select_option("#f-lang", "ru")
    wait_for_count(p2, 1)
    assert markers_shown(p2) == 1


def test_search_finds_a_place(page: Recorded, server: Server) -> None:
    p = open_home(page, server)
    p.fill("#f-q", "Siversk")
    wait_for_count(p, 1)
    assert markers_shown(p) == 1
    assert "Siversk" in p.locator("#claims").inner_text()


def test_brushing_the_timeline_filters_the_map(page: Recorded, server: Server) -> None:
    p = open_home(page, server)
    over = p.locator("#timeline .u-over")
    box = over.bounding_box()
    # drag over the first quarter of the days: the claims of 5 and 8 November
    p.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    p.mouse.down()
    p.mouse.move(box["x"] + box["width"] * 0.26, box["y"] + box["height"] / 2, steps=5)
    p.mouse.up()
    wait_until(p, "new URL(location.href).searchParams.get('from') !== null")
    wait_for_count(p, 2)
    assert markers_shown(p) == 2
    # the timeline still shows every day, so the brush can move
    assert timeline_total(p) == CLAIMS
    p.click("#clear-range")
    wait_for_count(p, CLAIMS)


def test_claim_list_pages_on(page: Recorded, server: Server) -> None:
    p = open_home(page, server)
    assert p.locator("#claims li").count() == CLAIMS  # fewer than a page
    assert p.locator("#more").is_hidden()


def test_snapshot_layer_follows_the_slider(page: Recorded, server: Server) -> None:
    p = open_home(page, server)
    label = p.locator("#snapshot-label")
    wait_until(p, "document.getElementById('snapshot-label').dataset.day")
    last = label.get_attribute("data-day")
    assert last == "2025-12-10"
    # the last week has a grey zone: two layers drawn
    assert label.get_attribute("data-features") == "2"
    assert p.locator("path.snap-unknown").count() == 1
    p.locator("#snapshot-day").fill("0")
    wait_until(
        p, "document.getElementById('snapshot-label').dataset.day === '2025-10-25'"
    )
    assert label.get_attribute("data-features") == "1"
    assert p.locator("path.snap-unknown").count() == 0
    assert p.locator("path.snap-occupied").count() == 1
    assert "snap=2025-10-25" in p.url


def test_claim_page_highlights_each_field(page: Recorded, server: Server) -> None:
    p = page.page
    p.goto(f"{server.url}/?q=Siversk")
    p.wait_for_selector("#claims a")
    p.click("#claims a")
    p.wait_for_selector("#passage")
    text = (
        "The Russian Defense Ministry said its forces captured Siversk on November 20."
    )

    def marked(field: str) -> list[str]:
        return [
            m.inner_text()
            for m in p.locator(f"#passage mark[data-field~='{field}']").all()
        ]

    assert p.locator("#passage").inner_text() == text
    assert marked("claimant") == ["Russian Defense Ministry"]
    assert marked("action") == ["captured"]
    assert marked("place") == ["Siversk"]
    assert marked("time") == ["November 20"]
    # offsets on the page are offsets into the document
    mark = p.locator("#passage mark[data-field~='place']")
    start = int(mark.get_attribute("data-start"))
    assert text[start : int(mark.get_attribute("data-end"))] == "Siversk"
    assert "Not confirmed" in p.locator("h1").inner_text()
    assert p.locator(".verdict-card").count() >= 1
    assert not page.outside()


def test_other_pages_open_without_errors(page: Recorded, server: Server) -> None:
    p = page.page
    for path in ("/events", "/sources", "/documents", "/rejected"):
        response = p.goto(server.url + path)
        assert response.status == 200, path
        links = p.locator("table.list a").all()
        if links:
            href = links[0].get_attribute("href")
            assert p.goto(server.url + href).status == 200, href
    p.goto(server.url + "/sources")
    p.click("table.list a")
    p.wait_for_selector("#source-chart canvas")
    assert not page.errors and not page.outside()


PAGES = ("/", "/events", "/sources", "/documents", "/rejected")


def _every_page(page: Recorded, server: Server) -> list[str]:
    """Every list page, and every page each links to, once."""
    p = page.page
    seen: list[str] = []
    queue = list(PAGES)
    while queue and len(seen) < 120:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        response = p.goto(server.url + path)
        assert response is not None and response.status == 200, path
        if path == "/":
            p.wait_for_selector("body[data-ready]")
            for marker in p.locator(".leaflet-marker-icon.mk").all()[:3]:
                marker.click()
        for href in p.eval_on_selector_all(
            "main a[href^='/']", "els => els.map(e => e.getAttribute('href'))"
        ):
            if href.split("?")[0] not in seen and not href.startswith("/?"):
                queue.append(href)
    return seen


def test_hostile_corpus_is_inert(page: Recorded, hostile_server: Server) -> None:
    seen = _every_page(page, hostile_server)
    p = page.page
    assert any(s.startswith("/claims/") for s in seen)
    assert any(s.startswith("/documents/") for s in seen)
    assert p.evaluate("window.__pwned") is None
    assert page.dialogs == []
    assert page.outside() == []
    # no markup from the corpus became elements: no handlers, no foreign
    # scripts, no javascript: links, no frames
    for path in seen[:40]:
        p.goto(hostile_server.url + path)
        found = p.evaluate(
            """() => ({
              handlers: [...document.querySelectorAll('*')].filter(e =>
                [...e.attributes].some(a => a.name.startsWith('on'))).length,
              scripts: [...document.scripts].filter(s =>
                !s.src.startsWith(location.origin + '/static/')).length,
              js_links: document.querySelectorAll('a[href^="javascript:" i]').length,
              frames: document.querySelectorAll('iframe, object, embed').length,
              // (the map draws the control-map snapshot as SVG once loaded)
              svg: [...document.querySelectorAll('main svg')].filter(e =>
                !e.closest('#map')).length,
              wide: document.documentElement.scrollWidth > window.innerWidth + 5,
            })"""
        )
        assert found == {
            "handlers": 0,
            "scripts": 0,
            "js_links": 0,
            "frames": 0,
            "svg": 0,
            "wide": False,
        }, path
    assert p.evaluate("window.__pwned") is None
    # CSP violations would be logged as console errors: none was attempted
    assert not [e for e in page.errors if "Content Security Policy" in e]
