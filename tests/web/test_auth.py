"""Accounts in the web app through its real routes: roles, login sessions, API tokens,
CSRF protection of every form, and the audit log (in-process client, real catalog)."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from tests_support import RESOURCES, csrf_token, make_pdf, settings_for, wait_for_jobs
from web import create_app

PASSWORD = "una contraseña larga"
USERS = {"admin": "jefa@example.org", "editor": "editor@example.org", "reader": "lector@example.org"}
PDF = ("files", ("oficio.pdf", b"%PDF-1.4 not really", "application/pdf"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """An app on an empty archive with an admin, an editor and a reader, each with a token."""
    app = create_app(settings_for(tmp_path_factory.mktemp("auth")), indexer=False)
    with TestClient(app):
        accounts = app.state.archive.accounts
        for role, email in USERS.items():
            accounts.add_user(email, role, PASSWORD)
        tokens = {role: accounts.create_token(email, "tests") for role, email in USERS.items()}
        yield SimpleNamespace(app=app, accounts=accounts, tokens=tokens)


@pytest.fixture
def client(site):
    """A browser of its own (its own cookies) on the shared app."""
    return TestClient(site.app)


def bearer(site, role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {site.tokens[role]}"}


def login(client: TestClient, email: str, password: str = PASSWORD, next: str = "/"):
    token = csrf_token(client, "/login")
    return client.post("/login", data={"email": email, "password": password, "next": next, "csrf_token": token},
                       follow_redirects=False)


# -- one person's local archive: no users --------------------------------------------


def test_without_users_the_archive_is_open_but_form_posts_need_their_token(tmp_path):
    with TestClient(create_app(settings_for(tmp_path), indexer=False)) as client:
        assert client.get("/api/search", params={"q": "magavel"}).status_code == 200
        assert client.get("/api/me").json() == {"user": None, "auth_required": False}
        assert client.post("/api/upload", files=[PDF]).status_code == 202  # scripts: no cookie, no origin
        refused = client.post("/upload", files=[PDF], follow_redirects=False)
        assert refused.status_code == 403 and "El formulario caducó" in refused.text
        ok = client.post("/upload", files=[PDF], data={"csrf_token": csrf_token(client)}, follow_redirects=False)
        assert ok.status_code == 303 and ok.headers["location"].startswith("/activity?batch=")
        assert [e["action"] for e in client.get("/api/audit").json()["entries"]] == ["upload", "upload"]


@pytest.mark.parametrize("with_users", [False, True])
def test_a_cross_site_form_post_is_refused(tmp_path, with_users):
    app = create_app(settings_for(tmp_path), indexer=False)
    with TestClient(app) as client:
        token = csrf_token(client)
        if with_users:
            app.state.archive.accounts.add_user(USERS["editor"], "editor", PASSWORD)
            assert login(client, USERS["editor"]).status_code == 303
            token = csrf_token(client)
        evil = {"Origin": "https://evil.example"}
        r = client.post("/upload", files=[PDF], data={"csrf_token": token}, headers=evil)
        assert r.status_code == 403 and "viene de otro sitio web" in r.text
        r = client.post("/upload", files=[PDF], data={"csrf_token": token},
                        headers={"Referer": "https://evil.example/form.html", "Accept-Language": "en"})
        assert r.status_code == 403 and "came from another web site" in r.text
        r = client.post("/api/upload", files=[PDF], headers=evil)
        assert r.status_code == 403 and r.json()["error"] == "csrf"
        r = client.post("/upload", files=[PDF], data={"csrf_token": "forged-" + token[7:]}, follow_redirects=False)
        assert r.status_code == 403
        same = client.post("/upload", files=[PDF], data={"csrf_token": token}, follow_redirects=False,
                           headers={"Origin": "http://testserver"})
        assert same.status_code == 303
        assert len(app.state.archive.jobs.list()) == 1


# -- roles ----------------------------------------------------------------------------


def test_anonymous_reads_and_writes_are_refused_once_a_user_exists(client):
    r = client.get("/api/search", params={"q": "magavel"})
    assert r.status_code == 401 and r.json()["error"] == "unauthorized" and r.headers["www-authenticate"] == "Bearer"
    page = client.get("/documents", params={"offset": 0}, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?next=%2Fdocuments%3Foffset%3D0"
    assert client.post("/api/upload", files=[PDF]).status_code == 401
    assert client.delete("/api/documents/abc").status_code == 401
    assert client.patch("/api/documents/abc", json={"title": "x"}).status_code == 401
    assert client.post("/jobs/1/retry", data={"csrf_token": csrf_token(client, "/login")}).status_code == 401
    assert client.get("/login").status_code == 200 and client.get("/static/style.css").status_code == 200


def test_a_reader_reads_but_cannot_write(site, client):
    assert client.get("/api/search", params={"q": "magavel"}, headers=bearer(site, "reader")).status_code == 200
    r = client.post("/api/upload", files=[PDF], headers=bearer(site, "reader"))
    assert r.status_code == 403 and r.json()["error"] == "forbidden" and "lector" in r.json()["message"]
    assert client.delete("/api/jobs/1", headers=bearer(site, "reader")).status_code == 403


def test_an_editor_uploads_and_the_upload_is_audited(site, client):
    r = client.post("/api/upload", files=[PDF, ("files", ("anexo.pdf", b"%PDF-1.4", "application/pdf"))],
                    headers=bearer(site, "editor"))
    assert r.status_code == 202
    ids = [j["id"] for j in r.json()["jobs"]]
    assert all(j["user"] == USERS["editor"] for j in r.json()["jobs"])
    entry = next(e for e in site.accounts.audit_log(action="upload") if e["target"] == r.json()["batch"])
    assert entry["user"] == USERS["editor"] and entry["detail"] == {"jobs": ids, "files": ["oficio.pdf", "anexo.pdf"]}


def test_only_admins_read_the_audit_log_and_manage_users(site, client):
    for role in ("reader", "editor"):
        assert client.get("/api/audit", headers=bearer(site, role)).status_code == 403
        assert client.get("/api/users", headers=bearer(site, role)).status_code == 403
        assert client.get("/admin/audit", headers=bearer(site, role)).status_code == 403
    assert client.get("/api/audit", headers=bearer(site, "admin")).status_code == 200
    users = client.get("/api/users", headers=bearer(site, "admin")).json()["users"]
    assert {u["email"]: u["role"] for u in users} == {v: k for k, v in USERS.items()}
    assert "jefa@example.org" in client.get("/admin/users", headers=bearer(site, "admin")).text


def test_an_admin_changes_a_role_in_the_page_and_the_api(site, client):
    site.accounts.add_user("nuevo@example.org", "reader", PASSWORD)
    login(client, USERS["admin"])
    r = client.post("/admin/users/role", data={"email": "nuevo@example.org", "role": "editor",
                                               "csrf_token": csrf_token(client, "/admin/users")}, follow_redirects=False)
    assert r.status_code == 303 and site.accounts.user("nuevo@example.org").role == "editor"
    r = client.patch("/api/users/nuevo@example.org", json={"role": "sultan"}, headers=bearer(site, "admin"))
    assert r.status_code == 400
    r = client.patch("/api/users/nuevo@example.org", json={"role": "reader"}, headers=bearer(site, "admin"))
    assert r.status_code == 200 and r.json()["role"] == "reader"
    changes = [e for e in site.accounts.audit_log(action="role_change") if e["target"] == "nuevo@example.org"]
    assert [e["detail"] for e in changes] == [{"from": "editor", "to": "reader"}, {"from": "reader", "to": "editor"}]
    assert {e["user"] for e in changes} == {USERS["admin"]}


# -- login, sessions, tokens -------------------------------------------------------------


def test_login_sets_a_safe_session_cookie_and_logout_ends_it(site, client):
    r = login(client, USERS["editor"], next="/activity")
    assert r.status_code == 303 and r.headers["location"] == "/activity"
    cookie = next(c for c in r.headers.get_list("set-cookie") if c.startswith("expediente_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    page = client.get("/")
    assert page.status_code == 200 and "Sesión de editor@example.org" in page.text and 'action="/logout"' in page.text
    assert client.get("/api/me").json()["user"]["role"] == "editor"
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")}, follow_redirects=False)
    assert client.get("/api/me").status_code == 401


def test_the_session_cookie_is_secure_over_https(site):
    client = TestClient(site.app, base_url="https://testserver")
    r = login(client, USERS["reader"])
    cookie = next(c for c in r.headers.get_list("set-cookie") if c.startswith("expediente_session="))
    assert "Secure" in cookie


def test_login_goes_back_only_to_a_page_of_this_site(site, client):
    assert login(client, USERS["reader"], next="//evil.example/x").headers["location"] == "/"


def test_a_wrong_password_fails_and_is_audited(site, client):
    r = login(client, USERS["admin"], password="adivinanza equivocada")
    assert r.status_code == 401 and "Correo o contraseña incorrectos" in r.text
    assert "expediente_session" not in r.headers.get("set-cookie", "")
    login(client, "nadie@example.org")
    failed = site.accounts.audit_log(action="login_failed")[:2]
    assert [e["target"] for e in failed] == ["nadie@example.org", USERS["admin"]]
    assert all("adivinanza" not in str(e) for e in failed)


def test_repeated_failed_logins_make_that_address_wait(tmp_path):
    app = create_app(settings_for(tmp_path), indexer=False)
    with TestClient(app) as first:
        accounts = app.state.archive.accounts
        accounts.add_user(USERS["editor"], "editor", PASSWORD)
        accounts.add_user(USERS["reader"], "reader", PASSWORD)
        for _ in range(5):
            assert login(first, USERS["editor"], password="adivinanza equivocada").status_code == 401
        waiting = login(first, USERS["editor"])  # the right password: not even tried now
        assert waiting.status_code == 429 and waiting.headers["retry-after"] == "900"
        assert "Demasiados intentos fallidos: espere 15 minutos" in waiting.text
        assert "expediente_session" not in waiting.headers.get("set-cookie", "")
        first.headers["Accept-Language"] = "en"
        assert "Too many failed logins: wait 15 minutes" in login(first, USERS["editor"]).text
        assert login(first, USERS["reader"]).status_code == 303  # another account from that address
        elsewhere = TestClient(app, client=("203.0.113.7", 40000))
        assert login(elsewhere, USERS["editor"]).status_code == 303  # the account from another address
        assert [e["action"] for e in accounts.audit_log(action="login_throttled")] == ["login_throttled"] * 2
        with accounts.catalog.transaction() as db:  # a quarter of an hour later
            db.execute("UPDATE audit SET at = '2000-01-01T00:00:00+00:00' WHERE action = 'login_failed'")
        assert login(first, USERS["editor"]).status_code == 303


def test_one_address_trying_many_accounts_waits_too(tmp_path):
    app = create_app(settings_for(tmp_path), indexer=False)
    with TestClient(app) as client:
        app.state.archive.accounts.add_user(USERS["reader"], "reader", PASSWORD)
        for n in range(20):
            assert login(client, f"persona{n}@example.org", password="adivinanza").status_code == 401
        assert login(client, USERS["reader"]).status_code == 429


def test_an_expired_session_is_a_signed_out_browser(site, client):
    user = site.accounts.user(USERS["editor"])
    secret = site.accounts.create_session(user, now=time.time() - 13 * 3600)  # signed in 13 hours ago
    client.cookies.set("expediente_session", secret)
    assert client.get("/api/me").status_code == 401
    assert client.get("/", follow_redirects=False).headers["location"].startswith("/login")
    client.cookies.set("expediente_session", site.accounts.create_session(user))
    assert client.get("/api/me").json()["user"]["email"] == USERS["editor"]


def test_a_session_needs_a_sign_of_our_own_pages_for_api_writes(site, client):
    login(client, USERS["editor"])
    assert client.post("/api/upload", files=[PDF]).status_code == 403  # a cookie alone proves nothing
    assert client.post("/api/upload", files=[PDF], headers={"Origin": "http://testserver"}).status_code == 202
    token = csrf_token(client, "/upload")
    assert client.post("/api/upload", files=[PDF], headers={"X-CSRF-Token": token}).status_code == 202


def test_tokens_authenticate_the_api_and_skip_csrf(site, client):
    r = client.post("/upload", files=[PDF], headers=bearer(site, "editor"), follow_redirects=False)
    assert r.status_code == 303  # no cookie, no form token: the bearer token is the proof
    bad = client.get("/api/documents", headers={"Authorization": "Bearer exp_not-a-token"})
    assert bad.status_code == 401 and "tokens create" in bad.json()["message"]


# -- every write is audited ---------------------------------------------------------------


def test_edits_deletes_retries_and_removals_are_audited(tmp_path):
    app = create_app(settings_for(tmp_path))
    with TestClient(app) as client:
        app.state.archive.accounts.add_user(USERS["editor"], "editor", PASSWORD)
        headers = {"Authorization": "Bearer " + app.state.archive.accounts.create_token(USERS["editor"])}
        good = make_pdf(tmp_path / "oficio.pdf", ["Oficio de prueba sobre cámaras"])
        files = [("files", ("oficio.pdf", good.read_bytes(), "application/pdf")),
                 ("files", ("encrypted.pdf", (RESOURCES / "encrypted.pdf").read_bytes(), "application/pdf"))]
        batch = client.post("/api/upload", files=files, headers=headers).json()["batch"]
        client.headers.update(headers)
        jobs = {j["filename"]: j for j in wait_for_jobs(client, batch)}
        doc_id, failed = jobs["oficio.pdf"]["document_id"], jobs["encrypted.pdf"]["id"]
        assert client.patch(f"/api/documents/{doc_id}", json={"title": "Oficio corregido"}).status_code == 200
        assert client.post(f"/api/jobs/{failed}/retry").status_code == 200
        wait_for_jobs(client, batch)
        assert client.delete(f"/api/jobs/{failed}").status_code == 200
        assert client.delete(f"/api/documents/{doc_id}").status_code == 202
        log = app.state.archive.accounts.audit_log()
    assert [e["action"] for e in log] == ["document_delete", "job_remove", "job_retry", "document_edit", "upload"]
    assert {e["user"] for e in log} == {USERS["editor"]}
    assert log[3]["detail"]["changes"] == {"title": ["Oficio de prueba sobre cámaras", "Oficio corregido"]}
    assert log[2]["target"] == str(failed) and log[0]["target"] == doc_id
