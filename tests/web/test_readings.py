"""Re-OCR from the page view: a new reading beside the old one, kept or discarded, recorded."""

from __future__ import annotations

import time

import pytest

from tests_support import csrf_token, make_pdf, wait_for_jobs

pytestmark = pytest.mark.ocr


def _wait(client, url: str, test, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        data = client.get(url).json()
        if test(data):
            return data
        time.sleep(0.3)
    raise AssertionError(f"{url} did not change: {data}")


def test_a_page_read_again_is_compared_then_kept_and_searchable(fresh_client, tmp_path):
    """A page is read again by OCR with other options; the editor compares, keeps the new
    reading, search finds its words; the old one stays as the earlier reading; both steps are audited."""
    client = fresh_client
    from reportlab.pdfgen import canvas

    path = tmp_path / "girado.pdf"
    c = canvas.Canvas(str(path), pagesize=(612, 792))
    c.setFont("Helvetica", 28)
    for i, line in enumerate(["ACTA DE FALLO", "Licitacion LA-917-2021", "Proveedor Halcon Vision"]):
        c.drawString(60, 700 - 50 * i, line)
    c.showPage()
    c.save()
    r = client.post("/api/upload", files=[("files", ("girado.pdf", path.read_bytes(), "application/pdf"))])
    doc_id = wait_for_jobs(client, r.json()["batch"])[0]["document_id"]
    url = f"/api/documents/{doc_id}/pages/1/readings"
    assert client.get(url).json()["readings"] == []
    assert client.post(f"/api/documents/{doc_id}/pages/1/reocr", json={"lang": "klingon"}).status_code == 400
    assert client.post(f"/api/documents/{doc_id}/pages/1/reocr", json={"rotate": 45}).status_code == 400
    assert client.post(f"/api/documents/{doc_id}/pages/9/reocr", json={}).status_code == 404
    job = client.post(f"/api/documents/{doc_id}/pages/1/reocr", json={"lang": "spa", "dropout": "off"})
    assert job.status_code == 202
    data = _wait(client, url, lambda d: d["readings"])
    new = data["readings"][0]
    assert new["status"] == "candidate" and "HALCON" in new["text"].upper() and new["options"]["lang"] == "spa"
    html = client.get(f"/documents/{doc_id}/pages/1/readings")
    assert "Nueva lectura" in html.text and "Texto actual" in html.text
    kept = client.post(f"/readings/{new['id']}/keep", data={"csrf_token": csrf_token(client, f"/documents/{doc_id}/pages/1/readings")},
                       follow_redirects=False)
    assert kept.status_code == 303
    data = _wait(client, url, lambda d: any(r["status"] == "kept" for r in d["readings"]))
    assert {r["status"] for r in data["readings"]} == {"kept", "previous"}
    assert "HALCON" in data["page"]["text"].upper()
    assert client.get("/api/search", params={"q": "LA-917-2021"}).json()["total"] == 1
    assert client.post(f"/api/readings/{new['id']}/discard").status_code == 400  # already kept
    actions = {e["action"] for e in client.app.state.archive.accounts.audit_log()}
    assert {"page_reocr", "reading_keep"} <= actions
