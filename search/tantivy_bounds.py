"""Bounds, from the index's term statistics alone, on the pages a query can match.

The facets of a large result are counted on a sample whose size depends on the result's size
(search.sampling). When the bounds settle that question before the query runs (an upper bound
under the limit: exact; a lower bound over it: sampled), or when the upper bound is usually near
the count (`near_bound`: no AND of two parts), the engine counts the facets at the same time as it
ranks the hits, on two cores, instead of after. A bound is a function of the query and the index
only, so the same query on the same index is sampled the same way. Terms, phrases, prefixes
(their words in the term dictionary), keyword filters, amount ranges (through their step terms)
and short ranges of days or years (each value a term) are bounded by document frequencies (which
count deleted pages too: still a bound); prefixes after words, fuzzy words and open or long
ranges of dates are not.
"""

from __future__ import annotations

from datetime import date, timedelta

import tantivy

from .analysis import phrase_pairs
from .query import And, FieldFilter, Node, Not, Or, Phrase, Prefix, Term, filter_bounds
from .fields import INT_MAX, field_spec
from .steps import range_terms

_MOST_VALUES = 400  # a year and a month of days: longer ranges are not bounded (each day is one look-up)


def upper_bound(searcher: tantivy.Searcher, node: Node) -> int | None:
    """At least the number of pages `node` matches, or None when its leaves do not tell."""
    bound = _bound(searcher, node)
    return None if bound is None else min(bound, searcher.num_docs)


def lower_bound(searcher: tantivy.Searcher, node: Node) -> int:
    """At most the number of pages `node` matches (0 when its leaves do not tell): a word, a
    two-word phrase (one pair token) or a keyword matches the pages its term is on, an OR at
    least those of its largest part. Document frequencies count deleted pages until a merge, so
    this is a bound only as near as that. An AND of parts that each cover most pages overlaps on
    at least what they cover beyond the whole: "magavel cámaras" on an archive where both words
    are common is known to be large before it runs."""
    if isinstance(node, Term) or (isinstance(node, Phrase) and len(node.tokens) <= 2):
        return _bound(searcher, node) or 0
    if isinstance(node, Prefix) and not node.before:  # a page with its most frequent word
        return max((count for _term, count in searcher.terms_with_prefix("text", node.prefix, limit=1)), default=0)
    if isinstance(node, FieldFilter):
        steps = _amount_steps(node)
        if steps is not None:  # a page holding any of the range's step terms is in the range
            return max((searcher.doc_freq("amount_steps", t) for t in steps), default=0)
        if field_spec(node.field).index_kind == "int":  # a page with its most frequent day or year
            return max((searcher.doc_freq(field_spec(node.field).engine_field, v) for v in _int_values(node) or ()), default=0)
        return (_bound(searcher, node) or 0) if len(node.value.split()) == 1 else 0
    if isinstance(node, Or):
        return max((lower_bound(searcher, item) for item in node.items), default=0)
    if isinstance(node, And):  # parts on most pages must share some: |A and B| >= |A| + |B| - N
        n = searcher.num_docs
        parts = [_outside(searcher, i.item, n) if isinstance(i, Not) else lower_bound(searcher, i) for i in node.items]
        return max(0, sum(parts) - (len(parts) - 1) * n)
    return 0


def near_bound(node: Node) -> bool:
    """Is the upper bound usually near the count? For words, phrases, prefixes and filters joined
    by OR it is (a phrase is about as frequent as its rarer pair; pages holding several of the
    parts, or two days of a month, inflate it only so much), and for one such part less NOTs (whose
    bound takes out what they must share with it); an AND of two parts may leave far fewer."""
    if isinstance(node, Or):
        return all(near_bound(item) for item in node.items)
    if isinstance(node, And):
        positive = [item for item in node.items if not isinstance(item, Not)]
        return len(positive) == 1 and near_bound(positive[0])
    return not isinstance(node, Not)


