"""Accounts in the catalog: users and their roles, API tokens, login sessions and the audit log.

Passwords are hashed with Argon2id (argon2-cffi); tokens and session ids are random secrets
of which only the SHA-256 is stored, so a copy of the catalog lets nobody in.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from expediente.errors import NotFound, UsageError
from expediente.settings import Settings

from .catalog import Catalog

ROLES = ("reader", "editor", "admin")  # each role may do what the ones before it may
MIN_PASSWORD = 10
TOKEN_PREFIX = "exp_"
LAST_USED_EVERY_S = 60  # a token's last use is written at most once a minute
LOGIN_WINDOW_S = 15 * 60  # failed logins counted over this long
MAX_FAILURES = 5  # for one account from one address: then that address waits for that account
MAX_FAILURES_CLIENT = 20  # from one address, whatever the accounts tried

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
  password TEXT NOT NULL, created_at TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), name TEXT NOT NULL,
  created_at TEXT NOT NULL, last_used TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), created_at TEXT NOT NULL,
  expires_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT, action TEXT NOT NULL,
  target TEXT, detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS audit_by_action ON audit (action, at);  -- recent failed logins, the log by action
"""
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


@dataclass(frozen=True)
class User:
    id: int
    email: str
    role: str
    created_at: str
    disabled: bool

    def can(self, role: str) -> bool:
        """Does this user's role include `role` (admin ⊃ editor ⊃ reader)?"""
        return ROLES.index(self.role) >= ROLES.index(role)

    def to_dict(self) -> dict[str, Any]:
        return {"email": self.email, "role": self.role, "created_at": self.created_at, "disabled": self.disabled}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_login(email: str) -> str:
    """An email as typed at the login, as the audit log keeps it (no validation: any text)."""
    return email.strip().lower()[:254]


def normalise_email(email: str) -> str:
    """The email as stored: trimmed and lower case; refused unless it looks like one."""
    email = email.strip().lower()
    if not _EMAIL.match(email) or len(email) > 254:
        raise UsageError(f"{email!r} is not an email address (like name@example.org)", "email_invalid", value=email)
    return email


def check_role(role: str) -> str:
    if role not in ROLES:
        raise UsageError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}", "role_unknown", value=role,
                         roles=", ".join(ROLES))
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UsageError(f"the password is too short: use at least {MIN_PASSWORD} characters", "password_short",
                         n=MIN_PASSWORD)
    return password


