"""The one error format: `{"error": kind, "code": ..., "message": ..., "lang": ...}` under /api,
the error page elsewhere; the message in the request's language either way (web.i18n).

`error` is the kind of error (its class's code: `not_found`, `query_syntax`, `usage`, ...);
`code` is the most specific stable code (`page_not_found`, `query_unclosed`, ...) for a
program to act on; `message` says what happened and what to do, in the language the UI
would use for this request (`?lang=`, the `lang` cookie, else Accept-Language; Spanish by default).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from expediente.errors import ExpedienteError

from .i18n import MESSAGES, pick_lang, translator

# Error codes of the HTTP errors the framework raises itself (unknown route, wrong method, ...)
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
              406: "not_acceptable", 413: "body_too_large", 415: "unsupported_media_type", 429: "too_many_requests"}


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def error_response(request: Request, status: int, code: str, message: str, key: str | None = None,
                   params: dict[str, Any] | None = None) -> Response:
    """JSON under /api, the error page everywhere else; `key` (with `params`) names the
    message in web.i18n that says `message` in the request's language."""
    lang = pick_lang(request)
    if key is not None and key in MESSAGES:
        message = translator(lang)(key, **(params or {}))
    if is_api(request.url.path):
        return JSONResponse({"error": code, "code": key or code, "message": message, "lang": lang}, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"t": translator(lang), "lang": lang, "status": status, "message": message},
        status_code=status)


def message_in(lang: str, exc: ExpedienteError) -> str:
    """An error's message in `lang`: its key's text filled with its params, else its own message
    (in Spanish after the kind's name, "No encontrado: ...", when the error has no key yet)."""
    if exc.key is not None and exc.key in MESSAGES:
        return translator(lang)(exc.key, **exc.params)
    if lang == "es" and f"error_{exc.code}" in MESSAGES:
        return f"{translator(lang)(f'error_{exc.code}')}: {exc.message}"
    return exc.message


def localise(row: dict[str, Any], lang: str) -> dict[str, Any]:
    """A result row (a batch term, a claim element, a saved search) whose `error` is said in
    `lang` when its `error_code` has a text there."""
    if row.get("error") and row.get("error_code") in MESSAGES:
        row["error"] = translator(lang)(row["error_code"], **(row.get("error_params") or {}))
    return row


def expected_error_response(request: Request, exc: ExpedienteError) -> Response:
    """The answer to an error raised on purpose, in the request's language."""
    if exc.key is not None and exc.key in MESSAGES:
        return error_response(request, exc.http_status, exc.code, exc.message, exc.key, exc.params)
    return error_response(request, exc.http_status, exc.code, message_in(pick_lang(request), exc))


def http_error_response(request: Request, status: int, detail: object) -> Response:
    """The framework's terse errors ("Not Found") made into sentences that say what to do."""
    key, params = None, {}
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:  # a status no standard names
        phrase = ""
    message = detail if isinstance(detail, str) and detail and detail != phrase else phrase or f"HTTP error {status}"
    if status == 404 and message == phrase:
        key, params = "http_not_found", {"path": request.url.path}
    elif status == 405 and message == phrase:
        key, params = "http_method", {"method": request.method, "path": request.url.path}
    elif status == 413:
        key, params = "body_too_large", {"mb": request.app.state.settings.max_upload_mb}
    return error_response(request, status, HTTP_CODES.get(status, "http_error"), message, key, params)


_VALIDATION = {  # pydantic's error types, said in the user's language
    "missing": {"es": "falta", "en": "missing"},
    "int_parsing": {"es": "debe ser un número entero", "en": "must be a whole number"},
    "bool_parsing": {"es": "debe ser sí o no (1/0, true/false)", "en": "must be yes or no (1/0, true/false)"},
    "greater_than_equal": {"es": "debe ser {ge} o más", "en": "must be {ge} or more"},
    "less_than_equal": {"es": "debe ser {le} o menos", "en": "must be {le} or less"},
    "string_too_long": {"es": "admite {max_length} caracteres como máximo", "en": "takes at most {max_length} characters"},
}


def validation_response(request: Request, errors: list[dict[str, Any]]) -> Response:
    """422: each invalid parameter and what it must be, in the request's language."""
    lang = pick_lang(request)
    parts = []
    for e in errors:
        where = ".".join(str(x) for x in e["loc"][1:] or e["loc"])
        said = _VALIDATION.get(e["type"], {}).get(lang)
        parts.append(f"{where}: {said.format(**e.get('ctx', {})) if said else e['msg']}")
    detail = "; ".join(parts)
    return error_response(request, 422, "invalid_request", detail, "invalid_request", {"detail": detail})
