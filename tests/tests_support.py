"""Helpers shared by test modules (pytest puts tests/ on the path, see pyproject)."""

from __future__ import annotations

import os
from contextlib import contextmanager
import uuid
from pathlib import Path

import pytest

from expediente.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RESOURCES = Path(__file__).resolve().parent / "resources"


def _find_corpus() -> Path | None:
    for candidate in (os.environ.get("EXPEDIENTE_CORPUS"), ROOT.parent / "shared" / "corpus", "/work/shared/corpus"):
        if candidate and Path(candidate, "README.md").exists():
            return Path(candidate)
    return None


CORPUS = _find_corpus()


def settings_for(tmp_path: Path, **kw) -> Settings:
    return Settings(data_dir=tmp_path / "data", workers=2, **kw)


def facts_for(answer_key: dict, query: str) -> set[tuple[str, int]]:
    """The (file, page) pairs where the answer key says a query is printed."""
    return {(f["file"], f["page"]) for f in answer_key["facts"] if f["query"] == query}


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A small born-digital PDF with these page texts (lines split on newlines). A long line is
    set smaller so that it ends on the page, as a real document's does (text beyond the page's
    edge is not read by pdftotext)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    for text in pages:
        y = 760
        for line in text.splitlines():
            c.setFont("Helvetica", min(12.0, 500 / max(1.0, stringWidth(line, "Helvetica", 1))))
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()
    return path


def es_url() -> str:
    """The test node's URL; the Elasticsearch tests fail (not skip) when CI requires it."""
    url = os.environ.get("EXPEDIENTE_TEST_ES_URL", "http://127.0.0.1:9200")
    from elasticsearch import Elasticsearch

    try:
        Elasticsearch(url, request_timeout=5).cluster.health(wait_for_status="yellow", timeout="10s")
    except Exception as exc:  # any connection problem means: no node
        if os.environ.get("EXPEDIENTE_REQUIRE_ES") == "1":
            pytest.fail(f"the Elasticsearch node at {url} is not answering ({exc}); start it with scripts/es-node.sh start")
        pytest.skip(f"no Elasticsearch node at {url} (scripts/es-node.sh start)")
    return url


def make_settings(data_dir: Path, engine: str = "tantivy", **kw) -> Settings:
    extra = {}
    if engine == "elasticsearch":
        extra = {"es_url": es_url(), "es_index": f"expediente-test-{uuid.uuid4().hex[:8]}"}
    return Settings(data_dir=data_dir, engine=engine, workers=2, **extra, **kw)


def drop_es_index(settings: Settings) -> None:
    """Delete a test's Elasticsearch indices (whatever mapping version they have)."""
    if settings.engine == "elasticsearch":
        from elasticsearch import Elasticsearch

        Elasticsearch(settings.es_url).indices.delete(
            index=f"{settings.es_index}-v*", ignore_unavailable=True, allow_no_indices=True)


def ingest_paths(paths, settings: Settings, archive=None, on_event=None):
    """Ingest through the archive's queue and indexer, as the CLI does; `archive` (a
    reader) is accepted for the tests' convenience and not needed."""
    from archive import ingest_files

    return ingest_files(settings, paths, on_event)


ENGINE_PARAMS = ["tantivy", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


def wait_for_jobs(client, batch: str, timeout: float = 120.0) -> list[dict]:
    """Poll the activity API until every job of the batch has ended; its jobs, oldest first."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = client.get("/api/jobs", params={"batch": batch}).json()["jobs"]
        if jobs and all(j["status"] in ("done", "failed") for j in jobs):
            return sorted(jobs, key=lambda j: j["id"])
        time.sleep(0.2)
    raise AssertionError(f"the jobs of batch {batch} did not end within {timeout} s: {jobs}")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def csrf_token(client, path: str = "/upload") -> str:
    """The CSRF token the app puts in its forms; the client keeps the matching cookie.
    Form posts (not /api calls) must send it as the `csrf_token` field."""
    import re

    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found, f"no CSRF token in the form of {path}"
    return found.group(1)


@contextmanager
def served(app, wait_s: float = 10.0):
    """The app on a real uvicorn server in a thread; yields its base URL."""
    import threading
    import time

    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + wait_s
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(15)


@contextmanager
def chromium():
    """Debian's headless Chromium driven by Playwright (its own browser download is not reachable here)."""
    import shutil

    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.fail("Chromium is not installed: scripts/setup.sh --test installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        try:
            yield browser
        finally:
            browser.close()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A ZIP holding these members (name -> bytes), in memory."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def flag_amount(role: str, label: str, value: str, filename: str, page: int = 1) -> dict:
    """One amount of a case, as the case view hands it to the flag rules."""
    return {"role": role, "label": label, "value": value, "currency": "MXN", "filename": filename, "page": page}


def planted_flag_inputs() -> tuple[dict, list[dict], list[dict]]:
    """Amounts, invoices and vendors of a case that plants five flags: invoices above the contract,
    an award that is not the contract, an amendment of 30 %, a foreign issuer and one CFDI twice."""
    amounts = {
        "awarded": [flag_amount("awarded", "with_iva", "500000.00", "fallo.pdf", 2)],
        "contracted": [flag_amount("contracted", "total", "1000000.00", "contrato.pdf", 3),
                       flag_amount("contracted", "amended", "1300000.00", "convenio.pdf", 1)],
        "invoiced": [flag_amount("invoiced", "total", "700000.00", "f1.pdf"),
                     flag_amount("invoiced", "total", "700000.00", "f2.pdf")],
        "observed": [],
    }
    invoices = [{"uuid": "U1", "folio": "A-1", "issuer_rfc": "AAA010101AAA", "filename": "f1.pdf", "page": 1,
                 "media_type": "application/pdf"},
                {"uuid": "U1", "folio": "A-2", "issuer_rfc": "BBB010101BBB", "filename": "f2.pdf", "page": 1,
                 "media_type": "application/pdf"}]
    vendors = [{"name": "Alfa", "rfc": "AAA010101AAA", "rfcs": ["AAA010101AAA"]}]
    return amounts, invoices, vendors