class Accounts:
    """Users, tokens, sessions and the audit log, in the catalog's database."""

    def __init__(self, catalog: Catalog, session_hours: int = 12) -> None:
        self.catalog, self.session_hours = catalog, session_hours
        self._hasher = PasswordHasher()
        self._dummy: str | None = None
        with catalog.lock:
            catalog.db.executescript(SCHEMA)

    def close(self) -> None:
        """Close the catalog connection of `open_accounts` (not an archive's, which it closes itself)."""
        self.catalog.close()

    def _rows(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        with self.catalog.lock:
            return self.catalog.db.execute(sql, args).fetchall()

    # -- users ----------------------------------------------------------------------

    def has_users(self) -> bool:
        """Once a user exists, every request needs a login or a token."""
        return bool(self._rows("SELECT 1 FROM users LIMIT 1"))

    def add_user(self, email: str, role: str, password: str) -> User:
        email, role = normalise_email(email), check_role(role)
        hashed = self._hasher.hash(check_password(password))
        try:
            with self.catalog.transaction() as db:
                db.execute("INSERT INTO users (email, role, password, created_at) VALUES (?,?,?,?)",
                           (email, role, hashed, _now()))
        except sqlite3.IntegrityError:
            raise UsageError(f"{email} already has an account (change its role with `expediente users role`)",
                             "user_exists", email=email) from None
        return self.user(email)

    def user(self, email: str) -> User:
        rows = self._rows("SELECT * FROM users WHERE email = ?", (email.strip().lower(),))
        if not rows:
            raise NotFound(f"no user {email!r}: see `expediente users list`", "user_not_found", email=email[:254])
        return _user(rows[0])

    def users(self) -> list[User]:
        return [_user(r) for r in self._rows("SELECT * FROM users ORDER BY email")]

    def set_role(self, email: str, role: str) -> User:
        """Change a user's role; the last admin keeps theirs (someone must be able to manage users)."""
        user, role = self.user(email), check_role(role)
        with self.catalog.transaction() as db:
            admins = db.execute("SELECT count(*) FROM users WHERE role = 'admin' AND NOT disabled").fetchone()[0]
            if user.role == "admin" and role != "admin" and admins <= 1:
                raise UsageError(f"{user.email} is the only admin: make another user admin first", "last_admin",
                                 email=user.email)
            db.execute("UPDATE users SET role = ? WHERE id = ?", (role, user.id))
        return self.user(email)

    def verify_password(self, email: str, password: str) -> User | None:
        """The user, if the password is theirs and the account is enabled; None otherwise."""
        rows = self._rows("SELECT * FROM users WHERE email = ?", (email.strip().lower(),))
        if not rows:
            self._waste_time(password)
            return None
        row = rows[0]
        try:
            self._hasher.verify(row["password"], password)
        except (VerificationError, InvalidHashError):
            return None
        if self._hasher.check_needs_rehash(row["password"]):
            with self.catalog.transaction() as db:
                db.execute("UPDATE users SET password = ? WHERE id = ?", (self._hasher.hash(password), row["id"]))
        user = _user(row)
        return None if user.disabled else user

    def _waste_time(self, password: str) -> None:
        """Verify against a dummy hash, so an unknown email answers as slowly as a wrong password."""
        if self._dummy is None:
            self._dummy = self._hasher.hash(secrets.token_urlsafe(16))
        try:
            self._hasher.verify(self._dummy, password)
        except VerificationError:
            pass

    # -- API tokens -------------------------------------------------------------------

    def create_token(self, email: str, name: str = "") -> str:
        """A new API token for the user; only its hash is kept, so this is the one time it is seen."""
        user = self.user(email)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.catalog.transaction() as db:
            db.execute("INSERT INTO tokens (hash, user_id, name, created_at) VALUES (?,?,?,?)",
                       (_digest(token), user.id, name or "token", _now()))
        return token

    def revoke_token(self, email: str, name: str) -> int:
        """Delete the user's tokens of that name; how many there were."""
        user = self.user(email)
        with self.catalog.transaction() as db:
            return db.execute("DELETE FROM tokens WHERE user_id = ? AND name = ?", (user.id, name)).rowcount

    def tokens(self, email: str) -> list[dict[str, Any]]:
        user = self.user(email)
        rows = self._rows("SELECT name, created_at, last_used FROM tokens WHERE user_id = ? ORDER BY created_at",
                          (user.id,))
        return [dict(r) for r in rows]

    def user_for_token(self, token: str) -> User | None:
        rows = self._rows("SELECT u.*, t.hash AS token_hash, t.last_used FROM tokens t JOIN users u ON u.id = t.user_id "
                          "WHERE t.hash = ?", (_digest(token),))
        if not rows or rows[0]["disabled"]:
            return None
        row = rows[0]
        if _stale(row["last_used"]):
            with self.catalog.transaction() as db:
                db.execute("UPDATE tokens SET last_used = ? WHERE hash = ?", (_now(), row["token_hash"]))
        return _user(row)

    # -- login sessions ---------------------------------------------------------------

    def create_session(self, user: User, now: float | None = None) -> str:
        """A new session for the user, valid `session_hours` from `now`; the secret goes in a cookie."""
        now = time.time() if now is None else now
        secret = secrets.token_urlsafe(32)
        with self.catalog.transaction() as db:
            db.execute("DELETE FROM sessions WHERE expires_at <= ?", (time.time(),))
            db.execute("INSERT INTO sessions (hash, user_id, created_at, expires_at) VALUES (?,?,?,?)",
                       (_digest(secret), user.id, _now(), now + self.session_hours * 3600))
        return secret

    def user_for_session(self, secret: str, now: float | None = None) -> User | None:
        """The session's user while it has not expired (and the account is enabled)."""
        now = time.time() if now is None else now
        rows = self._rows("SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id "
                          "WHERE s.hash = ? AND s.expires_at > ?", (_digest(secret), now))
        if not rows or rows[0]["disabled"]:
            return None
        return _user(rows[0])

    def delete_session(self, secret: str) -> None:
        with self.catalog.transaction() as db:
            db.execute("DELETE FROM sessions WHERE hash = ?", (_digest(secret),))

    # -- the audit log ----------------------------------------------------------------

    def record(self, user: str | None, action: str, target: str | None = None,
               detail: dict[str, Any] | None = None) -> None:
        """One line of the audit log: who did what to what (None: the local, single-user archive)."""
        with self.catalog.transaction() as db:
            db.execute("INSERT INTO audit (at, user, action, target, detail) VALUES (?,?,?,?,?)",
                       (_now(), user, action, target, json.dumps(detail or {}, ensure_ascii=False)))

    def recent_failures(self, email: str, client: str | None, now: float | None = None) -> tuple[int, int]:
        """Failed logins of the last LOGIN_WINDOW_S from this address: for this account, and in all."""
        since = datetime.fromtimestamp((now or time.time()) - LOGIN_WINDOW_S, timezone.utc).isoformat(timespec="seconds")
        row = self._rows(
            "SELECT count(*) AS n, sum(target = ?) AS mine FROM audit INDEXED BY audit_by_action "
            "WHERE action = 'login_failed' AND at >= ? AND json_extract(detail, '$.client') IS ?",
            (normalise_login(email), since, client))[0]
        return row["mine"] or 0, row["n"]

    def audit_log(self, limit: int = 100, offset: int = 0, action: str | None = None) -> list[dict[str, Any]]:
        """The audit log, newest first."""
        args: tuple[Any, ...] = (action,) if action else ()
        sql = "SELECT * FROM audit" + (" WHERE action = ?" if action else "")
        rows = self._rows(sql + " ORDER BY id DESC LIMIT ? OFFSET ?", (*args, limit, offset))
        return [{**dict(r), "detail": json.loads(r["detail"])} for r in rows]


def _user(row: sqlite3.Row) -> User:
    return User(row["id"], row["email"], row["role"], row["created_at"], bool(row["disabled"]))


def _stale(last_used: str | None) -> bool:
    if last_used is None:
        return True
    age = datetime.now(timezone.utc) - datetime.fromisoformat(last_used)
    return age.total_seconds() >= LAST_USED_EVERY_S


def open_accounts(settings: Settings) -> Accounts:
    """Accounts on a connection of their own to the catalog (the CLI's user and token commands)."""
    return Accounts(Catalog(settings.catalog_path), settings.session_hours)


def ensure_admin(settings: Settings, accounts: Accounts) -> User | None:
    """Create the admin of EXPEDIENTE_ADMIN_EMAIL/PASSWORD when the archive has no user yet."""
    if not settings.admin_email or accounts.has_users():
        return None
    user = accounts.add_user(settings.admin_email, "admin", settings.admin_password)
    accounts.record("env:EXPEDIENTE_ADMIN_EMAIL", "user_add", user.email, {"role": "admin"})
    return user
