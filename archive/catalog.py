"""The catalog: documents, pages (text, method, confidence, word boxes), entities and
ingest failures, in SQLite. The index holds what is searchable; the catalog holds what
is shown and cited.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from ingest import TEXT_LAYER, Document, Failure, Page

from . import wordboxes

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, filename TEXT NOT NULL, title TEXT NOT NULL, media_type TEXT NOT NULL,
  size INTEGER NOT NULL, page_count INTEGER NOT NULL, ocr_pages INTEGER NOT NULL,
  metadata TEXT NOT NULL, original TEXT NOT NULL, added_at TEXT NOT NULL,
  status TEXT NOT NULL  -- 'pending' until the index has committed its pages, then 'indexed'
);
CREATE TABLE IF NOT EXISTS pages (
  document_id TEXT NOT NULL, number INTEGER NOT NULL, text TEXT NOT NULL, method TEXT NOT NULL,
  confidence REAL, width REAL NOT NULL, height REAL NOT NULL,
  words TEXT NOT NULL,  -- '' (text layer: recomputed from the original), packed boxes, or JSON (older)
  doubtful TEXT NOT NULL DEFAULT '[]',  -- spans of OCR words read with low confidence
  PRIMARY KEY (document_id, number)
);  -- a rowid table: a page's text (~6 KB) fills overflow pages whole, no half-empty ones
CREATE TABLE IF NOT EXISTS entities (
  document_id TEXT NOT NULL, page INTEGER NOT NULL, kind TEXT NOT NULL, printed TEXT NOT NULL,
  value TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_by_page ON entities (document_id, page);
CREATE TABLE IF NOT EXISTS deferred_indexes (  -- VALUE_INDEXES dropped for a bulk load (archive/bulk.py)
  name TEXT PRIMARY KEY, since TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS failures (
  path TEXT PRIMARY KEY, filename TEXT NOT NULL, sha256 TEXT, code TEXT NOT NULL,
  reason TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,            -- ingest | delete | reindex
  batch TEXT NOT NULL,           -- the files enqueued together (one CLI run, one upload)
  status TEXT NOT NULL,          -- queued | running | done | failed
  result TEXT,                   -- done: ingested | present | expanded | deleted | reindexed
  filename TEXT NOT NULL, source TEXT NOT NULL, sha256 TEXT, size INTEGER NOT NULL DEFAULT 0,
  parent INTEGER, inner_path TEXT,  -- a file unpacked from the ZIP job `parent`, at this path
  user TEXT,
  pages_done INTEGER NOT NULL DEFAULT 0, pages_total INTEGER, ocr_pages INTEGER NOT NULL DEFAULT 0,
  code TEXT, reason TEXT, detail TEXT,
  worker TEXT, attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT
);
CREATE INDEX IF NOT EXISTS jobs_by_status ON jobs (status, id);
CREATE INDEX IF NOT EXISTS jobs_by_batch ON jobs (batch, id);
CREATE INDEX IF NOT EXISTS documents_by_added ON documents (status, added_at DESC, filename);  -- the list, newest first
CREATE TABLE IF NOT EXISTS leases (
  name TEXT PRIMARY KEY, owner TEXT NOT NULL, host TEXT NOT NULL, pid INTEGER NOT NULL,
  expires_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS citable_log (  -- each document made citable, in order (never reused: saved searches' "new")
  seq INTEGER PRIMARY KEY AUTOINCREMENT, document_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS edits (  -- one row, counting people's corrections of documents (for caches of derived views)
  id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL
);
INSERT OR IGNORE INTO edits VALUES (1, 0);
CREATE TABLE IF NOT EXISTS changes (  -- one row, counting documents added, removed or changing status (the
  id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL  -- fingerprint of derived views, without a scan)
);
INSERT OR IGNORE INTO changes VALUES (1, 0);
CREATE TRIGGER IF NOT EXISTS documents_added AFTER INSERT ON documents BEGIN UPDATE changes SET n = n + 1; END;
CREATE TRIGGER IF NOT EXISTS documents_removed AFTER DELETE ON documents BEGIN UPDATE changes SET n = n + 1; END;
CREATE TRIGGER IF NOT EXISTS documents_moved AFTER UPDATE OF status ON documents BEGIN UPDATE changes SET n = n + 1; END;
CREATE TABLE IF NOT EXISTS saved_searches (
  id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL, name TEXT NOT NULL, query TEXT NOT NULL,
  options TEXT NOT NULL, path TEXT NOT NULL, base_url TEXT NOT NULL DEFAULT '', webhook TEXT,
  created_at TEXT NOT NULL, seen_at TEXT, seen_seq INTEGER NOT NULL,  -- citable_log seq at the last visit
  checked_seq INTEGER NOT NULL,  -- citable_log seq up to which alerts were evaluated
  last_new INTEGER NOT NULL DEFAULT 0, last_status TEXT, last_error TEXT, last_delivery_at TEXT,
  UNIQUE (owner, name)
);
"""
# The entities by value: made with the schema, except while a bulk load defers them (archive/bulk.py).
VALUE_INDEXES = {
    # amounts, all but unique, are found through entities_by_amount: one random insert each, not two (a
    # query must say "kind != 'amount'" for SQLite to use this partial index: NOT_AMOUNT below)
    "entities_by_kind": "CREATE INDEX IF NOT EXISTS entities_by_kind ON entities (kind, value) WHERE kind != 'amount'",
    # the amounts index, largest first, and the amounts nearest one typed
    "entities_by_amount": "CREATE INDEX IF NOT EXISTS entities_by_amount ON entities (CAST(value AS REAL), value) "
                          "WHERE kind = 'amount'",
}
BUSY_TIMEOUT_MS = 10_000  # a writer waits its turn; readers never wait (WAL)
MIGRATION_WAIT_S = 900  # opening waits this long for another process bringing a large catalog up to date


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode on the WAL catalog, waiting for a busy writer."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    db.row_factory = sqlite3.Row
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA cache_size=-65536")  # 64 MB: the entity and page indexes of a million pages stay cached
    return db


