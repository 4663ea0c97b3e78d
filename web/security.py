"""What every request and response goes through: security headers, a Host allow-list
(DNS rebinding), and a cap on request bodies enforced while they stream in.

Pure ASGI middleware, installed by `install_security(app, settings)`; refusals use the
app's one error format (JSON under /api, the error page elsewhere).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from expediente.settings import Settings

from .errors import error_response

# No inline script anywhere; inline style *attributes* only (the boxes on a page image are
# positioned with them), never <style> elements.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI (/docs) draws its icons from data: URIs; nothing else is relaxed there.
DOCS_CSP = CSP.replace("img-src 'self'", "img-src 'self' data:")
DOCS_PATH = "/docs"


def security_headers(path: str) -> dict[str, str]:
    """The headers every response carries (the CSP of /docs is relaxed as Swagger UI needs)."""
    return {
        "Content-Security-Policy": DOCS_CSP if path == DOCS_PATH else CSP,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
    }


def install_security(app: FastAPI, settings: Settings) -> None:
    """Headers on every response, the Host allow-list, and the request body cap."""
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_mb * 1024 * 1024)
    app.add_middleware(AllowedHosts, hosts=settings.allowed_hosts)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so refusals get the headers too


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = security_headers(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AllowedHosts:
    """Answer only requests whose Host header names this server: a page on another site
    whose name was made to resolve to 127.0.0.1 (DNS rebinding) gets 400."""

    def __init__(self, app: ASGIApp, hosts: tuple[str, ...]) -> None:
        self.app = app
        self.hosts = {h.lower().strip("[]") for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        host = host_name(Headers(scope=scope).get("host", ""))
        if host in self.hosts or "*" in self.hosts:
            return await self.app(scope, receive, send)
        message = (f"this server does not answer to the host name {host or '(none)'!r}: add it to "
                   "EXPEDIENTE_ALLOWED_HOSTS if it is this server's name")
        await error_response(Request(scope), 400, "host_not_allowed", message, "host_not_allowed",
                             {"host": host or "(none)"})(scope, receive, send)


def host_name(header: str) -> str:
    """The host of a Host header, without port or IPv6 brackets, lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class BodyTooLarge(HTTPException):
    """Raised from `receive` when a body streams past the cap; the app's handler answers 413."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"the request is larger than {max_bytes // (1024 * 1024)} MB: send fewer or smaller "
                              "files at a time (the limit is EXPEDIENTE_MAX_UPLOAD_MB)")


class BodyLimit:
    """Refuse a body whose Content-Length passes the cap before reading any of it, and stop
    one sent without a length (chunked) as soon as it grows past it: nothing gets stored."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            return await self._refuse(scope, receive, send)
        received, started = 0, False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if received > self.max_bytes:  # the 413 from the app's handler: read no more of the body
                    MutableHeaders(scope=message)["connection"] = "close"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send)  # raised where no handler saw it

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        exc = BodyTooLarge(self.max_bytes)
        response = error_response(Request(scope), 413, "body_too_large", str(exc.detail), "body_too_large",
                                  {"mb": self.max_bytes // (1024 * 1024)})
        response.headers["Connection"] = "close"  # the rest of the body is not read
        await response(scope, receive, send)