def _outside(searcher: tantivy.Searcher, node: Node, n: int) -> int:
    """At most the pages `node` is not on (of `n`): those beyond its upper bound."""
    bound = _bound(searcher, node)
    return 0 if bound is None else n - min(n, bound)


def _bound(searcher: tantivy.Searcher, node: Node) -> int | None:
    if isinstance(node, Term):
        return searcher.doc_freq("text", node.token)
    if isinstance(node, Phrase):
        if len(node.tokens) == 1:
            return searcher.doc_freq("text", node.tokens[0])
        return min(searcher.doc_freq("pairs", pair) for pair in phrase_pairs(list(node.tokens)))
    if isinstance(node, FieldFilter):
        return _filter_bound(searcher, node)
    if isinstance(node, Prefix) and not node.before:  # the words it stands for, from the term dictionary
        return sum(count for _term, count in searcher.terms_with_prefix("text", node.prefix))
    if isinstance(node, Or):
        parts = [_bound(searcher, item) for item in node.items]
        return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)
    if isinstance(node, And):
        return _and_bound(searcher, node)
    return None  # a prefix after words, a fuzzy word, a negation alone


def _and_bound(searcher: tantivy.Searcher, node: And) -> int | None:
    """The smallest bound of a part that must match, less what a NOT must take out of it: the
    pages the part shares with the excluded one at least (|A and B| >= |A| + |B| - N), so
    "patrullas -fianza", both on nearly every page, is known to be small."""
    n = searcher.num_docs
    positive = [i for i in node.items if not isinstance(i, Not)]
    known = [min(n, b) for b in (_bound(searcher, i) for i in positive) if b is not None]
    if not known:
        return None
    held = lower_bound(searcher, positive[0] if len(positive) == 1 else And(tuple(positive)))
    shared = [held + lower_bound(searcher, i.item) - n for i in node.items if isinstance(i, Not)]
    return max(0, min(known) - max([0, *shared]))


def _filter_bound(searcher: tantivy.Searcher, f: FieldFilter) -> int | None:
    spec = field_spec(f.field)
    steps = _amount_steps(f)
    if steps is not None:
        return sum(searcher.doc_freq("amount_steps", t) for t in steps)
    if spec.index_kind == "int":
        values = _int_values(f)
        return None if values is None else sum(searcher.doc_freq(spec.engine_field, v) for v in values)
    if spec.index_kind == "tokens":
        words = f.value.split()
        return min(searcher.doc_freq(spec.engine_field, word) for word in words) if words else None
    return searcher.doc_freq(spec.engine_field, f.value)


def _int_values(f: FieldFilter) -> list[int] | None:
    """Every value a year or date filter (not an amount) can match, when there are few (a month
    of days, a decade of years): each is a term of the index, so their counts bound the filter."""
    lo, hi, inc_lo, inc_hi = filter_bounds(f)
    if lo is None or hi is None or f.field == "amount":
        return None
    first, last = lo + (not inc_lo), hi - (not inc_hi)
    if f.field == "year":
        return list(range(first, last + 1)) if last - first < _MOST_VALUES else None
    try:
        day, end = date(first // 10000, first // 100 % 100, first % 100), date(last // 10000, last // 100 % 100, last % 100)
    except ValueError:
        return None  # not a calendar day: a bound of a range only the engine compares
    if (end - day).days >= _MOST_VALUES:
        return None
    return [int(d.strftime("%Y%m%d")) for d in (day + timedelta(n) for n in range((end - day).days + 1))]


def _amount_steps(f: FieldFilter) -> list[str] | None:
    """The step terms an amount range is searched by (search.steps), as the engine compiles it;
    None for any other filter."""
    spec = field_spec(f.field)
    if spec.index_kind != "int" or spec.engine_field != "amounts":
        return None
    lo, hi, inc_lo, inc_hi = filter_bounds(f)
    if lo is None or lo < 0:
        return None
    return range_terms(lo + (not inc_lo), INT_MAX if hi is None else hi - (not inc_hi))
