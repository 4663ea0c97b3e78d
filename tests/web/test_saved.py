"""Saved searches through the web app on both engines: save from the search page (CSRF),
/saved and /api/saved with pages now and new since the last visit, opening marks it seen,
webhooks posted to a real local server after an ingest batch, and each user's own only."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from tests_support import ENGINE_PARAMS, csrf_token, drop_es_index, ingest_paths, make_pdf, make_settings
from web import create_app
from webhook_server import webhook_server

PASSWORD = "una contraseña larga"
USERS = {"editor": "editor@example.org", "reader": "lector@example.org"}


@pytest.fixture(params=ENGINE_PARAMS)
def site(request, tmp_path):
    settings = make_settings(tmp_path / "data", request.param)
    ingest_paths([make_pdf(tmp_path / "primero.pdf", ["Contrato con Magavel.", "Anexo sin nombres."])], settings)
    app = create_app(settings, indexer=False)
    with TestClient(app):
        accounts = app.state.archive.accounts
        for role, email in USERS.items():
            accounts.add_user(email, role, PASSWORD)
        tokens = {role: {"Authorization": f"Bearer {accounts.create_token(email, 't')}"} for role, email in USERS.items()}
        yield SimpleNamespace(app=app, settings=settings, tokens=tokens, tmp=tmp_path)
    drop_es_index(settings)


def _ingest(site, name: str, pages: list[str]) -> None:
    assert not ingest_paths([make_pdf(site.tmp / name, pages)], site.settings).failed


def _browser(site, email: str) -> TestClient:
    client = TestClient(site.app)
    token = csrf_token(client, "/login")
    r = client.post("/login", data={"email": email, "password": PASSWORD, "next": "/", "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303
    return client


def test_a_reader_saves_from_the_search_page_and_sees_new_pages_until_opening_it(site):
    browser = _browser(site, USERS["reader"])
    page = browser.get("/", params={"q": "magavel", "sort": "date"})
    assert 'action="/saved"' in page.text and 'name="sort" value="date"' in page.text
    form = {"name": "Magavel", "q": "magavel", "sort": "date", "webhook": ""}
    assert browser.post("/saved", data=form, follow_redirects=False).status_code == 403  # no CSRF token
    saved = browser.post("/saved", data={**form, "csrf_token": csrf_token(browser, "/saved")}, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == "/saved"
    [mine] = browser.get("/api/saved").json()["saved"]
    assert (mine["name"], mine["total"], mine["new_pages"], mine["options"]["sort"]) == ("Magavel", 1, 0, "date")

    _ingest(site, "segundo.pdf", ["Factura de Magavel.", "Pago a MAGAVEL.", "Nada."])
    listing = browser.get("/saved")
    assert "2 nuevas páginas" in listing.text and "3 páginas coinciden" in listing.text
    assert "2 new pages" in browser.get("/saved", params={"lang": "en"}).text
    opened = browser.get(f"/saved/{mine['id']}", follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"] == "/?q=magavel&sort=date"
    [after] = browser.get("/api/saved").json()["saved"]
    assert (after["total"], after["new_pages"]) == (3, 0)
    assert "nuevas páginas" not in browser.get("/saved").text


def test_a_webhook_gets_the_new_pages_and_its_outcome_is_shown(site):
    with webhook_server() as (url, received):
        r = site_post(site, "editor", {"name": "RFC", "query": "SIM1508193C1", "webhook": url})
        assert r.status_code == 201, r.text
        _ingest(site, "factura.pdf", ["Emisor SIM1508193C1", "Receptor", "Emisor SIM1508193C1 de nuevo"])
        assert len(received) == 1
        body = received[0]["json"]
        assert body["new_pages"] == 2 and body["name"] == "RFC" and body["url"] == "http://testserver/?q=SIM1508193C1"
        assert [(h["filename"], h["page"]) for h in body["hits"]] == [("factura.pdf", 1), ("factura.pdf", 3)]
        assert all(h["url"].startswith("http://testserver/documents/") for h in body["hits"])
        received.status = 500
        _ingest(site, "factura2.pdf", ["Otra vez SIM1508193C1"])
    client = TestClient(site.app)
    [mine] = client.get("/api/saved", headers=site.tokens["editor"]).json()["saved"]
    assert (mine["new_pages"], mine["last_status"], mine["last_error"]) == (3, "500", "HTTP 500")
    assert "HTTP 500" in client.get("/saved", headers=site.tokens["editor"]).text


def site_post(site, role: str, body: dict, lang: str = "es"):
    return TestClient(site.app).post("/api/saved", json=body, headers={**site.tokens[role], "Accept-Language": lang})


@pytest.mark.parametrize("lang, words", [("es", "dirección http://"), ("en", "http:// or https:// address")])
def test_bad_input_is_a_clear_4xx_in_the_users_language(site, lang, words):
    bad = site_post(site, "editor", {"name": "x", "query": "magavel", "webhook": "ftp://example.org/x"}, lang)
    assert bad.status_code == 400 and bad.json()["code"] == "saved_bad_webhook" and words in bad.json()["message"]
    reader_hook = site_post(site, "reader", {"name": "x", "query": "magavel", "webhook": "https://example.org/x"}, lang)
    assert reader_hook.status_code == 403 and reader_hook.json()["code"] == "saved_webhook_role"
    for body, code in (({"name": "x", "query": "(magavel"}, "query_unclosed"), ({"name": " ", "query": "a"}, "saved_bad_name"),
                       ({"name": "x", "query": "a", "sort": "nada"}, "search_bad_sort"), ({"name": "x"}, "invalid_request")):
        r = site_post(site, "reader", body, lang)
        assert 400 <= r.status_code < 500 and r.json()["code"] == code and r.json()["lang"] == lang, r.text


def test_each_user_sees_and_deletes_only_their_own(site):
    mine = site_post(site, "reader", {"name": "mía", "query": "magavel"}).json()
    client = TestClient(site.app)
    assert client.get("/api/saved", headers=site.tokens["editor"]).json()["saved"] == []
    other = client.delete(f"/api/saved/{mine['id']}", headers=site.tokens["editor"])
    assert other.status_code == 404 and other.json()["code"] == "saved_not_found"
    assert client.get("/api/saved").status_code == 401  # no account, no saved searches
    opened = client.get(f"/api/saved/{mine['id']}", headers=site.tokens["reader"]).json()
    assert opened["search"]["total"] == 1 and opened["saved"]["name"] == "mía"
    assert client.delete(f"/api/saved/{mine['id']}", headers=site.tokens["reader"]).json() == {"deleted": mine["id"]}
    assert client.get("/api/saved", headers=site.tokens["reader"]).json()["saved"] == []
