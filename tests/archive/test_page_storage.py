"""What the catalog keeps per page: no boxes for text-layer pages (recomputed from the
original when shown), packed boxes for OCR pages, and older catalogs migrated in place."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from archive import open_archive
from archive.catalog import Catalog
from archive.wordboxes import RECOMPUTE, pack, unpack
from tests_support import ingest_paths, settings_for


def test_packed_boxes_round_trip_within_a_hundredth_of_a_point():
    words = [(0, 7, 0.1, 0.2, 0.3, 0.25), (8, 12, 0.31, 0.2, 0.4, 0.25), (5, 6, 0.0, 0.99999, 1.0, 1.0)]
    back = unpack(pack(words))
    assert back is not None and len(back) == 3
    for (s, e, *box), (s2, e2, *box2) in zip(words, back):
        assert (s, e) == (s2, e2)
        assert all(abs(a - b) < 1 / 60000 for a, b in zip(box, box2))
    assert unpack(pack([])) == [] and unpack(RECOMPUTE) is None
    assert unpack('[[0,3,0.1,0.1,0.2,0.2]]') == [(0, 3, 0.1, 0.1, 0.2, 0.2)]  # JSON of older catalogs


def test_text_layer_boxes_are_recomputed_from_the_original(tmp_path, corpus):
    settings = settings_for(tmp_path)
    archive = open_archive(settings)
    try:
        report = ingest_paths([corpus / "mx_sfp_modelo_informe_auditor_independiente_formato5.pdf"], settings, archive)
        doc_id = report.ingested[0]["document_id"]
        stored = archive.catalog.db.execute(
            "SELECT words FROM pages WHERE document_id = ? AND number = 10", (doc_id,)).fetchone()["words"]
        assert stored == RECOMPUTE
        page = archive.page(doc_id, 10)
        assert len(page["words"]) > 100
        at = page["text"].index("desfavorable")
        hit = [w for w in page["words"] if w[0] <= at < w[1]]
        assert len(hit) == 1 and 0 <= hit[0][2] < hit[0][4] <= 1 and 0 <= hit[0][3] < hit[0][5] <= 1
    finally:
        archive.close()


def test_a_changed_original_gives_no_boxes_rather_than_wrong_ones(tmp_path, corpus):
    settings = settings_for(tmp_path)
    archive = open_archive(settings)
    try:
        report = ingest_paths([corpus / "mx_sfp_modelo_informe_adquisiciones_formato13.pdf"], settings, archive)
        doc_id = report.ingested[0]["document_id"]
        before = archive.page(doc_id, 1)
        shown = {before["text"][s:e] for s, e, *_ in before["words"]}
        archive.catalog.db.execute("UPDATE pages SET text = replace(text, 'MEMBRETADO', 'COMPRAS') "
                                   "WHERE document_id = ? AND number = 1", (doc_id,))
        page = archive.page(doc_id, 1)
        assert "COMPRAS" in page["text"] and len(page["words"]) >= len(before["words"]) - 5
        assert "COMPRAS" not in {page["text"][s:e] for s, e, *_ in page["words"]}  # not in the original: no box
        assert all(page["text"][s:e] in shown for s, e, *_ in page["words"])  # the others: the original's words
    finally:
        archive.close()


OLD_PAGES = """CREATE TABLE pages (
  document_id TEXT NOT NULL, number INTEGER NOT NULL, text TEXT NOT NULL, method TEXT NOT NULL,
  confidence REAL, width REAL NOT NULL, height REAL NOT NULL, words TEXT NOT NULL,
  doubtful TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (document_id, number)
) WITHOUT ROWID"""


def test_an_older_catalog_is_migrated_in_place(tmp_path):
    path = tmp_path / "catalog.sqlite"
    db = sqlite3.connect(path)
    db.execute(OLD_PAGES)
    words = json.dumps([[0, 4, 0.1, 0.1, 0.2, 0.12]])
    db.executemany("INSERT INTO pages VALUES (?,?,?,?,?,?,?,?,?)",
                   [("d" * 64, n, f"hola {n}", method, None, 612.0, 792.0, words, "[]") for n, method in
                    ((2, "ocr"), (1, "text"))])
    db.commit()
    db.close()
    catalog = Catalog(path)
    try:
        sql = catalog.db.execute("SELECT sql FROM sqlite_schema WHERE name = 'pages'").fetchone()["sql"]
        assert "WITHOUT ROWID" not in sql.upper()
        page = catalog.page("d" * 64, 2)  # OCR boxes kept as they were
        assert page is not None and page["text"] == "hola 2" and page["words"] == [(0, 4, 0.1, 0.1, 0.2, 0.12)]
        page = catalog.page("d" * 64, 1)  # text-layer boxes dropped: the page view recomputes them
        assert page is not None and page["text"] == "hola 1" and page["words"] is None
        assert [p["number"] for p in catalog.pages_summary("d" * 64)] == [1, 2]
    finally:
        catalog.close()
    Catalog(path).close()  # a second open finds nothing left to do


@pytest.mark.ocr
def test_ocr_boxes_are_packed_and_shown(tmp_path):
    from tests_support import SAMPLES

    scan = sorted(SAMPLES.glob("*escane*.pdf"))[0]
    settings = settings_for(tmp_path)
    archive = open_archive(settings)
    try:
        report = ingest_paths([scan], settings, archive)
        doc_id = report.ingested[0]["document_id"]
        row = archive.catalog.db.execute(
            "SELECT words, method FROM pages WHERE document_id = ? AND method = 'ocr'", (doc_id,)).fetchone()
        assert isinstance(row["words"], bytes)
        page = archive.page(doc_id, 1)
        assert len(page["words"]) > 20 and all(0 <= w[2] <= w[4] <= 1 for w in page["words"])
    finally:
        archive.close()
    shutil.rmtree(tmp_path / "data", ignore_errors=True)
