"""The orchestrator: files in, Documents out to the archive, failures recorded as data.

Workers (one process per core) analyse files and OCR pages; this process is the one
writer, handing finished Documents to the archive in order of completion.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Protocol

from expediente.errors import ExpedienteError, FileTooLarge
from expediente.settings import Settings

from .formats import looks_like_document
from .model import Document, Failure
from .stages import Plan, analyse_file, assemble, init_worker, ocr_page
from .tesseract import check_tesseract

log = logging.getLogger(__name__)
FLUSH_EVERY = 25
CHUNK = 16  # pages per text-layer task: a long PDF is shared among the workers


class Archive(Protocol):
    """What ingest needs from the archive (search.Archive implements it)."""

    def has_document(self, sha256: str) -> bool: ...
    def add_document(self, document: Document, original: Path) -> None: ...
    def record_failure(self, failure: Failure) -> None: ...
    def flush(self) -> None: ...


@dataclass
class Report:
    ingested: list[dict] = field(default_factory=list)
    present: list[dict] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def to_dict(self) -> dict:
        return {
            "ingested": self.ingested,
            "already_present": self.present,
            "failed": [f.__dict__ for f in self.failed],
        }


Event = Callable[[str, dict], None]


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Named files as given; in folders (recursive), the documents, hidden entries skipped."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for p in sorted(path.rglob("*")):
            hidden = any(x.startswith(".") for x in p.relative_to(path).parts)
            if p.is_file() and not hidden and looks_like_document(p):
                found.append(p)
    return found


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def ingest_paths(paths: Iterable[Path], settings: Settings, archive: Archive, on_event: Event | None = None) -> Report:
    """Ingest files and folders into the archive; one file's failure never stops the batch."""
    check_tesseract(settings.ocr_lang)
    report = Report()
    emit = on_event or (lambda kind, info: None)
    batch = _Batch(settings, archive, report, emit)
    files = collect_files(paths)
    emit("start", {"files": len(files)})
    for path in files:
        batch.admit(path)
    batch.run()
    archive.flush()
    return report


@dataclass
class _File:
    path: Path
    sha256: str
    size: int
    plan: Plan | None = None  # grows chunk by chunk into the whole file
    pending: set[tuple[str, int]] = field(default_factory=set)  # ("chunk", start) / ("ocr", index)
    attempts: int = 0


