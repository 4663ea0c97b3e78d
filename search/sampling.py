"""Facets of a very large result set, counted on a fixed sample of its pages.

Counting every value of four facets over a million matching pages takes hundreds of
milliseconds; counted on a sample of about FACET_EXACT_MAX of them it takes a few, and the
top values and their estimated counts hardly move. Every page has a fixed sample slot (a
hash of its document and number, 0 to SLOTS - 1), so the same query gives the same estimate
every time. A result of FACET_EXACT_MAX pages or fewer is always counted exactly, so
archives under that size never see an estimate. The total of hits is always exact.
"""

from __future__ import annotations

import math
import zlib

SLOTS = 1024
FACET_EXACT_MAX = 10_000


def sample_slot(document_id: str, page: int) -> int:
    """The page's fixed sample slot."""
    return zlib.crc32(f"{document_id}:{page}".encode()) % SLOTS


def slots_for(total: int, exact_max: int = FACET_EXACT_MAX) -> int:
    """How many slots (from 0) to count facets on for a result of `total` pages; SLOTS means
    every page, an exact count."""
    if total <= exact_max:
        return SLOTS
    return max(1, math.ceil(SLOTS * exact_max / total))


def scaled(facets: dict[str, list[tuple[str, int]]], total: int, sampled: int) -> dict[str, list[tuple[str, int]]]:
    """Counts on `sampled` pages of a `total`-page result, estimated for the whole result."""
    if sampled <= 0:
        return {name: [] for name in facets}
    factor = total / sampled
    return {name: [(value, max(1, round(count * factor))) for value, count in buckets]
            for name, buckets in facets.items()}
