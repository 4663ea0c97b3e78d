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
        out.extend(textwrap.wrap(line, WRAP, subsequent_indent="    ") or [""])
    return out


def layout(lines: list[str], number: int = 1) -> Page:
    """The page's text and its words' boxes (fractions of the page), lines top to bottom."""
    font = _font(SIZE)
    text_parts: list[str] = []
    words: list[Word] = []
    pos = 0
    for row, line in enumerate(_wrapped(lines)):
        top = MARGIN + row * LEADING
        x = MARGIN
        for i, word in enumerate(line.split(" ")):
            if i:
                x += font.getlength(" ")
            if word:
                start = pos + (len(" ".join(line.split(" ")[:i])) + (1 if i else 0))
                w = font.getlength(word)
                words.append((start, start + len(word), round(x / WIDTH, 5), round(top / HEIGHT, 5),
                              round((x + w) / WIDTH, 5), round((top + SIZE * 1.2) / HEIGHT, 5)))
                x += w
        text_parts.append(line)
        pos += len(line) + 1
    return Page(number, "\n".join(text_parts), TEXT_LAYER, None, WIDTH, HEIGHT, words)


def render(lines: list[str], dpi: int) -> Image.Image:
    """The same lines drawn on a white page at `dpi`."""
    scale = dpi / 72
    image = Image.new("L", (int(WIDTH * scale), int(HEIGHT * scale)), 255)
    draw = ImageDraw.Draw(image)
    font = _font(SIZE * scale)
    for row, line in enumerate(_wrapped(lines)):
        draw.text((MARGIN * scale, (MARGIN + row * LEADING) * scale), line, fill=0, font=font)
    return image
