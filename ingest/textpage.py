"""Lay out plain lines as a printed page: the text, word boxes, and a matching image.

For formats without a page of their own (CFDI XML), so that they are cited, highlighted
and boxed like any PDF page.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from .model import TEXT_LAYER, Page, Word

WIDTH, HEIGHT = 612.0, 792.0  # US Letter, points
MARGIN, SIZE, LEADING, WRAP = 54.0, 10.0, 14.0, 95


@lru_cache(maxsize=8)
def _font(size: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)  # Pillow's bundled TrueType font: same everywhere


def _wrapped(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        out.extend(textwrap.wrap(line, WRAP, subsequent_indent="    ", break_on_hyphens=False) or [""])  # never cut a code
    return out


def _placed(lines: list[str]) -> list[tuple[str, int, float, float, float]]:
    """(word, offset in the page text, x, top, width) in points. Measured on a 10x font, as
    small hinted sizes do not scale linearly; the image draws each word at these positions
    so boxes and pixels agree at any resolution."""
    font = _font(SIZE * 10)
    space = font.getlength(" ") / 10
    placed = []
    pos = 0
    for row, line in enumerate(_wrapped(lines)):
        top, x, offset = MARGIN + row * LEADING, MARGIN, pos
        for word in line.split(" "):
            if word:
                width = font.getlength(word) / 10
                placed.append((word, offset, x, top, width))
                x += width
            x += space
            offset += len(word) + 1
        pos += len(line) + 1
    return placed


def layout(lines: list[str], number: int = 1) -> Page:
    """The page's text and its words' boxes (fractions of the page), lines top to bottom."""
    words: list[Word] = [
        (offset, offset + len(word), round(x / WIDTH, 5), round(top / HEIGHT, 5),
         round((x + width) / WIDTH, 5), round((top + SIZE * 1.2) / HEIGHT, 5))
        for word, offset, x, top, width in _placed(lines)
    ]
    return Page(number, "\n".join(_wrapped(lines)), TEXT_LAYER, None, WIDTH, HEIGHT, words)


def render(lines: list[str], dpi: int) -> Image.Image:
    """The same words drawn where `layout` says they are, on a white page at `dpi`."""
    scale = dpi / 72
    image = Image.new("L", (int(WIDTH * scale), int(HEIGHT * scale)), 255)
    draw = ImageDraw.Draw(image)
    font = _font(SIZE * scale)
    for word, _offset, x, top, _width in _placed(lines):
        draw.text((x * scale, top * scale), word, fill=0, font=font)
    return image
