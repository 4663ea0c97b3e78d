"""Copy an archive's index into another engine (embedded -> Elasticsearch as archives grow)."""

from __future__ import annotations

from dataclasses import replace

from expediente.settings import Settings

from .catalog import Catalog
from .doctypes import guess_kind
from .engine import SearchEngine, open_engine
from .es_engine import ElasticsearchEngine
from .records import records_for

BATCH = 50


def _target_engine(settings: Settings, target: str) -> SearchEngine:
    """Elasticsearch gets a fresh versioned index (the current one keeps serving meanwhile)."""
    if target == "elasticsearch":
        return ElasticsearchEngine(settings.es_url, settings.es_index, settings.search_timeout_ms, build=True)
    return open_engine(replace(settings, engine=target))


def reindex(settings: Settings, target: str) -> dict[str, int]:
    """Index every document of the catalog into `target`; the catalog stays the source of truth."""
    catalog = Catalog(settings.catalog_path)
    engine = _target_engine(settings, target)
    copied = {"documents": 0, "pages": 0}
    try:
        for doc_id in catalog.iter_documents():
            doc = catalog.load_document(doc_id)
            engine.delete_document(doc_id)
            engine.add(records_for(doc, guess_kind(doc)))
            copied["documents"] += 1
            copied["pages"] += doc.page_count
            if copied["documents"] % BATCH == 0:
                engine.commit()
        engine.commit()
        if isinstance(engine, ElasticsearchEngine):
            engine.publish()  # searches saw the old index until this atomic switch
    finally:
        engine.close()
        catalog.close()
    return copied
