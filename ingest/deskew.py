"""Straighten slightly skewed scans before OCR, and map word boxes back to the page as shown.

A skew of a degree or two splits Tesseract's text lines into blocks read out of order
("Leído que" after the rest of its line). The angle that makes the text rows sharpest
(largest variance of the row profile) is found on a thumbnail in a few milliseconds.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

from .model import Word

MAX_ANGLE = 3.0
MIN_ANGLE = 0.7  # Tesseract copes with less; rotating small skews can cost more than it gains (tables)
INK_BELOW = 159  # grey levels darker than this are ink


def _sharpness(ys: np.ndarray, xs: np.ndarray, height: int, angle: float) -> float:
    """How sharp the text rows are with the ink turned `angle` degrees counter-clockwise about
    the centre: the sum of squares of the ink per row (the total being the same, the variance
    of the row profile up to constants). Coordinates are the ink pixels' from the centre."""
    a = math.radians(angle)
    rows = np.rint(ys * math.cos(a) - xs * math.sin(a) + (height - 1) / 2).astype(np.int32)
    counts = np.bincount(rows[(rows >= 0) & (rows < height)], minlength=height)
    return float(np.dot(counts, counts))


def skew_angle(image: Image.Image) -> float:
    """Degrees to rotate (counter-clockwise) to level the text: coarse then fine search over the
    dark pixels of a thumbnail, turned as coordinates (20 ms a page; rotating the thumbnail
    itself for each angle took 115)."""
    thumb = image.convert("L")
    thumb.thumbnail((700, 700))
    rows, cols = np.nonzero(np.asarray(thumb) < INK_BELOW)
    if not len(rows):
        return 0.0
    ys = rows.astype(np.float32) - (thumb.height - 1) / 2
    xs = cols.astype(np.float32) - (thumb.width - 1) / 2
    coarse = max((k * 0.5 for k in range(-6, 7)), key=lambda a: _sharpness(ys, xs, thumb.height, a))
    fine = [coarse + k * 0.125 for k in range(-3, 4)]
    return max(fine, key=lambda a: _sharpness(ys, xs, thumb.height, a))


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    angle = skew_angle(image)
    if abs(angle) < MIN_ANGLE or abs(angle) > MAX_ANGLE:
        return image, 0.0
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor="white"), angle


Box = tuple[float, float, float, float]


def _clamp(v: float) -> float:
    return 0.0 if v < 0 else 1.0 if v > 1 else round(v, 5)


def turn_box(box: Box, degrees: int) -> Box:
    """A box (fractions, origin top-left) on a page, placed on that page turned `degrees`
    clockwise (0, 90, 180 or 270): a PDF's /Rotate, or undoing a sideways scan's turn."""
    x0, y0, x1, y1 = box
    if degrees == 90:
        x0, y0, x1, y1 = 1 - y1, x0, 1 - y0, x1
    elif degrees == 180:
        x0, y0, x1, y1 = 1 - x1, 1 - y1, 1 - x0, 1 - y0
    elif degrees == 270:
        x0, y0, x1, y1 = y0, 1 - x1, y1, 1 - x0
    return (_clamp(x0), _clamp(y0), _clamp(x1), _clamp(y1))


def unturn_words(words: list[Word], turn: int) -> list[Word]:
    """Words read on an image turned `turn` degrees clockwise, back on the page as scanned."""
    out: list[Word] = []
    for start, end, *box in words:
        x0, y0, x1, y1 = turn_box((box[0], box[1], box[2], box[3]), (360 - turn) % 360)
        out.append((start, end, x0, y0, x1, y1))
    return out


def unrotate_words(words: list[Word], angle: float, width: int, height: int) -> list[Word]:
    """Boxes found on the straightened image, moved back onto the original page image."""
    if not angle:
        return words
    rad = math.radians(angle)  # PIL rotated counter-clockwise by angle; undo it
    cos, sin = math.cos(rad), math.sin(rad)
    cx, cy = width / 2, height / 2
    out: list[Word] = []
    for start, end, x0, y0, x1, y1 in words:
        xs, ys = [], []
        for fx, fy in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            dx, dy = fx * width - cx, fy * height - cy
            xs.append((cx + dx * cos - dy * sin) / width)
            ys.append((cy + dx * sin + dy * cos) / height)
        x0, y0, x1, y1 = (_clamp(v) for v in (min(xs), min(ys), max(xs), max(ys)))
        out.append((start, end, x0, y0, x1, y1))
    return out
