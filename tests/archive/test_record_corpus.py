"""The procurement record on real documents of the shared corpus: a company in an XML and two
PDF renderings of its CFDI is one vendor; Paraguayan and Argentine amounts keep their currency;
each document gets its own date."""

from __future__ import annotations

import pytest

from tests_support import ingest_paths, make_settings

pytestmark = [pytest.mark.ocr, pytest.mark.slow]
FILES = ["cfdi33_sample_accem.xml", "cfdi33_sample_accem_layoutA.pdf", "cfdi33_sample_accem_layoutB.pdf",
         "py_hacienda_contrato_MH-SET_03-2019_scan.pdf", "ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf"]


@pytest.fixture(scope="module")
def real(corpus, tmp_path_factory):
    from archive import open_archive

    settings = make_settings(tmp_path_factory.mktemp("record-corpus"))
    ingest_paths([corpus / f for f in FILES], settings)
    archive = open_archive(settings)
    yield archive
    archive.close()


def test_one_company_in_three_documents_is_one_vendor(real):
    vendors = [v for v in real.vendors()["vendors"] if "accem" in v["normalised"]]
    assert len(vendors) == 1 and vendors[0]["documents"] == 3


def test_amounts_keep_the_currency_of_their_country(real):
    by_file = {}
    for e in real.catalog.all_entities("amount", 10_000):
        by_file.setdefault(e["filename"], set()).add(e["value"].split()[1])
    assert by_file["py_hacienda_contrato_MH-SET_03-2019_scan.pdf"] == {"PYG"}
    assert by_file["ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf"] == {"ARS"}
    assert by_file["cfdi33_sample_accem_layoutA.pdf"] == {"MXN"}


def test_each_document_has_its_own_date(real):
    dates = {d["filename"]: d for d in real.catalog.documents(100)}
    ar = real.catalog.document(dates["ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf"]["id"])
    assert ar["metadata"]["doc_date"].startswith("2023-")


def test_an_amount_filter_never_mixes_currencies(real):
    assert real.search("amount:319440000").total == 0  # Gs. 319.440.000 is no MXN amount
    assert real.search('"319.440.000"').total >= 1  # the printed text is still found
