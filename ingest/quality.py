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
MIN_CHARS = 25
# The same counts on a Latin page without a regex scan of every character (a third of the time):
# the ASCII characters _ODD does not match are deleted by bytes.translate; the folded text's
# letters become v(owel) or c(onsonant) and the rest spaces, so that a word starts after a space.
_PLAIN_ASCII = bytes(c for c in range(128) if not _ODD.match(chr(c)))
_SHAPES = bytes(ord("v") if chr(c) in "aeiouy" else ord("c") if 97 <= c <= 122 else ord(" ") for c in range(256))
_TWO_LETTERS = (b" cc", b" cv", b" vc", b" vv")  # a word's start: what rb" [cv]{2}" finds, counted in C
_SHAPE_VOWELLESS = re.compile(rb" c{2,}(?= )")
_ASCII_BYTES = bytes(range(128))
_NOT_ASCII_SPACE = bytes(c for c in range(256) if not chr(c).isspace() or c >= 128)


def _non_ascii(text: str) -> str:
    """The text's non-ASCII characters, in order: its UTF-8 bytes without the ASCII ones are
    still UTF-8. A dense page has a few hundred; `set(text)` of its 6,000 cost 60 µs, this 5."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def needs_ocr(text: str, has_images: bool | Callable[[], bool]) -> bool:
    """True when the text layer is missing or garbage and there is something to read.
    `has_images` may be a function: it is only asked about a page with almost no text."""
    visible = _visible(text)
    if visible < MIN_CHARS:
        return (has_images() if callable(has_images) else has_images) or visible > 0
    return not text_looks_real(text, visible)


def reads_well(text: str) -> bool:
    """Text usable as it is, whatever else is on the page: enough of it, and real."""
    visible = _visible(text)
    return visible >= MIN_CHARS and text_looks_real(text, visible)


def text_looks_real(text: str, visible: int | None = None) -> bool:
    """Real text: mostly letters/digits/punctuation, and most words have vowels."""
    if "(cid:" in text or text.count("\ufffd") > 3:
        return False
    visible = visible if visible is not None else _visible(text)
    if (visible - _odd_count(text)) / max(1, visible) < 0.85:
        return False
    words, vowelless = _word_counts(text)
    if words < 3:
        return True  # mostly numbers (a table): trust it
    return (words - vowelless) / words >= 0.6


def _visible(text: str) -> int:
    """Characters other than white space (what split() keeps): the ASCII white space counted
    by bytes.translate, the other kinds among the few non-ASCII characters."""
    if text.isascii():
        return len(text) - len(text.encode("ascii").translate(None, _NOT_ASCII_SPACE))
    spaces = len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_SPACE))
    return len(text) - spaces - sum(1 for c in _non_ascii(text) if c.isspace())


def _word_counts(text: str) -> tuple[int, int]:
    """Words of two letters or more, and those of them without a vowel."""
    folded = fold(text)
    if folded.isascii() or not any(c.isalpha() for c in set(_non_ascii(folded))):
        shape = b" " + folded.encode("ascii", "replace").translate(_SHAPES) + b" "
        return sum(map(shape.count, _TWO_LETTERS)), len(_SHAPE_VOWELLESS.findall(shape))
    return len(_WORD.findall(text)), len(_VOWELLESS.findall(text))


def _odd_count(text: str) -> int:
    """How many characters _ODD matches: the ASCII ones counted by bytes.translate, the few
    distinct others one by one."""
    odd = len(text.encode("ascii", "ignore").translate(None, _PLAIN_ASCII))
    if not text.isascii():
        odd += sum(1 for c in _non_ascii(text) if _ODD.match(c))
    return odd
