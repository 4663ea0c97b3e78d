"""The indexer: the one process per archive that owns the index writer.

It holds the lease, takes jobs from the queue, has the ingest Reader turn files into
Documents, writes them to the catalog as 'pending', adds them to the index, commits, and
only then marks them citable and their jobs done, in one catalog transaction. Whatever
kills it, the next holder of the lease finds every 'pending' document in the catalog and
indexes it again from there: nothing in the catalog is missing from the index, nothing is
in it twice.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from expediente.errors import ExpedienteError
from expediente.settings import Settings
from ingest import Document, Failure, Item, Reader, ZipLimits, expand_zip, is_zip
from search import PageRecord, SearchEngine, index_text, open_engine

from . import originals, readings
from .alerts import AlertWorker
from .bulk import BulkLoad
from .catalog import Catalog
from .jobs import JobQueue, NewJob
from .lease import Lease
from .records import document_records, fresh_records

log = logging.getLogger(__name__)
FLUSH_EVERY = 200  # documents staged at most before they go to the catalog and the index writer
# Pages staged at most: what the staged documents hold in memory, and how long the reader's
# loop pauses to write them (500 against 2,000: 6% faster ingest, 331 against 400-422 MB).
FLUSH_PAGES = 500
COMMIT_AFTER_S = 1.0  # a document read after a quiet while is searchable within about this long
PROGRESS_EVERY_S = 1.0
CHECKPOINT_PAGES = 10_000  # the catalog's write-ahead log is copied back every 40 MB, not 4 (fewer, larger checkpoints)
CLAIM_AHEAD = 8  # jobs claimed at once; claimed but unread ones go back to the queue at close


@dataclass
class Staged:
    job_id: int
    document: Document
    records: list[PageRecord]


@dataclass
class Written:
    """A document in the catalog as pending and in the index writer, until the commit."""

    job_id: int
    sha256: str
    page_count: int
    ocr: int


class LeaseLost(ExpedienteError):
    exit_code = 4
    http_status = 503
    code = "lease_lost"


class Indexer:
    _edits: dict[str, Callable[[Indexer, dict[str, Any]], None]] = {
        "delete": lambda self, job: self._delete(job), "reindex": lambda self, job: self._reindex(job),
        "reocr": readings.read_again, "keep_reading": readings.keep,
    }

    def __init__(self, settings: Settings, owner: str | None = None) -> None:
        self.settings = settings
        self.catalog = Catalog(settings.catalog_path)
        self.catalog.db.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
        self.queue = JobQueue(self.catalog)
        self.lease = Lease(settings.catalog_path, owner)
        self.bulk = BulkLoad(self.catalog, self.lease, settings.bulk_load_mb)
        self.reader = Reader(settings, prepare=index_text)  # the pages' index text made in the workers
        self.engine: SearchEngine | None = None
        self.stopping = threading.Event()
        self.staged: list[Staged] = []  # read, in memory
        self.written: list[Written] = []  # in the catalog as pending and in the index writer, not committed
        self.staged_at = 0.0
        self.committed_at = 0.0
        self.until: Callable[[], bool] | None = None
        self.ready: list[Item] = []  # claimed, not yet handed to the reader
        self._progress_at: dict[int, float] = {}
        self.alerts = AlertWorker(settings)  # saved searches re-evaluated after each commit, off this thread

    @property
    def owner(self) -> str:
        return self.lease.owner

    def acquire(self) -> bool:
        """Become this archive's indexer if nobody else is; then recover interrupted work."""
        if not self.lease.try_acquire():
            return False
        try:
            if self.engine is None:
                self.engine = open_engine(self.settings, writable=True)
            self.recover()
            self.alerts.start()
        except BaseException:
            self.lease.release()
            raise
        return True

    def recover(self) -> None:
        """Interrupted work of a dead indexer: its jobs go back to the queue, its
        uncommitted documents are indexed again from the catalog, its deletes finished."""
        engine = self._engine()
        self.queue.requeue_running(except_worker=self.owner)
        pending = self.catalog.pending()
        for doc_id in pending:
            engine.delete_document(doc_id)
            engine.add(document_records(self.catalog, doc_id))
        deleting = self.catalog.deleting()
        for doc_id in deleting:
            engine.delete_document(doc_id)
        if pending or deleting:
            self._check_lease()
            engine.commit()
            with self.catalog.transaction() as db:
                self.catalog.mark_indexed(pending, db)
                db.executemany("UPDATE jobs SET status = 'done', result = 'ingested' WHERE sha256 = ? AND kind = 'ingest' "
                               "AND status IN ('queued', 'running')", [(d,) for d in pending])
            for doc_id in deleting:
                self._forget_document(doc_id)
            log.info("recovered %d interrupted documents, finished %d deletes", len(pending), len(deleting))

    def run(self, until: Callable[[], bool] | None = None, idle_s: float = 0.3) -> None:
        """Work the queue; return when `until()` holds at a quiet moment, or on `stop()`."""
        self.until = until
        while not self._should_stop():
            self.reader.run(self._take, self, stop=self._should_stop)
            self.flush()
            if not self._should_stop() and not self.queue.has_queued():
                self.bulk.finish()
            if until is not None and until():
                return
            if self.stopping.wait(idle_s):
                return
        if self.lease.lost.is_set():
            raise LeaseLost("another indexer took over this archive's index; this one stopped without writing")

    def stop(self) -> None:
        self.stopping.set()

    def close(self) -> None:
        """Give up the index: uncommitted work is left to the next indexer's recovery."""
        self.reader.close()
        self.alerts.close()
        if self.engine is not None:
            self.engine.close()
        if self.lease.held:
            self.queue.requeue_running(only_worker=self.owner)
        self.lease.close()
        self.catalog.close()

    # -- taking jobs ------------------------------------------------------------

    def _should_stop(self) -> bool:
        return self.stopping.is_set() or self.lease.lost.is_set()

    def _engine(self) -> SearchEngine:
        assert self.engine is not None, "acquire() first"
        return self.engine

    def _take(self, n: int) -> list[Item]:
        """The next files to read; deletes, edits, ZIPs and known files are settled here."""
        while len(self.ready) < n and not (self.until is not None and self.until()):
            jobs = self.queue.claim(self.owner, max(n, CLAIM_AHEAD))  # fewer, larger claims
            if not jobs:
                break
            for job in jobs:
                item = self._settle(job)
                if item is not None:
                    self.ready.append(item)
        items, self.ready = self.ready[:n], self.ready[n:]
        return items

    def _settle(self, job: dict[str, Any]) -> Item | None:
        try:
            if job["kind"] != "ingest":
                self._edits[job["kind"]](self, job)
                return None
            if self.catalog.status(job["sha256"]) == "indexed":
                self.queue.finish(job["id"], "present")
                return None
            path = originals.original_path(self.settings, job["sha256"])
            if is_zip(path):
                self._expand(job, path)
                return None
            return Item(job["id"], path, job["filename"], job["sha256"], job["size"])
        except ExpedienteError as exc:
            self._fail(job, exc)
            return None

    def _expand(self, job: dict[str, Any], path: Any) -> None:
        """A ZIP becomes one job per file inside it, each recording the ZIP and its path in it."""
        limits = ZipLimits(max_member_bytes=self.settings.max_file_mb << 20)
        children = []
        for member in expand_zip(path, limits):
            label = f"{job['inner_path'] + '/' if job['inner_path'] else ''}{member.inner_path}"
            child = NewJob(member.filename, job["source"], parent=job["id"], inner_path=label, error=member.error)
            if member.path is not None:
                try:
                    child.sha256, child.size = originals.store_path(self.settings, member.path)
                except ExpedienteError as exc:
                    child.error = exc
            children.append(child)
        self.queue.add(children, job["batch"], job["user"])
        self.queue.finish(job["id"], "expanded", detail=str(len(children)))

    # -- the sink the Reader reports to -------------------------------------------

    def document(self, item: Item, document: Document) -> None:
        """A document read: staged with its index records until the next flush."""
        if not self.staged:
            self.staged_at = time.monotonic()
        self.staged.append(Staged(item.key, document, fresh_records(document)))
        if len(self.staged) >= FLUSH_EVERY or sum(s.document.page_count for s in self.staged) >= FLUSH_PAGES:
            if time.monotonic() - self.committed_at >= self.settings.commit_every_s:
                self.flush()
            else:  # out of memory, into the writer: the commit stays `commit_every_s` away
                self.write_pending()

    def failed(self, item: Item, error: BaseException) -> None:
        self._fail(self.queue.get(item.key), error)

    def progress(self, item: Item, done: int, total: int, ocr: int) -> None:
        """Pages done / total for the activity page, for files that take more than a moment."""
        now = time.monotonic()
        if now - self._progress_at.setdefault(item.key, now) >= PROGRESS_EVERY_S:
            self._progress_at[item.key] = now
            self.queue.progress(item.key, done, total, ocr)

    def tick(self) -> None:
        """While documents keep coming, commits are `commit_every_s` apart: each commit writes a
        segment that tantivy merges again later, and at one a second the merges cost as much CPU
        as the indexing itself. The batch's last documents are committed as soon as it ends."""
        now, every = time.monotonic(), self.settings.commit_every_s  # 0: each document as soon as it is read
        if (self.staged or self.written) and now - self.staged_at >= min(COMMIT_AFTER_S, every) \
                and now - self.committed_at >= every:
            self.flush()

    def flush(self) -> None:
        """Write the staged documents to the catalog as pending and to the index, commit the
        index, then mark them citable and their jobs done, together."""
        if not self.staged and not self.written:
            return
        self.write_pending()
        self._check_lease()
        self._engine().commit()
        with self.catalog.transaction() as db:
            self.catalog.mark_indexed([s.sha256 for s in self.written], db)
            for s in self.written:
                self.queue.finish(s.job_id, "ingested", db, pages=s.page_count, ocr=s.ocr)
                self._progress_at.pop(s.job_id, None)
        self.written, self.committed_at = [], time.monotonic()
        self.alerts.poke()

    def write_pending(self) -> None:
        """The first half of a flush: the staged documents go to the catalog as 'pending' in one
        transaction (from here a crash is recovered from the catalog), then to the index."""
        if not self.staged:
            return
        self.bulk.consider()
        with self.catalog.transaction() as db:
            for s in self.staged:
                stored = originals.original_path(self.settings, s.document.sha256)
                self.catalog.put_document(s.document, str(stored.relative_to(self.settings.data_dir)), db)
        engine = self._engine()
        for s in self.staged:
            engine.delete_document(s.document.sha256)
            engine.add(s.records)
        # Only what the commit needs is kept: the pages and records are the writer's now.
        self.written += [Written(s.job_id, s.document.sha256, s.document.page_count,
                                 sum(1 for p in s.document.pages if p.method == "ocr")) for s in self.staged]
        self.staged = []

    # -- deletes and edits ----------------------------------------------------------

    def _delete(self, job: dict[str, Any]) -> None:
        self.flush()
        doc_id = job["sha256"]
        self.catalog.mark_deleting(doc_id)
        engine = self._engine()
        engine.delete_document(doc_id)
        self._check_lease()
        engine.commit()
        self._forget_document(doc_id)
        self.queue.finish(job["id"], "deleted")

    def _forget_document(self, doc_id: str) -> None:
        self.catalog.delete_document(doc_id)
        originals.remove(self.settings, doc_id)

    def _reindex(self, job: dict[str, Any]) -> None:
        self.flush()
        engine = self._engine()
        if self.catalog.status(job["sha256"]) == "indexed":
            engine.delete_document(job["sha256"])
            engine.add(document_records(self.catalog, job["sha256"]))
            self._check_lease()
            engine.commit()
        self.queue.finish(job["id"], "reindexed")

    def _check_lease(self) -> None:
        if self.lease.lost.is_set():
            raise LeaseLost("another indexer took over this archive's index; this one stopped without writing")

    def _fail(self, job: dict[str, Any], exc: BaseException) -> None:
        if isinstance(exc, ExpedienteError):
            code, reason = exc.code, exc.message
        else:
            code, reason = "internal", f"unexpected {type(exc).__name__}: {exc}"
        where = job["source"] + (f" → {job['inner_path']}" if job["inner_path"] else "")
        with self.catalog.transaction() as db:
            self.queue.fail(job["id"], code, reason, db)
            self.catalog.record_failure(Failure(where, job["filename"], code, reason, job["sha256"]), db)
