"""The procurement record in the web UI and its JSON twins: vendors, a vendor, a case."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import os


def test_vendor_index_page_json_and_csv(client):
    data = client.get("/api/vendors").json()
    assert len(data["vendors"]) == 7 and {"key", "name", "rfcs", "documents", "pages"} <= set(data["vendors"][0])
    html = client.get("/vendors", params={"lang": "es"})
    assert html.status_code == 200 and "/vendors/SIM1508193C1" in html.text and "Proveedores" in html.text
    assert "Vendors" in client.get("/vendors", params={"lang": "en"}).text
    assert [v["key"] for v in client.get("/api/vendors", params={"q": "magavel"}).json()["vendors"]] == ["SIM1508193C1"]
    csv = client.get("/export/vendors.csv")
    assert csv.status_code == 200 and "SIM1508193C1" in csv.text


def test_a_partial_vendor_name_offers_the_matching_vendors(client):
    r = client.get("/vendors/magavel")
    assert r.status_code == 200 and 'href="/vendors/SIM1508193C1"' in r.text
    assert client.get("/api/vendors/magavel").json()["candidates"][0]["key"] == "SIM1508193C1"
    assert client.get("/vendors/nadie en absoluto").status_code == 404


def test_a_vendor_page_says_how_its_pages_were_found(client):
    data = client.get("/api/vendors/SIM1508193C1").json()
    assert data["key"] == "SIM1508193C1" and data["coverage"]["name_only"] == 0
    r = client.get("/vendors/SIM1508193C1", params={"lang": "en"})
    assert "found by a search for its name" in r.text


def test_a_vendor_on_very_many_pages_has_its_first_pages_read_and_says_so(client, monkeypatch):
    """At a million pages one vendor prints on 300,000: its page reads the RFCs, amounts and bids
    of its first PROFILE_PAGES pages only, lists every document, and says so in both languages."""
    whole = client.get("/api/vendors/SIM1508193C1").json()
    monkeypatch.setattr("archive.vendors.PROFILE_PAGES", 1)
    data = client.get("/api/vendors/SIM1508193C1").json()
    assert data["coverage"]["read"] == 1 < data["coverage"]["pages"] == whole["coverage"]["pages"]
    assert data["documents"] == whole["documents"] and len(data["amounts"]) < len(whole["amounts"])
    assert whole["documents_total"] == len(whole["documents"]) > 1
    monkeypatch.setattr("archive.vendors.DOCUMENTS_SHOWN", 1)
    one = client.get("/api/vendors/SIM1508193C1").json()
    assert one["documents"] == whole["documents"][:1] and one["documents_total"] == whole["documents_total"]
    assert "Se muestran los primeros 1 de sus" in client.get("/vendors/SIM1508193C1", params={"lang": "es"}).text
    assert "leídos de las primeras 1 de sus" in client.get("/vendors/SIM1508193C1", params={"lang": "es"}).text
    assert "read from the first 1 of its" in client.get("/vendors/SIM1508193C1", params={"lang": "en"}).text


def test_the_case_page_and_its_json_twin(client):
    data = client.get("/api/cases/EA-IT20-2020").json()
    assert {"code", "bids", "contracts", "vendors", "documents", "amounts", "invoiced_total", "flags"} <= set(data)
    assert set(data["amounts"]) == {"awarded", "contracted", "invoiced", "observed"}
    a = data["amounts"]["awarded"][0]
    assert {"value", "currency", "filename", "page", "printed"} <= set(a)
    assert {"document_id", "filename", "kind", "date", "pages"} <= set(data["documents"][0])
    assert client.get("/api/cases/DCA/TM/222/2020").json()["contracts"] == ["DCA/TM/222/2020"]
    html = client.get("/cases/EA-IT20-2020", params={"lang": "es"})
    assert html.status_code == 200 and "Procedimiento EA-IT20-2020" in html.text and "1,023,123.00 MXN" in html.text
    page = re.search(r'href="(/documents/[0-9a-f]+/pages/2\?q=[^"]+)">fallo_EA-IT20-2020_morelos.pdf p. 2', html.text)
    assert page and client.get(page.group(1).replace("&amp;", "&")).status_code == 200, "an amount cites its page"
    assert "Procurement EA-IT20-2020" in client.get("/cases/EA-IT20-2020", params={"lang": "en"}).text
    r = client.get("/api/cases/ZZ-9999-1999")
    assert r.status_code == 404 and r.json()["error"] == "not_found"


def test_cli_vendors_and_case_json(tantivy_samples):
    env = {**os.environ, "EXPEDIENTE_DATA_DIR": str(tantivy_samples.settings.data_dir)}
    run = lambda *a: subprocess.run([sys.executable, "-m", "expediente.cli", *a], capture_output=True, text=True,  # noqa: E731
                                    env=env, timeout=300, check=True).stdout
    vendors = json.loads(run("vendors", "--json"))["vendors"]
    assert set(vendors[0]) == {"key", "name", "rfcs", "documents", "pages"} and len(vendors) == 7
    case = json.loads(run("case", "EA-IT20-2020", "--json"))
    assert case["invoiced_total"] == {"value": "1023123.00", "currency": "MXN"}


def test_entity_indexes_with_json_twins_and_csv(client):
    bids = client.get("/api/bids").json()
    ea = next(r for r in bids["rows"] if r["value"] == "EAIT202020")
    assert ea["printed"] == "EA-IT20-2020" and ea["documents"] >= 6 and ea["case"] == "/cases/EAIT202020"
    assert ea["first_date"] <= ea["last_date"]
    amounts = client.get("/api/amounts").json()["rows"]
    assert [float(r["amount"]) for r in amounts] == sorted((float(r["amount"]) for r in amounts), reverse=True)
    assert all(r["currency"] for r in amounts)
    assert any(r["value"] == "fiscalia general del estado de nayarit" for r in client.get("/api/agencies").json()["rows"])
    assert client.get("/api/persons", params={"sort": "value"}).status_code == 200
    assert client.get("/api/persons", params={"sort": "nope"}).status_code == 400
    for index in ("agencies", "bids", "contracts", "persons", "amounts"):
        assert client.get(f"/{index}", params={"lang": "es"}).status_code == 200
        assert client.get(f"/export/{index}.csv").text.startswith("\ufeffvalue,printed")
    html = client.get("/contracts", params={"q": "dca", "lang": "en"}).text
    assert 'href="/cases/DCATM2222020"' in html and "Contracts" in html


def test_codes_link_to_their_case_on_the_page_and_document_views(client):
    hit = client.get("/api/search", params={"q": "bid:EA-IT20-2020"}).json()["hits"][0]
    page = client.get(f"/documents/{hit['document_id']}/pages/{hit['page']}")
    assert 'href="/cases/EAIT202020"' in page.text
    assert 'href="/cases/EAIT202020"' in client.get(f"/documents/{hit['document_id']}").text


def test_the_citation_block_links_the_page_to_its_case(client):
    hit = client.get("/api/search", params={"q": "contract:DCA/TM/222/2020"}).json()["hits"][0]
    html = client.get(f"/documents/{hit['document_id']}/pages/{hit['page']}", params={"lang": "es"}).text
    assert re.search(r'<p class="cases">Procedimiento: .*href="/cases/DCATM2222020"', html)


def test_every_index_has_the_same_columns_sortable_and_filterable(client):
    for index in ("vendors", "agencies", "bids", "contracts", "persons", "amounts"):
        data = client.get(f"/api/{index}").json()
        rows = data["vendors"] if index == "vendors" else data["rows"]
        assert rows and {"pages", "documents", "totals", "total", "first_date", "last_date"} <= set(rows[0]), index
        html = client.get(f"/{index}", params={"lang": "en"}).text
        assert f'href="/{index}?q=&amp;sort=first_date"' in html and 'type="search" name="q"' in html
        assert "total_MXN" in client.get(f"/export/{index}.csv").text.splitlines()[0]
    bids = client.get("/api/bids", params={"sort": "total"}).json()["rows"]
    mxn = [next((float(t["value"]) for t in r["totals"] if t["currency"] == "MXN"), -1.0) for r in bids]
    assert mxn == sorted(mxn, reverse=True)
    firsts = [r["first_date"] for r in client.get("/api/contracts", params={"sort": "first_date"}).json()["rows"]]
    assert [d for d in firsts if d] == sorted(d for d in firsts if d)
    assert client.get("/api/bids", params={"sort": "total:PYG"}).status_code == 200
    assert client.get("/api/bids", params={"sort": "total:pyg; drop"}).status_code == 400
    vendors = client.get("/api/vendors", params={"sort": "value", "q": "magavel"}).json()["vendors"]
    assert [v["key"] for v in vendors] == ["SIM1508193C1"] and vendors[0]["first_date"] <= vendors[0]["last_date"]
    assert any(t["currency"] == "MXN" for t in vendors[0]["totals"])
    ea = client.get("/bids", params={"q": "EA-IT20", "sort": "pages", "lang": "es"}).text
    assert "EA-IT20-2020" in ea and "DCA/TM/222/2020" not in ea and "MXN" in ea


def test_vendor_csv_follows_the_filter_and_sort(client):
    text = client.get("/export/vendors.csv", params={"q": "magavel", "sort": "total"}).text
    header, *rows = text.lstrip("\ufeff").splitlines()
    assert header.startswith("key,name,rfcs,documents,pages,total_") and len(rows) == 1 and "SIM1508193C1" in rows[0]


def test_case_flags_speak_the_readers_language_with_their_parameters(client):
    es = client.get("/api/cases/EA-IT20-2020", params={"lang": "es"}).json()["flags"]
    en = client.get("/api/cases/EA-IT20-2020", params={"lang": "en"}).json()["flags"]
    audit_es = next(f for f in es if f["kind"] == "audit_observation")
    audit_en = next(f for f in en if f["kind"] == "audit_observation")
    assert audit_es["params"] == audit_en["params"] and audit_es["params"]["title"] in audit_es["message"]
    assert audit_es["message"].startswith("una auditoría nombra") and audit_en["message"].startswith("an audit names")
    assert "una auditoría nombra" in client.get("/cases/EA-IT20-2020", params={"lang": "es"}).text


def test_codes_in_search_snippets_and_page_text_link_to_their_case(client):
    html = client.get("/", params={"q": "EA-IT20-2020", "lang": "es"}).text
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', html, re.S)
    assert snippets and any('<a class="case" href="/cases/EAIT202020"><mark>EA-IT20-2020</mark></a>' in s
                            for s in snippets)
    hit = client.get("/api/search", params={"q": "contract:DCA/TM/222/2020"}).json()["hits"][0]
    page = client.get(f"/documents/{hit['document_id']}/pages/{hit['page']}").text
    text = re.search(r'<div class="page-text">(.*?)</div>', page, re.S).group(1)
    assert '<a class="case" href="/cases/DCATM2222020">' in text


def test_an_index_pages_through_its_rows_with_the_same_columns(client):
    for index, key in (("bids", "rows"), ("amounts", "rows"), ("vendors", "vendors")):
        whole = client.get(f"/api/{index}", params={"limit": 5000}).json()
        assert whole["next_offset"] is None and len(whole[key]) == min(whole["total"], 5000) >= 3
        paged, offset = [], 0
        while offset is not None:
            part = client.get(f"/api/{index}", params={"limit": 2, "offset": offset}).json()
            assert len(part[key]) <= 2 and part["currencies"] == whole["currencies"]  # the same columns on every page
            paged += part[key]
            offset = part["next_offset"]
        assert paged == whole[key]
        html = client.get(f"/{index}", params={"offset": 2, "lang": "en"}).text
        assert f"3–{len(whole[key])} of {whole['total']:,}" in html
        assert f'rel="prev" href="/{index}?q=&amp;sort={whole["sort"]}&amp;offset=0"' in html
        assert len(client.get(f"/export/{index}.csv").text.strip().splitlines()) == len(whole[key]) + 1
        for bad in ({"limit": 0}, {"limit": 5001}, {"offset": -1}, {"offset": "x"}):
            assert client.get(f"/api/{index}", params=bad).status_code == 422
        assert client.get(f"/{index}", params={"offset": -1}).status_code == 422
        beyond = client.get(f"/api/{index}", params={"offset": 10_000}).json()
        assert beyond[key] == [] and beyond["next_offset"] is None and beyond["total"] > 0


def test_the_amounts_index_says_when_only_its_first_amounts_can_be_browsed(client, monkeypatch):
    import archive.entity_index

    monkeypatch.setattr(archive.entity_index, "MAX_ROWS", 3)  # the samples print fewer than 5,000 amounts
    data = client.get("/api/amounts", params={"q": "MXN"}).json()
    assert data["browsable"] == 3 < data["total"] and data["next_offset"] is None and len(data["rows"]) == 3
    assert "The first 3 amounts can be browsed" in client.get("/amounts", params={"q": "MXN", "lang": "en"}).text
    assert "primeros 3 montos" in client.get("/amounts", params={"q": "MXN", "lang": "es"}).text
    monkeypatch.setattr(archive.entity_index, "MAX_ROWS", 5000)
    assert "can be browsed" not in client.get("/amounts", params={"q": "MXN", "lang": "en"}).text
