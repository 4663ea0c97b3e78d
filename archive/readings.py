"""Alternative readings of a page: an editor asks for the page to be OCR'd again with other
options (languages, a turn, ink dropout), compares old and new side by side, and keeps one.

A reading is only a candidate until kept; keeping it replaces the page in the catalog and
reindexes its document, through the indexer like every write. The choice is recorded.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

from expediente.errors import NotFound, UsageError
from ingest import OcrOptions, Page
from ingest.entities import Entity

from .catalog import Catalog
from .jobs import NewJob

SCHEMA = """
CREATE TABLE IF NOT EXISTS readings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL, page INTEGER NOT NULL, options TEXT NOT NULL,
  text TEXT NOT NULL, confidence REAL, page_json TEXT NOT NULL,
  status TEXT NOT NULL,  -- candidate | kept | discarded
  user TEXT, created_at TEXT NOT NULL, decided_at TEXT, decided_by TEXT
);
CREATE INDEX IF NOT EXISTS readings_by_page ON readings (document_id, page);
"""
LANGS = ("spa+eng", "spa", "eng")
TURNS = (0, 90, 180, 270)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def check_options(lang: str | None, rotate: int, dropout: str | None) -> OcrOptions:
    """Options as a form or the API sends them; dropout is "auto", "on" or "off"."""
    if lang not in (None, "", *LANGS):
        raise UsageError(f"unknown OCR languages {lang!r}: one of {', '.join(LANGS)}", "reading_bad_langs",
                         value=repr(lang)[:40], choices=", ".join(LANGS))
    if rotate not in TURNS:
        raise UsageError("the turn must be 0, 90, 180 or 270 degrees", "reading_bad_turn")
    if dropout not in (None, "", "auto", "on", "off"):
        raise UsageError("ink dropout is auto, on or off", "reading_bad_dropout")
    return OcrOptions(lang or None, rotate, None if dropout in (None, "", "auto") else dropout == "on")


def page_to_json(page: Page) -> str:
    data = asdict(page)
    data["entities"] = [asdict(e) for e in page.entities]
    return json.dumps(data, ensure_ascii=False)


def page_from_json(raw: str) -> Page:
    data = json.loads(raw)
    data["entities"] = [Entity(**e) for e in data["entities"]]
    data["words"] = [tuple(w) for w in data["words"]]
    data["doubtful"] = [tuple(s) for s in data["doubtful"]]
    return Page(**data)


class Readings:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        with catalog.lock:
            catalog.db.executescript(SCHEMA)

    def add(self, doc_id: str, number: int, options: OcrOptions, page: Page, user: str | None) -> int:
        with self.catalog.transaction() as db:
            cur = db.execute(
                "INSERT INTO readings (document_id, page, options, text, confidence, page_json, status, user, created_at) "
                "VALUES (?,?,?,?,?,?, 'candidate', ?, ?)",
                (doc_id, number, json.dumps(asdict(options)), page.text, page.confidence, page_to_json(page), user, _now()))
            return int(cur.lastrowid or 0)

    def get(self, reading_id: int) -> dict[str, Any]:
        rows = self.catalog._rows("SELECT * FROM readings WHERE id = ?", (reading_id,))
        if not rows:
            raise NotFound(f"no reading {reading_id}", "reading_not_found", id=reading_id)
        return _view(rows[0])

    def of_page(self, doc_id: str, number: int) -> list[dict[str, Any]]:
        rows = self.catalog._rows("SELECT * FROM readings WHERE document_id = ? AND page = ? ORDER BY id DESC",
                                  (doc_id, number))
        return [_view(r) for r in rows]

    def decide(self, reading_id: int, status: str, user: str | None, db: Any = None) -> None:
        sql = "UPDATE readings SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?"
        if db is not None:
            db.execute(sql, (status, _now(), user, reading_id))
            return
        with self.catalog.transaction() as tx:
            tx.execute(sql, (status, _now(), user, reading_id))

    def page(self, reading_id: int) -> Page:
        rows = self.catalog._rows("SELECT page_json FROM readings WHERE id = ?", (reading_id,))
        if not rows:
            raise NotFound(f"no reading {reading_id}", "reading_not_found", id=reading_id)
        return page_from_json(rows[0]["page_json"])


def _view(row: Any) -> dict[str, Any]:
    out = {k: row[k] for k in ("id", "document_id", "page", "text", "confidence", "status", "user", "created_at",
                               "decided_at", "decided_by")}
    out["options"] = json.loads(row["options"])
    return out


def reocr_job(doc: dict[str, Any], number: int, options: OcrOptions) -> NewJob:
    return NewJob(doc["filename"], "reocr", sha256=doc["id"], kind="reocr",
                  detail=json.dumps({"page": number, "options": asdict(options)}))


def keep_job(doc: dict[str, Any], reading_id: int) -> NewJob:
    return NewJob(doc["filename"], "keep reading", sha256=doc["id"], kind="keep_reading",
                  detail=json.dumps({"reading": reading_id}))


# -- the indexer's side: both run in the one indexer, like every write -----------------


def read_again(indexer: Any, job: dict[str, Any]) -> None:
    """OCR one page with the job's options; the result waits as a candidate."""
    from ingest import ocr_page

    from . import originals

    params = json.loads(job["detail"])
    options = OcrOptions(**params["options"])
    path = originals.original_path(indexer.settings, job["sha256"])
    page = ocr_page(str(path), params["page"] - 1, indexer.settings, options)
    reading = Readings(indexer.catalog).add(job["sha256"], params["page"], options, page, job["user"])
    indexer.queue.finish(job["id"], "read", detail=json.dumps({**params, "reading": reading}))


def keep(indexer: Any, job: dict[str, Any]) -> None:
    """Put a kept reading in place of the page (the old one stays as a reading) and reindex."""
    from .records import document_records

    readings = Readings(indexer.catalog)
    reading_id = json.loads(job["detail"])["reading"]
    reading, page = readings.get(reading_id), readings.page(reading_id)
    doc_id, catalog = reading["document_id"], indexer.catalog
    row = catalog.document(doc_id)
    if row is None:
        raise NotFound(f"no document {doc_id!r} in the archive", "doc_not_found", id=doc_id[:80])
    document = catalog.load_document(doc_id)
    old = document.pages[page.number - 1]
    previous = readings.add(doc_id, page.number, OcrOptions(), old, None)  # the reading it replaces, for the record
    readings.decide(previous, "previous", job["user"])
    document.pages[page.number - 1] = page
    indexer.flush()
    catalog.put_document(document, row["original"])  # pending until the index has it
    catalog.edit_document(doc_id, None, row.get("doc_date"), row.get("kind"))
    engine = indexer._engine()
    engine.delete_document(doc_id)
    engine.add(document_records(catalog, doc_id, document))
    indexer._check_lease()
    engine.commit()
    with catalog.transaction() as db:
        catalog.mark_indexed([doc_id], db)
        readings.decide(reading_id, "kept", job["user"], db)
        indexer.queue.finish(job["id"], "kept", db)
