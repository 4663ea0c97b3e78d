"""Hostile input gets a 4xx with a reason, never a 500; every /api error is
`{"error": code, "message": ...}`; an unexpected exception is a logged 500, JSON or HTML."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from tests_support import settings_for
from web import create_app

HOSTILE_QUERIES = ["(" * 400 + "magavel" + ")" * 400, "-" * 999 + "x", "year:²", "year:99999999999999999999",
                   "amount:>=1,000,000,000,000,000,000", "date:99999999-99-99", "amount:١٢٣٤", "x" * 5000]


def assert_api_error(r, status: int, code: str | None = None) -> dict:
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"error", "code", "message", "lang"} and body["message"] and body["code"], body
    if code:
        assert body["error"] == code, body
    return body


@pytest.mark.parametrize("q", HOSTILE_QUERIES)
def test_hostile_queries_are_400_with_a_reason(client, q):
    assert_api_error(client.get("/api/search", params={"q": q}), 400, "query_syntax")
    assert client.get("/", params={"q": q}).status_code == 400
    assert client.get("/export/search.csv", params={"q": q}).status_code == 400


@pytest.mark.parametrize("offset", ["9223372036854775808", "18446744073709551616", "-1", "10001", "1e3", "²"])
def test_offsets_out_of_range_are_4xx(client, offset):
    assert_api_error(client.get("/api/search", params={"q": "magavel", "offset": offset}), 422, "invalid_request")
    assert client.get("/", params={"q": "magavel", "offset": offset}).status_code == 422
    assert_api_error(client.get("/api/documents", params={"offset": offset + "0" * 10}), 422, "invalid_request")


def test_a_page_of_hits_past_the_window_is_400(client):
    body = assert_api_error(client.get("/api/search", params={"q": "magavel", "offset": 9995, "limit": 20}), 400, "usage")
    assert "offset" in body["message"]
    assert client.get("/api/search", params={"q": "magavel", "offset": 9980, "limit": 20}).status_code == 200


@pytest.mark.parametrize("number", ["18446744073709551616", "9223372036854775808", "0", "-1", "1000001", "x"])
def test_page_numbers_out_of_range_are_4xx(client, number):
    doc = client.get("/api/documents").json()["documents"][0]["id"]
    for path in (f"/api/documents/{doc}/pages/{number}", f"/documents/{doc}/pages/{number}",
                 f"/documents/{doc}/pages/{number}/image"):
        r = client.get(path)
        assert 400 <= r.status_code < 500, (path, r.status_code)
    assert_api_error(client.get(f"/api/documents/{doc}/pages/{number}"), 422, "invalid_request")
    assert_api_error(client.get(f"/api/documents/{doc}/pages/999999"), 404, "not_found")


def test_unknown_routes_and_wrong_methods_use_the_json_error_format(client):
    body = assert_api_error(client.get("/api/no-such-thing"), 404, "not_found")
    assert "/api/no-such-thing" in body["message"]
    r = client.delete("/api/search", params={"q": "x"})
    assert_api_error(r, 405, "method_not_allowed")
    assert "GET" in r.headers["allow"]
    page = client.get("/no-such-page")
    assert page.status_code == 404 and "<html" in page.text and "/no-such-page" in page.text


def test_an_unexpected_exception_is_a_logged_500_json_or_html(tmp_path, caplog):
    app = create_app(settings_for(tmp_path), indexer=False)

    def broken() -> None:
        raise RuntimeError("a bug we did not see coming")

    app.add_api_route("/api/broken", broken)  # a real route that fails as a bug would
    app.add_api_route("/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as c, caplog.at_level(logging.ERROR, logger="web.app"):
        body = assert_api_error(c.get("/api/broken"), 500, "internal")
        assert "bug we did not see" not in body["message"]  # details go to the log, not to the client
        page = c.get("/broken")
        assert page.status_code == 500 and "<html" in page.text and "Traceback" not in page.text
        assert page.headers["x-content-type-options"] == "nosniff"
    assert any(r.exc_info and "bug we did not see" in str(r.exc_info[1]) for r in caplog.records)
