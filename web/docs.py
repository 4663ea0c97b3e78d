"""The OpenAPI docs at /docs, served from the fastapi-offline package: no CDN, so they
work on a machine without internet. No inline script: web/static/docs.js starts Swagger UI."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"

_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} · API</title>
  <link rel="stylesheet" href="{assets}/swagger-ui.css">
  <link rel="icon" href="{assets}/favicon.png">
</head>
<body>
  <div id="swagger-ui" data-openapi="{openapi}"></div>
  <script src="{assets}/swagger-ui-bundle.js"></script>
  <script src="/static/docs.js"></script>
</body>
</html>
"""


def bearer_in_schema(app: FastAPI) -> None:
    """The OpenAPI schema says how to sign in: an API token as `Authorization: Bearer` (Swagger
    UI's "Authorize" button), needed once the archive has users."""
    plain = app.openapi

    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            built = plain()
            built.setdefault("components", {})["securitySchemes"] = {"token": {
                "type": "http", "scheme": "bearer", "description": (
                    "An API token (`expediente tokens create EMAIL`, or My account in the web UI); "
                    "needed once the archive has users")}}
            built["security"] = [{"token": []}, {}]  # {}: an archive without users asks for nothing
            app.openapi_schema = built
        return app.openapi_schema

    app.openapi = schema  # type: ignore[method-assign]


def install_docs(app: FastAPI) -> None:
    """Swagger UI at /docs (create the app with docs_url=None so this one is the only one)."""
    bearer_in_schema(app)
    app.mount(ASSETS, StaticFiles(directory=str(files("fastapi_offline") / "static")), name="docs-assets")
    page = _PAGE.format(title=app.title, assets=ASSETS, openapi=app.openapi_url)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return HTMLResponse(page)
