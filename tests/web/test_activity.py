"""Uploads answer at once; the activity page follows each file; ZIPs, retries, deletes, edits."""

from __future__ import annotations

import time

from tests_support import RESOURCES, csrf_token, make_pdf, wait_for_jobs, zip_bytes


def test_a_zip_becomes_one_job_per_file_each_with_its_path(fresh_client, tmp_path):
    client = fresh_client
    a = make_pdf(tmp_path / "a.pdf", ["Acta de fallo de la licitacion zipada uno"]).read_bytes()
    b = make_pdf(tmp_path / "b.pdf", ["Contrato de prestacion zipado dos"]).read_bytes()
    html = b"<!DOCTYPE html><html><body>Sesion expirada</body></html>"
    body = zip_bytes({"respuesta/a.pdf": a, "respuesta/anexos.zip": zip_bytes({"b.pdf": b}), "respuesta/c.pdf": html,
                 "respuesta/cifrado.pdf": (RESOURCES / "encrypted.pdf").read_bytes()})
    r = client.post("/api/upload", files=[("files", ("solicitud-123.zip", body, "application/zip"))])
    assert r.status_code == 202
    jobs = wait_for_jobs(client, r.json()["batch"])
    by_path = {j["inner_path"] or j["filename"]: j for j in jobs}
    assert by_path["solicitud-123.zip"]["result"] == "expanded" and by_path["solicitud-123.zip"]["detail"] == "4"
    assert by_path["respuesta/a.pdf"]["result"] == "ingested"
    assert by_path["respuesta/anexos.zip/b.pdf"]["result"] == "ingested"
    assert by_path["respuesta/c.pdf"]["code"] == "html_page" and "página web" in by_path["respuesta/c.pdf"]["message"]
    assert by_path["respuesta/cifrado.pdf"]["code"] == "encrypted_pdf"
    assert client.get("/api/search", params={"q": '"zipado"'}).json()["total"] == 1  # quotes: exact
    en = client.get("/api/jobs", params={"batch": r.json()["batch"], "lang": "en"}).json()["jobs"]
    assert any("web page" in (j["message"] or "") for j in en)


def test_upload_answers_at_once_and_the_activity_page_refreshes_while_busy(fresh_client, tmp_path):
    client = fresh_client
    pages = [f"Pagina {i} del oficio de prueba sobre videovigilancia" for i in range(9)]
    pdf = make_pdf(tmp_path / "nueve.pdf", pages).read_bytes()
    started = time.perf_counter()
    r = client.post("/upload", files=[("files", ("nueve.pdf", pdf, "application/pdf"))],
                    data={"csrf_token": csrf_token(client)}, follow_redirects=False)
    assert r.status_code == 303 and time.perf_counter() - started < 5
    page = client.get(r.headers["location"])
    assert "nueve.pdf" in page.text and "<h1>Actividad</h1>" in page.text
    assert 'http-equiv="refresh"' in page.text or "listo" in page.text  # refreshes until done
    wait_for_jobs(client, r.headers["location"].split("=")[1])
    done = client.get(r.headers["location"])
    assert 'http-equiv="refresh"' not in done.text and "9 / 9" in done.text


def test_failed_jobs_can_be_retried_and_removed(fresh_client):
    client = fresh_client
    r = client.post("/api/upload", files=[("files", ("roto.pdf", (RESOURCES / "corrupt.pdf").read_bytes(), "application/pdf"))])
    job = wait_for_jobs(client, r.json()["batch"])[0]
    assert job["status"] == "failed" and job["code"] == "corrupt_file"
    assert client.post(f"/api/jobs/{job['id']}/retry").json()["status"] == "queued"
    assert wait_for_jobs(client, r.json()["batch"])[0]["status"] == "failed"  # read again: still broken
    assert client.delete(f"/api/jobs/{job['id']}").json() == {"deleted": job["id"]}
    assert client.get(f"/api/jobs/{job['id']}").status_code == 404
    assert client.post("/api/jobs/99999999/retry").status_code == 404


def test_a_document_is_edited_and_deleted_everywhere(fresh_client, tmp_path):
    client = fresh_client
    pdf = make_pdf(tmp_path / "borrar.pdf", ["Factura de camaras termicas para borrar"]).read_bytes()
    r = client.post("/api/upload", files=[("files", ("borrar.pdf", pdf, "application/pdf"))])
    doc_id = wait_for_jobs(client, r.json()["batch"])[0]["document_id"]
    client.get(f"/documents/{doc_id}/pages/1/image")  # a cached page image
    edit = client.patch(f"/api/documents/{doc_id}", json={"title": "Factura 17 de Ñandú", "date": "2021-03-15",
                                                           "kind": "contrato"})
    assert edit.status_code == 200 and edit.json()["document"]["title"] == "Factura 17 de Ñandú"
    assert client.patch(f"/api/documents/{doc_id}", json={"date": "15/03/21"}).status_code == 400
    deadline = time.monotonic() + 30
    while client.get("/api/search", params={"q": "type:contrato termicas"}).json()["total"] != 1:
        assert time.monotonic() < deadline, "the edited kind was not reindexed"
        time.sleep(0.2)
    assert client.delete(f"/api/documents/{doc_id}").status_code == 202
    deadline = time.monotonic() + 30
    while client.get(f"/api/documents/{doc_id}").status_code != 404:
        assert time.monotonic() < deadline, "the document was not deleted"
        time.sleep(0.2)
    assert client.get("/api/search", params={"q": "termicas"}).json()["total"] == 0
    assert client.get(f"/documents/{doc_id}/original").status_code == 404
    settings = client.app.state.settings
    assert not list(settings.originals_dir.rglob(doc_id)) and not list(settings.cache_dir.rglob(f"{doc_id}*"))
