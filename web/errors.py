"""The one error format: `{"error": code, "message": ...}` under /api, the error page elsewhere."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from .i18n import pick_lang, translator

# Error codes of the HTTP errors the framework raises itself (unknown route, wrong method, ...)
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
              406: "not_acceptable", 413: "body_too_large", 415: "unsupported_media_type", 429: "too_many_requests"}


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """JSON under /api, the error page (in the reader's language) everywhere else."""
    if is_api(request.url.path):
        return JSONResponse({"error": code, "message": message}, status_code=status)
    lang = pick_lang(request)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"t": translator(lang), "lang": lang, "status": status, "message": message},
        status_code=status)


def http_error_message(request: Request, status: int, detail: object) -> str:
    """The framework's terse detail ("Not Found") made into a sentence that says what to do."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:  # a status no standard names
        phrase = ""
    if isinstance(detail, str) and detail and detail != phrase:
        return detail
    if status == 404:
        return f"nothing at {request.url.path}: check the address (the JSON API is under /api/, see /docs)"
    if status == 405:
        return f"{request.method} is not allowed on {request.url.path} (see /docs for the methods each address takes)"
    return phrase or f"HTTP error {status}"
