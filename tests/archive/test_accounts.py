"""Accounts in the real catalog: users and roles, Argon2 passwords, hashed tokens and
sessions that expire, and the audit log."""

from __future__ import annotations

import sqlite3
import time

import pytest

from archive import ensure_admin, open_accounts
from expediente.errors import NotFound, UsageError
from tests_support import settings_for

PASSWORD = "correct horse battery"


@pytest.fixture
def accounts(tmp_path):
    accounts = open_accounts(settings_for(tmp_path))
    yield accounts
    accounts.close()


def test_users_roles_and_passwords(accounts):
    assert not accounts.has_users()
    admin = accounts.add_user(" Ana@Example.org ", "admin", PASSWORD)
    assert admin.email == "ana@example.org" and admin.role == "admin" and accounts.has_users()
    accounts.add_user("beto@example.org", "reader", PASSWORD)
    assert [u.email for u in accounts.users()] == ["ana@example.org", "beto@example.org"]
    assert accounts.verify_password("ANA@example.org", PASSWORD) == admin
    assert accounts.verify_password("ana@example.org", PASSWORD + "!") is None
    assert accounts.verify_password("nadie@example.org", PASSWORD) is None
    editor = accounts.set_role("beto@example.org", "editor")
    assert editor.can("editor") and editor.can("reader") and not editor.can("admin")


def test_the_password_is_stored_as_an_argon2_hash(accounts):
    accounts.add_user("ana@example.org", "admin", PASSWORD)
    stored = sqlite3.connect(accounts.catalog.path).execute("SELECT password FROM users").fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


@pytest.mark.parametrize("email, role, password", [
    ("not-an-email", "reader", PASSWORD), ("ana@example.org", "owner", PASSWORD), ("ana@example.org", "reader", "short")])
def test_bad_users_are_refused(accounts, email, role, password):
    with pytest.raises(UsageError):
        accounts.add_user(email, role, password)
    assert not accounts.has_users()


def test_an_email_has_one_account_and_the_last_admin_stays_admin(accounts):
    accounts.add_user("ana@example.org", "admin", PASSWORD)
    with pytest.raises(UsageError, match="already has an account"):
        accounts.add_user("ANA@example.org", "reader", PASSWORD)
    with pytest.raises(UsageError, match="only admin"):
        accounts.set_role("ana@example.org", "editor")
    with pytest.raises(NotFound):
        accounts.set_role("nadie@example.org", "editor")


def test_tokens_are_shown_once_and_stored_hashed(accounts):
    accounts.add_user("ana@example.org", "editor", PASSWORD)
    token = accounts.create_token("ana@example.org", "laptop")
    assert token.startswith("exp_") and len(token) > 40
    assert accounts.user_for_token(token).email == "ana@example.org"
    assert accounts.user_for_token(token + "x") is None
    dump = "\n".join(sqlite3.connect(accounts.catalog.path).iterdump())
    assert token not in dump
    [listed] = accounts.tokens("ana@example.org")
    assert listed["name"] == "laptop" and listed["last_used"] is not None


def test_a_session_expires_after_session_hours(tmp_path):
    accounts = open_accounts(settings_for(tmp_path, session_hours=2))
    try:
        user = accounts.add_user("ana@example.org", "reader", PASSWORD)
        secret = accounts.create_session(user)
        assert accounts.user_for_session(secret) == user
        assert accounts.user_for_session(secret, now=time.time() + 2 * 3600 - 60) == user
        assert accounts.user_for_session(secret, now=time.time() + 2 * 3600 + 1) is None
        old = accounts.create_session(user, now=time.time() - 3 * 3600)  # signed in three hours ago
        assert accounts.user_for_session(old) is None
        accounts.delete_session(secret)
        assert accounts.user_for_session(secret) is None
    finally:
        accounts.close()


def test_the_audit_log_newest_first(accounts):
    accounts.record("ana@example.org", "upload", "batch-1", {"jobs": [1, 2], "files": ["a.pdf", "b.pdf"]})
    accounts.record(None, "document_delete", "abc")
    log = accounts.audit_log()
    assert [e["action"] for e in log] == ["document_delete", "upload"]
    assert log[1]["detail"] == {"jobs": [1, 2], "files": ["a.pdf", "b.pdf"]} and log[1]["user"] == "ana@example.org"
    assert [e["action"] for e in accounts.audit_log(action="upload")] == ["upload"]


def test_the_admin_from_the_environment_is_created_once(tmp_path):
    settings = settings_for(tmp_path, admin_email="jefa@example.org", admin_password=PASSWORD)
    accounts = open_accounts(settings)
    try:
        assert ensure_admin(settings, accounts).role == "admin"
        assert ensure_admin(settings, accounts) is None
        assert accounts.audit_log()[0]["action"] == "user_add"
        assert accounts.verify_password("jefa@example.org", PASSWORD) is not None
    finally:
        accounts.close()
