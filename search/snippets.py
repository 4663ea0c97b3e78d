"""Snippets and highlights, computed the same way whatever engine found the page.

Spans are character offsets in the page text, so the same spans box the matched
words on the page image.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import token_spans
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
    """Every span of the text that a positive part of the query matches."""
    leaves = positive_leaves(query)
    toks = token_spans(text)
    words = [t for t, _, _ in toks]
    spans: list[Span] = list(extra or [])
    for leaf in leaves:
        seqs = _sequences(leaf)
        for seq, prefix_last in seqs:
            n = len(seq)
            for i in range(len(words) - n + 1):
                if _matches(words, i, seq, prefix_last):
                    spans.append((toks[i][1], toks[i + n - 1][2]))
    return _merge(spans)


def _sequences(leaf: Node) -> list[tuple[tuple[str, ...], bool]]:
    if isinstance(leaf, Term):
        return [((leaf.token,), False)]
    if isinstance(leaf, Phrase):
        return [(leaf.tokens, False)]
    if isinstance(leaf, Prefix):
        return [(leaf.before + (leaf.prefix,), True)]
    return []


def _matches(words: list[str], i: int, seq: tuple[str, ...], prefix_last: bool) -> bool:
    for j, tok in enumerate(seq):
        word = words[i + j]
        last = j == len(seq) - 1
        if not (word == tok or (last and prefix_last and word.startswith(tok))):
            return False
    return True


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
    raw = text[start:end]
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    inside = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    flat = lead + raw.replace("\n", " ") + tail
    return Snippet(flat, inside)


def _clip(text: str, start: int, width: int) -> str:
    piece = " ".join(text[start : start + width].split())
    return piece + ("…" if len(text) > start + width else "")