def _prepare(db: sqlite3.Connection) -> None:
    """The schema, created or brought up to date. Another process may hold the write lock longer
    than the busy timeout while it does the same to a large catalog (an index added over millions
    of rows takes a minute at a million pages): wait for it, up to MIGRATION_WAIT_S."""
    deadline = time.monotonic() + MIGRATION_WAIT_S
    while True:
        try:
            db.executescript(SCHEMA)
            _migrate(db)
            _value_indexes(db)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            if db.in_transaction:
                db.execute("ROLLBACK")


def _migrate(db: sqlite3.Connection) -> None:
    """Columns added since the first version, added to an older catalog in place."""
    have = {r["name"] for r in db.execute("PRAGMA table_info(documents)")}
    for column in ("doc_date", "kind"):  # set by a person editing the document
        if column not in have:
            db.execute(f"ALTER TABLE documents ADD COLUMN {column} TEXT")
    _pages_with_rowid(db)
    db.execute("DROP INDEX IF EXISTS entities_by_value")  # (kind, value) of every entity: now entities_by_kind


def has_index(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?", (name,)).fetchone() is not None


def _value_indexes(db: sqlite3.Connection) -> None:
    """VALUE_INDEXES made where missing (a new catalog, or an older one), unless a bulk load
    has deferred them: its indexer builds them when its queue is drained."""
    def wanted() -> bool:
        deferred = db.execute("SELECT 1 FROM deferred_indexes").fetchone() is not None
        return not deferred and not all(has_index(db, name) for name in VALUE_INDEXES)

    if not wanted():
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        if wanted():  # a bulk load may have started while this one waited
            for sql in VALUE_INDEXES.values():
                db.execute(sql)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _pages_with_rowid(db: sqlite3.Connection) -> None:
    """Catalogs before issue 10 kept pages WITHOUT ROWID, where a row over ~1 KB spills into
    overflow pages left mostly empty (8.8 KB on disk for 5.9 KB of text), and text-layer
    pages' boxes as JSON: copy them once into the rowid table, without those boxes. The
    space freed is reused by later pages (VACUUM returns it to the disk)."""
    def old() -> bool:
        row = db.execute("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'pages'").fetchone()
        return row is not None and "WITHOUT ROWID" in row["sql"].upper()

    if not old():
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        if old():  # another process may have migrated it while this one waited
            db.execute("ALTER TABLE pages RENAME TO pages_without_rowid")
            db.execute(next(part for part in SCHEMA.split(";") if "TABLE IF NOT EXISTS pages" in part))
            keep = "document_id, number, text, method, confidence, width, height"
            db.execute(f"INSERT INTO pages ({keep}, words, doubtful) SELECT {keep}, "
                       f"CASE WHEN method = '{TEXT_LAYER}' THEN '{wordboxes.RECOMPUTE}' ELSE words END, doubtful "
                       "FROM pages_without_rowid ORDER BY document_id, number")  # text-layer boxes: recomputed
            db.execute("DROP TABLE pages_without_rowid")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


NOT_AMOUNT = "kind != 'amount'"  # said by a query for SQLite to use entities_by_kind


def amount_is(alias: str, value: str = "?") -> str:
    """The terms finding one amount's mentions through entities_by_amount, by number then value (the
    unary plus keeps SQLite from putting `value` into the CAST, which would then not match the index)."""
    return f"{alias}.kind = 'amount' AND CAST({alias}.value AS REAL) = CAST({value} AS REAL) AND +{alias}.value = {value}"


def _valued(kinds: tuple[str, ...], values: list[str]) -> Iterator[tuple[str, str, tuple]]:
    """(index, terms, arguments) finding mentions of these values of these kinds, a part for each index."""
    marks, others = ",".join("?" * len(values)), tuple(k for k in kinds if k != "amount")
    if others:
        yield ("entities_by_kind", f"e.kind IN ({','.join('?' * len(others))}) AND e.{NOT_AMOUNT} AND e.value IN ({marks})",
               (*others, *values))
    if "amount" in kinds:
        numbers = ",".join(["CAST(? AS REAL)"] * len(values))
        yield ("entities_by_amount", f"e.kind = 'amount' AND CAST(e.value AS REAL) IN ({numbers}) AND +e.value IN ({marks})",
               (*values, *values))


def _stored_words(page: Page) -> str | bytes:
    """Text-layer pages keep no boxes (recomputed from the original when shown); OCR pages keep theirs packed."""
    return wordboxes.RECOMPUTE if page.method == TEXT_LAYER else wordboxes.pack(page.words)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Catalog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = connect(path)
        self.lock = threading.RLock()
        with self.lock:
            _prepare(self.db)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (BEGIN IMMEDIATE) so it never fails half-way
        on another process's lock."""
        with self.lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def indexed_by(self, name: str) -> str:
        """`INDEXED BY name`, for a query that must use that index; nothing while a bulk load defers it."""
        with self.lock:
            return f"INDEXED BY {name}" if has_index(self.db, name) else ""

    def _rows(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        with self.lock:
            return self.db.execute(sql, args).fetchall()

    def status(self, doc_id: str) -> str | None:
        rows = self._rows("SELECT status FROM documents WHERE id = ?", (doc_id,))
        return rows[0]["status"] if rows else None

    def put_document(self, doc: Document, original: str, db: sqlite3.Connection | None = None) -> None:
        """Write the document, its pages and entities as 'pending', in one transaction (the
        caller's when `db` is given: the indexer writes a commit's documents together)."""
        if db is None:
            with self.transaction() as tx:
                return self.put_document(doc, original, tx)
        ocr = sum(1 for p in doc.pages if p.method == "ocr")
        self._delete(doc.sha256)
        db.execute(
            "INSERT INTO documents (id, filename, title, media_type, size, page_count, ocr_pages, metadata, "
            "original, added_at, status) VALUES (?,?,?,?,?,?,?,?,?,?, 'pending')",
            (doc.sha256, doc.filename, doc.title, doc.media_type, doc.size, doc.page_count, ocr,
             json.dumps(doc.metadata, ensure_ascii=False), original, _now()),
        )
        db.executemany(
            "INSERT INTO pages VALUES (?,?,?,?,?,?,?,?,?)",
            [(doc.sha256, p.number, p.text, p.method, p.confidence, p.width, p.height,
              _stored_words(p), json.dumps(p.doubtful)) for p in doc.pages],
        )
        db.executemany(
            "INSERT INTO entities VALUES (?,?,?,?,?,?,?)",
            [(doc.sha256, p.number, e.kind, e.printed, e.value, e.start, e.end)
             for p in doc.pages for e in p.entities],
        )
        db.execute("DELETE FROM failures WHERE sha256 = ?", (doc.sha256,))

    def _delete(self, doc_id: str) -> None:
        for table, col in (("entities", "document_id"), ("pages", "document_id"), ("documents", "id")):
            self.db.execute(f"DELETE FROM {table} WHERE {col} = ?", (doc_id,))

    def mark_indexed(self, doc_ids: list[str], db: sqlite3.Connection | None = None) -> None:
        """Citable from now on; inside the caller's transaction when `db` is given."""
        if db is None:
            with self.transaction() as tx:
                return self.mark_indexed(doc_ids, tx)
        db.executemany("UPDATE documents SET status = 'indexed' WHERE id = ?", [(d,) for d in doc_ids])
        db.executemany("INSERT INTO citable_log (document_id) VALUES (?)", [(d,) for d in doc_ids])

    def delete_document(self, doc_id: str) -> None:
        with self.transaction():
            self._delete(doc_id)

    def edit_document(self, doc_id: str, title: str | None, doc_date: str | None, kind: str | None) -> None:
        """A person's corrections: the title shown, the document's date and kind."""
        with self.transaction() as db:
            if title is not None:
                db.execute("UPDATE documents SET title = ? WHERE id = ?", (title, doc_id))
            if doc_date is not None:
                db.execute("UPDATE documents SET doc_date = ? WHERE id = ?", (doc_date or None, doc_id))
            if kind is not None:
                db.execute("UPDATE documents SET kind = ? WHERE id = ?", (kind or None, doc_id))
            db.execute("UPDATE edits SET n = n + 1")

    def pending(self) -> list[str]:
        return [r["id"] for r in self._rows("SELECT id FROM documents WHERE status = 'pending'")]

    def deleting(self) -> list[str]:
        return [r["id"] for r in self._rows("SELECT id FROM documents WHERE status = 'deleting'")]

    def mark_deleting(self, doc_id: str) -> None:
        """No longer citable; removed from the catalog once the index has let it go."""
        with self.transaction() as db:
            db.execute("UPDATE documents SET status = 'deleting' WHERE id = ?", (doc_id,))

    def record_failure(self, failure: Failure, db: sqlite3.Connection | None = None) -> None:
        if db is None:
            with self.transaction() as tx:
                return self.record_failure(failure, tx)
        db.execute(
            "INSERT OR REPLACE INTO failures VALUES (?,?,?,?,?,?)",
            (failure.path, failure.filename, failure.sha256, failure.code, failure.reason, _now()),
        )

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows("SELECT * FROM failures ORDER BY at DESC, filename")]

    def document(self, doc_id: str, any_status: bool = False) -> dict[str, Any] | None:
        """A citable document (or, for the indexer, one in any state)."""
        sql = "SELECT * FROM documents WHERE id = ?" + ("" if any_status else " AND status = 'indexed'")
        rows = self._rows(sql, (doc_id,))
        if not rows:
            return None
        doc = dict(rows[0])
        doc["metadata"] = json.loads(doc["metadata"])
        return doc

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        rows = self._rows(
            "SELECT id, filename, title, media_type, size, page_count, ocr_pages, added_at, doc_date, kind FROM documents "
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
        page["words"] = wordboxes.unpack(page["words"])  # None: recompute from the original
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

    def entities(self, doc_id: str, page: int | None = None, kinds: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """A document's entities (of one page; of some kinds), in reading order."""
        sql, args = "SELECT * FROM entities WHERE document_id = ?", list[Any]([doc_id])
        if page is not None:
            sql, args = sql + " AND page = ?", args + [page]
        if kinds is not None:
            wanted = sorted(set(kinds))
            sql, args = sql + f" AND kind IN ({', '.join('?' * len(wanted))})", args + wanted
        return [dict(r) for r in self._rows(sql + " ORDER BY page, start", tuple(args))]

    def load_document(self, doc_id: str, any_status: bool = False, words: bool = True) -> Document:
        """Rebuild the Document as ingest made it (for recovery and for copying into another
        engine); without its word boxes when `words` is False."""
        from ingest.entities import Entity

        doc = self.document(doc_id, any_status)
        if doc is None:
            raise KeyError(doc_id)
        ents: dict[int, list[Entity]] = {}
        for e in self.entities(doc_id):
            ents.setdefault(e["page"], []).append(Entity(e["kind"], e["printed"], e["value"], e["start"], e["end"]))
        pages = []
        for row in self._rows("SELECT * FROM pages WHERE document_id = ? ORDER BY number", (doc_id,)):
            pages.append(Page(row["number"], row["text"], row["method"], row["confidence"], row["width"],
                              row["height"], (wordboxes.unpack(row["words"]) if words else None) or [],
                              ents.get(row["number"], []),
                              [tuple(s) for s in json.loads(row["doubtful"])]))
        return Document(doc_id, doc["filename"], doc["title"], doc["media_type"], doc["size"], pages, doc["metadata"])

    def all_entities(self, kind: str | None, limit: int) -> list[dict[str, Any]]:
        """Entities with their document's file name and title, for exports."""
        sql = ("SELECT e.kind, e.printed, e.value, e.document_id, e.page, d.filename, d.title FROM entities e "
               "JOIN documents d ON d.id = e.document_id WHERE d.status = 'indexed'")
        args: tuple = ()
        if kind == "amount":
            by_number = self.indexed_by("entities_by_amount")
            sql = sql.replace("entities e", f"entities e {by_number}") + " AND e.kind = 'amount'"
        elif kind:
            sql, args = sql + f" AND e.kind = ? AND e.{NOT_AMOUNT}", (kind,)
        return [dict(r) for r in self._rows(sql + " ORDER BY e.kind, d.filename, e.page, e.start LIMIT ?", (*args, limit))]

    def iter_documents(self) -> Iterator[str]:
        for row in self._rows("SELECT id FROM documents WHERE status = 'indexed' ORDER BY id"):
            yield row["id"]

    def fingerprint(self) -> tuple[int, int, int]:
        """Changes whenever a document is added, removed, made citable, corrected or its entities
        written again (for caches of derived views); not when jobs, sessions or the audit log are written.
        Counters kept by triggers and an index look-up: it costs the same at a million pages as at ten
        (it is read on every search; the scan it replaced took 5 ms at 20,000 documents)."""
        row = self._rows("SELECT (SELECT n FROM changes) AS c, (SELECT n FROM edits) AS e, "
                         "(SELECT coalesce(max(rowid), 0) FROM entities) AS r")[0]
        return row["c"], row["e"], row["r"]

    def entities_valued(self, kinds: tuple[str, ...], values: Iterable[str]) -> list[dict[str, Any]]:
        """Mentions of these values in citable documents, through the (kind, value) index (amounts: the
        index by number)."""
        values = sorted(set(values))
        found: list[sqlite3.Row] = []
        for index, where, args in _valued(kinds, values) if values else ():
            found += self._rows(f"SELECT e.* FROM entities e {self.indexed_by(index)} "
                                "JOIN documents d ON d.id = e.document_id "
                                f"WHERE {where} AND d.status = 'indexed'", args)
        return sorted((dict(r) for r in found), key=lambda r: (r["document_id"], r["page"], r["start"]))

    def entities_in(self, doc_ids: Iterable[str], kinds: tuple[str, ...]) -> list[dict[str, Any]]:
        """The entities of these kinds in these documents, through the (document_id, page) index (the
        planner would otherwise pick (kind, value) and read every entity of those kinds)."""
        ids = sorted(set(doc_ids))
        if not ids:
            return []
        sql = (f"SELECT * FROM entities INDEXED BY entities_by_page WHERE document_id IN ({','.join('?' * len(ids))}) "
               f"AND kind IN ({','.join('?' * len(kinds))}) ORDER BY document_id, page, start")
        return [dict(r) for r in self._rows(sql, (*ids, *kinds))]

    def entities_on_pages(self, keys: list[tuple[str, int]], kinds: tuple[str, ...]) -> dict[tuple[str, int], list[dict[str, Any]]]:
        """The entities of these kinds on these (document, page)s, by page in order of place: one
        query per document instead of one per page."""
        pages: dict[str, list[int]] = {}
        for doc_id, page in keys:
            pages.setdefault(doc_id, []).append(page)
        out: dict[tuple[str, int], list[dict[str, Any]]] = {}
        kind_marks = ",".join("?" * len(kinds))
        for doc_id, numbers in pages.items():
            for part in range(0, len(numbers), 500):  # within SQLite's bound on parameters
                chunk = numbers[part:part + 500]
                sql = (f"SELECT * FROM entities INDEXED BY entities_by_page WHERE document_id = ? AND page IN "
                       f"({','.join('?' * len(chunk))}) AND kind IN ({kind_marks}) ORDER BY page, start")
                for r in self._rows(sql, (doc_id, *chunk, *kinds)):
                    out.setdefault((doc_id, r["page"]), []).append(dict(r))
        return out

    def documents_printing(self, text: str, limit: int) -> list[str]:
        """Citable documents whose text holds this exact string (a CFDI UUID), at most `limit`."""
        rows = self._rows("SELECT DISTINCT p.document_id FROM pages p JOIN documents d ON d.id = p.document_id "
                          "WHERE d.status = 'indexed' AND instr(upper(p.text), ?) > 0 LIMIT ?", (text.upper(), limit))
        return [r["document_id"] for r in rows]
