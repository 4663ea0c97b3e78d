"""How OCR accuracy is scored, the same in the tests' bounds and the benchmarks' figures."""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from search.analysis import tokens


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def cer(got: str, want: str) -> float:
    """Character error rate: edit distance over the length of the ground truth."""
    want, got = normalise(want), normalise(got)
    return Levenshtein.distance(got, want) / max(1, len(want))


def word_recall(got: str, want: str) -> float:
    """Share of the printed words that OCR read exactly (order-free: what search needs)."""
    have, need = Counter(tokens(got)), Counter(tokens(want))
    return sum(min(n, have[w]) for w, n in need.items()) / max(1, sum(need.values()))
