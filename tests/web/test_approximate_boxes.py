"""The page view boxes an OCR-tolerant (approximate) match on the page image, as it boxes an exact one."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests_support import ENGINE_PARAMS, drop_es_index, ingest_paths, make_pdf, make_settings
from web import create_app

DAMAGED = [
    "Acta de fallo del procedimientolA-926014983-E5-2020 de la Secretaria.",
    "Proveedor con RFC NLI170123384 y domicilio en Cuernavaca.",
]


@pytest.fixture(scope="module", params=ENGINE_PARAMS)
def damaged(request, tmp_path_factory):
    """An archive of one PDF whose page prints a glued code and a misread RFC."""
    tmp = tmp_path_factory.mktemp(f"approx-{request.param}")
    settings = make_settings(tmp / "data", request.param)
    report = ingest_paths([make_pdf(tmp / "fallo_danado.pdf", ["\n".join(DAMAGED)])], settings)
    assert not report.failed
    with TestClient(create_app(settings, indexer=False)) as client:
        yield client
    drop_es_index(settings)


def _word_box(client, doc_id: str, fragment: str) -> dict:
    """The box of the page word holding `fragment`, from the catalog's own word boxes."""
    archive = client.app.state.archive
    page = archive.page(doc_id, 1)
    at = page["text"].index(fragment)
    for start, end, x0, y0, x1, y1 in page["words"]:
        if start <= at < end:
            return {"x0": x0, "y0": y0, "x1": x1, "y1": y1}
    raise AssertionError(f"no word box holds {fragment!r}")


@pytest.mark.parametrize("query, damaged_word", [("A-926014983-E5-2020", "procedimientolA-926014983-E5-2020"),
                                                 ("ÑLI170123J84", "NLI170123384")])
def test_an_approximate_reading_is_boxed_on_the_page_image(damaged, query, damaged_word):
    hits = damaged.get("/api/search", params={"q": query}).json()["hits"]
    assert len(hits) == 1 and hits[0]["approximate"] is True, hits
    doc_id = hits[0]["document_id"]
    data = damaged.get(f"/api/documents/{doc_id}/pages/1", params={"q": query}).json()
    near = [b for b in data["boxes"] if b["kind"] == "approximate"]
    assert near, data["boxes"]
    word = _word_box(damaged, doc_id, damaged_word)
    assert any(abs(b["x0"] - word["x0"]) < 1e-6 and abs(b["y1"] - word["y1"]) < 1e-6 for b in near), (near, word)
    assert any(a["text"] in damaged_word or damaged_word in a["text"] for a in data["approximate"]), data["approximate"]
    html = damaged.get(f"/documents/{doc_id}/pages/1", params={"q": query}).text
    assert 'class="box hit approximate"' in html


def test_an_exact_match_is_not_boxed_as_approximate(damaged):
    hits = damaged.get("/api/search", params={"q": "Cuernavaca"}).json()["hits"]
    data = damaged.get(f"/api/documents/{hits[0]['document_id']}/pages/1", params={"q": "Cuernavaca"}).json()
    assert [b["kind"] for b in data["boxes"]] == ["hit"]
