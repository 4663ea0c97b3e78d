"""Ingest as the CLI and the server run it: enqueue, then drive the queue or follow it.

`ingest_files` stores the files and enqueues them; when no indexer is running it becomes
the indexer until its own files are done, and when one is (a server, another ingest) it
follows its jobs there, taking over if that indexer goes away. `run_indexer` is the
server's background indexer process.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from expediente.errors import EngineUnavailable, ExpedienteError
from expediente.process import die_with_parent
from expediente.settings import Settings
from ingest import Failure, check_tesseract, collect_files

from . import originals
from .catalog import Catalog
from .indexer import Indexer, LeaseLost
from .jobs import JobQueue, NewJob, new_batch
from .lease import holder

log = logging.getLogger(__name__)
ENQUEUE_CHUNK = 16  # files per queue transaction: the indexer starts on the first ones at once
FOLLOW_POLL_S = 0.3

Event = Callable[[str, dict], None]


@dataclass
class Report:
    ingested: list[dict] = field(default_factory=list)
    present: list[dict] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def to_dict(self) -> dict:
        return {"ingested": self.ingested, "already_present": self.present, "failed": [f.__dict__ for f in self.failed]}


def stored_job(settings: Settings, path: Path) -> NewJob:
    """A job for one file: its bytes kept in the originals (or the reason they could not be)."""
    job = NewJob(path.name, str(path))
    try:
        job.sha256, job.size = originals.store_path(settings, path)
    except ExpedienteError as exc:
        job.error = exc
    except OSError as exc:
        job.error = ExpedienteError(f"cannot read the file: {exc.strerror}")
    return job


def enqueue_paths(settings: Settings, queue: JobQueue, files: list[Path], batch: str,
                  user: str | None = None) -> Iterable[list[int]]:
    """Store and enqueue the files a chunk at a time, yielding each chunk's job ids."""
    for start in range(0, len(files), ENQUEUE_CHUNK):
        jobs = [stored_job(settings, p) for p in files[start:start + ENQUEUE_CHUNK]]
        yield queue.add(jobs, batch, user)


class _Tracker:
    """Follows a batch's jobs in the queue and reports each one once, as it ends."""

    def __init__(self, queue: JobQueue, report: Report, emit: Event) -> None:
        self.queue, self.report, self.emit = queue, report, emit
        self.waiting: set[int] = set()
        self.enqueued = threading.Event()  # every file of the batch is in the queue
        self._lock = threading.Lock()
        self._polled = 0.0

    def add(self, ids: list[int]) -> None:
        with self._lock:
            self.waiting.update(ids)

    def done(self) -> bool:
        """True once every job has ended; polls the queue at most every FOLLOW_POLL_S / 3, and
        less often while many jobs wait (a poll looks each one up: 20,000 waiting, once a second)."""
        if time.monotonic() - self._polled >= max(FOLLOW_POLL_S / 3, len(self.waiting) / 20_000):
            self.poll()
        return self.enqueued.is_set() and not self.waiting

    def poll(self) -> None:
        self._polled = time.monotonic()
        with self._lock:
            waiting = sorted(self.waiting)
        for job_id, job in sorted(self.queue.states(waiting, ended_only=True).items()):
            with self._lock:
                self.waiting.discard(job_id)
            self._ended(job)

    def _ended(self, job: dict[str, Any]) -> None:
        if job["result"] == "expanded":
            children = self.queue.children(job["id"])
            self.add(children)
            self.emit("expanded", {"filename": job["inner_path"] or job["filename"], "files": len(children)})
            return
        where = job["source"] + (f" → {job['inner_path']}" if job["inner_path"] else "")
        record_outcome(self.report, self.emit, job, where, job["sha256"])


def record_outcome(report: Report, emit: Event, job: dict[str, Any], where: str, document_id: str | None) -> None:
    """One ended file into the report and the progress lines, for local and remote ingests
    alike (an unpacked ZIP is the caller's: its files follow)."""
    name = job["inner_path"] or job["filename"]
    if job["status"] == "failed":
        failure = Failure(where, name, job["code"] or "error", job["reason"] or "", job.get("sha256"))
        report.failed.append(failure)
        return emit("failed", failure.__dict__)
    info: dict[str, Any] = {"filename": name, "document_id": document_id}
    if job["result"] == "present":
        report.present.append(info)
        return emit("present", info)
    info.update(pages=job["pages_total"] or 0, ocr_pages=job["ocr_pages"])
    report.ingested.append(info)
    emit("ingested", info)


