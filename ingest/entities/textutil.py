"""Text helpers: length-preserving accent/case folding and line windows."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class _FoldTable(dict):
    """Fold of one non-ASCII character, computed on first sight: NFKD base without marks, lower case."""

    def __missing__(self, ch: str) -> str:
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
        low = ch.lower()
        folded = base if len(base) == 1 else (low if len(low) == 1 else " ")
        self[ch] = folded
        return folded


_TABLE = _FoldTable()


def _fold_char(m: re.Match[str]) -> str:
    """Replacement for one non-ASCII character."""
    return _TABLE[m.group()]


def fold(text: str) -> str:
    """Lower case without accents, one character out per character in ("Juárez" -> "juarez", "ﬁ" -> "ﬁ").

    Offsets found in the folded text are offsets in the original; used for entity matching,
    indexing and highlighting alike. Every folded character is already lower case, so the final
    lower() only touches ASCII letters. A whole page's text is folded three times as a worker
    reads it (text check, entities, index text): the last few page-sized folds are remembered.
    """
    if len(text) < _PAGE_SIZED:
        return _fold(text)
    return _fold_page(text)


# Characters common in Spanish (and its neighbours') documents, replaced by str.replace, which
# scans in C: a regex callback per accented letter cost about 1.3 µs each, 0.18 ms a dense page.
_COMMON = "óáéíúñüÓÁÉÍÚÑÜ°ºª¿¡\u00a0–—“”‘’•€àèìòùâêîôûçãõÀÈÌÒÙÂÊÎÔÛÇÃÕ"


def _fold(text: str) -> str:
    if not text.isascii():
        for ch in _COMMON:
            if ch in text:
                text = text.replace(ch, _TABLE[ch])
        if not text.isascii():  # the rest, rare: one regex callback each
            text = _NON_ASCII.sub(_fold_char, text)
    return text.lower()


_PAGE_SIZED = 512
_fold_page = lru_cache(maxsize=64)(_fold)  # a page's str hashes once; 64 pages of text at most


def line_before(text: str, pos: int, width: int) -> str:
    """Up to `width` chars before pos, cut at the last line break."""
    lo = max(0, pos - width)
    nl = text.rfind("\n", lo, pos)
    return text[nl + 1 if nl >= 0 else lo:pos]


def find_all(haystack: str, needles: tuple[str, ...]) -> list[int]:
    """Sorted start offsets of every needle in haystack (str.find is much faster than a regex scan)."""
    found: list[int] = []
    for needle in needles:
        i = haystack.find(needle)
        while i >= 0:
            found.append(i)
            i = haystack.find(needle, i + 1)
    return sorted(found)
