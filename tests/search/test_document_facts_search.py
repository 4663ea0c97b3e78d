"""The document's own date (docdate:, the date-range inputs) and resolved vendors (vendor:"KEY"),
on every engine, with small documents of our own: a 2021 letter about 2019 payments to
"Magavel", and an acta and an invoice of "Magavel Servicios Integrales" (another RFC)."""

from __future__ import annotations

import json

import pytest

from archive import Indexer, enqueue_edit, open_archive
from archive.archive import SearchOptions
from tests_support import ENGINE_PARAMS, drop_es_index, ingest_paths, make_pdf, make_settings

MAGAVEL, MSI = "MAG150101AB7", "MSI160202CD3"  # valid check digits: the extractor reads them
DOCS = {
    "oficio_pago.pdf": ["OFICIO DE PAGO\nCuernavaca, Morelos, a 15 de marzo de 2021.\n"
                        f"Se paga a Magavel, S.A. de C.V., RFC {MAGAVEL},\nel contrato del 10 de enero de 2019.",
                        "Anexo de pagos del 5 de febrero de 2019\ny del 20 de junio de 2019."],
    "acta_msi.pdf": ["ACTA DE ENTREGA\nsiendo las 10 horas del dia 3 de agosto de 2019\n"
                     f"Proveedor: Magavel Servicios Integrales, S.A. de C.V., RFC {MSI}."],
    "factura_msi.pdf": ["FACTURA\nFactura de Magavel Servicios Integrales, S.A. de C.V. por el servicio prestado."],
    "nota.pdf": ["NOTA DE RECIBO\nrecibida el 2 de mayo de 2018 en la oficialia de partes."],
}
EVERY_PAGE = "-zzzqqqzzz"  # excludes a word no page prints: every page, for the range inputs alone
OFICIO = {("oficio_pago.pdf", 1), ("oficio_pago.pdf", 2)}


def _ingest(tmp_path_factory, engine: str, names: list[str]):
    folder = tmp_path_factory.mktemp("docs")
    for name in names:
        make_pdf(folder / name, DOCS[name])
    settings = make_settings(tmp_path_factory.mktemp(f"facts-{engine}"), engine)
    report = ingest_paths([folder], settings)
    assert not report.failed
    return settings


@pytest.fixture(scope="module", params=ENGINE_PARAMS)
def facts_archive(request, tmp_path_factory):
    settings = _ingest(tmp_path_factory, request.param, list(DOCS))
    archive = open_archive(settings)
    yield archive
    archive.close()
    drop_es_index(settings)


def pages(archive, query: str, **options) -> set[tuple[str, int]]:
    results = archive.search(query, limit=200, options=SearchOptions(approximate=False, **options))
    assert results.total == len(results.hits)
    return {(h.filename, h.page) for h in results.hits}


@pytest.mark.parametrize("query", ["docdate:2021", "docdate:2021-03", "docdate:2021-01-01..2021-06-30",
                                   "fechadoc:15/03/2021", 'emitido:"15 de marzo de 2021"', "docdate:>=2021-03-15",
                                   "anexo fechadoc:2021"])
def test_document_date_finds_every_page_of_the_document(facts_archive, query):
    expected = {("oficio_pago.pdf", 2)} if query.startswith("anexo") else OFICIO
    assert pages(facts_archive, query) == expected


def test_document_date_is_not_a_date_the_pages_print(facts_archive):
    assert pages(facts_archive, "docdate:2019") == {("acta_msi.pdf", 1)}
    assert pages(facts_archive, "docdate:>2021-03-15") == set()
    assert pages(facts_archive, "docdate:<=2020-12-31") == {("acta_msi.pdf", 1), ("nota.pdf", 1)}
    printing_2019 = {("oficio_pago.pdf", 1), ("oficio_pago.pdf", 2), ("acta_msi.pdf", 1)}
    assert pages(facts_archive, "date:2019") == pages(facts_archive, "fecha:2019") == printing_2019


def test_range_inputs_filter_by_the_document_date(facts_archive):
    assert pages(facts_archive, EVERY_PAGE, date_from="2021-01-01", date_to="30/06/2021") == OFICIO
    assert pages(facts_archive, EVERY_PAGE, date_from="2021") == OFICIO
    assert pages(facts_archive, EVERY_PAGE, date_to="marzo 2019") == {("nota.pdf", 1)}
    assert pages(facts_archive, "2019", date_from="2019-01-01", date_to="2019-12-31") == {("acta_msi.pdf", 1)}


