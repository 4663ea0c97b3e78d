"""Search: the archive (catalog + engine), our query language, snippets.

Public surface: `open_archive(settings)` and the result types; `open_engine` for tools
that copy between engines; `parse` to validate a query.
"""

from expediente.errors import QuerySyntaxError

from .archive import Archive, Hit, Results, open_archive
from .engine import EngineResult, SearchEngine, open_engine
from .query import parse
from .reindex import reindex
from .snippets import Snippet

__all__ = [
    "Archive", "EngineResult", "Hit", "QuerySyntaxError", "Results", "SearchEngine", "Snippet",
    "open_archive", "open_engine", "parse", "reindex",
]
