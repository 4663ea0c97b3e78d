"""The engine protocol every search engine implements, and the factory that picks one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

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


class SearchEngine(Protocol):
    name: str

    def add(self, records: list[PageRecord]) -> None:
        """Stage page records (replacing any earlier pages of the same documents)."""

    def delete_document(self, document_id: str) -> None: ...

    def commit(self) -> None:
        """Make staged changes durable and searchable."""

    def search(self, query: Node, limit: int, offset: int = 0, facets: bool = False) -> EngineResult: ...

    def page_count(self) -> int: ...

    def close(self) -> None: ...


def open_engine(settings: Settings) -> SearchEngine:
    """The engine the settings choose; the embedded tantivy index by default."""
    if settings.engine == "elasticsearch":
        from .es_engine import ElasticsearchEngine

        return ElasticsearchEngine(settings.es_url, settings.es_index, settings.search_timeout_ms)
    from .tantivy_engine import TantivyEngine

    return TantivyEngine(settings.index_dir)
