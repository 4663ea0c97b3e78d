"""The web app: server-rendered pages (no JavaScript needed) and their JSON twins."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from expediente.errors import ExpedienteError, busy_catalog
from expediente.settings import Settings
from archive import IndexerProcess, open_archive
from archive.originals import clean_leftovers
from archive.warm import Warmer

from . import codelinks, help, routes_api, routes_batch, routes_auth, routes_html, routes_jobs, routes_readings
from .auth import install_auth
from .docs import install_docs
from .errors import error_response, expected_error_response, http_error_response, validation_response
from .routes_account import api as account_api, html as account_html
from .routes_saved import api as saved_api, html as saved_html
from .security import install_security, security_headers

HERE = Path(__file__).parent
log = logging.getLogger(__name__)


def create_app(settings: Settings, indexer: bool = True) -> FastAPI:
    """Build the app for these settings. When it starts it opens the archive read-only, starts
    the thread that rebuilds the archive's derived views after each change and, unless
    `indexer=False`, the archive's indexer in a child process (it waits its turn while a CLI
    ingest holds the index)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        clean_leftovers(settings)
        app.state.archive = open_archive(settings)
        service = IndexerProcess(settings) if indexer else None
        if service is not None:
            service.start()
        warmer = app.state.warmer = Warmer(app.state.archive)  # the first request after an ingest finds the views built
        warmer.start()
        try:
            yield
        finally:
            warmer.stop()
            if service is not None:
                service.stop()
            warmer.join(timeout=5)  # a warm-up of a large archive in progress is abandoned, not awaited
            app.state.archive.close()

    app = FastAPI(title="Expediente", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Search public-procurement documents page by page; every hit cites its document and page.")
    app.state.settings = settings
    install_auth(app)  # before the routers: its CSRF check of form posts applies to all of them
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["fmt_size"] = _fmt_size
    templates.env.globals.update(snippet_pieces=codelinks.snippet_pieces, page_pieces=codelinks.page_pieces)
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(routes_api.router)
    app.include_router(routes_html.router)
    app.include_router(help.router)
    app.include_router(routes_batch.html_router)
    app.include_router(routes_batch.api)
    app.include_router(routes_jobs.api)
    app.include_router(routes_jobs.html)
    app.include_router(routes_readings.api)
    app.include_router(routes_readings.html)
    app.include_router(routes_auth.api)
    app.include_router(routes_auth.html)
    app.include_router(account_api)
    app.include_router(account_html)
    app.include_router(saved_api)
    app.include_router(saved_html)

    @app.exception_handler(ExpedienteError)
    async def on_error(request: Request, exc: ExpedienteError):
        return expected_error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError):
        return validation_response(request, list(exc.errors()))

    @app.exception_handler(HTTPException)
    async def on_http_error(request: Request, exc: HTTPException):  # unknown route, wrong method, body too large
        response = http_error_response(request, exc.status_code, exc.detail)
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception):
        busy = busy_catalog(exc)
        if busy is not None:
            response = expected_error_response(request, busy)
            response.headers.update({**security_headers(request.url.path), "Retry-After": "60"})
            return response
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        response = error_response(request, 500, "internal", "something went wrong on the server (it was logged): "
                                  "try again, and report it if it happens again", "internal_error")
        response.headers.update(security_headers(request.url.path))  # sent from outside the middleware
        return response

    install_docs(app)
    install_security(app, settings)
    return app


def _fmt_size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"
