"""The engine protocol every search engine implements, and the factory that picks one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from expediente.errors import UsageError
from expediente.settings import Settings

from .query import Node
from .records import PageRecord

@dataclass
class EngineHit:
    document_id: str
    page: int
    score: float


@dataclass
class EngineResult:
    total: int
    hits: list[EngineHit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    facets_estimated: bool = False  # counted on a sample of a very large result (search.sampling)


MAX_WINDOW = 10_000  # offset + limit: Elasticsearch's max_result_window; tantivy panics far beyond it


def check_window(limit: int, offset: int) -> None:
    """Refuse a page of hits beyond what either engine can give (every search starts here)."""
    if not 1 <= limit <= MAX_WINDOW or not 0 <= offset <= MAX_WINDOW - limit:
        raise UsageError(f"limit must be 1 to {MAX_WINDOW} and offset 0 or more, with offset + limit at most "
                         f"{MAX_WINDOW} (got limit {limit}, offset {offset}): narrow the query instead of paging this far",
                         "search_window", max=MAX_WINDOW, limit=limit, offset=offset)


class SearchEngine(Protocol):
    name: str

    def add(self, records: list[PageRecord]) -> None:
        """Stage page records (replacing any earlier pages of the same documents)."""

    def delete_document(self, document_id: str) -> None: ...

    def commit(self) -> None:
        """Make staged changes durable and searchable."""

    def search(self, query: Node, limit: int, offset: int = 0, facets: bool = False) -> EngineResult: ...

    def page_count(self) -> int: ...

    def page_keys(self) -> list[tuple[str, int]]: ...

    def close(self) -> None: ...


def open_engine(settings: Settings, writable: bool = False) -> SearchEngine:
    """The engine the settings choose (the embedded tantivy index by default), read-only
    unless the caller is the archive's one indexer."""
    if settings.engine == "elasticsearch":
        from .es_engine import ElasticsearchEngine

        return ElasticsearchEngine(settings.es_url, settings.es_index, settings.search_timeout_ms, writable=writable,
                                   phrases=settings.es_phrases == "on")
    from .tantivy_engine import TantivyEngine

    return TantivyEngine(settings.index_dir, writable=writable)
