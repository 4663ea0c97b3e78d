"""Decide, per page, whether a text layer is usable or the page needs OCR."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]{2,}")
_VOWELS = set("aeiouáéíóúüAEIOUÁÉÍÓÚÜyY")
MIN_CHARS = 25


def needs_ocr(text: str, has_images: bool) -> bool:
    """True when the text layer is missing or garbage and there is something to read."""
    visible = [c for c in text if not c.isspace()]
    if len(visible) < MIN_CHARS:
        return has_images or len(visible) > 0
    return not text_looks_real(text)


def text_looks_real(text: str) -> bool:
    """Real text: mostly letters/digits/punctuation, and most words have vowels."""
    if "(cid:" in text or text.count("\ufffd") > 3:
        return False
    visible = [c for c in text if not c.isspace()]
    plain = sum(1 for c in visible if c.isalnum() or c in ".,;:()$%-/'\"°ºª#&")
    if plain / len(visible) < 0.85:
        return False
    words = _WORD.findall(text)
    if len(words) < 3:
        return True  # mostly numbers (a table): trust it
    wordlike = sum(1 for w in words if any(c in _VOWELS for c in w))
    return wordlike / len(words) >= 0.6
