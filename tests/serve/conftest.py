"""Dashboard fixtures: a store built by the test, the server on a free
loopback port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serve.corpus import POSTS, build_store, hostile_posts

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _store(tmp: Path, posts: list[dict[str, Any]]) -> tuple[Any, Path]:
    from foglift.serve import open_read_only
    from foglift.store import open_store

    db = tmp / "corpus.db"
    store = open_store(str(db))
    maps = build_store(store, tmp, posts)
    store.close()
    return open_read_only(str(db)), maps


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    store, maps = _store(tmp_path_factory.mktemp("corpus"), POSTS)
    yield store, maps
    store.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    store, maps = _store(tmp_path_factory.mktemp("hostile"), hostile_posts())
    yield store, maps
    store.close()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """uvicorn in a thread on 127.0.0.1, stopped at the end of the module."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(corpus: tuple[Any, Path]) -> Iterator[Server]:
    from foglift.serve import create_app

    store, maps = corpus
    with Server(create_app(store, str(maps))) as running:
        yield running


@pytest.fixture(scope="module")
def hostile_server(hostile: tuple[Any, Path]) -> Iterator[Server]:
    from foglift.serve import create_app

    store, maps = hostile
    with Server(create_app(store, str(maps))) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            "browser tests need Debian's chromium at /usr/bin/chromium "
            "(apt-get install chromium; `make chromium` does it)"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright Python client is not installed"
    )
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


class Recorded:
    """A page whose every request is recorded (and any outside 127.0.0.1
    aborted), with its console errors and dialogs."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.route("**/*", self._route)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        from urllib.parse import urlsplit

        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def outside(self) -> list[str]:
        from urllib.parse import urlsplit

        return [
            u
            for u in self.requests
            if urlsplit(u).scheme not in ("data", "blob")
            and urlsplit(u).hostname != "127.0.0.1"
        ]


@pytest.fixture
def page(browser: Any) -> Iterator[Recorded]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    recorded = Recorded(context.new_page())
    yield recorded
    context.close()
