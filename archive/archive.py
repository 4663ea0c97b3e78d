"""The archive: catalog + engine + stored originals, behind the calls ingest and web make."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from expediente.errors import NotFound, UsageError
from ingest.entities import Resolution
from expediente.settings import Settings
from ingest import text_layer_words
from search import (MAX_WINDOW, And, FieldFilter, Node, Not, SearchEngine, Snippet, check_window, date_range, entity_kinds, entity_matches,
                    make_snippet, match_spans, open_engine, parse, positive_leaves, with_forms)
from search.approximate import approximate, fuzzy_spans

from .accounts import Accounts
from .catalog import Catalog
from .jobs import JobQueue
from .view_cache import ViewCache
from .organise import SORTS, SortValues, group_keys, sort_keys

FEW_FOR_WORDS = 5  # words get OCR-tolerant matches only when the exact search finds fewer pages


@dataclass
class Hit:
    document_id: str
    filename: str
    title: str
    page: int
    page_count: int
    snippet: Snippet
    score: float
    pages: list[int] = field(default_factory=list)  # grouped by document: every matching page, this one first
    approximate: bool = False  # found only by OCR-tolerant matching: check the page's reading
    reading: str = ""  # approximate: what the page prints where the query matched

    def to_dict(self) -> dict[str, Any]:
        out = {
            "document_id": self.document_id, "filename": self.filename, "title": self.title,
            "page": self.page, "page_count": self.page_count, "snippet": self.snippet.text, "highlights": self.snippet.highlights,
            "score": round(self.score, 4),
        }
        if self.pages:
            out["pages"] = self.pages
        if self.approximate:
            out["approximate"], out["reading"] = True, self.reading
        return out


@dataclass(frozen=True)
class SearchOptions:
    """How results are organised. `exact` turns off singular/plural forms; `group` gives one
    hit per document; `date_from`/`date_to` (any form `date:` takes) keep pages of documents
    whose own date (`docdate:`) is in that range."""
    sort: str = "relevance"
    group: bool = False
    exact: bool = False
    date_from: str = ""
    date_to: str = ""
    approximate: bool = True  # OCR-tolerant matches after the exact ones (never with exact)


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    took_ms: float
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    total_documents: int | None = None  # grouped: how many documents the pages belong to
    options: SearchOptions = field(default_factory=SearchOptions)
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    approximate_total: int = 0  # of `total`, the pages found only by OCR-tolerant matching
    facets_estimated: bool = False  # facet counts estimated from a sample of a very large result

    def to_dict(self) -> dict[str, Any]:
        out = {
            "query": self.query, "total": self.total, "took_ms": round(self.took_ms, 2),
            "hits": [h.to_dict() for h in self.hits],
            "facets": {k: [{"value": v, "count": c} for v, c in vals] for k, vals in self.facets.items()},
            "sort": self.options.sort, "group": self.options.group, "exact": self.options.exact,
            "suggestions": self.suggestions, "approximate_total": self.approximate_total,
            "facets_estimated": self.facets_estimated,
        }
        if self.total_documents is not None:
            out["total_documents"] = self.total_documents
        return out


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
        self.index_cache = ViewCache()  # derived views (vendors, sort values, index rows), rebuilt when the catalog changes
        self._views: Catalog | None = None

    def close(self) -> None:
        self.engine.close()
        self.catalog.close()
        if self._views is not None:
            self._views.close()

    @property
    def views(self) -> Catalog:
        """A second catalog connection for the derived views' long reads (resolving vendors, the
        entity indexes: each reads every mention of a kind), so that searches and pages, which
        use the first one, never wait behind such a scan (a connection serves one call at a time)."""
        if self._views is None:
            self._views = Catalog(self.catalog.path)
        return self._views

    # -- reading (the web and CLI side) -------------------------------------------

    def search(self, text: str, limit: int = 20, offset: int = 0, facets: bool = False,
               within: str | None = None, options: SearchOptions | None = None) -> Results:
        """Pages matching the query; `within` a document id keeps the hits to that document.
        Grouped, `limit` and `offset` count documents; sorted or grouped, the engine's first
        MAX_WINDOW pages are ordered here, the same way for every engine."""
        started = time.perf_counter()
        opts = options or SearchOptions()
        if opts.sort not in SORTS:
            raise UsageError(f"sort must be one of {', '.join(SORTS)} (got {opts.sort!r})", "search_bad_sort",
                             choices=", ".join(SORTS), got=repr(opts.sort)[:40])
        query = self.compile_query(text, within, opts)
        check_window(limit, offset)
        total_documents = None
        pages: dict[str, list[int]] = {}
        if opts.sort == "relevance" and not opts.group:
            found = self.engine.search(query, limit=limit, offset=offset, facets=facets)
            ranked = [(h.document_id, h.page, h.score) for h in found.hits]
            approx = self._approximate(query, found.total, opts, limit - len(ranked), max(0, offset - found.total))
            approx_keys = {(d, p) for d, p, _ in approx[1]}
            ranked += approx[1]
        else:
            found = self.engine.search(query, limit=MAX_WINDOW, offset=0, facets=facets)
            scores = {(h.document_id, h.page): h.score for h in found.hits}
            approx = self._approximate(query, found.total, opts, MAX_WINDOW - len(scores), 0)
            approx_keys = {(d, p) for d, p, _ in approx[1]}
            scores.update({(d, p): sc for d, p, sc in approx[1]})
            keys = sort_keys(self.views, list(scores), opts.sort, self.sort_values())  # stable: approximate pages stay after exact ones
            if opts.group:
                groups = group_keys(keys)
                total_documents = len(groups)
                pages = dict(groups[offset:offset + limit])
                keys = [(doc_id, numbers[0]) for doc_id, numbers in groups[offset:offset + limit]]
            else:
                keys = keys[offset:offset + limit]
            ranked = [(d, p, scores[(d, p)]) for d, p in keys]
        hits = self._hits(ranked, query, pages, approx_keys, approx[0])
        took = (time.perf_counter() - started) * 1000
        results = Results(text, found.total + approx[2], hits, took, self.resolve_vendor_facet(found.facets), total_documents, opts)
        results.approximate_total = approx[2]
        results.facets_estimated = found.facets_estimated
        if found.total == 0 and offset == 0:
            from .suggest import suggestions

            results.suggestions = suggestions(self, text, parse(text))
        return results

    def compile_query(self, text: str, within: str | None = None, opts: SearchOptions | None = None) -> Node:
        """The query the engine runs: parsed, widened to plural forms unless exact, narrowed."""
        opts = opts or SearchOptions()
        query = self.resolve_vendor_filters(parse(text))
        if not opts.exact:
            query = with_forms(query)
        narrow: list[Node] = []
        if within:
            narrow.append(FieldFilter("doc", "=", within))
        if opts.date_from or opts.date_to:
            narrow.append(date_range(opts.date_from, opts.date_to))
        return And((query, *narrow)) if narrow else query

    def _approximate(self, query: Node, exact_total: int, opts: SearchOptions, limit: int,
                     offset: int) -> tuple[Node | None, list[tuple[str, int, float]], int]:
        """(widened query, ranked approximate pages, their total): pages the OCR-tolerant query
        finds that the exact one does not. Words are widened only when the exact search finds few."""
        widened = approximate(query, words=exact_total < FEW_FOR_WORDS) if opts.approximate and not opts.exact else None
        if widened is None:
            return None, [], 0
        found = self.engine.search(And((widened, Not(query))), limit=max(1, limit), offset=min(offset, MAX_WINDOW - 1))
        ranked = [(h.document_id, h.page, h.score) for h in found.hits] if limit > 0 else []
        return widened, ranked, found.total

    def _hits(self, ranked: list[tuple[str, int, float]], query: Node, pages: dict[str, list[int]],
              approx_keys: set[tuple[str, int]] | None = None, widened: Node | None = None) -> list[Hit]:
        texts = self.catalog.page_texts([(d, p) for d, p, _ in ranked])
        hits = []
        docs: dict[str, dict[str, Any] | None] = {}
        for doc_id, number, score in ranked:
            if doc_id not in docs:
                docs[doc_id] = self.catalog.document(doc_id)
            doc = docs[doc_id]
            text_ = texts.get((doc_id, number))
            if doc is None or text_ is None:
                continue  # a document whose ingest was interrupted: not citable
            approximate_hit = widened is not None and (doc_id, number) in (approx_keys or set())
            spans = self.highlight_spans(doc_id, number, text_, widened if approximate_hit and widened else query)
            if approximate_hit and widened is not None:
                spans = sorted(set(spans) | set(fuzzy_spans(text_, widened)))
            reading = ", ".join(dict.fromkeys(text_[a:b] for a, b in spans))[:120] if approximate_hit else ""
            hits.append(Hit(doc_id, doc["filename"], doc["title"], number, doc["page_count"],
                            make_snippet(text_, spans), score, pages.get(doc_id, []), approximate_hit, reading))
        return hits

    def highlight_spans(self, doc_id: str, page: int, text: str, query: Node) -> list[tuple[int, int]]:
        """Spans of the page text the query matched: words, phrases and matching entities."""
        filters = [leaf for leaf in positive_leaves(query) if isinstance(leaf, FieldFilter)]
        kinds = entity_kinds(filters)
        extra = []
        if kinds:
            for ent in self.catalog.entities(doc_id, page, kinds):
                if any(entity_matches(f, ent["kind"], ent["value"]) for f in filters):
                    extra.append((ent["start"], ent["end"]))
        return match_spans(text, query, extra)

    def page_spans(self, doc_id: str, page: int, text: str, q: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """What a query matches on a page: (exact spans, OCR-tolerant spans not overlapping them),
        so the page view boxes an approximate reading as it boxes an exact one. Words are
        widened only where nothing matched exactly, as the search does for few pages."""
        query = self.compile_query(q)
        exact = self.highlight_spans(doc_id, page, text, query)
        widened = approximate(query, words=not exact)
        if widened is None:
            return exact, []
        found = set(self.highlight_spans(doc_id, page, text, widened)) | set(fuzzy_spans(text, widened))
        near: list[tuple[int, int]] = []
        for a, b in sorted(found):
            if any(a < y and x < b for x, y in exact):
                continue
            if near and a <= near[-1][1]:
                near[-1] = (near[-1][0], max(b, near[-1][1]))
            else:
                near.append((a, b))
        return exact, near

    def document(self, doc_id: str) -> dict[str, Any]:
        doc = self.catalog.document(doc_id)
        if doc is None:
            raise NotFound(f"no document {doc_id!r} in the archive", "doc_not_found", id=doc_id[:80])
        return doc

    def page(self, doc_id: str, number: int) -> dict[str, Any]:
        page = self.catalog.page(doc_id, number)
        if page is None:
            raise NotFound(f"document {doc_id!r} has no page {number}", "page_not_found", id=doc_id[:80], n=number)
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

    def resolve_vendor_facet(self, facets: dict[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
        """The vendor facet by company: its variants counted together, each linking to all of them."""
        from .vendors import merge_vendor_facet

        return merge_vendor_facet(facets, self.resolution) if facets.get("vendors") else facets

    def resolve_vendor_filters(self, query: Node) -> Node:
        """`vendor:"KEY"` (an RFC or a resolved name) becomes exactly that vendor's pages (its vendor keys)."""
        from .vendors import expand_vendor_filters

        return expand_vendor_filters(query, self.resolution)

    def sort_values(self) -> SortValues:
        """The values search results sort by, read again when the catalog changed."""
        return self.index_cache.get(self.catalog, ":sort values", lambda: SortValues.read(self.views))

    def resolution(self) -> Resolution:
        """The vendors resolved from every mention in the catalog, recomputed when documents change."""
        from .vendors import resolve_archive

        return self.index_cache.get(self.catalog, ":resolution", lambda: resolve_archive(self.views))

    def original_path(self, doc_id: str) -> Path:
        return self.settings.data_dir / self.document(doc_id)["original"]


def open_archive(settings: Settings) -> Archive:
    """The archive for reading (web, CLI search and status): never the index writer."""
    return Archive(settings, Catalog(settings.catalog_path), open_engine(settings, writable=False))
