"""The dashboard's web app: read-only pages and their JSON under ``/api/``.

Safety is the default: only GET and HEAD are routed, every response carries a
Content Security Policy of ``default-src 'self'`` (no inline script, nothing
fetched from elsewhere), templates autoescape, lists are paginated with a
hard cap, and every API error has one shape::

    {"error": {"status": 404, "code": "not_found", "message": "..."}}
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from foglift.serve import pages
from foglift.serve.index import CATEGORIES, IndexHolder, Selection
from foglift.serve.snapshots import Snapshots
from foglift.store.db import Store

HERE = Path(__file__).parent
MAX_LIMIT = 200
MAX_OFFSET = 100_000
MAX_PARAM = 512

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


class SecurityHeaders:
    """Adds the security headers to every response, errors and static files too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() not in SECURITY_HEADERS
                ]
                headers += [
                    (k.encode("latin-1"), v.encode("latin-1"))
                    for k, v in SECURITY_HEADERS.items()
                ]
                message["headers"] = headers
            await send(message)

        if scope["method"] not in ("GET", "HEAD"):
            response = JSONResponse(
                error_body(405, "read_only", "this dashboard is read-only: GET only"),
                status_code=405,
                headers={"allow": "GET, HEAD"},
            )
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


@dataclass
class Context:
    store: Store
    index: IndexHolder
    snapshots: Snapshots
    templates: jinja2.Environment


# --- parameters ------------------------------------------------------------


def _param(request: Request, name: str) -> str | None:
    value = request.query_params.get(name)
    if value is None or value == "":
        return None
    if len(value) > MAX_PARAM:
        raise ApiError(400, "bad_parameter", f"{name} is longer than {MAX_PARAM}")
    return value


def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
    value = _param(request, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ApiError(400, "bad_parameter", f"{name} must be an integer") from None
    if not low <= number <= high:
        raise ApiError(400, "bad_parameter", f"{name} must be in {low}..{high}")
    return number


def _day(request: Request, name: str) -> date | None:
    value = _param(request, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, "bad_parameter", f"{name} must be YYYY-MM-DD") from None


def _bbox(request: Request) -> tuple[float, float, float, float] | None:
    value = _param(request, "bbox")
    if value is None:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise ApiError(
            400, "bad_parameter", "bbox must be west,south,east,north"
        ) from None
    if not all(math.isfinite(x) for x in (west, south, east, north)):
        raise ApiError(400, "bad_parameter", "bbox must be finite numbers")
    return west, south, east, north


def _page(request: Request) -> tuple[int, int]:
    return (
        _int(request, "offset", 0, 0, MAX_OFFSET),
        _int(request, "limit", 50, 1, MAX_LIMIT),
    )


def selection(ctx: Context, request: Request) -> Selection:
    equals = {}
    for name in CATEGORIES:
        value = _param(request, name)
        if value is not None:
            equals[name] = value
    since, until = _day(request, "from"), _day(request, "to")
    if since and until and since > until:
        raise ApiError(400, "bad_parameter", "from is after to")
    query = _param(request, "q")
    seqs = None
    if query is not None:
        seqs = ctx.index.search(query[:200])
    return Selection(
        equals=equals,
        since=since.toordinal() if since else None,
        until=until.toordinal() if until else None,
        seqs=seqs,
    )


def safe_url(value: object) -> str | None:
    """A link target only for http(s) URLs; anything else is shown as text."""
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return value.strip()
    return None


# --- responses -------------------------------------------------------------


def json_response(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


def _app_context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


def api(handler: Any) -> Any:
    async def endpoint(request: Request) -> Response:
        ctx = _app_context(request)
        try:
            return json_response(await _run(handler, ctx, request))
        except ApiError as exc:
            return json_response(
                error_body(exc.status, exc.code, exc.message), exc.status
            )

    return endpoint


def page(template: str, handler: Any) -> Any:
    async def endpoint(request: Request) -> Response:
        ctx = _app_context(request)
        try:
            data = await _run(handler, ctx, request)
        except ApiError as exc:
            return _html_error(ctx, exc.status, exc.message)
        body = ctx.templates.get_template(template).render(
            **data, request_path=request.url.path
        )
        return HTMLResponse(body)

    return endpoint


async def _run(handler: Any, ctx: Context, request: Request) -> Any:
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(handler, ctx, request)


def _html_error(ctx: Context, status: int, message: str) -> HTMLResponse:
    body = ctx.templates.get_template("error.html").render(
        status=status, message=message
    )
    return HTMLResponse(body, status_code=status)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    message = "no such page" if status == 404 else str(getattr(exc, "detail", "error"))
    code = {404: "not_found", 405: "read_only"}.get(status, "error")
    if _wants_json(request):
        return json_response(error_body(status, code, message), status)
    return _html_error(_app_context(request), status, message)


async def server_error(request: Request, exc: Exception) -> Response:
    message = "the server could not answer this request"
    if _wants_json(request):
        return json_response(error_body(500, "internal", message), 500)
    return _html_error(_app_context(request), 500, message)


# --- the app ---------------------------------------------------------------

_NAME = re.compile(r"^[A-Za-z0-9_.:-]+$")


def templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["safe_url"] = safe_url
    return env


def create_app(store: Store, control_maps: str | None = None) -> Starlette:
    """The dashboard over an open store (and a folder of control maps)."""
    ctx = Context(
        store=store,
        index=IndexHolder(store),
        snapshots=Snapshots(control_maps),
        templates=templates(),
    )
    routes = [
        Route("/", page("home.html", pages.home)),
        Route("/claims/{claim_id}", page("claim.html", pages.claim)),
        Route("/events", page("events.html", pages.event_list)),
        Route("/events/{event_id}", page("event.html", pages.event)),
        Route("/sources", page("sources.html", pages.source_list)),
        Route("/sources/{key:path}", page("source.html", pages.source)),
        Route("/places/{key:path}", page("place.html", pages.place)),
        Route("/documents", page("documents.html", pages.document_list)),
        Route("/documents/{document_id}", page("document.html", pages.document)),
        Route("/rejected", page("rejected.html", pages.rejected)),
        Route("/api/view", api(pages.view)),
        Route("/api/filters", api(pages.filters)),
        Route("/api/claims", api(pages.claim_list)),
        Route("/api/claims/{claim_id}", api(pages.claim)),
        Route("/api/events", api(pages.event_list)),
        Route("/api/events/{event_id}", api(pages.event)),
        Route("/api/sources", api(pages.source_list)),
        Route("/api/sources/{key:path}", api(pages.source)),
        Route("/api/places/{key:path}", api(pages.place)),
        Route("/api/documents", api(pages.document_list)),
        Route("/api/documents/{document_id}", api(pages.document)),
        Route("/api/rejected", api(pages.rejected)),
        Route("/api/snapshots", api(pages.snapshot_list)),
        Route("/api/snapshots/{day}", api(pages.snapshot)),
        Route("/api/{rest:path}", api(pages.no_such_api)),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )
    app.state.ctx = ctx
    ctx.index.warm()
    return app
