"""Run every extractor on a page and resolve overlapping matches."""
from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Iterable, Iterator

from . import agencies, amounts, codes, dates, persons, rfc, vendors
from .model import Entity
from .textutil import fold

Extractor = Callable[[str, str], Iterator[Entity]]
EXTRACTORS: tuple[Extractor, ...] = (rfc.extract, codes.extract, dates.extract, amounts.extract,
                                     vendors.extract, agencies.extract, persons.extract)
# Lower wins when spans overlap: a code's digits are not a date or amount, an RFC is not a code.
PRIORITY = {"rfc": 0, "bid": 1, "contract": 1, "reference": 1, "date": 2, "amount": 3, "vendor": 4, "agency": 5, "person": 6}


def resolve(candidates: Iterable[Entity]) -> list[Entity]:
    """Keep non-overlapping entities, preferring higher-priority kinds, then longer spans."""
    # The reason last: two rules finding the same span keep the same one in every process. A
    # duplicate needs no set() (hashing each entity): it overlaps the copy kept before it.
    ranked = sorted(candidates, key=lambda e: (PRIORITY[e.kind], e.start - e.end, e.start, e.reason))
    starts: list[int] = []
    kept: list[Entity] = []  # sorted by start, pairwise disjoint
    for e in ranked:
        i = bisect_left(starts, e.start)
        if i > 0 and kept[i - 1].end > e.start:
            continue
        if i < len(kept) and kept[i].start < e.end:
            continue
        starts.insert(i, e.start)
        kept.insert(i, e)
    return kept


def extract_entities(text: str) -> list[Entity]:
    """All entity kinds in a page, sorted by start, without overlaps or duplicates."""
    folded = fold(text)
    return resolve(e for extractor in EXTRACTORS for e in extractor(text, folded))
