"""Errors inside results (a batch term, a saved search whose query no longer parses) are said
in the reader's language too, in the page, its JSON twin and the CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from archive.archive import SearchOptions
from archive.saved import SavedSearches
from tests_support import csrf_token, settings_for
from web import create_app

BROKEN = "monto:abc"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = create_app(settings_for(tmp_path_factory.mktemp("rowerrors")), indexer=False)
    with TestClient(app) as c:
        yield c


@pytest.mark.parametrize("lang, said", [("es", "no es un monto"), ("en", "is not an amount")])
def test_a_batch_term_that_is_no_query_says_why_in_the_readers_language(client, lang, said):
    headers = {"Accept-Language": lang}
    lines = client.post("/api/batch", data={"text": f"magavel\n{BROKEN}"}, headers=headers).text.splitlines()
    rows = {r["term"]: r for r in map(json.loads, lines)}
    assert rows["magavel"]["error"] is None
    assert said in rows[BROKEN]["error"] and rows[BROKEN]["error_code"] == "query_not_amount"
    token = csrf_token(client, "/batch")
    exported = client.post("/export/batch.csv", data={"text": BROKEN, "csrf_token": token}, headers=headers)
    row = next(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert said in row["error"]
    page = client.post("/batch", data={"text": BROKEN, "csrf_token": token}, headers=headers)
    assert said in page.text


def test_a_saved_search_that_no_longer_parses_says_why_in_spanish(client):
    archive = client.app.state.archive
    store = SavedSearches(archive)
    saved = store.save("", "ya no vale", "magavel", SearchOptions(), "/?q=magavel", "http://testserver")
    with archive.catalog.transaction() as db:  # the grammar changed since it was saved
        db.execute("UPDATE saved_searches SET query = ? WHERE id = ?", (BROKEN, saved.id))
    listed = client.get("/api/saved", headers={"Accept-Language": "es"}).json()["saved"]
    assert "no es un monto" in next(s for s in listed if s["id"] == saved.id)["error"]
    assert "no es un monto" in client.get("/saved", headers={"Accept-Language": "es"}).text
