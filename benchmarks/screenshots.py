"""Screenshots of the dashboard's main pages, taken with Debian's chromium.

    python benchmarks/screenshots.py --db demo-dashboard.db \
        --control-maps examples/dashboard/maps

writes docs/img/dashboard-*.png (the README shows them).
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def serve(app: Any) -> tuple[Any, str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def settle(page: Any) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(400)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--control-maps")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from foglift.serve import create_app, open_read_only

    store = open_read_only(args.db)
    server, url = serve(create_app(store, args.control_maps))
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(f"{url}/?lat=48.4&lon=36.9&zoom=8&snap=2025-11-20")
        settle(page)
        page.screenshot(path=str(OUT / "dashboard-home.png"))
        page.goto(f"{url}/?lat=48.4&lon=36.9&zoom=8&verdict=confirmed&snap=2025-11-20")
        settle(page)
        page.screenshot(path=str(OUT / "dashboard-home-confirmed.png"))
        claims = page.eval_on_selector_all(
            "#claims a", "els => els.map(e => e.getAttribute('href'))"
        )
        page.goto(url + claims[0])
        settle(page)
        page.screenshot(path=str(OUT / "dashboard-claim.png"), full_page=True)
        # the event with the most sources shows the tree best
        events = page.request.get(f"{url}/api/events?limit=200").json()["events"]
        event = max(events, key=lambda e: (e["members"], e["id"]))["id"]
        page.goto(f"{url}/events/{event}")
        settle(page)
        page.screenshot(path=str(OUT / "dashboard-event.png"), full_page=True)
        page.goto(url + "/sources/ru-mod")
        settle(page)
        page.screenshot(path=str(OUT / "dashboard-source.png"), full_page=True)
        place = page.goto(url + claims[0])
        assert place is not None
        href = page.locator("a[href^='/places/']").first.get_attribute("href")
        page.goto(url + str(href))
        settle(page)
        page.screenshot(path=str(OUT / "dashboard-place.png"), full_page=True)
        browser.close()
    server.should_exit = True
    store.close()
    print(f"screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