def ingest_files(settings: Settings, paths: Iterable[Path], on_event: Event | None = None,
                 user: str | None = None) -> Report:
    """Ingest files, folders and ZIPs; one file's failure never stops the batch."""
    check_tesseract(settings.ocr_lang)
    emit = on_event or (lambda kind, info: None)
    report = Report()
    catalog = Catalog(settings.catalog_path)
    try:
        tracker = _Tracker(JobQueue(catalog), report, emit)
        files = collect_files(paths)
        emit("start", {"files": len(files)})
        feeder = _Feeder(settings, files, user, tracker)  # files are stored while the first ones are read
        feeder.start()
        try:
            while not tracker.done():
                _drive_or_follow(settings, tracker)
        finally:
            feeder.join()
        tracker.poll()
    finally:
        catalog.close()
    return report


class _Feeder(threading.Thread):
    """Stores and enqueues a batch's files in the background, a chunk at a time."""

    def __init__(self, settings: Settings, files: list[Path], user: str | None, tracker: _Tracker) -> None:
        super().__init__(name="enqueue", daemon=True)
        self.settings, self.files, self.user, self.tracker = settings, files, user, tracker

    def run(self) -> None:
        catalog = Catalog(self.settings.catalog_path)
        try:
            for ids in enqueue_paths(self.settings, JobQueue(catalog), self.files, new_batch(), self.user):
                self.tracker.add(ids)
        finally:
            catalog.close()
            self.tracker.enqueued.set()


def _drive_or_follow(settings: Settings, tracker: _Tracker) -> None:
    """Become the indexer until our jobs are done; if another one is running, follow it
    until our jobs are done or it goes away (then the caller tries again)."""
    indexer = Indexer(settings)
    try:
        if indexer.acquire():
            indexer.run(until=tracker.done, idle_s=0.05)
            return
    finally:
        indexer.close()
    while not tracker.done():
        if holder(settings.catalog_path) is None:  # the other indexer went away: take over
            return
        time.sleep(FOLLOW_POLL_S)


# -- the server's background indexer ---------------------------------------------


def run_indexer(settings: Settings, stop: threading.Event) -> None:
    """Wait for the lease, then work the queue until `stop` (SIGTERM in the child process)."""
    while not stop.is_set():
        indexer = Indexer(settings)
        indexer.stopping = stop
        try:
            if indexer.acquire():
                log.info("indexer %s holds the archive's index", indexer.owner)
                indexer.run()
            else:
                stop.wait(1.0)
        except (LeaseLost, EngineUnavailable) as exc:
            log.warning("indexer paused: %s", exc)
            stop.wait(2.0)
        finally:
            indexer.close()


def _indexer_main(settings: Settings) -> None:
    die_with_parent()
    logging.basicConfig(level=logging.INFO, format="indexer: %(message)s")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    run_indexer(settings, stop)


class IndexerProcess:
    """`serve`'s indexer in a child process of its own (no GIL shared with searches),
    restarted if it dies, stopped with the server."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.proc: Any = None
        self._stopped = threading.Event()
        self._watch: threading.Thread | None = None

    def start(self) -> None:
        self._spawn()
        self._watch = threading.Thread(target=self._supervise, name="indexer-supervisor", daemon=True)
        self._watch.start()

    def _spawn(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.proc = ctx.Process(target=_indexer_main, args=(self.settings,), name="expediente-indexer")
        self.proc.start()

    def _supervise(self) -> None:
        while not self._stopped.wait(2.0):
            if self.proc is not None and not self.proc.is_alive():
                log.warning("the indexer process ended (exit %s); starting it again", self.proc.exitcode)
                self._spawn()

    def stop(self, timeout: float = 15.0) -> None:
        self._stopped.set()
        if self.proc is None:
            return
        self.proc.terminate()  # SIGTERM: finish the commit in hand, give the lease back
        self.proc.join(timeout)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
