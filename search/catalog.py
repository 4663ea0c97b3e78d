"""The catalog: documents, pages (text, method, confidence, word boxes), entities and
ingest failures, in SQLite. The index holds what is searchable; the catalog holds what
is shown and cited.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from ingest import Document, Failure, Page

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, filename TEXT NOT NULL, title TEXT NOT NULL, media_type TEXT NOT NULL,
  size INTEGER NOT NULL, page_count INTEGER NOT NULL, ocr_pages INTEGER NOT NULL,
  metadata TEXT NOT NULL, original TEXT NOT NULL, added_at TEXT NOT NULL,
  status TEXT NOT NULL  -- 'pending' until the index has committed its pages, then 'indexed'
);
CREATE TABLE IF NOT EXISTS pages (
  document_id TEXT NOT NULL, number INTEGER NOT NULL, text TEXT NOT NULL, method TEXT NOT NULL,
  confidence REAL, width REAL NOT NULL, height REAL NOT NULL, words TEXT NOT NULL,
  doubtful TEXT NOT NULL DEFAULT '[]',  -- spans of OCR words read with low confidence
  PRIMARY KEY (document_id, number)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entities (
  document_id TEXT NOT NULL, page INTEGER NOT NULL, kind TEXT NOT NULL, printed TEXT NOT NULL,
  value TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_by_value ON entities (kind, value);
CREATE INDEX IF NOT EXISTS entities_by_page ON entities (document_id, page);
CREATE TABLE IF NOT EXISTS failures (
  path TEXT PRIMARY KEY, filename TEXT NOT NULL, sha256 TEXT, code TEXT NOT NULL,
  reason TEXT NOT NULL, at TEXT NOT NULL
);
"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Catalog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.lock = threading.RLock()
        with self.lock:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def _rows(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        with self.lock:
            return self.db.execute(sql, args).fetchall()

    def status(self, doc_id: str) -> str | None:
        rows = self._rows("SELECT status FROM documents WHERE id = ?", (doc_id,))
        return rows[0]["status"] if rows else None

    def put_document(self, doc: Document, original: str) -> None:
        """Write the document, its pages and entities as 'pending', in one transaction."""
        ocr = sum(1 for p in doc.pages if p.method == "ocr")
        with self.lock:
            self.db.execute("BEGIN")
            try:
                self._delete(doc.sha256)
                self.db.execute(
                    "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?, 'pending')",
                    (doc.sha256, doc.filename, doc.title, doc.media_type, doc.size, doc.page_count, ocr,
                     json.dumps(doc.metadata, ensure_ascii=False), original, _now()),
                )
                self.db.executemany(
                    "INSERT INTO pages VALUES (?,?,?,?,?,?,?,?,?)",
                    [(doc.sha256, p.number, p.text, p.method, p.confidence, p.width, p.height,
                      json.dumps(p.words, separators=(",", ":")), json.dumps(p.doubtful)) for p in doc.pages],
                )
                self.db.executemany(
                    "INSERT INTO entities VALUES (?,?,?,?,?,?,?)",
                    [(doc.sha256, p.number, e.kind, e.printed, e.value, e.start, e.end)
                     for p in doc.pages for e in p.entities],
                )
                self.db.execute("DELETE FROM failures WHERE sha256 = ?", (doc.sha256,))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def _delete(self, doc_id: str) -> None:
        for table, col in (("entities", "document_id"), ("pages", "document_id"), ("documents", "id")):
            self.db.execute(f"DELETE FROM {table} WHERE {col} = ?", (doc_id,))

    def mark_indexed(self, doc_ids: list[str]) -> None:
        with self.lock:
            self.db.executemany("UPDATE documents SET status = 'indexed' WHERE id = ?", [(d,) for d in doc_ids])

    def pending(self) -> list[str]:
        return [r["id"] for r in self._rows("SELECT id FROM documents WHERE status = 'pending'")]

    def record_failure(self, failure: Failure) -> None:
        with self.lock:
            self.db.execute(
                "INSERT OR REPLACE INTO failures VALUES (?,?,?,?,?,?)",
                (failure.path, failure.filename, failure.sha256, failure.code, failure.reason, _now()),
            )

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows("SELECT * FROM failures ORDER BY at DESC, filename")]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM documents WHERE id = ? AND status = 'indexed'", (doc_id,))
        if not rows:
            return None
        doc = dict(rows[0])
        doc["metadata"] = json.loads(doc["metadata"])
        return doc

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT id, filename, title, media_type, size, page_count, ocr_pages, added_at FROM documents "
            "WHERE status = 'indexed' ORDER BY added_at DESC, filename LIMIT ? OFFSET ?", (limit, offset))
        return [dict(r) for r in rows]

    def counts(self) -> dict[str, int]:
        row = self._rows("SELECT count(*) AS d, coalesce(sum(page_count), 0) AS p FROM documents WHERE status='indexed'")[0]
        return {"documents": row["d"], "pages": row["p"], "failures": self._rows("SELECT count(*) AS n FROM failures")[0]["n"]}

    def page(self, doc_id: str, number: int) -> dict[str, Any] | None:
        rows = self._rows("SELECT * FROM pages WHERE document_id = ? AND number = ?", (doc_id, number))
        if not rows:
            return None
        page = dict(rows[0])
        page["words"] = json.loads(page["words"])
        page["doubtful"] = json.loads(page["doubtful"])
        return page

    def page_texts(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """Texts of many pages at once (the hits of one result page)."""
        out: dict[tuple[str, int], str] = {}
        with self.lock:
            for doc_id, number in keys:
                row = self.db.execute(
                    "SELECT text FROM pages WHERE document_id = ? AND number = ?", (doc_id, number)).fetchone()
                if row is not None:
                    out[(doc_id, number)] = row["text"]
        return out

    def pages_summary(self, doc_id: str) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT number, method, confidence, length(text) AS chars FROM pages WHERE document_id = ? ORDER BY number",
            (doc_id,))
        return [dict(r) for r in rows]

    def entities(self, doc_id: str, page: int | None = None) -> list[dict[str, Any]]:
        sql, args = "SELECT * FROM entities WHERE document_id = ?", (doc_id,)
        if page is not None:
            sql, args = sql + " AND page = ?", (doc_id, page)  # type: ignore[assignment]
        return [dict(r) for r in self._rows(sql + " ORDER BY page, start", args)]

    def load_document(self, doc_id: str) -> Document:
        """Rebuild the Document as ingest made it (for copying into another engine)."""
        from ingest.entities import Entity

        doc = self.document(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        ents: dict[int, list[Entity]] = {}
        for e in self.entities(doc_id):
            ents.setdefault(e["page"], []).append(Entity(e["kind"], e["printed"], e["value"], e["start"], e["end"]))
        pages = []
        for row in self._rows("SELECT * FROM pages WHERE document_id = ? ORDER BY number", (doc_id,)):
            pages.append(Page(row["number"], row["text"], row["method"], row["confidence"], row["width"],
                              row["height"], [tuple(w) for w in json.loads(row["words"])], ents.get(row["number"], []),
                              [tuple(s) for s in json.loads(row["doubtful"])]))
        return Document(doc_id, doc["filename"], doc["title"], doc["media_type"], doc["size"], pages, doc["metadata"])

    def entity_mentions(self, kind: str, value: str) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT e.* FROM entities e JOIN documents d ON d.id = e.document_id "
            "WHERE e.kind = ? AND e.value = ? AND d.status = 'indexed' ORDER BY e.document_id, e.page, e.start",
            (kind, value))
        return [dict(r) for r in rows]

    def all_entities(self, kind: str | None, limit: int) -> list[dict[str, Any]]:
        """Entities with their document's file name and title, for exports."""
        sql = ("SELECT e.kind, e.printed, e.value, e.document_id, e.page, d.filename, d.title FROM entities e "
               "JOIN documents d ON d.id = e.document_id WHERE d.status = 'indexed'")
        args: tuple = ()
        if kind:
            sql, args = sql + " AND e.kind = ?", (kind,)
        return [dict(r) for r in self._rows(sql + " ORDER BY e.kind, d.filename, e.page, e.start LIMIT ?", (*args, limit))]

    def iter_documents(self) -> Iterator[str]:
        for row in self._rows("SELECT id FROM documents WHERE status = 'indexed' ORDER BY id"):
            yield row["id"]
