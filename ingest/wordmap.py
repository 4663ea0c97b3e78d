"""Word boxes carried from one reading of a page's text onto another reading of it.

Ingest keeps the text pdftotext gives; the page view gets boxes from PDFium, whose text of
the same page has the same words but not always the same spacing. Each word of the stored
text that PDFium also read, in the same order, gets PDFium's box; the few others get none
(no box rather than a box around the wrong word).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .model import Word

WORD = re.compile(r"\S+")  # a word, as both readings split them (PDFium's boxes too)


def carry_boxes(source: str, words: list[Word], target: str) -> list[Word]:
    """`words` (spans into `source`, with boxes) as spans into `target`, where the words agree.
    The two readings may also order a page's lines differently (a header read first by one,
    after the body by the other): what the first alignment leaves is aligned again, and there
    runs of two words or more are taken (a lone common word could be another of its kind)."""
    if source == target:
        return words
    spans = [m.span() for m in WORD.finditer(target)]
    a, b = [source[w[0]:w[1]] for w in words], [target[s:e] for s, e in spans]
    left_a, left_b = list(range(len(a))), list(range(len(b)))
    pairs: dict[int, int] = {}  # target word -> source word
    for least in (1, 2, 2, 2):
        matcher = SequenceMatcher(None, [a[i] for i in left_a], [b[j] for j in left_b], autojunk=False)
        found = {left_b[y + k]: left_a[x + k] for x, y, n in matcher.get_matching_blocks() if n >= least
                 for k in range(n)}
        if not found:
            break
        pairs.update(found)
        taken = set(found.values())
        left_a, left_b = [i for i in left_a if i not in taken], [j for j in left_b if j not in found]
    return [(spans[j][0], spans[j][1], *words[i][2:]) for j, i in sorted(pairs.items())]  # type: ignore[misc]
