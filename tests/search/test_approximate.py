"""OCR-tolerant matching on every engine: a code or RFC typed correctly also finds pages
where OCR damaged or glued it, after the exact pages and marked, with the page's reading."""

from __future__ import annotations

import pytest

from archive.archive import SearchOptions
from tests_support import ENGINE_PARAMS, drop_es_index, ingest_paths, make_pdf, make_settings

PAGES = [
    "Acta del procedimiento LA-926014983-E5-2020 para camaras. Proveedor con RFC ÑLI170123J84.",
    "Informe escaneado: el procedimiento [A-926014983-E5-2020 fue observado.",
    "Factura del procedimientolA-926014983-E5-2020 emitida por NLI170123384.",
    "Otro procedimiento LA-926014984-E5-2021 sin relacion. RFC XAXX010101000.",
]


@pytest.fixture(scope="module", params=ENGINE_PARAMS)
def damaged(request, tmp_path_factory):
    from archive import open_archive

    folder = tmp_path_factory.mktemp("damaged")
    make_pdf(folder / "danados.pdf", PAGES)
    settings = make_settings(folder / "data", request.param)
    ingest_paths([folder / "danados.pdf"], settings)
    archive = open_archive(settings)
    yield archive
    archive.close()
    drop_es_index(settings)


def _pages(results):
    return [(h.page, h.approximate) for h in results.hits]


def test_damaged_and_glued_code_found_after_the_exact_page(damaged):
    results = damaged.search("LA-926014983-E5-2020", limit=20)
    assert _pages(results)[0] == (1, False)
    assert {p for p, approx in _pages(results)[1:]} == {2, 3} and all(a for _, a in _pages(results)[1:])
    assert results.total == 3 and results.approximate_total == 2
    reading = {h.page: h.reading for h in results.hits}
    assert "926014983" in reading[2] and "926014983" in reading[3]


def test_rfc_with_one_ocr_confusion(damaged):
    results = damaged.search("ÑLI170123J84")
    assert _pages(results) == [(1, False), (3, True)]
    assert "NLI170123384" in results.hits[1].reading


def test_approximation_can_be_turned_off_and_exact_keeps_it_off(damaged):
    assert _pages(damaged.search("ÑLI170123J84", options=SearchOptions(approximate=False))) == [(1, False)]
    assert _pages(damaged.search("ÑLI170123J84", options=SearchOptions(exact=True))) == [(1, False)]


def test_a_neighbouring_code_is_not_taken_for_it(damaged):
    pages = {p for p, _ in _pages(damaged.search("LA-926014983-E5-2020", limit=20))}
    assert 4 not in pages  # one digit apart in the number and another year: another procedure


def test_fuzzy_spans_mark_whole_words_near_the_query_and_nothing_else():
    from search.approximate import fuzzy_spans
    from search.query import Fuzzy, Or, Term

    text = "Cámaras, CAMARAS y cámara; cama, camarasxyz, sobrecamaras y Cámaras."
    spans = fuzzy_spans(text, Or((Term("patrullas"), Fuzzy("camaras", 1))))
    assert [text[a:b] for a, b in spans] == ["Cámaras", "CAMARAS", "cámara", "Cámaras"]
    assert fuzzy_spans(text, Fuzzy("patrullas", 2)) == [] and fuzzy_spans(text, Term("camaras")) == []
