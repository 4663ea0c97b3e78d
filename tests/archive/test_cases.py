"""The procurement record on the samples, both engines: vendors resolved, a vendor page that
covers its name search, the case of EA-IT20-2020 and of DCA/TM/222/2020."""

from __future__ import annotations

import pytest

from expediente.errors import NotFound


def test_each_company_of_the_samples_is_one_vendor(sample_archive):
    vendors = sample_archive.vendors()["vendors"]
    names = [v["name"] for v in vendors]
    assert len(vendors) == 7, names
    magavel = next(v for v in vendors if "Magavel" in v["name"])
    assert magavel["key"] == "SIM1508193C1" and magavel["rfcs"] == ["SIM1508193C1"]


def test_a_vendor_page_covers_every_page_its_name_search_finds(sample_archive):
    for v in sample_archive.vendors()["vendors"]:
        profile = sample_archive.vendor(v["key"])
        pages = {(d["document_id"], p) for d in profile["documents"] for p in d["pages"]}
        found = sample_archive.search(f'"{v["normalised"]}"', limit=200)
        assert {(h.document_id, h.page) for h in found.hits} <= pages, v["name"]
        assert profile["coverage"]["pages"] == len(pages)


def test_vendor_key_filters_to_that_vendors_pages(sample_archive):
    by_key = sample_archive.search('vendor:"SIM1508193C1"', limit=100)
    by_name = sample_archive.search('vendor:"servicios integrales magavel"', limit=100)
    assert by_key.total == by_name.total > 0
    assert {(h.document_id, h.page) for h in by_key.hits} == {(h.document_id, h.page) for h in by_name.hits}


def test_a_partial_vendor_name_offers_candidates(sample_archive):
    data = sample_archive.vendor("magavel")
    assert [c["key"] for c in data["candidates"]] == ["SIM1508193C1"]
    with pytest.raises(NotFound):
        sample_archive.vendor("nadie en absoluto")


def test_the_case_of_ea_it20_2020(sample_archive):
    case = sample_archive.case("ea it20 2020")
    assert case["code"] == "EAIT202020" and case["bids"] == ["EA-IT20-2020"] and case["contracts"] == ["CESP/CAF/118/2020"]
    kinds = {d["filename"]: d["kind"] for d in case["documents"]}
    assert kinds == {
        "convocatoria_EA-IT20-2020_morelos.pdf": "convocatoria", "acta_junta_aclaraciones_EA-IT20-2020_morelos.pdf": "junta",
        "fallo_EA-IT20-2020_morelos.pdf": "fallo", "expediente_EA-IT20-2020_anexos.pdf": "expediente",
        "acta_entrega_recepcion_magavel_escaneada.pdf": "acta", "factura_magavel_A-2291_CESP_morelos.pdf": "factura",
        "informe_auditoria_seguridad_publica_morelos.pdf": "auditoria"}
    dates = [d["date"] for d in case["documents"]]
    assert all(dates) and dates == sorted(dates)
    awarded = {(a["value"], a["currency"], a["label"], a["filename"], a["page"]) for a in case["amounts"]["awarded"]}
    assert ("1023123.00", "MXN", "with_iva", "fallo_EA-IT20-2020_morelos.pdf", 2) in awarded
    assert ("882002.59", "MXN", "without_iva", "fallo_EA-IT20-2020_morelos.pdf", 2) in awarded
    assert not any(a["value"] == "1096880.40" for a in case["amounts"]["awarded"])  # a rival's bid
    assert case["invoiced_total"] == {"value": "1023123.00", "currency": "MXN"}
    assert [v["rfc"] for v in case["vendors"]] == ["SIM1508193C1"]
    assert [f["kind"] for f in case["flags"]] == ["audit_observation"]
    assert case["flags"][0]["citations"] == [{"filename": "informe_auditoria_seguridad_publica_morelos.pdf", "page": 3}]
    assert not any(a["value"] == "2348760.00" for a in case["amounts"]["observed"])  # another contract's result


def test_the_case_of_an_open_contract_has_its_minimum_and_maximum(sample_archive):
    case = sample_archive.case("DCA/TM/222/2020")
    labels = {(a["label"], a["value"]) for a in case["amounts"]["contracted"]}
    assert {("minimum", "6667722.00"), ("maximum", "16669305.00")} <= labels
    assert not any(a["value"] == "1666930.50" for a in case["amounts"]["contracted"])  # the guarantee
    assert "TM-LP-018-2020" in case["bids"]
    with pytest.raises(NotFound):
        sample_archive.case("XX-0000-1999")


def test_the_vendor_facet_counts_what_its_filter_finds(sample_archive):
    results = sample_archive.search("EA-IT20-2020", facets=True)
    buckets = results.facets["vendors"]
    assert buckets
    for value, count in buckets:
        assert sample_archive.search(f'EA-IT20-2020 vendor:"{value}"').total == count, value
