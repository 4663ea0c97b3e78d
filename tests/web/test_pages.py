"""The web app through its real routes, on the ingested samples (in-process HTTP client)."""

from __future__ import annotations

import re

from tests_support import wait_for_jobs, RESOURCES, csrf_token, facts_for, make_pdf


def test_search_page_cites_file_and_page(client, answer_key):
    file, page = sorted(facts_for(answer_key, "EA-IT20-2020"))[0]
    r = client.get("/", params={"q": "EA-IT20-2020"})
    assert r.status_code == 200
    assert file in r.text
    assert re.search(rf"página {page} de \d+", r.text)
    assert "<mark>EA-IT20-2020</mark>" in r.text


def test_search_page_in_english(client):
    try:
        r = client.get("/", params={"q": "Magavel", "lang": "en"})
        assert "pages match" in r.text and 'lang="en"' in r.text
        assert r.cookies.get("lang") == "en"
        assert "pages match" in client.get("/", params={"q": "Magavel"}).text  # the cookie remembers
    finally:
        client.cookies.clear()  # other tests expect the default language


def test_malformed_query_is_a_clear_message_not_a_500(client):
    r = client.get("/", params={"q": "(magavel"})
    assert r.status_code == 400 and "no se cierra" in r.text  # the page's language (Spanish by default)
    r = client.get("/", params={"q": "(magavel"}, headers={"Accept-Language": "en"})
    assert r.status_code == 400 and "never closed" in r.text
    api = client.get("/api/search", params={"q": "(magavel"})
    assert api.status_code == 400 and api.json()["error"] == "query_syntax"


def test_page_view_boxes_hits_and_offers_a_citation(client, answer_key):
    file, page = sorted(facts_for(answer_key, "Magavel"))[0]
    hit = next(h for h in client.get("/api/search", params={"q": "Magavel", "limit": 50}).json()["hits"]
               if (h["filename"], h["page"]) == (file, page))
    r = client.get(f"/documents/{hit['document_id']}/pages/{page}", params={"q": "Magavel"})
    assert r.status_code == 200
    assert r.text.count('class="box hit"') >= 1
    assert hit["document_id"] in r.text and file in r.text
    data = client.get(f"/api/documents/{hit['document_id']}/pages/{page}", params={"q": "Magavel"}).json()
    assert data["citation"]["page"] == page and data["citation"]["sha256"] == hit["document_id"]
    for box in data["boxes"]:
        assert 0 <= box["x0"] < box["x1"] <= 1 and 0 <= box["y0"] < box["y1"] <= 1
    img = client.get(f"/documents/{hit['document_id']}/pages/{page}/image")
    assert img.status_code == 200 and img.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_document_view_and_original_download(client):
    docs = client.get("/api/documents").json()["documents"]
    doc = docs[0]
    r = client.get(f"/documents/{doc['id']}")
    assert r.status_code == 200 and doc["filename"] in r.text
    original = client.get(f"/documents/{doc['id']}/original")
    import hashlib

    assert hashlib.sha256(original.content).hexdigest() == doc["id"]


def test_unknown_document_is_404_in_html_and_json(client):
    assert client.get("/documents/nope").status_code == 404
    r = client.get("/api/documents/nope")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    assert client.get("/api/documents/nope/pages/1").status_code == 404


