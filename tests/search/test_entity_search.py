"""Entity filters and facets, through the engine-independent interface, on every engine."""

from __future__ import annotations

import pytest

from tests_support import facts_for


def pages(archive, query):
    return {(h.filename, h.page) for h in archive.search(query, limit=200).hits}


def entity_pages(answer_key, kind, value, methods=("text", "ocr")):
    return {(e["file"], e["page"]) for e in answer_key["entities"]
            if e["kind"] == kind and e["value"] == value and e["method"] in methods}


@pytest.mark.parametrize("query,kind,value", [
    ("amount:1023123", "amount", "1023123.00 MXN"),
    ("monto:369339", "amount", "369339.00 MXN"),
    ("bid:EA-IT20-2020", "bid", "EAIT202020"),
    ('licitacion:"ea it20 2020"', "bid", "EAIT202020"),
    ('contract:"DCA/TM/222/2020"', "contract", "DCATM2222020"),
    ("contrato:ssp-dga-045-2021", "contract", "SSPDGA0452021"),
])
def test_field_filter_finds_every_page_with_that_value(sample_archive, answer_key, query, kind, value):
    expected = entity_pages(answer_key, kind, value)
    assert expected
    assert pages(sample_archive, query) == expected


def test_vendor_filter_is_the_same_vendor_however_written(sample_archive, answer_key):
    expected = entity_pages(answer_key, "vendor", "quatro desarrollo movil")
    written = {e["printed"] for e in answer_key["entities"] if e["value"] == "quatro desarrollo movil"}
    assert len(written) >= 2  # the samples print it in several ways
    got = pages(sample_archive, "vendor:quatro")
    assert got == pages(sample_archive, 'proveedor:"Quatro Desarrollo Móvil, S.A. de C.V."')
    assert len(got & expected) >= 0.85 * len(expected)


def test_amount_ranges(sample_archive, answer_key):
    big = {(e["file"], e["page"]) for e in answer_key["entities"] if e["kind"] == "amount"
           and float(e["value"].split()[0]) >= 10_000_000}
    assert big and pages(sample_archive, "amount:>=10000000") == big
    between = {(e["file"], e["page"]) for e in answer_key["entities"] if e["kind"] == "amount"
               and 1_000_000 <= float(e["value"].split()[0]) <= 2_000_000}
    assert pages(sample_archive, "amount:1000000..2000000") == between


def test_date_range_and_words_combined(sample_archive, answer_key):
    in_2021 = {(e["file"], e["page"]) for e in answer_key["entities"] if e["kind"] == "date" and e["value"].startswith("2021")}
    assert pages(sample_archive, "date:2021") == in_2021
    assert pages(sample_archive, "date:2021-01-01..2021-12-31") == in_2021
    combined = pages(sample_archive, "magavel date:2020")
    assert combined and combined <= facts_for(answer_key, "Magavel")


def test_facets_count_pages(sample_archive):
    results = sample_archive.search("EA-IT20-2020", facets=True)
    bids = dict(results.facets["bids"])
    assert bids["EAIT202020"] >= 10
    vendors = dict(results.facets["vendors"])
    assert "servicios integrales magavel" in vendors
    assert {k for k, _ in results.facets["kind"]} >= {"fallo", "convocatoria"}
    years = dict(results.facets["years"])
    assert "2020" in years
    assert sum(dict(results.facets["kind"]).values()) == results.total


def test_filter_highlights_the_entity(sample_archive):
    hit = sample_archive.search("amount:1023123", limit=1).hits[0]
    marked = [hit.snippet.text[a:b] for a, b in hit.snippet.highlights]
    assert any("023" in m or "VEINTITR" in m.upper() for m in marked)


def test_person_filter(sample_archive, answer_key):
    expected = {(e["file"], e["page"]) for e in answer_key["entities"]
                if e["kind"] == "person" and "salgado rios" in e["value"]}
    assert expected
    assert pages(sample_archive, 'person:"Salgado Ríos"') == expected
    assert pages(sample_archive, 'persona:"Lic. Jorge Alberto Salgado Ríos"') == expected
    assert pages(sample_archive, 'person:"rios jorge"') == set()  # names are phrases, in order


def test_every_vendor_key_finds_exactly_that_vendors_pages(sample_archive):
    """`vendor:"KEY"` for each key `expediente vendors --json` lists: its pages, no other company's."""
    from archive.archive import SearchOptions

    resolution = sample_archive.resolution()
    assert len(resolution.vendors) >= 5
    for vendor in resolution.vendors:
        found = sample_archive.search(f'vendor:"{vendor.key}"', limit=200, options=SearchOptions(approximate=False))
        assert {(h.document_id, h.page) for h in found.hits} == set(vendor.pages), vendor.key
