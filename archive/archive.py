"""The archive: catalog + engine + stored originals, behind the calls ingest and web make."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from expediente.errors import NotFound
from ingest.entities import Resolution
from expediente.settings import Settings
from ingest import text_layer_words
from search import (And, FieldFilter, Node, SearchEngine, Snippet, entity_matches, make_snippet, match_spans,
                    open_engine, parse, positive_leaves)

from .accounts import Accounts
from .catalog import Catalog
from .jobs import JobQueue


@dataclass
class Hit:
    document_id: str
    filename: str
    title: str
    page: int
    page_count: int
    snippet: Snippet
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id, "filename": self.filename, "title": self.title,
            "page": self.page, "page_count": self.page_count, "snippet": self.snippet.text, "highlights": self.snippet.highlights,
            "score": round(self.score, 4),
        }


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    took_ms: float
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query, "total": self.total, "took_ms": round(self.took_ms, 2),
            "hits": [h.to_dict() for h in self.hits],
            "facets": {k: [{"value": v, "count": c} for v, c in vals] for k, vals in self.facets.items()},
        }


class Archive:
    """The archive as readers see it: search, documents, pages, the queue's state, and
    the accounts that may see and change it.

    Readers never write the index and never block on an ingest: the engine is opened
    read-only and sees each commit of the indexer as it happens. Writes (new files,
    deletes, edits) go to the queue, which the one indexer works through.
    """

    def __init__(self, settings: Settings, catalog: Catalog, engine: SearchEngine) -> None:
        self.settings, self.catalog, self.engine = settings, catalog, engine
        self.jobs = JobQueue(catalog)
        self.accounts = Accounts(catalog, settings.session_hours)
        self._resolution: tuple[Any, Resolution] | None = None

    def close(self) -> None:
        self.engine.close()
        self.catalog.close()

    # -- reading (the web and CLI side) -------------------------------------------

    def search(self, text: str, limit: int = 20, offset: int = 0, facets: bool = False,
               within: str | None = None) -> Results:
        """Pages matching the query; `within` a document id keeps the hits to that document."""
        started = time.perf_counter()
        query = self.resolve_vendor_filters(parse(text))
        if within:
            query = And((query, FieldFilter("doc", "=", within)))
        found = self.engine.search(query, limit=limit, offset=offset, facets=facets)
        keys = [(h.document_id, h.page) for h in found.hits]
        texts = self.catalog.page_texts(keys)
        hits = []
        docs: dict[str, dict[str, Any] | None] = {}
        for h in found.hits:
            if h.document_id not in docs:
                docs[h.document_id] = self.catalog.document(h.document_id)
            doc = docs[h.document_id]
            text_ = texts.get((h.document_id, h.page))
            if doc is None or text_ is None:
                continue  # a document whose ingest was interrupted: not citable
            spans = self.highlight_spans(h.document_id, h.page, text_, query)
            hits.append(Hit(h.document_id, doc["filename"], doc["title"], h.page, doc["page_count"],
                            make_snippet(text_, spans), h.score))
        took = (time.perf_counter() - started) * 1000
        return Results(text, found.total, hits, took, found.facets)

    def highlight_spans(self, doc_id: str, page: int, text: str, query: Node) -> list[tuple[int, int]]:
        """Spans of the page text the query matched: words, phrases and matching entities."""
        filters = [leaf for leaf in positive_leaves(query) if isinstance(leaf, FieldFilter)]
        extra = []
        if filters:
            for ent in self.catalog.entities(doc_id, page):
                if any(entity_matches(f, ent["kind"], ent["value"]) for f in filters):
                    extra.append((ent["start"], ent["end"]))
        return match_spans(text, query, extra)

    def document(self, doc_id: str) -> dict[str, Any]:
        doc = self.catalog.document(doc_id)
        if doc is None:
            raise NotFound(f"no document {doc_id!r} in the archive")
        return doc

    def page(self, doc_id: str, number: int) -> dict[str, Any]:
        page = self.catalog.page(doc_id, number)
        if page is None:
            raise NotFound(f"document {doc_id!r} has no page {number}")
        if page["words"] is None:  # a text-layer page: its boxes come from the original
            doc = self.catalog.document(doc_id, any_status=True)
            page["words"] = text_layer_words(self.settings.data_dir / doc["original"], number, page["text"]) if doc else []
        return page

    def vendor(self, name: str) -> dict[str, Any]:
        """Every page naming a vendor, its RFCs, amounts near it and the bids it is in."""
        from .vendors import vendor_profile

        return vendor_profile(self, self.resolution(), name)

    def vendors(self) -> dict[str, Any]:
        """Every vendor (one per company), the agencies and the names set aside as fragments."""
        from .vendors import vendor_index

        return vendor_index(self.resolution())

    def case(self, code: str) -> dict[str, Any]:
        """One procurement: its documents, amounts by role, vendors and flags (see archive.cases)."""
        from .cases import case_data

        return case_data(self, code)

    def resolve_vendor_filters(self, query: Node) -> Node:
        """`vendor:"KEY"` (an RFC or a resolved name) becomes every value that vendor was printed as."""
        from .vendors import expand_vendor_filters

        return expand_vendor_filters(query, self.resolution)

    def resolution(self) -> Resolution:
        """The vendors resolved from every mention in the catalog, recomputed when documents change."""
        from .vendors import resolve_archive

        mark = self.catalog.fingerprint()
        if self._resolution is None or self._resolution[0] != mark:
            self._resolution = (mark, resolve_archive(self.catalog))
        return self._resolution[1]

    def original_path(self, doc_id: str) -> Path:
        return self.settings.data_dir / self.document(doc_id)["original"]


def open_archive(settings: Settings) -> Archive:
    """The archive for reading (web, CLI search and status): never the index writer."""
    return Archive(settings, Catalog(settings.catalog_path), open_engine(settings, writable=False))
