"""The ingest pipeline end to end on real files: bad inputs, duplicates, interruptions."""

from __future__ import annotations

import shutil

import pytest

from tests_support import ingest_paths
from archive import open_archive
from tests_support import RESOURCES, settings_for

BAD = {
    "encrypted.pdf": "encrypted_pdf",
    "corrupt.pdf": "corrupt_file",
    "empty.pdf": "empty_file",
    "not_a_pdf.pdf": "unsupported_type",
}


@pytest.fixture
def archive_and_settings(tmp_path):
    settings = settings_for(tmp_path)
    archive = open_archive(settings)
    yield archive, settings
    archive.close()


def test_bad_inputs_fail_clearly_and_the_batch_goes_on(archive_and_settings, corpus, tmp_path):
    archive, settings = archive_and_settings
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in BAD:
        shutil.copy(RESOURCES / name, batch / name)
    shutil.copy(corpus / "mx_sfp_modelo_informe_adquisiciones_formato13.pdf", batch / "good.pdf")
    report = ingest_paths([batch], settings, archive)
    assert report.exit_code == 1
    assert {f.filename: f.code for f in report.failed} == BAD
    assert all(f.reason and len(f.reason) > 20 for f in report.failed)
    assert [i["filename"] for i in report.ingested] == ["good.pdf"]
    recorded = {f["filename"]: f["code"] for f in archive.catalog.failures()}
    assert recorded == BAD
    assert archive.search("ADQUSICIONES").hits[0].filename == "good.pdf"
    assert archive.catalog.counts()["documents"] == 1


def test_encrypted_message_says_what_to_do(archive_and_settings):
    archive, settings = archive_and_settings
    report = ingest_paths([RESOURCES / "encrypted.pdf"], settings, archive)
    assert "remove the password" in report.failed[0].reason


def test_zero_page_pdf_is_refused(archive_and_settings):
    archive, settings = archive_and_settings
    report = ingest_paths([RESOURCES / "zero_pages.pdf"], settings, archive)
    assert [f.code for f in report.failed] == ["no_pages"]


def test_mislabelled_file_is_detected_by_content(archive_and_settings, corpus, tmp_path):
    archive, settings = archive_and_settings
    fake = tmp_path / "escaneo.pdf"  # really a TIFF
    shutil.copy(corpus / "ocr_gt_phototest.tif", fake)
    report = ingest_paths([fake], settings, archive)
    assert report.exit_code == 0
    doc = archive.document(report.ingested[0]["document_id"])
    assert doc["media_type"] == "image/tiff"
    assert archive.search("lazy fox").total == 1


def test_same_file_twice_is_one_document(archive_and_settings, corpus, tmp_path):
    archive, settings = archive_and_settings
    copy = tmp_path / "otra_copia.pdf"
    shutil.copy(corpus / "mx_sfp_modelo_informe_adquisiciones_formato13.pdf", copy)
    first = ingest_paths([corpus / "mx_sfp_modelo_informe_adquisiciones_formato13.pdf", copy], settings, archive)
    again = ingest_paths([copy], settings, archive)
    assert len(first.ingested) == 1 and len(first.present) == 1
    assert not again.ingested and again.present[0]["filename"] == "otra_copia.pdf"
    assert archive.catalog.counts()["documents"] == 1


def test_garbage_text_layer_is_ocrd(archive_and_settings):
    archive, settings = archive_and_settings
    report = ingest_paths([RESOURCES / "garbage_text_layer.pdf"], settings, archive)
    assert report.exit_code == 0
    page = archive.page(report.ingested[0]["document_id"], 1)
    assert page["method"] == "ocr"


def test_text_layer_pages_are_not_ocrd(archive_and_settings, corpus):
    archive, settings = archive_and_settings
    report = ingest_paths([corpus / "mx_sfp_modelo_informe_auditor_independiente_formato5.pdf"], settings, archive)
    assert report.ingested[0]["pages"] == 14 and report.ingested[0]["ocr_pages"] == 0
    page = archive.page(report.ingested[0]["document_id"], 10)
    assert page["method"] == "text" and "Opinión desfavorable" in page["text"]
    start, end, *box = page["words"][0]
    assert page["text"][start:end].strip() and 0 <= box[0] < box[2] <= 1


