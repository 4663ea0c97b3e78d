"""Snippets and highlights, computed the same way whatever engine found the page.

Spans are character offsets in the page text, so the same spans box the matched
words on the page image.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .analysis import fold
from .query import Node, Phrase, Prefix, Term, positive_leaves

Span = tuple[int, int]


@dataclass
class Snippet:
    text: str
    highlights: list[Span]  # offsets within `text`

    def segments(self) -> list[tuple[str, bool]]:
        """(text, highlighted) pieces for a template to render escaped."""
        out, pos = [], 0
        for start, end in self.highlights:
            if start > pos:
                out.append((self.text[pos:start], False))
            out.append((self.text[start:end], True))
            pos = end
        if pos < len(self.text):
            out.append((self.text[pos:], False))
        return out


def match_spans(text: str, query: Node, extra: list[Span] | None = None) -> list[Span]:
    """Every span of the text that a positive part of the query matches.

    One regex over the folded text (token boundaries = any non-alphanumeric run), the same
    matching the engines do on tokens, at C speed.
    """
    spans: list[Span] = list(extra or [])
    pattern = _pattern(tuple(positive_leaves(query)))
    if pattern is not None:
        spans.extend(m.span() for m in pattern.finditer(fold(text)))
    return _merge(spans)


_EDGE_R, _GAP = r"(?![0-9a-z])", r"[^0-9a-z]+"
# The left edge is checked after the first character ("c" + "not a letter or digit before
# it" + "ontrato"), so every alternative starts with a literal and the regex engine scans
# for the alternatives' first characters instead of trying each of them at every position
# (4-12 times faster than a leading lookbehind; the same matches).
_AFTER_FIRST = r"(?<![0-9a-z][\s\S])"


def _start(first: str) -> str:
    """A leaf's first token, escaped, with the left edge checked after its first character."""
    if not first:
        return r"(?<![0-9a-z])"
    return re.escape(first[0]) + _AFTER_FIRST + re.escape(first[1:])


def _alternative(leaf: Node) -> str | None:
    if isinstance(leaf, Term):
        return _start(leaf.token) + _EDGE_R
    if isinstance(leaf, Phrase):
        return _words(leaf.tokens) + _EDGE_R
    if isinstance(leaf, Prefix):
        return _words((*leaf.before, leaf.prefix)) + "[0-9a-z]*"
    return None


def _words(words: tuple[str, ...]) -> str:
    """Words in order, anything but letters and digits between them."""
    if not words:
        return _start("")
    return _start(words[0]) + "".join(_GAP + re.escape(w) for w in words[1:])


@lru_cache(maxsize=256)
def _pattern(leaves: tuple[Node, ...]) -> re.Pattern[str] | None:
    """Alternatives in the leaves' order (the first that matches at a position wins), each once."""
    alternatives = dict.fromkeys(a for a in map(_alternative, leaves) if a is not None)
    return re.compile("|".join(alternatives)) if alternatives else None


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, spans: list[Span], width: int = 240) -> Snippet:
    """The window of the text holding the most matches, cut at word boundaries."""
    if not spans:
        return Snippet(_clip(text, 0, width), [])
    best_start, best_count = spans[0][0], 0
    for s, _ in spans:
        count = sum(1 for a, b in spans if s <= a and b <= s + width)
        if count > best_count:
            best_start, best_count = s, count
    start = max(0, best_start - width // 4)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    flat, where = _collapse(text[start:end], len(lead))
    inside = [(where[a - start], where[b - start]) for a, b in spans if a >= start and b <= end]
    return Snippet(lead + flat + tail, inside)


def _collapse(raw: str, shift: int) -> tuple[str, list[int]]:
    """Whitespace runs become one space (single spaces are not visited); where[i] is the position
    of raw[i] in the result (a run's first character maps to its space, the rest to what follows it)."""
    pieces: list[str] = []
    where: list[int] = [0] * (len(raw) + 1)
    copied = n = 0  # raw[:copied] is done; the result has n characters so far
    for m in _SPACES.finditer(raw):
        a, b = m.span()
        where[copied:a] = range(n + shift, n + shift + a - copied)
        pieces += (raw[copied:a], " ")
        n += a - copied
        where[a] = n + shift
        where[a + 1:b] = [n + 1 + shift] * (b - a - 1)
        n, copied = n + 1, b
    where[copied:len(raw)] = range(n + shift, n + shift + len(raw) - copied)
    pieces.append(raw[copied:])
    where[len(raw)] = n + len(raw) - copied + shift
    return "".join(pieces), where


_SPACES = re.compile(r"\s{2,}|[^\S ]")  # a single space is already what a run becomes: left as it is


def _clip(text: str, start: int, width: int) -> str:
    piece = " ".join(text[start : start + width].split())
    return piece + ("…" if len(text) > start + width else "")
