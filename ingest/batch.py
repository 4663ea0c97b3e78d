"""The reader: files in, Documents out, on a pool of worker processes (one per core).

Pure: no catalog, no index. The caller hands it `Item`s through `take` and receives each
finished Document, failure and progress step through a `Sink`; the archive's indexer is
that caller. A long PDF is read in chunks shared among the workers, and each page that
needs OCR is a task of its own.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from expediente.errors import ExpedienteError
from expediente.settings import Settings

from .model import OCR, Document, Page
from .stages import Plan, analyse_file, assemble, init_worker, ocr_page

log = logging.getLogger(__name__)
# Pages per text-layer task: a long PDF is shared among the workers. Each task starts one
# pdftotext (about 11 ms before its first page, 1.4 ms a dense page after): at 16 pages that
# start-up was a fifth of a born-digital page's CPU in a worker, at 64 it is a twentieth.
CHUNK = 64
# Tasks in flight per worker. The caller runs in the same process and pauses between documents
# (the indexer writes its staged pages to the catalog and the index writer, and commits): the
# tasks queued ahead keep the workers reading meanwhile. 16 (about 3 s of a worker's reading)
# against 8: 452-453 against 423-428 pages/s at 20,000 dense pages, with the indexer's smaller
# writes (archive.indexer.FLUSH_PAGES); a finished task waits as pickled pages, ~0.8 MB.
AHEAD = 16
TICK_S = 0.5  # the sink hears from the reader at least this often
Prepare = Callable[[str], str]


@dataclass
class Item:
    """One file to read: `key` is the caller's (a job id), `path` where the bytes are."""

    key: int
    path: Path
    filename: str
    sha256: str
    size: int


class Sink(Protocol):
    def document(self, item: Item, document: Document) -> None: ...
    def failed(self, item: Item, error: BaseException) -> None: ...
    def progress(self, item: Item, done: int, total: int, ocr: int) -> None: ...
    def tick(self) -> None: ...


@dataclass
class _File:
    item: Item
    plan: Plan | None = None  # grows chunk by chunk into the whole file
    pending: set[tuple[str, int]] = field(default_factory=set)  # ("chunk", start) / ("ocr", index)
    attempts: int = 0
    done: int = 0


def _chunk(path: str, start: int, end: int, prepare: Prepare | None) -> Plan:
    plan = analyse_file(path, start, end)
    if prepare is not None:
        for page in plan.pages:
            if page is not None:
                page.prepared = prepare(page.text)
    return plan


def _ocr(path: str, index: int, settings: Settings, prepare: Prepare | None) -> Page:
    page = ocr_page(path, index, settings)
    if prepare is not None:
        page.prepared = prepare(page.text)
    return page


class Reader:
    """Keeps its worker pool between runs, so an indexer waiting for work starts at once.
    `prepare` (a module-level function, text in, text out) runs on each page's text in the
    worker that read it; the result is the page's `prepared` (the caller's work moved off its
    own process: the indexer's analysis of the text for the index)."""

    def __init__(self, settings: Settings, prepare: Prepare | None = None) -> None:
        self.settings = settings
        self.prepare = prepare
        self.pool: ProcessPoolExecutor | None = None
        self.queue: list[_File] = []
        self.tasks: dict[Future, tuple[_File, tuple[str, int]]] = {}

    def run(self, take: Callable[[int], list[Item]], sink: Sink, stop: Callable[[], bool] = lambda: False) -> None:
        """Read what `take` gives until it has nothing more and nothing is in flight, or
        until `stop()`; work in flight at a stop is abandoned (the caller requeues it)."""
        self.sink, self.take, self.stop = sink, take, stop
        while not stop():
            self._refill()
            if not self.queue and not self.tasks:
                return
            try:
                self._drive()
            except BrokenProcessPool:
                self._recover()
        self._abandon()

    def close(self) -> None:
        self._abandon()

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            ctx = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(self.settings.workers, mp_context=ctx, initializer=init_worker)
        return self.pool

    def _abandon(self) -> None:
        self.queue, self.tasks = [], {}
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def _refill(self) -> None:
        room = self.settings.workers * AHEAD - len(self.queue) - len({id(f) for f, _ in self.tasks.values()})
        if room > 0:
            self.queue.extend(_File(item) for item in self.take(room))

    def _drive(self) -> None:
        pool = self._ensure_pool()
        last_tick = time.monotonic()
        while (self.queue or self.tasks) and not self.stop():
            while self.queue and len(self.tasks) < self.settings.workers * AHEAD:
                file = self.queue.pop(0)
                file.attempts += 1
                file.plan, file.pending, file.done = None, set(), 0
                self._submit(pool, file, ("chunk", 0))
            done, _ = wait(list(self.tasks), timeout=TICK_S, return_when=FIRST_COMPLETED)
            for fut in done:
                file, key = self.tasks.pop(fut)
                self._finished(pool, fut, file, key)
            if done or time.monotonic() - last_tick >= TICK_S:
                self.sink.tick()
                last_tick = time.monotonic()
            self._refill()

    def _submit(self, pool: ProcessPoolExecutor, file: _File, key: tuple[str, int]) -> None:
        kind, n = key
        path = str(file.item.path)
        fut: Future = (pool.submit(_chunk, path, n, n + CHUNK, self.prepare) if kind == "chunk"
                       else pool.submit(_ocr, path, n, self.settings, self.prepare))
        file.pending.add(key)
        self.tasks[fut] = (file, key)

    def _finished(self, pool: ProcessPoolExecutor, fut: Future, file: _File, key: tuple[str, int]) -> None:
        exc = fut.exception()
        if isinstance(exc, BrokenProcessPool):
            self.tasks[fut] = (file, key)
            raise exc
        if exc is not None:
            self._drop(file)
            return self._fail(file, exc)
        file.pending.discard(key)
        if key[0] == "chunk":
            chunk = fut.result()
            self._merge_chunk(pool, file, chunk)
            file.done += len(chunk.pages) - len(chunk.todo)
        else:
            file.plan.pages[key[1]] = fut.result()  # type: ignore[union-attr]
            file.done += 1
        plan = file.plan
        assert plan is not None
        ocr = sum(1 for p in plan.pages if p is not None and p.method == OCR)
        self.sink.progress(file.item, file.done, plan.page_count, ocr)
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
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        for file in in_flight:
            if file.attempts >= 2:
                self._fail(file, ExpedienteError("the file crashed the parser twice: it is probably malformed"))
            else:
                self.queue.insert(0, file)

    def _drop(self, file: _File) -> None:
        for fut in [f for f, v in self.tasks.items() if v[0] is file]:
            fut.cancel()
            del self.tasks[fut]

    def _complete(self, file: _File) -> None:
        item = file.item
        try:
            document = assemble(item.sha256, item.filename, item.size, file.plan)  # type: ignore[arg-type]
        except ExpedienteError as exc:
            return self._fail(file, exc)
        self.sink.document(item, document)

    def _fail(self, file: _File, exc: BaseException) -> None:
        if not isinstance(exc, ExpedienteError):
            log.error("unexpected error on %s", file.item.filename, exc_info=exc)
        self.sink.failed(file.item, exc)