def test_upload_several_files_with_per_file_results(fresh_client, tmp_path):
    client = fresh_client
    good = make_pdf(tmp_path / "oficio_prueba.pdf", ["Oficio de prueba sobre la adquisición de cámaras termográficas"])
    files = [("files", ("oficio_prueba.pdf", good.read_bytes(), "application/pdf")),
             ("files", ("encrypted.pdf", (RESOURCES / "encrypted.pdf").read_bytes(), "application/pdf"))]
    r = client.post("/api/upload", files=files)
    assert r.status_code == 202 and all(j["status"] == "queued" for j in r.json()["jobs"])
    results = {x["filename"]: x for x in wait_for_jobs(client, r.json()["batch"])}
    assert results["oficio_prueba.pdf"]["result"] == "ingested"
    assert results["encrypted.pdf"]["status"] == "failed" and "password" in results["encrypted.pdf"]["reason"]
    assert "contraseña" in results["encrypted.pdf"]["message"]  # the reason in the UI's language
    assert client.get("/api/search", params={"q": "termográficas"}).json()["total"] == 1
    again = client.post("/upload", files=files[:1], data={"csrf_token": csrf_token(client)}, follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"].startswith("/activity?batch=")
    batch = again.headers["location"].split("=")[1]
    wait_for_jobs(client, batch)
    assert "ya estaba en el archivo" in client.get(again.headers["location"]).text


def test_document_text_cannot_inject_html(fresh_client, tmp_path):
    client = fresh_client
    evil = make_pdf(tmp_path / "evil.pdf", ['<script>alert("xss")</script> <img src=x onerror=alert(1)> inyeccion'])
    r = client.post("/api/upload", files=[("files", ("<b>evil</b>.pdf", evil.read_bytes(), "application/pdf"))])
    wait_for_jobs(client, r.json()["batch"])
    r = client.get("/", params={"q": "inyeccion"})
    assert "<script>alert" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;" in r.text
    hit = client.get("/api/search", params={"q": "inyeccion"}).json()["hits"][0]
    page = client.get(f"/documents/{hit['document_id']}/pages/1", params={"q": "inyeccion"})
    assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text


def test_openapi_documents_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/search", "/api/documents", "/api/documents/{doc_id}", "/api/documents/{doc_id}/pages/{number}", "/api/upload"):
        assert path in paths
    assert client.get("/docs").status_code == 200


def test_facets_on_the_search_page_filter_when_clicked(client):
    r = client.get("/", params={"q": "EA-IT20-2020"})
    assert "Proveedores" in r.text and "Licitaciones" in r.text
    link = re.search(r'href="(/\?q=[^"]*vendor%3A%22servicios%20integrales%20magavel%22[^"]*)"', r.text)
    assert link, "a vendor facet links to the filtered search"
    filtered = client.get(link.group(1).replace("&amp;", "&"))
    assert filtered.status_code == 200
    total = lambda html: int(re.search(r"([\d,]+) páginas coinciden", html).group(1).replace(",", ""))  # noqa: E731
    assert 0 < total(filtered.text) <= total(r.text)


def test_vendor_page_lists_pages_rfcs_amounts_and_bids(client, answer_key):
    data = client.get("/api/vendors/Servicios Integrales Magavel, S.A. de C.V.").json()
    assert data["vendor"] == "servicios integrales magavel"
    gold_rfcs = {e["value"] for e in answer_key["entities"] if e["kind"] == "rfc" and e["value"].startswith("SIM")}
    assert {r["rfc"] for r in data["rfcs"]} & gold_rfcs
    assert any(a["value"] == "1023123.00 MXN" for a in data["amounts"])
    assert not any(a["value"] == "1096880.40 MXN" for a in data["amounts"])  # a rival bidder's row
    assert "EAIT202020" in {b["value"] for b in data["bids"]}
    mentioned = {(d["filename"], p) for d in data["documents"] for p in d["pages"]}
    gold = {(e["file"], e["page"]) for e in answer_key["entities"] if e["kind"] == "vendor" and e["value"] == data["vendor"]}
    assert len(mentioned & gold) >= 0.85 * len(gold)
    html = client.get("/vendors/servicios integrales magavel")
    assert html.status_code == 200 and "SIM" in html.text
    assert client.get("/vendors/nadie en absoluto").status_code == 404


def test_page_view_lists_and_boxes_entities(client):
    hit = client.get("/api/search", params={"q": "amount:1023123"}).json()["hits"][0]
    data = client.get(f"/api/documents/{hit['document_id']}/pages/{hit['page']}", params={"q": "amount:1023123"}).json()
    amounts = [e for e in data["entities"] if e["kind"] == "amount" and e["value"] == "1023123.00 MXN"]
    assert amounts and all(e["boxes"] for e in amounts)
    assert data["boxes"], "the filtered amount is boxed as a hit"


def test_every_sample_page_renders_as_an_image(client):
    from PIL import Image
    import io

    docs = client.get("/api/documents").json()["documents"]
    kinds = {d["media_type"] for d in docs}
    assert {"application/pdf", "image/tiff", "image/jpeg"} <= kinds
    for doc in docs:
        for number in range(1, doc["page_count"] + 1):
            r = client.get(f"/documents/{doc['id']}/pages/{number}/image")
            assert r.status_code == 200, (doc["filename"], number)
            assert Image.open(io.BytesIO(r.content)).width >= 600
        assert client.get(f"/documents/{doc['id']}/pages/{doc['page_count'] + 1}/image").status_code == 404


def test_search_within_a_document_page_and_api(client, answer_key):
    doc = next(d for d in client.get("/api/documents").json()["documents"] if d["filename"] == "fallo_EA-IT20-2020_morelos.pdf")
    expected = sorted(p for f, p in facts_for(answer_key, "Magavel") if f == doc["filename"])
    html = client.get(f"/documents/{doc['id']}", params={"q": "Magavel"})
    assert html.status_code == 200 and "Buscar en este documento" in html.text
    assert html.text.count('class="hit"') == len(expected)
    api = client.get("/api/search", params={"q": "Magavel", "doc": doc["id"]}).json()
    assert sorted(h["page"] for h in api["hits"]) == expected
    assert client.get(f"/documents/{doc['id']}", params={"q": "(roto"}).status_code == 400


def test_csv_exports_cite_file_and_page(client, answer_key):
    import csv
    import io

    r = client.get("/export/search.csv", params={"q": "EA-IT20-2020"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert {(row["filename"], int(row["page"])) for row in rows} == facts_for(answer_key, "EA-IT20-2020")
    assert all(row["url"].endswith(f"/pages/{row['page']}") for row in rows)
    amounts = list(csv.DictReader(io.StringIO(client.get("/export/entities.csv", params={"kind": "amount"}).content.decode("utf-8-sig"))))
    gold = {(e["file"], e["page"], e["value"]) for e in answer_key["entities"] if e["kind"] == "amount"}
    assert {(a["filename"], int(a["page"]), a["value"]) for a in amounts} >= gold
    assert any("UN MILLÓN" in a["printed"] for a in amounts)  # accents survive the export


def test_ocr_page_reports_doubtful_words(client):
    hits = client.get("/api/search", params={"q": "Samalayuca"}).json()["hits"]
    data = client.get(f"/api/documents/{hits[0]['document_id']}/pages/{hits[0]['page']}").json()
    assert data["page"]["method"] == "ocr"
    assert isinstance(data["doubtful"], list) and len(data["doubtful_boxes"]) == len(data["doubtful"])
    for d in data["doubtful"]:
        assert data["page"]["text"][d["start"]:d["end"]] == d["text"]
