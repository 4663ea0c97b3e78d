"""Search: our query language, the engine protocol and its two engines, snippets.

Public surface: `open_engine` (read-only unless the caller is the indexer), `parse` to
validate a query, the record and snippet types the archive builds on, and `index_text` (a
page's text as the index reads it, which the indexer has its reader's workers make).
"""

from expediente.errors import QuerySyntaxError

from .analysis import index_text
from .doctypes import guess_kind
from .engine import MAX_WINDOW, EngineHit, EngineResult, SearchEngine, check_window, open_engine
from .fields import date_bounds, date_range, entity_kinds, entity_matches
from .forgiving import with_forms
from .query import And, FieldFilter, Fuzzy, Node, Not, Or, Phrase, Term, parse, positive_leaves
from .records import PageRecord, records_for
from .snippets import Snippet, make_snippet, match_spans

__all__ = [
    "MAX_WINDOW", "And", "EngineHit", "EngineResult", "FieldFilter", "Fuzzy", "Node", "Not", "Or", "PageRecord",
    "Phrase", "Term", "check_window", "date_bounds", "date_range", "with_forms", "QuerySyntaxError", "SearchEngine",
    "Snippet", "entity_kinds", "entity_matches", "guess_kind", "index_text", "make_snippet", "match_spans", "open_engine", "parse",
    "positive_leaves", "records_for",
]