class _Batch:
    """Schedules analyse and OCR tasks on the pool and finishes files as they complete."""

    def __init__(self, settings: Settings, archive: Archive, report: Report, emit: Event) -> None:
        self.settings, self.archive, self.report, self.emit = settings, archive, report, emit
        self.queue: list[_File] = []
        self.seen: set[str] = set()
        self.tasks: dict[Future, tuple[_File, tuple[str, int]]] = {}
        self.since_flush = 0

    def admit(self, path: Path) -> None:
        """Hash the file and skip it when it is already in the archive or refused up front."""
        try:
            size = path.stat().st_size
            if size > self.settings.max_file_mb * 1024 * 1024:
                raise FileTooLarge(f"the file is larger than {self.settings.max_file_mb} MB: raise EXPEDIENTE_MAX_FILE_MB to ingest it")
            sha = sha256_of(path)
        except ExpedienteError as exc:
            return self.fail(_File(path, "", 0), exc)
        except OSError as exc:
            return self.fail(_File(path, "", 0), ExpedienteError(f"cannot read the file: {exc.strerror}"))
        if sha in self.seen or self.archive.has_document(sha):
            self.report.present.append({"filename": path.name, "document_id": sha})
            self.emit("present", {"filename": path.name, "document_id": sha})
            return
        self.seen.add(sha)
        self.queue.append(_File(path, sha, size))

    def run(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        while self.queue or self.tasks:
            pool = ProcessPoolExecutor(self.settings.workers, mp_context=ctx, initializer=init_worker)
            try:
                self._drive(pool)
            except BrokenProcessPool:
                self._recover()
            finally:
                pool.shutdown(wait=True, cancel_futures=True)

    def _drive(self, pool: ProcessPoolExecutor) -> None:
        while self.queue or self.tasks:
            while self.queue and len(self.tasks) < self.settings.workers * 2:
                file = self.queue.pop(0)
                file.attempts += 1
                file.plan, file.pending = None, set()
                self._submit(pool, file, ("chunk", 0))
            done, _ = wait(list(self.tasks), return_when=FIRST_COMPLETED)
            for fut in done:
                file, key = self.tasks.pop(fut)
                self._finished(pool, fut, file, key)

    def _submit(self, pool: ProcessPoolExecutor, file: _File, key: tuple[str, int]) -> None:
        kind, n = key
        fut: Future = (pool.submit(analyse_file, str(file.path), n, n + CHUNK) if kind == "chunk"
                       else pool.submit(ocr_page, str(file.path), n, self.settings))
        file.pending.add(key)
        self.tasks[fut] = (file, key)

    def _finished(self, pool: ProcessPoolExecutor, fut: Future, file: _File, key: tuple[str, int]) -> None:
        exc = fut.exception()
        if isinstance(exc, BrokenProcessPool):
            self.tasks[fut] = (file, key)
            raise exc
        if exc is not None:
            self._drop(file)
            return self.fail(file, exc)
        file.pending.discard(key)
        if key[0] == "chunk":
            self._merge_chunk(pool, file, fut.result())
        else:
            file.plan.pages[key[1]] = fut.result()  # type: ignore[union-attr]
        if not file.pending:
            self._complete(file)

    def _merge_chunk(self, pool: ProcessPoolExecutor, file: _File, chunk: Plan) -> None:
        """Place a chunk's pages; the first chunk also schedules the rest of the file."""
        if chunk.start == 0:
            file.plan = Plan(chunk.media_type, chunk.metadata, chunk.page_count, 0, [None] * chunk.page_count)
            for start in range(CHUNK, chunk.page_count, CHUNK):
                self._submit(pool, file, ("chunk", start))
        plan = file.plan
        assert plan is not None
        plan.pages[chunk.start:chunk.start + len(chunk.pages)] = chunk.pages
        for i in chunk.todo:
            self._submit(pool, file, ("ocr", i))

    def _recover(self) -> None:
        """A worker died (a file crashed the parser): retry its files once in a fresh pool."""
        in_flight = list({id(f): f for f, _ in self.tasks.values()}.values())
        self.tasks = {}
        for file in in_flight:
            if file.attempts >= 2:
                self.fail(file, ExpedienteError("the file crashed the parser twice: it is probably malformed"))
            else:
                self.queue.insert(0, file)

    def _drop(self, file: _File) -> None:
        for fut in [f for f, v in self.tasks.items() if v[0] is file]:
            fut.cancel()
            del self.tasks[fut]

    def _complete(self, file: _File) -> None:
        document = assemble(file.sha256, file.path, file.size, file.plan)  # type: ignore[arg-type]
        try:
            self.archive.add_document(document, file.path)
        except ExpedienteError as exc:
            return self.fail(file, exc)
        ocr = sum(1 for p in document.pages if p.method == "ocr")
        info = {"filename": file.path.name, "document_id": file.sha256, "pages": document.page_count, "ocr_pages": ocr}
        self.report.ingested.append(info)
        self.emit("ingested", info)
        self.since_flush += 1
        if self.since_flush >= FLUSH_EVERY:
            self.archive.flush()
            self.since_flush = 0

    def fail(self, file: _File, exc: BaseException) -> None:
        if isinstance(exc, ExpedienteError):
            code, reason = exc.code, exc.message
        else:
            log.error("unexpected error on %s", file.path, exc_info=exc)
            code, reason = "internal", f"unexpected {type(exc).__name__}: {exc}"
        failure = Failure(str(file.path), file.path.name, code, reason, file.sha256 or None)
        self.report.failed.append(failure)
        self.archive.record_failure(failure)
        self.emit("failed", failure.__dict__)
