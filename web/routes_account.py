"""A user's own account: who they are and their API tokens (create one, shown once; revoke
one), and the admins' form to add a user; each page with its JSON twin."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from archive import Accounts
from archive.accounts import User

from . import admin
from .routes_html import _render

html = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["accounts"])


def _accounts(request: Request) -> Accounts:
    return request.app.state.archive.accounts


def _user(request: Request) -> User | None:
    return getattr(request.state, "user", None)


class NewToken(BaseModel):
    name: str = Field("", max_length=60)


class NewUser(BaseModel):
    email: str = Field(..., max_length=254)
    role: str = Field(..., max_length=20)
    password: str = Field(..., max_length=1000)


@html.get("/account", response_class=HTMLResponse)
def account_page(request: Request):
    return _render(request, "account.html", {**admin.account_data(_accounts(request), _user(request)), "new": None})


@html.post("/account/tokens", response_class=HTMLResponse)
def token_html(request: Request, name: str = Form("", max_length=60)):
    new = admin.create_token(_accounts(request), _user(request), name)
    return _render(request, "account.html", {**admin.account_data(_accounts(request), _user(request)), "new": new})


@html.post("/account/tokens/revoke")
def revoke_html(request: Request, name: str = Form(..., max_length=60)):
    admin.revoke_token(_accounts(request), _user(request), name)
    return RedirectResponse("/account", status_code=303)


@api.get("/account", summary="Who you are and the names of your API tokens")
def account_api(request: Request) -> dict[str, Any]:
    return admin.account_data(_accounts(request), _user(request))


@api.post("/account/tokens", status_code=201, summary="A new API token of yours: the answer is the one time it is shown")
def token_api(request: Request, body: NewToken) -> dict[str, Any]:
    return admin.create_token(_accounts(request), _user(request), body.name)


@api.delete("/account/tokens/{name}", summary="Revoke your API tokens of that name")
def revoke_api(request: Request, name: str) -> dict[str, Any]:
    return admin.revoke_token(_accounts(request), _user(request), name)


@html.post("/admin/users")
def add_user_html(request: Request, email: str = Form(..., max_length=254), role: str = Form(..., max_length=20),
                  password: str = Form(..., max_length=1000)):
    admin.add_user(_accounts(request), getattr(_user(request), "email", None), email, role, password)
    return RedirectResponse("/admin/users", status_code=303)


@api.post("/users", status_code=201, summary="Add a user with a role and a first password (admins)")
def add_user_api(request: Request, body: NewUser) -> dict[str, Any]:
    return admin.add_user(_accounts(request), getattr(_user(request), "email", None), body.email, body.role,
                          body.password)
