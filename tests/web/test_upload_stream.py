"""Uploads are read as they stream in: each file written once into the originals folder, a file
over the limit refused alone, a broken or forged form leaving nothing behind (real server app,
real catalog and originals folder)."""

from __future__ import annotations

import hashlib

from fastapi.testclient import TestClient

from tests_support import csrf_token, settings_for
from web import create_app

SMALL = b"%PDF-1.4 oficio de respuesta"


def _leftovers(settings) -> list[str]:
    return [p.name for p in settings.originals_dir.rglob(".incoming-*")] if settings.originals_dir.exists() else []


def test_each_file_is_stored_once_by_its_hash_and_a_file_over_the_limit_is_refused_alone(tmp_path):
    settings = settings_for(tmp_path, max_file_mb=1)
    big = b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024)
    with TestClient(create_app(settings, indexer=False)) as client:
        r = client.post("/api/upload", files=[("files", ("oficio.pdf", SMALL, "application/pdf")),
                                              ("files", ("enorme.pdf", big, "application/pdf"))])
        assert r.status_code == 202
        jobs = {j["filename"]: j for j in r.json()["jobs"]}
        assert jobs["enorme.pdf"]["status"] == "failed" and jobs["enorme.pdf"]["code"] == "file_too_large"
        assert jobs["oficio.pdf"]["status"] == "queued"
    sha = hashlib.sha256(SMALL).hexdigest()
    assert (settings.originals_dir / sha[:2] / sha).read_bytes() == SMALL
    assert [p for p in settings.originals_dir.rglob("*") if p.is_file()] == [settings.originals_dir / sha[:2] / sha]
    assert _leftovers(settings) == []


def test_a_broken_or_empty_or_forged_upload_keeps_nothing(tmp_path):
    settings = settings_for(tmp_path)
    with TestClient(create_app(settings, indexer=False)) as client:
        cut = (b"--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n"
               b"Content-Type: application/pdf\r\n\r\n%PDF-1.4 partial")
        r = client.post("/api/upload", content=cut, headers={"Content-Type": "multipart/form-data; boundary=XyZ"})
        assert r.status_code == 400 and r.json()["code"] == "upload_malformed"
        r = client.post("/api/upload", content=b"{}", headers={"Content-Type": "application/json", "Accept-Language": "en"})
        assert r.status_code == 400 and r.json()["code"] == "upload_not_multipart" and "multipart" in r.json()["message"]
        r = client.post("/api/upload", files={"nota": (None, b"sin archivos")})  # a form without files
        assert r.status_code == 400 and r.json()["code"] == "upload_no_files"
        forged = client.post("/upload", files=[("files", ("b.pdf", SMALL, "application/pdf"))],
                             data={"csrf_token": "forged-" + csrf_token(client)[7:]}, follow_redirects=False)
        assert forged.status_code == 403
        after = client.post("/upload", files=[("files", ("c.pdf", SMALL, "application/pdf"))],
                            data={"csrf_token": csrf_token(client)}, follow_redirects=False)
        assert after.status_code == 303  # the token checked from the streamed fields
    stored = [p for p in settings.originals_dir.rglob("*") if p.is_file()]
    assert len(stored) == 1 and _leftovers(settings) == []