def test_vendor_key_is_exactly_that_vendor(facts_archive):
    listed = {v["key"]: v for v in facts_archive.vendors()["vendors"]}
    assert {MAGAVEL, MSI} <= set(listed)
    assert pages(facts_archive, f'vendor:"{MAGAVEL}"') == pages(facts_archive, 'vendor:"magavel"') == {("oficio_pago.pdf", 1)}
    msi = {("acta_msi.pdf", 1), ("factura_msi.pdf", 1)}
    assert pages(facts_archive, f'proveedor:"{MSI}"') == pages(facts_archive, 'vendor:"Magavel Servicios Integrales"') == msi
    for key in (MAGAVEL, MSI):
        assert facts_archive.search(f'vendor:"{key}"', limit=200).total == listed[key]["pages"]
        assert facts_archive.vendor(key)["coverage"]["mentioned"] == listed[key]["pages"]


def test_vendor_key_boxes_the_vendor_on_the_page(facts_archive):
    hit = facts_archive.search(f'vendor:"{MAGAVEL}"').hits[0]
    assert [hit.snippet.text[a:b] for a, b in hit.snippet.highlights] == ["Magavel, S.A. de C.V."]


def test_vendor_facet_counts_what_its_filter_finds(facts_archive):
    facet = facts_archive.search("magavel", facets=True).facets["vendors"]
    assert len(facet) == 2  # two companies, whatever their printed variants
    for name, count in facet:
        assert facts_archive.search(f'vendor:"{name}"', limit=200).total == count


def test_vendor_words_that_are_no_key_match_as_words(facts_archive):
    assert pages(facts_archive, "vendor:servicios") == {("acta_msi.pdf", 1), ("factura_msi.pdf", 1)}
    assert pages(facts_archive, "vendor:magav") == set()  # words, not prefixes


def test_vendor_page_and_cli_agree_with_the_key_filter(facts_archive, monkeypatch, capsys):
    from fastapi.testclient import TestClient

    from expediente.cli import main
    from web.app import create_app

    settings = facts_archive.settings
    monkeypatch.setenv("EXPEDIENTE_ES_INDEX", settings.es_index)
    code = main(["--data-dir", str(settings.data_dir), "--engine", settings.engine, "--es-url", settings.es_url,
                 "vendors", "--json"])
    listed = {v["key"]: v["pages"] for v in json.loads(capsys.readouterr().out)["vendors"]}
    assert code == 0 and listed[MAGAVEL] == 1 and listed[MSI] == 2
    with TestClient(create_app(settings, indexer=False)) as client:
        html = client.get(f"/vendors/{MSI}").text
        assert f"vendor%3A%22{MSI}%22" in html
        api = client.get("/api/search", params={"q": f'vendor:"{MSI}"'}).json()
        assert api["total"] == listed[MSI]


@pytest.mark.parametrize("engine", ENGINE_PARAMS)
def test_editing_the_date_reindexes_the_document(tmp_path_factory, engine):
    settings = _ingest(tmp_path_factory, engine, ["nota.pdf"])
    archive = open_archive(settings)
    try:
        assert pages(archive, "docdate:2018-05-02") == {("nota.pdf", 1)}
        doc_id = archive.catalog.documents()[0]["id"]
        job = enqueue_edit(archive, doc_id, "edit-test", doc_date="2021-05-20")
        assert job is not None
        indexer = Indexer(settings)
        try:
            assert indexer.acquire()
            indexer.run(until=lambda: archive.jobs.get(job)["status"] in ("done", "failed"))
        finally:
            indexer.close()
        assert archive.jobs.get(job)["status"] == "done"
        assert pages(archive, "docdate:2021-05") == {("nota.pdf", 1)} and pages(archive, "docdate:2018") == set()
        assert pages(archive, "date:2018") == {("nota.pdf", 1)}  # the page still prints it
        assert pages(archive, "year:2021") == {("nota.pdf", 1)}
    finally:
        archive.close()
        drop_es_index(settings)


def test_a_document_without_a_date_of_its_own_takes_the_year_of_the_first_date_it_prints():
    from ingest.entities import extract_entities
    from ingest.model import Document, Page
    from search.records import records_for

    texts = ["Oficio de respuesta\nMérida, Yucatán, a 3 de febrero de 2022", "Anexo: facturas de 2019 y 2020, 4/11/2019"]
    pages = [Page(n, t, "TEXT_LAYER", None, 612, 792, entities=extract_entities(t)) for n, t in enumerate(texts, 1)]
    records = records_for(Document("ab" * 32, "oficio.pdf", "Oficio", "application/pdf", 10, pages))
    assert [(r.years, r.doc_date) for r in records] == [([2022], 20220203), ([2022], 20220203)]
    own = records_for(Document("cd" * 32, "o.pdf", "O", "application/pdf", 10, pages), doc_date="2023-07-01")
    assert [r.years for r in own] == [[2023], [2023]]
    bare = [Page(1, "sin fecha alguna", "TEXT_LAYER", None, 612, 792)]
    assert records_for(Document("ef" * 32, "s.pdf", "S", "application/pdf", 1, bare))[0].years == []
