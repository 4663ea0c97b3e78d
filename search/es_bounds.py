"""Bounds on the pages a query can match on Elasticsearch, from counts of its leaves.

The facets of a large result are counted on a sample whose size depends on the result's size
(search.sampling), so they used to wait for the ranking's total. The embedded engine bounds a
query from its term statistics (search.tantivy_bounds) and counts the facets beside the ranking;
here the statistics are counts the node answers in a millisecond or so (a word, a keyword, a
range of numbers or days), all in one multi-search. A phrase is bounded by its rarest word; a
prefix or a fuzzy word leaves the query unbounded (counting it costs as much as running it).
"""

from __future__ import annotations

from .query import And, FieldFilter, Node, Not, Or, Phrase, Term

Counts = dict[Node, int]


def countable_leaves(node: Node) -> list[Node] | None:
    """The leaves to count (a phrase's words, each once), or None when a leaf cannot be counted
    cheaply and the query stays unbounded."""
    out: dict[Node, None] = {}

    def walk(n: Node) -> bool:
        if isinstance(n, (And, Or)):
            return all([walk(item) for item in n.items])
        if isinstance(n, Not):
            return walk(n.item)
        if isinstance(n, Phrase):
            out.update(dict.fromkeys(Term(t) for t in n.tokens))
            return bool(n.tokens)
        if isinstance(n, (Term, FieldFilter)):
            out[n] = None
            return True
        return False

    return list(out) if walk(node) else None


def upper_bound(node: Node, counts: Counts, n: int) -> int | None:
    """At least the pages `node` matches (of `n`), or None (a negation alone)."""
    if isinstance(node, (Term, FieldFilter)):
        return min(n, counts[node])
    if isinstance(node, Phrase):
        return min(counts[Term(t)] for t in node.tokens)
    if isinstance(node, Or):
        parts = [upper_bound(item, counts, n) for item in node.items]
        return None if any(p is None for p in parts) else min(n, sum(p for p in parts if p is not None))
    if isinstance(node, And):
        return _and_bound(node, counts, n)
    return None


def lower_bound(node: Node, counts: Counts, n: int) -> int:
    """At most the pages `node` matches: a word's or a filter's count is exact, an OR at least
    its largest part, an AND of parts on most pages at least what they cover beyond the whole."""
    if isinstance(node, (Term, FieldFilter)):
        return counts[node]
    if isinstance(node, Phrase):
        return counts[Term(node.tokens[0])] if len(node.tokens) == 1 else 0
    if isinstance(node, Or):
        return max((lower_bound(item, counts, n) for item in node.items), default=0)
    if isinstance(node, And):
        parts = [_outside(i.item, counts, n) if isinstance(i, Not) else lower_bound(i, counts, n) for i in node.items]
        return max(0, sum(parts) - (len(parts) - 1) * n)
    return 0


def _outside(node: Node, counts: Counts, n: int) -> int:
    """At most the pages `node` is not on: those beyond its upper bound (none when unbounded)."""
    bound = upper_bound(node, counts, n)
    return 0 if bound is None else n - bound


def _and_bound(node: And, counts: Counts, n: int) -> int | None:
    """The smallest bound of a part that must match, less what a NOT must take out of it
    (|A and B| >= |A| + |B| - N)."""
    positive = [i for i in node.items if not isinstance(i, Not)]
    known = [b for b in (upper_bound(i, counts, n) for i in positive) if b is not None]
    if not known:
        return None
    held = lower_bound(positive[0] if len(positive) == 1 else And(tuple(positive)), counts, n)
    shared = [held + lower_bound(i.item, counts, n) - n for i in node.items if isinstance(i, Not)]
    return max(0, min(known) - max([0, *shared]))
