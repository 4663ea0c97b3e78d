"""Login and logout, the user and audit pages for admins, and their JSON twins.
Who may reach each address is decided in web.auth."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel

from archive import Accounts
from expediente.errors import TooManyAttempts

from . import admin
from .auth import SESSION_COOKIE, clear_session_cookie, safe_next, set_session_cookie
from .i18n import pick_lang, translator
from .routes_html import _render

html = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["accounts"])
Action = Query(None, max_length=40, pattern="^[a-z_]+$")
Offset = Query(0, ge=0, le=2**62)


def _accounts(request: Request) -> Accounts:
    return request.app.state.archive.accounts


def _actor(request: Request) -> str | None:
    user = getattr(request.state, "user", None)
    return user.email if user else None


# -- signing in and out ---------------------------------------------------------------


@html.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/"):
    return _render(request, "login.html", {"next": safe_next(next), "error": None, "email": ""})


@html.post("/login")
def login(request: Request, email: str = Form(""), password: str = Form(""), next: str = Form("/")):
    client = request.client.host if request.client else None
    try:
        user = admin.login(_accounts(request), email, password, client)
    except TooManyAttempts as exc:
        error = translator(pick_lang(request))(exc.key or "login_throttled", **exc.params)
        waiting = _render(request, "login.html", {"next": safe_next(next), "error": error, "email": email}, status=429)
        waiting.headers["Retry-After"] = str(exc.retry_after_s)
        return waiting
    if user is None:
        error = translator(pick_lang(request))("login_failed")
        return _render(request, "login.html", {"next": safe_next(next), "error": error, "email": email}, status=401)
    response = RedirectResponse(safe_next(next), status_code=303)
    secret = _accounts(request).create_session(user)
    set_session_cookie(response, request, secret, request.app.state.settings.session_hours)
    return response


@html.post("/logout")
def logout(request: Request):
    secret = request.cookies.get(SESSION_COOKIE)
    if secret:
        _accounts(request).delete_session(secret)
    response = RedirectResponse("/login", status_code=303)
    clear_session_cookie(response, request)
    return response


@api.get("/me", summary="Who you are (null in local mode without users) and whether the archive needs a login")
def me_api(request: Request) -> dict[str, Any]:
    return admin.me_data(_accounts(request), getattr(request.state, "user", None))


# -- users (admins) -------------------------------------------------------------------


class RoleChange(BaseModel):
    role: str


@html.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request):
    return _render(request, "admin_users.html", admin.users_data(_accounts(request)))


@html.post("/admin/users/role")
def role_html(request: Request, email: str = Form(...), role: str = Form(...)):
    admin.change_role(_accounts(request), _actor(request), email, role)
    return RedirectResponse("/admin/users", status_code=303)


@api.get("/users", summary="Users, their roles and token names (admins)")
def users_api(request: Request) -> dict[str, Any]:
    return admin.users_data(_accounts(request))


@api.patch("/users/{email}", summary="Change a user's role: reader, editor or admin (admins)")
def role_api(request: Request, email: str, body: RoleChange) -> dict[str, Any]:
    return admin.change_role(_accounts(request), _actor(request), email, body.role)


# -- the audit log (admins) -----------------------------------------------------------


@html.get("/admin/audit", response_class=HTMLResponse)
def audit_page(request: Request, offset: int = Offset, action: str | None = Action):
    return _render(request, "admin_audit.html", admin.audit_data(_accounts(request), offset, action))


@api.get("/audit", summary="The audit log, newest first: who uploaded, edited, deleted, changed roles (admins)")
def audit_api(request: Request, offset: int = Offset, action: str | None = Action,
              limit: int = Query(admin.AUDIT_PAGE, ge=1, le=1000)) -> dict[str, Any]:
    return admin.audit_data(_accounts(request), offset, action, limit)
