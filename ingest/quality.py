"""Decide, per page, whether a text layer is usable or the page needs OCR."""

from __future__ import annotations

import re
from typing import Callable

from .entities.textutil import fold

_WORD = re.compile(r"[^\W\d_]{2,}")
# Visible characters that are neither letters/digits nor common punctuation: counting
# these few is much faster than listing every plain character of a dense page.
_ODD = re.compile(r"[^\w\s.,;:()$%\-/'\"°ºª#&]|_")
_VOWELLESS = re.compile(r"(?<![^\W\d_])[^\W\d_aeiouáéíóúüyAEIOUÁÉÍÓÚÜY]{2,}(?![^\W\d_])")
# The same two counts on the folded text, where a Latin page's letters are all ASCII: plain
# character classes scan twice as fast as Unicode categories.
_ASCII_WORD = re.compile(r"[a-z]{2,}")
_ASCII_VOWELLESS = re.compile(r"(?<![a-z])[b-df-hj-np-tv-xz]{2,}(?![a-z])")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
MIN_CHARS = 25


def needs_ocr(text: str, has_images: bool | Callable[[], bool]) -> bool:
    """True when the text layer is missing or garbage and there is something to read.
    `has_images` may be a function: it is only asked about a page with almost no text."""
    visible = _visible(text)
    if visible < MIN_CHARS:
        return (has_images() if callable(has_images) else has_images) or visible > 0
    return not text_looks_real(text, visible)


def text_looks_real(text: str, visible: int | None = None) -> bool:
    """Real text: mostly letters/digits/punctuation, and most words have vowels."""
    if "(cid:" in text or text.count("\ufffd") > 3:
        return False
    visible = visible if visible is not None else _visible(text)
    if (visible - len(_ODD.findall(text))) / max(1, visible) < 0.85:
        return False
    words, vowelless = _word_counts(text)
    if words < 3:
        return True  # mostly numbers (a table): trust it
    return (words - vowelless) / words >= 0.6


def _visible(text: str) -> int:
    """Characters other than white space (split() is ~6x faster than a regex substitution)."""
    return sum(map(len, text.split()))


def _word_counts(text: str) -> tuple[int, int]:
    """Words of two letters or more, and those of them without a vowel."""
    folded = fold(text)
    if folded.isascii() or not any(c.isalpha() for c in _NON_ASCII.findall(folded)):
        return len(_ASCII_WORD.findall(folded)), len(_ASCII_VOWELLESS.findall(folded))
    return len(_WORD.findall(text)), len(_VOWELLESS.findall(text))
