"""Forgiving words: what a query also means when typed as people type.

A plain word also finds its Spanish singular and plural forms (`factura` finds `facturas`,
`licitaciones` finds `licitación`); quoted words and phrases stay exact. Codes, numbers and
field filters are left alone.
"""

from __future__ import annotations

from typing import Iterable

from .query import And, Node, Not, Or, Term, forms

MIN_FORMS = 4  # "de", "la", "los" are no words to inflect


def with_forms(node: Node) -> Node:
    """The query with each plain word widened to its singular and plural forms."""
    if isinstance(node, Term):
        if node.token.isalpha() and len(node.token) >= MIN_FORMS:
            widened = forms(node.token)
            return widened if len(widened.items) > 1 else node
        return node
    if isinstance(node, And):
        return And(tuple(with_forms(i) for i in node.items))
    if isinstance(node, Or):
        return _union(with_forms(i) for i in node.items)
    if isinstance(node, Not):
        return Not(with_forms(node.item))
    return node


def _union(items: Iterable[Node]) -> Node:
    """One OR of the items, nested ORs flattened and each alternative once: `cámaras~` widened
    is the forms of `cámaras` and of `cámara`, which overlap; an engine would merge the same
    postings several times (and count a repeated word's score twice)."""
    out: list[Node] = []
    for item in items:
        for part in item.items if isinstance(item, Or) else (item,):
            if part not in out:
                out.append(part)
    return out[0] if len(out) == 1 else Or(tuple(out))
