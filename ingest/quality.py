"""Decide, per page, whether a text layer is usable or the page needs OCR."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]{2,}")
_SPACE = re.compile(r"\s+")
_PLAIN = re.compile(r"[^\W_]|[.,;:()$%\-/'\"°ºª#&]")
_VOWEL = re.compile(r"[aeiouáéíóúüyAEIOUÁÉÍÓÚÜY]")
MIN_CHARS = 25


def needs_ocr(text: str, has_images: bool) -> bool:
    """True when the text layer is missing or garbage and there is something to read."""
    visible = len(_SPACE.sub("", text))
    if visible < MIN_CHARS:
        return has_images or visible > 0
    return not text_looks_real(text, visible)


def text_looks_real(text: str, visible: int | None = None) -> bool:
    """Real text: mostly letters/digits/punctuation, and most words have vowels."""
    if "(cid:" in text or text.count("\ufffd") > 3:
        return False
    visible = visible if visible is not None else len(_SPACE.sub("", text))
    if len(_PLAIN.findall(text)) / max(1, visible) < 0.85:
        return False
    words = _WORD.findall(text)
    if len(words) < 3:
        return True  # mostly numbers (a table): trust it
    wordlike = sum(1 for w in words if _VOWEL.search(w))
    return wordlike / len(words) >= 0.6
