"""Search: our query language, the engine protocol and its two engines, snippets.

Public surface: `open_engine` (read-only unless the caller is the indexer), `parse` to
validate a query, the record and snippet types the archive builds on.
"""

from expediente.errors import QuerySyntaxError

from .doctypes import guess_kind
from .engine import MAX_WINDOW, EngineHit, EngineResult, SearchEngine, open_engine
from .fields import entity_matches
from .query import And, FieldFilter, Node, Not, Or, parse, positive_leaves
from .records import PageRecord, records_for
from .snippets import Snippet, make_snippet, match_spans

__all__ = [
    "MAX_WINDOW", "And", "EngineHit", "EngineResult", "FieldFilter", "Node", "Not", "Or", "PageRecord", "QuerySyntaxError", "SearchEngine",
    "Snippet", "entity_matches", "guess_kind", "make_snippet", "match_spans", "open_engine", "parse",
    "positive_leaves", "records_for",
]
