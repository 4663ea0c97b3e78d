"""How the catalog stores a page's word boxes.

Text-layer pages store none: the page view recomputes them from the original (a few
milliseconds with PDFium), so a born-digital page costs its text and entities only. OCR
pages store theirs packed: character spans as deltas and corners in 1/65535 of the page
(0.01 pt on a Letter page), zlib-compressed, about 6 bytes a word instead of 45 as JSON.
Catalogs written before keep their JSON, which is still read.
"""

from __future__ import annotations

import json
import sys
import zlib
from array import array

from ingest.model import Word

RECOMPUTE = ""  # the column's value for "recompute from the original"
_MAGIC = b"WB1"
_SCALE = 65535


def pack(words: list[Word]) -> bytes:
    """Words (start, end, x0, y0, x1, y1 as fractions) as a compact blob."""
    spans, corners = array("i"), array("H")
    previous = 0
    for start, end, *box in words:
        spans.extend((start - previous, end - start))
        previous = start
        corners.extend(round(min(1.0, max(0.0, v)) * _SCALE) for v in box)
    if sys.byteorder == "big":  # little-endian on disk whatever the machine
        spans.byteswap()
        corners.byteswap()
    body = len(words).to_bytes(4, "little") + spans.tobytes() + corners.tobytes()
    return _MAGIC + zlib.compress(body, 6)


def unpack(value: str | bytes | None) -> list[Word] | None:
    """The words stored in a page row; None when they are to be recomputed from the original."""
    if value is None or value == RECOMPUTE:
        return None
    if isinstance(value, str):
        return [tuple(w) for w in json.loads(value)]  # type: ignore[misc]
    body = zlib.decompress(value[len(_MAGIC):])
    n = int.from_bytes(body[:4], "little")
    spans, corners = array("i"), array("H")
    spans.frombytes(body[4:4 + 8 * n])
    corners.frombytes(body[4 + 8 * n:4 + 16 * n])
    if sys.byteorder == "big":
        spans.byteswap()
        corners.byteswap()
    words: list[Word] = []
    start = 0
    for i in range(n):
        start += spans[2 * i]
        x0, y0, x1, y1 = (round(c / _SCALE, 5) for c in corners[4 * i:4 * i + 4])
        words.append((start, start + spans[2 * i + 1], x0, y0, x1, y1))
    return words
