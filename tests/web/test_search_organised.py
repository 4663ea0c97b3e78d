"""The search page organised (pages or documents, sort, numbered pages, dates, chips), its
suggestions, help page and batch search, in HTML, JSON and CSV alike."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from tests_support import csrf_token


def test_group_toggle_counts_documents_and_pages(client):
    pages = client.get("/api/search", params={"q": "contrato", "limit": 200}).json()
    grouped = client.get("/api/search", params={"q": "contrato", "group": "1", "limit": 200}).json()
    assert grouped["total"] == pages["total"] and grouped["total_documents"] == len(grouped["hits"])
    assert grouped["total_documents"] == len({h["document_id"] for h in pages["hits"]}) < pages["total"]
    assert sum(len(h["pages"]) for h in grouped["hits"]) == pages["total"]
    r = client.get("/", params={"q": "contrato", "group": "1"})
    assert f"{grouped['total_documents']} documentos · {pages['total']} páginas" in r.text


def test_numbered_pages_with_previous_and_next(client):
    total = client.get("/api/search", params={"q": "contrato"}).json()["total"]
    assert total > 10
    page = client.get("/api/search", params={"q": "contrato", "limit": 5, "offset": 5}).json()
    assert page["range"] == {"first": 6, "last": 10, "of": total}
    assert page["pagination"]["prev"] and page["pagination"]["next"]
    assert [p["n"] for p in page["pagination"]["pages"] if p["current"]] == [2]
    html = client.get("/", params={"q": "contrato", "offset": 20}).text
    assert re.search(rf"21–\d+ de {total}", html) and 'rel="prev"' in html and 'aria-current="page"' in html


def test_sort_and_date_inputs_reach_api_html_and_csv(client):
    params = {"q": "monto:>=1000", "sort": "amount", "date_from": "2020-12-01", "date_to": "31/12/2020"}
    api = client.get("/api/search", params={**params, "limit": 200}).json()
    assert api["sort"] == "amount" and api["total"] > 0
    labels = [c["label"] for c in api["chips"]]
    assert "monto: >=1000" in labels and "≥ 2020-12-01" in labels and "≤ 31/12/2020" in labels
    assert all("date_from" not in c["url"] for c in api["chips"] if c["label"] == "≥ 2020-12-01")
    rows = list(csv.reader(io.StringIO(client.get("/export/search.csv", params=params).text.lstrip("\ufeff"))))
    assert [(r[0], int(r[1])) for r in rows[1:]] == [(h["filename"], h["page"]) for h in api["hits"]]
    html = client.get("/", params=params).text
    assert 'value="2020-12-01"' in html and '<option value="amount" selected>' in html


def test_date_typed_any_way_in_the_box(client):
    a = client.get("/api/search", params={"q": "23/11/2020"}).json()
    b = client.get("/api/search", params={"q": "23 de noviembre de 2020"}).json()
    assert a["total"] == b["total"] > 0


def test_zero_hits_suggest_spelling_and_amounts(client):
    r = client.get("/", params={"q": "videovijilancia"})
    assert "¿Quiso decir" in r.text and "videovigilancia" in r.text.lower()
    r = client.get("/", params={"q": "1,023,124"})
    assert "montos impresos más cercanos" in r.text and "1,023,123.00" in r.text


def test_help_page_linked_from_the_search_box(client):
    home = client.get("/")
    assert 'href="/help"' in home.text and 'class="skip-link"' in home.text and "<h1" in home.text
    assert "15 de marzo de 2021" in client.get("/help").text
    assert "How to search" in client.get("/help", params={"lang": "en"}).text
    client.cookies.clear()


def test_language_switch_keeps_the_query(client):
    html = client.get("/", params={"q": "magavel", "sort": "amount"}).text
    link = re.search(r'href="\?([^"]*lang=en[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "q=magavel" in link and "sort=amount" in link


def test_batch_search_cli_web_api_and_csv(client, tantivy_samples, tmp_path, capsys):
    terms = "Magavel\nYDOSK\nEA-IT20-2020\n1,023,123\nnadaquever\n(roto\n"
    api = client.post("/api/batch", data={"text": terms})
    rows = [json.loads(line) for line in api.text.splitlines()]
    assert [r["term"] for r in rows] == ["Magavel", "YDOSK", "EA-IT20-2020", "1,023,123", "nadaquever", "(roto"]
    for r in rows[:4]:
        expected = client.get("/api/search", params={"q": r["term"]}).json()["total"]
        assert r["pages"] == expected > 0 and r["documents"] >= 1 and r["first"]
    assert rows[4]["pages"] == 0 and rows[5]["error"]
    token = csrf_token(client)
    page = client.post("/batch", data={"text": terms, "csrf_token": token})
    assert page.status_code == 200 and page.text.count("<tr") == 7 and "</html>" in page.text
    out = client.post("/export/batch.csv", data={"text": "termino,otro\nMagavel,x\nYDOSK,y", "column": "termino",
                                                 "csrf_token": token})
    assert [r[0] for r in csv.reader(io.StringIO(out.text.lstrip("\ufeff")))] == ["term", "Magavel", "YDOSK"]
    from expediente.cli import main

    listing = tmp_path / "lista.txt"
    listing.write_text("Magavel\nYDOSK\n", encoding="utf-8")
    code = main(["--data-dir", str(tantivy_samples.settings.data_dir), "batch", str(listing), "--json"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0 and [line["pages"] for line in lines] == [r["pages"] for r in rows[:2]]


def test_claim_check_page_api_and_cli(client, tantivy_samples, capsys):
    claim = "La Comisión pagó 1,023,123 pesos a Magavel"
    api = client.get("/api/check", params={"text": claim}).json()
    assert api["together"] and {e["kind"] for e in api["elements"]} >= {"amount", "name"}
    page = client.get("/check", params={"text": claim})
    assert page.status_code == 200 and "Juntos en" in page.text and api["together"][0]["filename"] in page.text
    from expediente.cli import main

    code = main(["--data-dir", str(tantivy_samples.settings.data_dir), "check", claim, "--json"])
    assert code == 0 and json.loads(capsys.readouterr().out)["together"] == api["together"]


def test_citation_keeps_the_query_quotes_and_opens_the_original_at_the_page(client):
    hit = client.get("/api/search", params={"q": "Magavel"}).json()["hits"][0]
    data = client.get(f"/api/documents/{hit['document_id']}/pages/{hit['page']}", params={"q": "Magavel"}).json()
    citation = data["citation"]
    assert citation["url"].endswith(f"/pages/{hit['page']}?q=Magavel")
    assert "magavel" in citation["quote"].lower() and f"«{citation['quote']}»" in citation["text"]
    assert citation["original"].endswith(f"/original#page={hit['page']}")
    html = client.get(f"/documents/{hit['document_id']}/pages/{hit['page']}", params={"q": "Magavel"}).text
    assert 'data-copy="citation-text"' in html and f"#page={hit['page']}" in html


@pytest.mark.parametrize("query,spanish", [("(magavel", "no se cierra"), ("fecha:31/02/2021", "no es una fecha válida"),
                                           ("monto:mucho", "no es un monto"), ("a*", "al menos 2 letras")])
def test_query_errors_in_the_page_language(client, query, spanish):
    r = client.get("/", params={"q": query})
    assert r.status_code == 400 and spanish in r.text
    english = client.get("/", params={"q": query, "lang": "en"})
    assert spanish not in english.text
    client.cookies.clear()
