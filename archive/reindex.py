"""Rebuild an archive's index from its catalog, into either engine: to move an archive to
Elasticsearch as it grows, or to roll out a new index schema. The new index is built beside
the current one, which keeps serving searches until the switch."""

from __future__ import annotations

import multiprocessing
import shutil
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from expediente.settings import Settings

from expediente.errors import IndexBusy
from expediente.process import die_with_parent
from search import PageRecord
from search.engine import SearchEngine
from search.es_dsl import wants_pairs
from search.es_engine import ElasticsearchEngine
from search.tantivy_engine import TantivyEngine

from .catalog import Catalog
from .lease import Lease
from .records import document_records

BATCH_PAGES = 5000  # pages per commit: large bulk batches, a few tens of MB in memory
CHUNK_DOCUMENTS = 8  # documents a worker turns into records at a time (a few hundred pages)
PARALLEL_MIN = 4 * CHUNK_DOCUMENTS  # below this many documents, the records are built in-process


def _target_engine(settings: Settings, target: str, pages: int) -> SearchEngine:
    """A fresh index beside the current one, which keeps serving until the switch; on
    Elasticsearch with word pairs when the settings and the archive's `pages` ask for them."""
    if target == "elasticsearch":
        return ElasticsearchEngine(settings.es_url, settings.es_index, settings.search_timeout_ms, build=True,
                                   phrases=wants_pairs(settings.es_phrases, pages))
    building = _building_dir(settings)
    shutil.rmtree(building, ignore_errors=True)
    return TantivyEngine(building)


def _building_dir(settings: Settings) -> Path:
    return settings.index_dir.with_name(settings.index_dir.name + ".building")


def _publish(settings: Settings, engine: SearchEngine) -> None:
    """Make the new index the one searches use: an alias swap, or a directory swap."""
    if isinstance(engine, ElasticsearchEngine):
        engine.publish()
        return
    engine.close()  # its merges finish and its writer lets go before the directory moves
    old = settings.index_dir.with_name(settings.index_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if settings.index_dir.exists():
        settings.index_dir.rename(old)
    _building_dir(settings).rename(settings.index_dir)
    shutil.rmtree(old, ignore_errors=True)


def reindex(settings: Settings, target: str, workers: int | None = None) -> dict[str, int]:
    """Index every document of the catalog into `target`; the catalog stays the source of truth.
    Returns the documents and pages copied (and on Elasticsearch whether it built word pairs).
    The page records are built by `workers` processes (default: settings.workers); this one
    only hands them to the engine."""
    catalog = Catalog(settings.catalog_path)
    lease = Lease(settings.catalog_path)
    if not lease.try_acquire():  # the indexer writes the live index: no copy may miss its work
        lease.close()
        catalog.close()
        raise IndexBusy("an indexer is running on this archive (a server or an ingest): stop it, or wait for "
                        "the ingest to finish, and run reindex again")
    engine = _target_engine(settings, target, catalog.counts()["pages"])
    copied = {"documents": 0, "pages": 0}
    if isinstance(engine, ElasticsearchEngine):
        copied["word_pairs"] = int(engine.phrases)
    staged = 0
    try:
        for records in _all_records(catalog, settings.workers if workers is None else workers):
            engine.add(records)
            copied["documents"] += 1
            copied["pages"] += len(records)
            staged += len(records)
            if staged >= BATCH_PAGES:
                engine.commit()
                staged = 0
        engine.commit()
        _publish(settings, engine)  # searches used the old index until this switch
    finally:
        engine.close()
        lease.close()
        catalog.close()
    return copied


def _all_records(catalog: Catalog, workers: int) -> Iterator[list[PageRecord]]:
    """Each citable document's records, in catalog order. Reading a page back and analysing its
    text costs about half a millisecond, so with more than one worker the records are built in
    worker processes, a few chunks ahead of the engine and no more (memory stays flat). They are
    started by this thread, which outlives them, and die with it if it is killed."""
    doc_ids = list(catalog.iter_documents())
    if workers <= 1 or len(doc_ids) < PARALLEL_MIN:
        for doc_id in doc_ids:
            yield document_records(catalog, doc_id)
        return
    chunks = [doc_ids[i:i + CHUNK_DOCUMENTS] for i in range(0, len(doc_ids), CHUNK_DOCUMENTS)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=die_with_parent) as pool:
        pending: deque[Future[list[list[PageRecord]]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_chunk_records, str(catalog.path), chunk))
            if len(pending) > 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


_worker_catalog: Catalog | None = None


def _chunk_records(catalog_path: str, doc_ids: list[str]) -> list[list[PageRecord]]:
    """In a worker process: the records of a few documents, from its own catalog connection."""
    global _worker_catalog
    if _worker_catalog is None or str(_worker_catalog.path) != catalog_path:
        _worker_catalog = Catalog(Path(catalog_path))
    return [document_records(_worker_catalog, doc_id) for doc_id in doc_ids]
