"""The highlight regex finds exactly what the plain form of it (a lookbehind before every
alternative, in the leaves' order) finds: it is only arranged to be scanned faster."""

import random
import re

import pytest

from search.query import Phrase, Prefix, Term
from search.snippets import _pattern

_L, _R, _GAP = r"(?<![0-9a-z])", r"(?![0-9a-z])", r"[^0-9a-z]+"


def _plain(leaves):
    alternatives = []
    for leaf in leaves:
        if isinstance(leaf, Term):
            alternatives.append(_L + re.escape(leaf.token) + _R)
        elif isinstance(leaf, Phrase):
            alternatives.append(_L + _GAP.join(map(re.escape, leaf.tokens)) + _R)
        elif isinstance(leaf, Prefix):
            head = "".join(re.escape(t) + _GAP for t in leaf.before)
            alternatives.append(_L + head + re.escape(leaf.prefix) + "[0-9a-z]*")
    return re.compile("|".join(alternatives)) if alternatives else None


_WORDS = ["a", "ab", "abc", "abcs", "b", "ba", "c9", "9c", "2020", "it20", "ea", "-", "x.y"]


def _leaf(rng):
    pick = lambda: rng.choice(_WORDS)  # noqa: E731
    kind = rng.randrange(3)
    if kind == 0:
        return Term(pick())
    if kind == 1:
        return Phrase(tuple(pick() for _ in range(rng.randint(1, 3))))
    return Prefix(pick(), tuple(pick() for _ in range(rng.randint(0, 2))))


@pytest.mark.parametrize("seed", range(40))
def test_same_matches_as_the_plain_regex(seed):
    rng = random.Random(seed)
    leaves = tuple(_leaf(rng) for _ in range(rng.randint(1, 6)))
    leaves += leaves[: rng.randint(0, len(leaves))]  # repeated leaves (forms of forms) as well
    text = "".join(rng.choice(_WORDS + [" ", " ", "\n", "/", "é"]) for _ in range(300))
    fast, plain = _pattern(leaves), _plain(leaves)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]

