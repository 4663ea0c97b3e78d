"""Planted problems of the procurement test set (benchmarks/procurement_set.py, born-digital
here; the scanned variant and the figures are measured by benchmarks/procurement_record.py)."""

from __future__ import annotations

import pytest

from tests_support import ENGINE_PARAMS, drop_es_index, ingest_paths, make_settings


@pytest.fixture(scope="module", params=ENGINE_PARAMS)
def planted(request, tmp_path_factory):
    from archive import open_archive
    from benchmarks.procurement_set import build

    base = tmp_path_factory.mktemp(f"procurements-{request.param}")
    truth = build(base / "files", scanned=False, only=(2, 3, 5))
    settings = make_settings(base / "data", request.param)
    ingest_paths([base / "files"], settings)
    archive = open_archive(settings)
    yield archive, {p["n"]: p for p in truth["procurements"]}
    archive.close()
    drop_es_index(settings)


def flags(case: dict) -> dict[str, list[dict]]:
    return {f["kind"]: f["citations"] for f in case["flags"]}


def test_an_over_invoice_is_flagged_with_its_invoices_and_contract(planted):
    archive, truth = planted
    case = archive.case(truth[2]["contract"])
    cited = flags(case)["over_invoiced"]
    assert {"filename": "p2_factura_F2001.pdf", "page": 1} in cited and {"filename": "p2_factura_F2002.pdf", "page": 1} in cited
    assert {"filename": "p2_convenio_SSC-DA-122-2022.pdf", "page": 1} in cited
    assert case["invoiced_total"] == {"value": truth[2]["invoiced"], "currency": "MXN"}  # the XML twin counted once


def test_an_amendment_above_20_percent_is_flagged_with_its_page(planted):
    archive, truth = planted
    case = archive.case(truth[3]["bid"])
    assert {"filename": "p3_convenio_SSC-DA-123-2022.pdf", "page": 1} in flags(case)["amendment_over_20"]
    assert "amendment_over_20" not in flags(archive.case(truth[5]["bid"]))  # exactly 20 % is allowed


def test_every_document_of_a_case_and_its_figures(planted):
    archive, truth = planted
    for n, p in truth.items():
        case = archive.case(p["bid"])
        assert {d["filename"] for d in case["documents"]} == set(p["files"])
        assert {a["value"] for a in case["amounts"]["awarded"] if a["label"] == "with_iva"} == {p["awarded"]}
        assert case["invoiced_total"]["value"] == p["invoiced"]
        assert sorted(flags(case)) == p["flags"], n
    assert "duplicate_invoice" in flags(archive.case(truth[5]["contract"]))
