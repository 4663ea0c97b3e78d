"""OCR-tolerant matching: what a code, RFC or name typed correctly may look like on a page
that OCR damaged or glued (a confused character or two, a lost separator, a neighbour word
stuck to it).

`approximate(query)` widens the leaves worth widening; the archive runs the widened query
minus the exact one, so approximate pages come after the exact ones and are marked.
Plain words are widened only on request (a search that finds few pages), so approximation
never floods an exact search of common words.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from .query import And, Fuzzy, Node, Not, Or, Phrase, Term

_WORDS = {"de", "del", "y", "en", "por", "al", "con", "of", "the", "and"}  # a phrase with these is words, not a code
MIN_CODE = 6  # shorter codes ("e5", "2020") have too many neighbours


def approximate(node: Node, words: bool = False) -> Node | None:
    """The query with OCR-tolerant alternatives, or None when nothing in it is worth widening."""
    widened = _widen(node, words)
    return None if widened == node else widened


def _widen(node: Node, words: bool) -> Node:
    if isinstance(node, Term):
        alt = _term(node.token, words)
        return Or((node, alt)) if alt is not None else node
    if isinstance(node, Phrase):
        alts = _phrase(node.tokens)
        return Or((node, *alts)) if alts else node
    if isinstance(node, And):
        return And(tuple(_widen(i, words) for i in node.items))
    if isinstance(node, Or):
        return Or(tuple(_widen(i, words) for i in node.items))
    if isinstance(node, Not):
        return node  # what is excluded stays excluded exactly
    return node


def _term(token: str, words: bool) -> Node | None:
    has_digit = any(c.isdigit() for c in token)
    if has_digit and len(token) >= 8 and any(c.isalpha() for c in token):  # an RFC, a glued code
        return Fuzzy(token, 1 if len(token) < 12 else 2)
    if has_digit and len(token) >= 9:  # a long number: one digit misread
        return Fuzzy(token, 1)
    if words and token.isalpha() and len(token) >= 5:
        return Fuzzy(token, 1 if len(token) < 8 else 2)
    return None


def _phrase(tokens: tuple[str, ...]) -> list[Node]:
    """A code's parts: either end may be damaged or glued to the next word, so the parts
    without it, in order, still say the code (when what remains is distinctive)."""
    codelike = any((t.isdigit() and len(t) >= 5) or (not t.isdigit() and not t.isalpha()) for t in tokens)
    if not codelike or len(tokens) < 3 or _WORDS & set(tokens):
        return []  # not a code: a date ("23 de noviembre de 2020") or words with numbers
    alts: list[Node] = []
    for rest in (tokens[1:], tokens[:-1]):
        if any(_distinctive(t) for t in rest):
            alts.append(Phrase(rest))
    return alts


def _distinctive(token: str) -> bool:
    """A part that says the code on its own: a long number or a long mix of letters and digits
    ("926014983", "sim1508193c1"), not "it20" or "2020", which many codes share."""
    digits = sum(c.isdigit() for c in token)
    return digits >= 5 or (digits > 0 and not token.isdigit() and len(token) >= MIN_CODE)


def fuzzy_spans(text: str, node: Node) -> list[tuple[int, int]]:
    """Spans of the page's words that the query's Fuzzy leaves match (for highlighting). Each
    distinct word of the page is compared once, only with leaves it is near in length; then one
    scan finds where the near words stand (a search's approximate hits are a dozen pages: a
    comparison per word and leaf, and a match object per word, took most of a rare word's search)."""
    from .analysis import fold, tokens
    from .query import positive_leaves

    leaves = [leaf for leaf in positive_leaves(node) if isinstance(leaf, Fuzzy)]
    if not leaves:
        return []
    by_length: dict[int, list[str]] = {}
    for word in set(tokens(text)):  # the words the index has (a longer run is no token)
        by_length.setdefault(len(word), []).append(word)
    near: set[str] = set()
    for leaf in leaves:
        size, reach = len(leaf.token), leaf.distance
        for n in range(max(1, size - reach), size + reach + 1):
            near.update(w for w in by_length.get(n, ()) if edit_distance(w, leaf.token, reach) <= reach)
    if not near:
        return []
    words = "|".join(map(re.escape, sorted(near, key=len, reverse=True)))
    return [m.span() for m in re.finditer(f"(?<![0-9a-z])(?:{words})(?![0-9a-z])", fold(text))]


def edit_distance(a: str, b: str, cutoff: int | None = None) -> int:
    """Levenshtein distance with a transposition counted as one edit, as the engines count
    (optimal string alignment, in rapidfuzz's C++); past `cutoff`, any number above it."""
    return OSA.distance(a, b, score_cutoff=cutoff)
