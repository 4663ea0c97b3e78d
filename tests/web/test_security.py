"""Security on every response: headers, the Host allow-list, request bodies capped while
they stream in (real app, in-process client; a real uvicorn server for the chunked body)."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import uvicorn
from fastapi.testclient import TestClient

from tests_support import free_port, settings_for
from web import create_app

PATHS = ["/", "/?q=magavel", "/documents", "/api/search?q=magavel", "/api/documents", "/static/style.css",
         "/no-such-page", "/api/no-such-route", "/?q=(magavel", "/openapi.json"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client, path):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self';" in csp
    assert "unsafe-inline" not in csp.split("style-src-attr")[0]  # inline style attributes only, no inline script
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "same-origin"


def test_no_template_needs_an_inline_script(client):
    for path in ("/", "/?q=magavel", "/documents", "/upload", "/activity"):
        html = client.get(path).text
        assert "<script>" not in html and " onclick=" not in html and "javascript:" not in html


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.2", "localhost.evil.example"])
def test_a_host_not_allowed_gets_400(client, host):
    api = client.get("/api/documents", headers={"Host": host})
    assert api.status_code == 400 and api.json()["error"] == "host_not_allowed"
    assert "EXPEDIENTE_ALLOWED_HOSTS" in api.json()["message"]
    page = client.get("/", headers={"Host": host})
    assert page.status_code == 400 and "EXPEDIENTE_ALLOWED_HOSTS" in page.text
    assert page.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:80", "[::1]:8000", "testserver"])
def test_the_loopback_names_are_allowed(client, host):
    assert client.get("/api/documents", headers={"Host": host}).status_code == 200


def test_allowed_hosts_come_from_the_settings(tmp_path):
    app = create_app(settings_for(tmp_path, allowed_hosts=("archivo.example.org",)), indexer=False)
    with TestClient(app, base_url="http://archivo.example.org") as c:
        assert c.get("/api/documents").status_code == 200
        assert c.get("/api/documents", headers={"Host": "127.0.0.1"}).status_code == 400


@pytest.fixture
def small_cap(tmp_path):
    settings = settings_for(tmp_path, max_upload_mb=1)
    with TestClient(create_app(settings, indexer=False)) as c:
        yield c, settings


def _stored(settings) -> list:
    return [p for p in settings.data_dir.rglob("*") if p.is_file() and "originals" in p.parts]


def test_a_declared_body_over_the_cap_is_refused_before_it_is_read(small_cap):
    client, settings = small_cap
    big = ("files", ("big.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024), "application/pdf"))
    api = client.post("/api/upload", files=[big])
    assert api.status_code == 413 and api.json()["error"] == "body_too_large"
    assert "1 MB" in api.json()["message"] and "EXPEDIENTE_MAX_UPLOAD_MB" in api.json()["message"]
    page = client.post("/upload", files=[big])
    assert page.status_code == 413 and "EXPEDIENTE_MAX_UPLOAD_MB" in page.text and "<html" in page.text
    assert _stored(settings) == [] and client.get("/api/jobs").json()["jobs"] == []
    small = ("files", ("small.pdf", b"%PDF-1.4\n" + b"0" * 1000, "application/pdf"))
    assert client.post("/api/upload", files=[small]).status_code == 202  # under the cap: accepted


def test_a_chunked_body_is_cut_off_as_it_grows_past_the_cap(tmp_path):
    """A real server, a body without Content-Length: the 413 comes after about 1 MB of a
    64 MB body, and nothing is stored."""
    settings = settings_for(tmp_path, max_upload_mb=1)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, indexer=False), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        sent, answer = _send_chunked(port, total=64 * 1024 * 1024)
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        assert b'"error":"body_too_large"' in answer
        assert sent < 16 * 1024 * 1024  # refused early, not after reading it all
        assert _stored(settings) == []
    finally:
        server.should_exit = True
        thread.join(10)


def _send_chunked(port: int, total: int) -> tuple[int, bytes]:
    boundary = "b0undary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.pdf\"\r\n"
            "Content-Type: application/pdf\r\n\r\n").encode()
    chunk = b"0" * 65536
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall((f"POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                   f"Content-Type: multipart/form-data; boundary={boundary}\r\n\r\n").encode())
        s.sendall(b"%x\r\n%s\r\n" % (len(head), head))
        try:
            while sent < total:
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed: what we want
        s.settimeout(10)
        answer = b""
        try:
            while part := s.recv(65536):
                answer += part
        except (ConnectionResetError, TimeoutError):
            pass
    return sent, answer
