"""Data of the login, user and audit pages; the HTML routes and their JSON twins share these.
Every change goes to the audit log, as do failed logins."""

from __future__ import annotations

from typing import Any

from archive import ROLES, Accounts, User
from archive.accounts import LOGIN_WINDOW_S, MAX_FAILURES, MAX_FAILURES_CLIENT, normalise_login
from expediente.errors import NotFound, TooManyAttempts, UsageError

AUDIT_PAGE = 100


def login(accounts: Accounts, email: str, password: str, client: str | None) -> User | None:
    """The user whose password this is; a failure is audited (never the password tried). After
    MAX_FAILURES for one account from one address (or MAX_FAILURES_CLIENT from one address) in
    LOGIN_WINDOW_S, that address waits: the password is not even tried."""
    mine, everyone = accounts.recent_failures(email, client)
    if mine >= MAX_FAILURES or everyone >= MAX_FAILURES_CLIENT:
        accounts.record(None, "login_throttled", normalise_login(email), {"client": client})
        minutes = LOGIN_WINDOW_S // 60
        raise TooManyAttempts(f"too many failed logins: try again in {minutes} minutes", LOGIN_WINDOW_S,
                              "login_throttled", minutes=minutes)
    user = accounts.verify_password(email, password) if email and password else None
    if user is None:
        accounts.record(None, "login_failed", normalise_login(email), {"client": client})
    else:
        accounts.record(user.email, "login", user.email, {"client": client})
    return user


def add_user(accounts: Accounts, actor: str | None, email: str, role: str, password: str) -> dict[str, Any]:
    user = accounts.add_user(email, role, password)
    accounts.record(actor, "user_add", user.email, {"role": user.role})
    return user.to_dict()


def account_data(accounts: Accounts, user: User | None) -> dict[str, Any]:
    """A signed-in user's own page: who they are and their API tokens (names, never secrets)."""
    return {"user": user.to_dict() if user else None, "tokens": accounts.tokens(user.email) if user else []}


def create_token(accounts: Accounts, user: User | None, name: str) -> dict[str, Any]:
    """A new API token of the signed-in user, shown this once."""
    if user is None:
        raise UsageError("tokens belong to users: this archive has none (create one with `expediente users add`)",
                         "token_needs_user")
    name = " ".join(name.split())[:60] or "token"
    token = accounts.create_token(user.email, name)
    accounts.record(user.email, "token_create", user.email, {"name": name})
    return {"name": name, "token": token}


def revoke_token(accounts: Accounts, user: User | None, name: str) -> dict[str, Any]:
    if user is None or not accounts.revoke_token(user.email, name):
        raise NotFound(f"no token named {name!r}", "token_unknown", name=name)
    accounts.record(user.email, "token_revoke", user.email, {"name": name})
    return {"revoked": name}


def users_data(accounts: Accounts) -> dict[str, Any]:
    users = [{**u.to_dict(), "tokens": accounts.tokens(u.email)} for u in accounts.users()]
    return {"users": users, "roles": list(ROLES)}


def change_role(accounts: Accounts, actor: str | None, email: str, role: str) -> dict[str, Any]:
    before = accounts.user(email).role
    user = accounts.set_role(email, role)
    accounts.record(actor, "role_change", user.email, {"from": before, "to": user.role})
    return user.to_dict()


def audit_data(accounts: Accounts, offset: int = 0, action: str | None = None,
               limit: int = AUDIT_PAGE) -> dict[str, Any]:
    entries = accounts.audit_log(limit + 1, offset, action)
    return {"entries": entries[:limit], "offset": offset, "action": action,
            "next_offset": offset + limit if len(entries) > limit else None}


def me_data(accounts: Accounts, user: User | None) -> dict[str, Any]:
    return {"user": user.to_dict() if user else None, "auth_required": accounts.has_users()}
