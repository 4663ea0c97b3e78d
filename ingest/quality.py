"""Decide, per page, whether a text layer is usable or the page needs OCR."""

from __future__ import annotations

import re
from typing import Callable

_WORD = re.compile(r"[^\W\d_]{2,}")
_SPACE = re.compile(r"\s+")
# Visible characters that are neither letters/digits nor common punctuation: counting
# these few is much faster than listing every plain character of a dense page.
_ODD = re.compile(r"[^\w\s.,;:()$%\-/'\"°ºª#&]|_")
_VOWELLESS = re.compile(r"(?<![^\W\d_])[^\W\d_aeiouáéíóúüyAEIOUÁÉÍÓÚÜY]{2,}(?![^\W\d_])")
MIN_CHARS = 25


def needs_ocr(text: str, has_images: bool | Callable[[], bool]) -> bool:
    """True when the text layer is missing or garbage and there is something to read.
    `has_images` may be a function: it is only asked about a page with almost no text."""
    visible = len(_SPACE.sub("", text))
    if visible < MIN_CHARS:
        return (has_images() if callable(has_images) else has_images) or visible > 0
    return not text_looks_real(text, visible)


def text_looks_real(text: str, visible: int | None = None) -> bool:
    """Real text: mostly letters/digits/punctuation, and most words have vowels."""
    if "(cid:" in text or text.count("\ufffd") > 3:
        return False
    visible = visible if visible is not None else len(_SPACE.sub("", text))
    if (visible - len(_ODD.findall(text))) / max(1, visible) < 0.85:
        return False
    words = len(_WORD.findall(text))
    if words < 3:
        return True  # mostly numbers (a table): trust it
    return (words - len(_VOWELLESS.findall(text))) / words >= 0.6
