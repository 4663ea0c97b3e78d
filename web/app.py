"""The web app: server-rendered pages (no JavaScript needed) and their JSON twins."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from expediente.errors import ExpedienteError
from expediente.settings import Settings
from archive import IndexerProcess, open_archive
from archive.originals import clean_leftovers

from . import routes_api, routes_auth, routes_html, routes_jobs
from .auth import install_auth
from .i18n import pick_lang, translator

HERE = Path(__file__).parent


def create_app(settings: Settings, indexer: bool = True) -> FastAPI:
    """Build the app for these settings. When it starts it opens the archive read-only and,
    unless `indexer=False`, starts the archive's indexer in a child process (it waits its
    turn while a CLI ingest holds the index)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        clean_leftovers(settings)
        app.state.archive = open_archive(settings)
        service = IndexerProcess(settings) if indexer else None
        if service is not None:
            service.start()
        try:
            yield
        finally:
            if service is not None:
                service.stop()
            app.state.archive.close()

    app = FastAPI(title="Expediente", version="0.1.0", lifespan=lifespan,
                  description="Search public-procurement documents page by page; every hit cites its document and page.")
    app.state.settings = settings
    install_auth(app)  # before the routers: its CSRF check of form posts applies to all of them
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["fmt_size"] = _fmt_size
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(routes_api.router)
    app.include_router(routes_html.router)
    app.include_router(routes_jobs.api)
    app.include_router(routes_jobs.html)
    app.include_router(routes_auth.api)
    app.include_router(routes_auth.html)

    @app.exception_handler(ExpedienteError)
    async def on_error(request: Request, exc: ExpedienteError):
        return error_response(request, exc.http_status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError):
        detail = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        return error_response(request, 422, "invalid_request", detail)

    return app


def error_response(request: Request, status: int, code: str, message: str):
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": code, "message": message}, status_code=status)
    lang = pick_lang(request)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"t": translator(lang), "lang": lang, "status": status, "message": message},
        status_code=status)


def _fmt_size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"
