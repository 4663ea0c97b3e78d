"""Copy an archive's index into another engine (embedded -> Elasticsearch as archives grow)."""

from __future__ import annotations

from dataclasses import replace

from expediente.settings import Settings

from .catalog import Catalog
from .doctypes import guess_kind
from .engine import open_engine
from .records import records_for

BATCH = 50


def reindex(settings: Settings, target: str) -> dict[str, int]:
    """Index every document of the catalog into `target`; the catalog stays the source of truth."""
    catalog = Catalog(settings.catalog_path)
    engine = open_engine(replace(settings, engine=target))
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
    finally:
        engine.close()
        catalog.close()
    return copied
