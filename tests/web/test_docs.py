"""/docs works offline: Swagger UI comes from a Python package, not a CDN, and runs under
the CSP (checked in a real Chromium with every request off this machine refused)."""

from __future__ import annotations

import re
import shutil
import threading
import time

import pytest
import uvicorn

from tests_support import free_port
from web import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_docs_page_loads_nothing_from_outside(client):
    r = client.get("/docs")
    assert r.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert urls and all(u.startswith("/") for u in urls), urls
    assert "<script>" not in r.text  # no inline script: the CSP allows none
    for url in urls:
        assert client.get(url).status_code == 200, url
    csp = r.headers["content-security-policy"]
    assert "img-src 'self' data:" in csp  # Swagger UI's icons; the rest as strict as everywhere
    assert "script-src 'self';" in csp and "style-src 'self';" in csp


def test_the_other_pages_keep_the_strict_csp(client):
    csp = client.get("/").headers["content-security-policy"]
    assert "style-src 'self';" in csp and "data:" not in csp
    assert client.get("/redoc").status_code == 404  # ReDoc needed a CDN: gone


@pytest.fixture(scope="module")
def server(tantivy_samples):
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(tantivy_samples.settings, indexer=False), host="127.0.0.1",
                                        port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)


@pytest.mark.browser
def test_swagger_ui_runs_offline_under_the_csp(server):
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: scripts/setup.sh --test installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            outside: list[str] = []
            page.route(re.compile(r"^(?!http://127\.0\.0\.1:)"), lambda route: (outside.append(route.request.url), route.abort()))
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.goto(server + "/docs")
            page.wait_for_selector(".opblock-summary-path", timeout=15000)  # the operations are listed
            paths = page.locator(".opblock-summary-path").all_inner_texts()
            assert any("/api/search" in x for x in paths)
            page.locator(".opblock-summary-path").first.click()  # an operation opens (its icons are data: URIs)
            page.wait_for_selector(".opblock-body", timeout=5000)
            page.goto(server + "/?q=magavel")  # and the app's own pages raise no CSP complaint either
            page.wait_for_selector("li.hit")
        finally:
            browser.close()
    assert outside == [] and problems == [], (outside, problems)


def test_the_schema_says_how_to_sign_in_with_a_token(client):
    schema = client.get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["token"] == {
        "type": "http", "scheme": "bearer", "description": schema["components"]["securitySchemes"]["token"]["description"]}
    assert {"token": []} in schema["security"]
    assert "/api/account/tokens" in schema["paths"] and "/api/users" in schema["paths"]
