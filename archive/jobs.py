"""The durable ingest queue: one row per file (and per delete or reindex) in the catalog.

queued → running (claimed by the indexer holding the lease) → done | failed. State lives
here, not in a process's memory: a killed indexer's running jobs go back to the queue.
Claims are single UPDATEs in an immediate transaction, so a second indexer host could
take jobs from the same table.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable

from expediente.errors import ExpedienteError, NotFound, UsageError

from .catalog import Catalog

ACTIVE = ("queued", "running")
TERMINAL = ("done", "failed")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_batch() -> str:
    return uuid.uuid4().hex[:12]


@dataclass
class NewJob:
    filename: str
    source: str  # the path as given, "upload", or the ZIP's name
    sha256: str | None = None
    size: int = 0
    kind: str = "ingest"
    parent: int | None = None
    inner_path: str | None = None
    status: str = "queued"
    result: str | None = None
    error: ExpedienteError | None = None
    detail: str | None = None  # what a delete, reindex or re-OCR job needs (JSON)


class JobQueue:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    # -- adding -----------------------------------------------------------------

    def add(self, jobs: Iterable[NewJob], batch: str, user: str | None = None) -> list[int]:
        """Enqueue in one transaction; a job already decided (present, refused) is added as such."""
        ids = []
        with self.catalog.transaction() as db:
            for j in jobs:
                code, reason = (j.error.code, j.error.message) if j.error else (None, None)
                status = "failed" if j.error else j.status
                finished = _now() if status in TERMINAL else None
                cur = db.execute(
                    "INSERT INTO jobs (kind, batch, status, result, filename, source, sha256, size, parent, inner_path, "
                    "user, code, reason, detail, created_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (j.kind, batch, status, j.result, j.filename, j.source, j.sha256, j.size, j.parent, j.inner_path,
                     user, code, reason, j.detail, _now(), finished))
                ids.append(int(cur.lastrowid or 0))
        return ids

    # -- the indexer's side -----------------------------------------------------

    def claim(self, worker: str, n: int) -> list[dict[str, Any]]:
        """Take up to n queued jobs, oldest first; a file already being read is left queued."""
        with self.catalog.transaction() as db:
            rows = db.execute(
                "SELECT * FROM jobs WHERE status = 'queued' AND (sha256 IS NULL OR sha256 NOT IN "
                "(SELECT sha256 FROM jobs WHERE status = 'running' AND sha256 IS NOT NULL)) ORDER BY id LIMIT ?",
                (n * 4,)).fetchall()
            taken, shas = [], set()
            for row in rows:
                if row["sha256"] and row["sha256"] in shas:
                    continue
                shas.add(row["sha256"])
                taken.append(dict(row))
                if len(taken) == n:
                    break
            db.executemany(
                "UPDATE jobs SET status = 'running', worker = ?, started_at = ?, attempts = attempts + 1 WHERE id = ?",
                [(worker, _now(), j["id"]) for j in taken])
        return taken

    def progress(self, job_id: int, done: int, total: int, ocr: int) -> None:
        with self.catalog.transaction() as db:
            db.execute("UPDATE jobs SET pages_done = ?, pages_total = ?, ocr_pages = ? WHERE id = ?",
                       (done, total, ocr, job_id))

    def finish(self, job_id: int, result: str, db: sqlite3.Connection | None = None, pages: int | None = None,
               ocr: int = 0, detail: str | None = None) -> None:
        sql = ("UPDATE jobs SET status = 'done', result = ?, finished_at = ?, detail = coalesce(?, detail), "
               "pages_done = coalesce(?, pages_done), pages_total = coalesce(?, pages_total), ocr_pages = ? WHERE id = ?")
        args = (result, _now(), detail, pages, pages, ocr, job_id)
        if db is not None:
            db.execute(sql, args)
            return
        with self.catalog.transaction() as tx:
            tx.execute(sql, args)

    def fail(self, job_id: int, code: str, reason: str, db: sqlite3.Connection | None = None) -> None:
        sql = "UPDATE jobs SET status = 'failed', code = ?, reason = ?, finished_at = ? WHERE id = ?"
        if db is not None:
            db.execute(sql, (code, reason, _now(), job_id))
            return
        with self.catalog.transaction() as tx:
            tx.execute(sql, (code, reason, _now(), job_id))

    def requeue_running(self, except_worker: str | None = None, only_worker: str | None = None) -> int:
        """Jobs a dead indexer was reading go back to the queue (they are read again)."""
        sql = "UPDATE jobs SET status = 'queued', worker = NULL, pages_done = 0 WHERE status = 'running'"
        args: tuple = ()
        if except_worker is not None:
            sql, args = sql + " AND coalesce(worker, '') != ?", (except_worker,)
        if only_worker is not None:
            sql, args = sql + " AND worker = ?", (only_worker,)
        with self.catalog.transaction() as db:
            return db.execute(sql, args).rowcount

    # -- reading and managing ---------------------------------------------------

    def get(self, job_id: int) -> dict[str, Any]:
        rows = self.catalog._rows("SELECT * FROM jobs WHERE id = ?", (job_id,))
        if not rows:
            raise NotFound(f"no job {job_id}", "job_not_found", id=job_id)
        return dict(rows[0])

    def states(self, ids: list[int], ended_only: bool = False) -> dict[int, dict[str, Any]]:
        """The jobs of these ids; `ended_only`, only those that have ended (a batch of 20,000
        files polled while it runs reads the few that ended, not every row)."""
        out: dict[int, dict[str, Any]] = {}
        ended = f" AND status IN ({','.join('?' * len(TERMINAL))})" if ended_only else ""
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            marks = ",".join("?" * len(part))
            args = (*part, *TERMINAL) if ended_only else tuple(part)
            for row in self.catalog._rows(f"SELECT * FROM jobs WHERE id IN ({marks}){ended}", args):
                out[row["id"]] = dict(row)
        return out

    def children(self, parent: int) -> list[int]:
        return [r["id"] for r in self.catalog._rows("SELECT id FROM jobs WHERE parent = ? ORDER BY id", (parent,))]

    def list(self, limit: int = 200, batch: str | None = None, status: str | None = None,
             offset: int = 0) -> list[dict[str, Any]]:
        sql, args = "SELECT * FROM jobs WHERE 1 = 1", []
        if batch:
            sql += " AND batch = ?"
            args.append(batch)
        if status:
            sql += " AND status = ?"
            args.append(status)
        return [dict(r) for r in self.catalog._rows(sql + " ORDER BY id DESC LIMIT ? OFFSET ?", (*args, limit, offset))]

    def counts(self) -> dict[str, int]:
        rows = self.catalog._rows("SELECT status, count(*) AS n FROM jobs GROUP BY status")
        found = {r["status"]: r["n"] for r in rows}
        return {s: found.get(s, 0) for s in ("queued", "running", "done", "failed")}

    def has_queued(self) -> bool:
        return bool(self.catalog._rows("SELECT 1 FROM jobs WHERE status = 'queued' LIMIT 1"))

    def retry(self, job_id: int) -> None:
        job = self.get(job_id)
        if job["status"] != "failed":
            raise UsageError("only a failed job can be retried", "job_retry_not_failed")
        if not job["sha256"]:
            raise UsageError("this file was never stored (it was refused before): upload it again", "job_never_stored")
        with self.catalog.transaction() as db:
            db.execute("UPDATE jobs SET status = 'queued', code = NULL, reason = NULL, finished_at = NULL, "
                       "pages_done = 0, worker = NULL WHERE id = ?", (job_id,))

    def forget(self, job_id: int) -> dict[str, Any]:
        """Remove a finished job's row (its document, if any, stays)."""
        job = self.get(job_id)
        if job["status"] in ACTIVE:
            raise UsageError("this job is still in the queue: wait for it to finish", "job_still_queued")
        with self.catalog.transaction() as db:
            db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
            db.execute("DELETE FROM failures WHERE path = ?", (job["source"],))
        return job

    def referenced(self, sha256: str) -> bool:
        """Does any job still need this stored original?"""
        return bool(self.catalog._rows("SELECT 1 FROM jobs WHERE sha256 = ? LIMIT 1", (sha256,)))
