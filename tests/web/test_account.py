"""A user's own tokens and the admins' form to add users, through the real routes."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests_support import csrf_token, settings_for
from web import create_app

PASSWORD = "una contraseña larga"


def login(client: TestClient, email: str) -> None:
    token = csrf_token(client, "/login")
    r = client.post("/login", data={"email": email, "password": PASSWORD, "next": "/", "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303


def test_admins_add_users_from_the_browser_and_the_api(tmp_path):
    app = create_app(settings_for(tmp_path), indexer=False)
    with TestClient(app) as client:
        accounts = app.state.archive.accounts
        accounts.add_user("jefa@example.org", "admin", PASSWORD)
        admin_token = accounts.create_token("jefa@example.org", "tests")
        login(client, "jefa@example.org")
        form = {"email": "Beto@Example.org", "role": "editor", "password": PASSWORD,
                "csrf_token": csrf_token(client, "/admin/users")}
        assert client.post("/admin/users", data=form, follow_redirects=False).status_code == 303
        assert "beto@example.org" in client.get("/admin/users").text
        assert accounts.user("beto@example.org").role == "editor"
        again = client.post("/admin/users", data=form, follow_redirects=False)
        assert again.status_code == 400 and "beto@example.org ya tiene una cuenta" in again.text
        short = client.post("/api/users", json={"email": "ana@example.org", "role": "reader", "password": "corta"},
                            headers={"Authorization": f"Bearer {admin_token}", "Accept-Language": "en"})
        assert short.status_code == 400 and short.json()["code"] == "password_short"
        assert "at least 10 characters" in short.json()["message"]
        made = client.post("/api/users", json={"email": "ana@example.org", "role": "reader", "password": PASSWORD},
                           headers={"Authorization": f"Bearer {admin_token}"})
        assert made.status_code == 201 and made.json()["role"] == "reader"
        reader_token = accounts.create_token("ana@example.org", "x")
        refused = client.post("/api/users", json={"email": "eva@example.org", "role": "admin", "password": PASSWORD},
                              headers={"Authorization": f"Bearer {reader_token}"})
        assert refused.status_code == 403
        assert [e["target"] for e in accounts.audit_log(action="user_add")] == ["ana@example.org", "beto@example.org"]


def test_a_reader_makes_and_revokes_a_token_of_their_own(tmp_path):
    app = create_app(settings_for(tmp_path), indexer=False)
    with TestClient(app) as client:
        app.state.archive.accounts.add_user("lector@example.org", "reader", PASSWORD)
        login(client, "lector@example.org")
        page = client.post("/account/tokens", data={"name": "portatil", "csrf_token": csrf_token(client, "/account")})
        assert page.status_code == 200 and "no se volverá a mostrar" in page.text
        token = re.search(r'<code class="token">(exp_[\w-]+)</code>', page.text).group(1)
        assert token not in client.get("/account").text  # shown once
        script = TestClient(app)
        me = script.get("/api/me", headers={"Authorization": f"Bearer {token}"})
        assert me.json()["user"]["email"] == "lector@example.org"
        mine = script.get("/api/account", headers={"Authorization": f"Bearer {token}"}).json()
        assert [t["name"] for t in mine["tokens"]] == ["portatil"] and token not in str(mine)
        revoked = client.post("/account/tokens/revoke", data={"name": "portatil", "csrf_token": csrf_token(client, "/account")},
                              follow_redirects=False)
        assert revoked.status_code == 303
        assert script.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
        gone = client.delete("/api/account/tokens/portatil", headers={"X-CSRF-Token": client.cookies.get("expediente_csrf"),
                                                                      "Accept-Language": "es"})
        assert gone.status_code == 404 and "No tiene ningún token llamado «portatil»" in gone.json()["message"]


def test_a_local_archive_without_users_has_no_tokens(tmp_path):
    with TestClient(create_app(settings_for(tmp_path), indexer=False)) as client:
        assert "no tiene cuentas" in client.get("/account").text
        r = client.post("/api/account/tokens", json={"name": "x"})
        assert r.status_code == 400 and r.json()["code"] == "token_needs_user"