def test_long_pdf_is_shared_among_workers_and_reassembled_in_order(archive_and_settings, corpus):
    """The 85-page law is read in chunks by two workers; pages come back whole and in order."""
    archive, settings = archive_and_settings
    report = ingest_paths([corpus / "mx_puebla_ley_obra_publica_2021.pdf"], settings, archive)
    doc_id = report.ingested[0]["document_id"]
    assert report.ingested[0]["pages"] == 85
    assert [p["number"] for p in archive.catalog.pages_summary(doc_id)] == list(range(1, 86))
    assert "Artículo 27" in archive.page(doc_id, 20)["text"]
    assert "22 de septiembre de 2021" in archive.page(doc_id, 85)["text"]
    assert {(h.filename, h.page) for h in archive.search('"Artículo 27" convocatoria').hits} >= {
        ("mx_puebla_ley_obra_publica_2021.pdf", 20)}


def _worker_pids() -> list[int]:
    """Our ingest worker processes (spawned children running multiprocessing's spawn_main)."""
    import os
    from pathlib import Path

    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmd = (proc / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == os.getpid() and b"spawn_main" in cmd and b"resource_tracker" not in cmd:
            pids.append(int(proc.name))
    return pids


def test_a_worker_killed_mid_batch_loses_nothing(archive_and_settings, corpus):
    """A worker dies (as if a malformed file crashed the parser): the pool is rebuilt and the
    files in flight are read again; the batch completes."""
    import os
    import signal
    import threading
    import time

    archive, settings = archive_and_settings
    killed = []

    def kill_one_worker() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            pids = _worker_pids()
            if pids:
                time.sleep(1.5)  # let it start on an OCR page
                try:
                    os.kill(pids[-1], signal.SIGKILL)
                    killed.append(pids[-1])
                except ProcessLookupError:  # a pool of an earlier test, gone meanwhile
                    pass
            time.sleep(0.05)

    killer = threading.Thread(target=kill_one_worker)
    killer.start()
    report = ingest_paths([corpus / "py_hacienda_contrato_MH-SET_03-2019_scan.pdf",
                           corpus / "mx_sfp_modelo_informe_adquisiciones_formato13.pdf"], settings, archive)
    killer.join()
    assert killed, "the test must have killed a worker"
    assert not report.failed
    assert sorted(i["pages"] for i in report.ingested) == [2, 6]
    assert archive.search('"Monto Total del presente contrato"').total == 1


def test_image_bomb_and_truncated_image_fail_clearly(archive_and_settings, tmp_path):
    from PIL import Image

    bomb = tmp_path / "bomba.png"
    Image.new("1", (25000, 20000)).save(bomb)  # 500 Mpx: over the safety limit, tiny on disk
    png = tmp_path / "cortada.png"
    Image.new("L", (800, 600), 200).save(png)
    png.write_bytes(png.read_bytes()[:200])
    archive, settings = archive_and_settings
    report = ingest_paths([bomb, png], settings, archive)
    assert {f.filename: f.code for f in report.failed} == {"bomba.png": "file_too_large", "cortada.png": "corrupt_file"}


def test_each_bad_pdf_gets_its_own_reason_whatever_came_before(archive_and_settings):
    """PDFium's last-error code is process-wide: after an encrypted file, a zero-page one in
    the same worker must still be reported as having no pages."""
    from dataclasses import replace

    archive, settings = archive_and_settings
    one_worker = replace(settings, workers=1)
    report = ingest_paths([RESOURCES / n for n in ("encrypted.pdf", "zero_pages.pdf", "corrupt.pdf")], one_worker, archive)
    assert {f.filename: f.code for f in report.failed} == {
        "encrypted.pdf": "encrypted_pdf", "zero_pages.pdf": "no_pages", "corrupt.pdf": "corrupt_file"}
