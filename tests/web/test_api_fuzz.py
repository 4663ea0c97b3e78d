"""Fuzzing the HTTP API and pages in process: whatever a client sends in a query string or
a path segment (unicode, NUL, huge and negative numbers, query syntax), the answer is never
a 5xx, and every /api error is `{"error": code, "message": ...}`."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

NUMBERS = st.one_of(
    st.sampled_from([0, 1, 2, 10_000, 10_001, 2**31, 2**63 - 1, 2**63, 2**64, -(2**63) - 1]),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=2**62, max_value=2**80),
).map(str)
PIECES = st.sampled_from(["(", ")", '"', "-", "*", "~", ":", "amount:", "year:", "date:", "doc:", "vendor:", "OR", "NOT",
                          ">=", "..", "²", "٣", "１", "EA-IT20-2020", "magavel", "1,023,123", "\x00", "%", "/", "\\",
                          "ñ", "🙂", " ", "9" * 25])
TEXT = st.one_of(st.text(max_size=40), st.lists(PIECES, max_size=10).map("".join), NUMBERS)
VALUE = st.one_of(TEXT, NUMBERS)
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def known(client) -> dict:
    doc = client.get("/api/documents").json()["documents"][0]
    return {"doc": doc["id"], "pages": doc["page_count"]}


def segment(value: str) -> str:
    return quote(value, safe="")


def check(client, path: str, params: dict) -> None:
    r = client.get(path, params=params)
    assert r.status_code < 500, (path, params, r.status_code, r.text[:300])
    if path.startswith("/api/") and r.status_code >= 400:
        body = r.json()
        assert set(body) == {"error", "code", "message", "lang"} and isinstance(body["error"], str) and body["message"], body


def routes(doc: st.SearchStrategy[str], number: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[str, dict]]:
    """(path, query parameters) for every GET route, real ids mixed with random ones."""
    maybe = st.dictionaries(st.sampled_from(["q", "limit", "offset", "doc", "kind", "lang"]), VALUE, max_size=4)
    return st.one_of(
        st.tuples(st.sampled_from(["/api/search", "/", "/export/search.csv"]),
                  st.fixed_dictionaries({"q": TEXT}, optional={"limit": NUMBERS, "offset": NUMBERS, "doc": VALUE})),
        st.tuples(st.sampled_from(["/api/documents", "/documents", "/export/entities.csv", "/api/failures"]), maybe),
        st.tuples(st.builds(lambda p, d: p + segment(d), st.sampled_from(["/api/documents/", "/documents/"]), doc), maybe),
        st.tuples(st.builds(lambda p, d, n, s: f"{p}{segment(d)}/pages/{segment(n)}{s}",
                            st.sampled_from(["/api/documents/", "/documents/"]), doc, number, st.sampled_from(["", "/image"])),
                  maybe),
        st.tuples(st.builds(lambda p, n: p + segment(n), st.sampled_from(["/api/vendors/", "/vendors/"]), TEXT), maybe),
        st.tuples(st.builds(lambda t: "/api/" + segment(t), TEXT), maybe),
    )


@FUZZ
@given(data=st.data())
def test_no_route_answers_5xx_to_anything(client, known, data):
    doc = st.one_of(st.just(known["doc"]), TEXT)
    number = st.one_of(st.integers(min_value=1, max_value=known["pages"]).map(str), NUMBERS, TEXT)
    path, params = data.draw(routes(doc, number))
    check(client, path, params)


@FUZZ
@given(q=TEXT, offset=NUMBERS, limit=NUMBERS)
def test_search_parameters_never_give_5xx(client, known, q, offset, limit):
    check(client, "/api/search", {"q": q, "offset": offset, "limit": limit})
    check(client, f"/api/documents/{known['doc']}", {"q": q})
    check(client, f"/documents/{known['doc']}/pages/1", {"q": q})


@FUZZ
@given(number=st.one_of(NUMBERS, TEXT), q=TEXT, image=st.booleans())
def test_page_numbers_never_give_5xx(client, known, number, q, image):
    check(client, f"/api/documents/{known['doc']}/pages/{segment(number)}", {"q": q})
    check(client, f"/documents/{known['doc']}/pages/{segment(number)}" + ("/image" if image else ""), {"q": q})
