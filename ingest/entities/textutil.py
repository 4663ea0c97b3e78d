"""Text helpers: length-preserving accent/case folding and line windows."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import ahocorasick

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


_DECLARED: set[tuple[str, ...]] = set()


def needles(*words: str) -> tuple[str, ...]:
    """Declare (at import) words that `find_words` will look for: one pass over a page then
    finds every declared word, where a str.find per word read the page once each (the entity
    extractors' 56 words: 0.19 ms a dense page, against 0.05)."""
    _DECLARED.add(words)
    _automaton.cache_clear()
    _scan.cache_clear()
    return words


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in {w for words in _DECLARED for w in words}:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=8)
def _scan(folded: str) -> dict[str, list[int]]:
    """Start offsets of each declared word in a folded text, overlaps included (as str.find from
    each start + 1). The page's folded str is one object for every extractor: hashed once."""
    found: dict[str, list[int]] = {}
    for end, word in _automaton().iter(folded):
        found.setdefault(word, []).append(end - len(word) + 1)
    return found


def _declared(folded: str, words: tuple[str, ...]) -> dict[str, list[int]]:
    """The shared scan of a folded text, for words declared together with `needles`."""
    if words not in _DECLARED:
        raise ValueError(f"undeclared needles: {words!r}")
    return _scan(folded)


def find_words(folded: str, words: tuple[str, ...]) -> list[int]:
    """`find_all(folded, words)` for words declared with `needles`, from one shared scan."""
    found = _declared(folded, words)
    if len(words) == 1:
        return list(found.get(words[0], ()))  # a copy: the scan's lists are the cache's
    return sorted(i for w in words for i in found.get(w, ()))


def word_spans(folded: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Sorted (start, end) of each declared word found in the folded text."""
    found = _declared(folded, words)
    return sorted((i, i + len(w)) for w in words for i in found.get(w, ()))
