"""Who is asking, and may they: the user of each request (an API token or the session
cookie), the role each address needs, and CSRF protection for every unsafe request.

While the archive has no user it works as one person's local archive: no login, but
still CSRF protection, so no other web site can post to it. Once a user exists, reads
need a reader, writes an editor, user management and the audit log an admin.

`install_auth(app)` adds the middleware (who, and may they) and the dependency that checks
the `csrf_token` field of form posts (the body is read there, once, by the route).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from archive import Accounts, User
from expediente.errors import CSRFRefused, ExpedienteError, Forbidden, Unauthorized

from .errors import error_response, is_api
from .i18n import pick_lang, translator

SESSION_COOKIE = "expediente_session"
CSRF_COOKIE = "expediente_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
STREAMED_FORMS = frozenset({"/upload"})  # read by their routes as they stream in, never parsed whole
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PUBLIC_PATHS = frozenset({"/login", "/logout", "/docs", "/openapi.json", "/favicon.ico"})
PUBLIC_PREFIXES = ("/static/", "/docs-assets/")  # no archive data there
ADMIN_PREFIXES = ("/admin/", "/api/users", "/api/audit")
READ_POSTS = frozenset({"/batch", "/api/batch", "/export/batch.csv"})  # searches that post a list: readers may
OWN_PREFIXES = ("/saved", "/api/saved", "/account", "/api/account")  # a user's own saved searches and tokens


def required_role(method: str, path: str) -> str | None:
    """The role a request needs once users exist (None: anyone)."""
    if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
        return None
    if path.startswith(ADMIN_PREFIXES) or path == "/admin":
        return "admin"
    own = path in OWN_PREFIXES or path.startswith(tuple(p + "/" for p in OWN_PREFIXES))
    return "reader" if method in SAFE_METHODS or path in READ_POSTS or own else "editor"


def install_auth(app: FastAPI) -> None:
    """Call right after creating the app, before its routers are included."""
    app.router.dependencies.append(Depends(check_form_token))
    app.add_middleware(Auth)


def bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def set_session_cookie(response: Response, request: Request, secret: str, hours: int) -> None:
    response.set_cookie(SESSION_COOKIE, secret, max_age=hours * 3600, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")


def clear_session_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax", secure=request.url.scheme == "https",
                           path="/")


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this server, never another site."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target


async def check_form_token(request: Request) -> None:
    """A form post must carry the `csrf_token` this server put in the form, equal to its
    cookie (double submit). Requests with an API token are exempt; /api requests are
    checked in the middleware (by header and origin); a form read as it streams in (an upload)
    is checked by its route, with `check_streamed_token`, before anything in it is kept."""
    if request.method in SAFE_METHODS or is_api(request.url.path) or bearer_token(request) \
            or request.url.path in STREAMED_FORMS:
        return
    check_streamed_token(request, await request.form())


def check_streamed_token(request: Request, fields: Any) -> None:
    """The double-submit check on a form's fields, however they were read (not for /api requests,
    checked by header and origin in the middleware, nor for requests with an API token)."""
    if bearer_token(request) or is_api(request.url.path):
        return
    sent = fields.get(CSRF_FIELD)
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not (isinstance(sent, str) and cookie and hmac.compare_digest(sent, cookie)):
        raise CSRFRefused(translator(pick_lang(request))("csrf_failed"))


@dataclass
class _Outcome:
    user: User | None = None
    refusal: Response | None = None


class Auth:
    """Sets `request.state.user` and `request.state.csrf_token`; refuses what the user may
    not do (401, 403) and unsafe requests from other sites (403)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        cookie = request.cookies.get(CSRF_COOKIE, "")
        csrf = cookie if _looks_like_token(cookie) else secrets.token_urlsafe(32)
        outcome = await run_in_threadpool(_decide, request, scope["app"].state.archive.accounts)
        state = scope.setdefault("state", {})
        state["user"], state["csrf_token"], state["csrf_new"] = outcome.user, csrf, csrf != cookie
        if outcome.refusal is not None:
            return await outcome.refusal(scope, receive, send)
        await self.app(scope, receive, send)


def _decide(request: Request, accounts: Accounts) -> _Outcome:
    """Runs in a worker thread: it reads (and for tokens, may write) the catalog."""
    t = translator(pick_lang(request))
    token, user = bearer_token(request), None
    if token is not None:
        user = accounts.user_for_token(token)
        if user is None:
            return _Outcome(refusal=_refuse(request, Unauthorized(t("token_invalid"))))
    elif request.cookies.get(SESSION_COOKIE):
        user = accounts.user_for_session(request.cookies[SESSION_COOKIE])
    if request.method not in SAFE_METHODS and token is None:
        problem = _csrf_problem(request)
        if problem:
            return _Outcome(user, _refuse(request, CSRFRefused(t(problem))))
    role = required_role(request.method, request.url.path)
    if role is None or not accounts.has_users():
        return _Outcome(user)
    if user is None:
        return _Outcome(refusal=_login_needed(request, t("login_required")))
    if not user.can(role):
        return _Outcome(user, _refuse(request, Forbidden(t("forbidden_role", role=t(f"role_{user.role}")))))
    return _Outcome(user)


def _csrf_problem(request: Request) -> str | None:
    """The i18n key of the reason an unsafe request without a token is refused, if it is.
    Modern browsers send Origin with every POST, PUT, PATCH and DELETE."""
    host = request.headers.get("host", "").lower()
    origin, referer = request.headers.get("origin"), request.headers.get("referer")
    if origin is not None and (origin == "null" or urlsplit(origin).netloc.lower() != host):
        return "csrf_foreign"
    if origin is None and referer and urlsplit(referer).netloc.lower() != host:
        return "csrf_foreign"
    if is_api(request.url.path) and request.cookies.get(SESSION_COOKIE) and origin is None:
        sent, cookie = request.headers.get(CSRF_HEADER, ""), request.cookies.get(CSRF_COOKIE, "")
        if not (sent and cookie and hmac.compare_digest(sent, cookie)):
            return "csrf_failed"  # a session cookie, but no sign the request came from our pages
    return None


def _refuse(request: Request, exc: ExpedienteError) -> Response:
    response = error_response(request, exc.http_status, exc.code, exc.message)
    if exc.http_status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response


def _login_needed(request: Request, message: str) -> Response:
    """API clients get 401; a page asked for in a browser sends it to the login form."""
    if is_api(request.url.path) or request.method not in SAFE_METHODS:
        return _refuse(request, Unauthorized(message))
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


def _looks_like_token(value: str) -> bool:
    return 32 <= len(value) <= 64 and all(c.isalnum() or c in "-_" for c in value)


def issue_csrf_cookie(request: Request, response: Response) -> None:
    """Give the browser the CSRF cookie the page's forms were rendered with, if it has none yet."""
    if getattr(request.state, "csrf_new", False):
        response.set_cookie(CSRF_COOKIE, request.state.csrf_token, httponly=True, samesite="lax",
                            secure=request.url.scheme == "https", path="/")
