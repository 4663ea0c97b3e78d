"""Rebuild an archive's index from its catalog, into either engine: to move an archive to
Elasticsearch as it grows, or to roll out a new index schema. The new index is built beside
the current one, which keeps serving searches until the switch."""

from __future__ import annotations

import shutil
from pathlib import Path

from expediente.settings import Settings

from expediente.errors import IndexBusy
from search.engine import SearchEngine
from search.es_engine import ElasticsearchEngine
from search.tantivy_engine import TantivyEngine

from .catalog import Catalog
from .lease import Lease
from .records import document_records

BATCH_PAGES = 5000  # pages per commit: large bulk batches, a few tens of MB in memory


def _target_engine(settings: Settings, target: str) -> SearchEngine:
    """A fresh index beside the current one, which keeps serving until the switch."""
    if target == "elasticsearch":
        return ElasticsearchEngine(settings.es_url, settings.es_index, settings.search_timeout_ms, build=True)
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


def reindex(settings: Settings, target: str) -> dict[str, int]:
    """Index every document of the catalog into `target`; the catalog stays the source of truth."""
    catalog = Catalog(settings.catalog_path)
    lease = Lease(settings.catalog_path)
    if not lease.try_acquire():  # the indexer writes the live index: no copy may miss its work
        lease.close()
        catalog.close()
        raise IndexBusy("an indexer is running on this archive (a server or an ingest): stop it, or wait for "
                        "the ingest to finish, and run reindex again")
    engine = _target_engine(settings, target)
    copied = {"documents": 0, "pages": 0}
    staged = 0
    try:
        for doc_id in catalog.iter_documents():
            records = document_records(catalog, doc_id)
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
