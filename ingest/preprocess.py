"""Page images made easier to read: coloured ink dropped, table rules removed, light flattened.

Each step is a pure function of a Pillow image (numpy inside) that says whether it found
anything to do, so the caller reads a cleaned page only when there was something to clean.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

INK_CHROMA = 60  # a pixel whose channels differ this much is coloured ink (or print), not black or paper
RULE_INK = 3  # pixels in long thin lines, per pixel of page width + height, that make a page "ruled"
INK_SHARE = 0.0005  # share of coloured pixels that makes a page "have colour" (one seal is enough)
PEN_EXCESS = 16  # a ballpoint stroke: blue (or red) this far above the other two channels
PEN_DARK = 150  # ... and darker than this: a navy or dark red pen, not a seal's bright ink


def grey(image: Image.Image) -> Image.Image:
    return image if image.mode == "L" else image.convert("L")


def thumbnail(image: Image.Image, size: int = 800) -> Image.Image:
    """The image shrunk to fit `size` (itself when it fits): one for all the looks at a page."""
    thumb = image.copy()
    thumb.thumbnail((size, size))
    return thumb


def ink_share(image: Image.Image) -> float:
    """Share of strongly coloured pixels (blue or red ink, coloured print), on a thumbnail
    (the same share when given the thumbnail)."""
    if image.mode != "RGB":
        return 0.0
    rgb = np.asarray(thumbnail(image), dtype=np.int16)
    chroma = chroma_of(rgb)
    return float((chroma > INK_CHROMA).mean())


def drop_ink(image: Image.Image) -> Image.Image:
    """Grey page with coloured ink lightened to paper: brightness plus twice the colourfulness.
    Black print under a blue seal stays black (it has no colour); the seal turns white."""
    if image.mode != "RGB":
        return grey(image)
    chroma = chroma_of(np.asarray(image, dtype=np.int16))
    lum = np.asarray(image.convert("L"), dtype=np.int16)
    # the greyish rim of a blurred ink stroke takes its neighbours' colour; dark print does not
    chroma = np.where(lum > 110, np.maximum(chroma, _max3(chroma)), chroma)
    return Image.fromarray(np.clip(lum + 2 * chroma, 0, 255).astype(np.uint8), "L")


def chroma_of(rgb: np.ndarray) -> np.ndarray:
    """Brightest channel less the darkest (int16 RGB array); channel by channel, as numpy's
    max/min over a last axis of three are eight times slower on a page."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b)


def _max3(a: np.ndarray) -> np.ndarray:
    """Pillow's MaxFilter(3) (edges repeated) with shifted maxima: a third of its time."""
    rows = a.copy()
    np.maximum(rows[1:], a[:-1], out=rows[1:])
    np.maximum(rows[:-1], a[1:], out=rows[:-1])
    out = rows.copy()
    np.maximum(out[:, 1:], rows[:, :-1], out=out[:, 1:])
    np.maximum(out[:, :-1], rows[:, 1:], out=out[:, :-1])
    return out


def hue_excess(rgb: np.ndarray) -> np.ndarray:
    """How far blue, or red, stands above the other two channels (int16 RGB array): a navy pen
    stroke shows it though its chroma is as low as a colour scan's black print."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return np.maximum(b - np.maximum(r, g), r - np.maximum(g, b))


def dark_pen(rgb: np.ndarray) -> np.ndarray:
    """Pixels of a dark ballpoint stroke (int16 RGB array): blue or red standing out, dark, and
    without a seal's bright colour (which drop_ink handles). Black print has no hue excess."""
    lum = rgb.mean(axis=2)
    chroma = chroma_of(rgb)
    return (hue_excess(rgb) > PEN_EXCESS) & (lum < PEN_DARK) & (chroma <= INK_CHROMA)


def erase_pen(image: Image.Image) -> Image.Image:
    """Grey image (of an RGB crop) with pen strokes and their rims turned to paper; print crossed
    by the stroke keeps its pixels outside the stroke."""
    rgb = np.asarray(image, dtype=np.int16)
    excess = hue_excess(rgb)
    core = Image.fromarray((excess > PEN_EXCESS).astype(np.uint8) * 255, "L")
    pen = (np.asarray(core.filter(ImageFilter.MaxFilter(3))) > 0) & (excess > PEN_EXCESS // 2)
    out = np.asarray(image.convert("L")).copy()
    out[pen] = int(percentile_u8(out, 90))
    return Image.fromarray(out, "L")


def _along(axis: int, start: int | None, stop: int | None) -> tuple[slice, slice]:
    """Index of positions [start, stop) along `axis` of a 2-D array."""
    return (slice(None), slice(start, stop)) if axis == 1 else (slice(start, stop), slice(None))


def _spread(mask: np.ndarray, width: int, axis: int, op: np.ufunc) -> np.ndarray:
    """out[j] = op (logical and / or) over mask[j .. j + width - 1] along `axis`, positions past
    the end unset: by doubling windows, a few whole-array boolean operations (no sums)."""
    n = mask.shape[axis]
    out = mask.copy()
    k = 1
    while k < width:
        step = min(k, width - k)  # windows of k become windows of k + step
        if step < n:
            op(out[_along(axis, 0, n - step)], out[_along(axis, step, n)], out=out[_along(axis, 0, n - step)])
        if op is np.logical_and:
            out[_along(axis, max(0, n - step), n)] = False
        k += step
    return out


def _window_any(mask: np.ndarray, before: int, after: int, axis: int = 1) -> np.ndarray:
    """Along `axis` (rows by default): is any pixel of [j - before, j + after] set?"""
    n = mask.shape[axis]
    padded = np.zeros((mask.shape[0], n + before) if axis == 1 else (n + before, mask.shape[1]), dtype=bool)
    padded[_along(axis, before, None)] = mask
    return _spread(padded, before + after + 1, axis, np.logical_or)[_along(axis, 0, n)]


def grow(mask: np.ndarray, reach: int) -> np.ndarray:
    """The mask grown by `reach` pixels in every direction (a square)."""
    return _window_any(_window_any(mask, reach, reach, 1), reach, reach, 0)


def _runs(dark: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Pixels on a straight run of at least `length` dark pixels along `axis`."""
    starts = _spread(dark, length, axis, np.logical_and)  # a full run of `length` starts here
    return _window_any(starts, length - 1, 0, axis)


Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Rules:
    """The long thin lines found on a page: where they are (`box`, fractions of the page) and
    what erasing them takes, done only when a reading of the erased page is wanted."""
    grey: np.ndarray
    dark: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    paper: float
    box: Box

    def removed(self) -> Image.Image:
        """The page with the rules erased, and strokes crossing them kept."""
        rows, cols = _grow(self.rows), _grow(self.cols)  # the rule's grey, anti-aliased edges go too
        erase = (rows & ~_crossing(self.dark, rows, 0)) | (cols & ~_crossing(self.dark, cols, 1))
        out = self.grey.copy()
        out[erase] = int(self.paper)
        return Image.fromarray(out, "L")


def find_rules(image: Image.Image) -> Rules | None:
    """Long horizontal and vertical lines (table rules, underlines, form boxes), None when they
    are too few to make a table or a form. `removed()` erases them, so that letters touching a
    rule are read as letters."""
    g = np.asarray(grey(image))
    paper = percentile_u8(g, 90)
    dark = g < paper * 0.6
    h, w = g.shape
    thick = max(6, round(max(w, h) / 300))  # thicker than this is a black block or a border, no rule
    rows = _runs(dark, max(40, w // 25), 1)
    rows &= ~_runs(rows, thick, 0)
    cols = _runs(dark, max(40, h // 30), 0)
    cols &= ~_runs(cols, thick, 1)
    if rows.sum() + cols.sum() < RULE_INK * (w + h):  # no table, no form: leave it be
        return None
    either = rows | cols
    xs, ys = np.flatnonzero(either.any(axis=0)), np.flatnonzero(either.any(axis=1))
    # the extent of the rules grown by a pixel each way, as `removed` erases them
    x0, x1, y0, y1 = max(0, xs[0] - 1), min(w - 1, xs[-1] + 1), max(0, ys[0] - 1), min(h - 1, ys[-1] + 1)
    return Rules(g, dark, rows, cols, paper, (x0 / w, y0 / h, (x1 + 1) / w, (y1 + 1) / h))


def percentile_u8(a: np.ndarray, q: float) -> float:
    """`np.percentile(a, q)` of a uint8 array (linear interpolation, the same float) from its
    histogram: one counting pass instead of a partition of the page."""
    cum = np.cumsum(np.bincount(a.ravel(), minlength=256))
    pos = q / 100 * (a.size - 1)
    k = int(pos)
    t = pos - k
    lo = float(np.searchsorted(cum, k, side="right"))
    hi = float(np.searchsorted(cum, min(k + 1, a.size - 1), side="right"))
    d = hi - lo  # numpy's lerp, from the nearer end
    return hi - d * (1 - t) if t >= 0.5 else lo + d * t


def _grow(mask: np.ndarray) -> np.ndarray:
    grown = mask.copy()
    grown[1:] |= mask[:-1]
    grown[:-1] |= mask[1:]
    grown[:, 1:] |= mask[:, :-1]
    grown[:, :-1] |= mask[:, 1:]
    return grown


def _crossing(dark: np.ndarray, rule: np.ndarray, axis: int, reach: int = 7) -> np.ndarray:
    """Rule pixels with a stroke on both sides within `reach` (across the rule): a comma's tail
    or a letter crossing the rule. They stay, so "823,258.50" does not become "823.258.50"."""
    ink = dark & ~rule
    shifted_before = np.zeros_like(ink)
    shifted_before[_along(axis, 1, None)] = ink[_along(axis, 0, -1)]
    shifted_after = np.zeros_like(ink)
    shifted_after[_along(axis, 0, -1)] = ink[_along(axis, 1, None)]
    return rule & _window_any(shifted_before, reach - 1, 0, axis) & _window_any(shifted_after, 0, reach - 1, axis)


def flatten(image: Image.Image) -> tuple[Image.Image, bool]:
    """Divide out uneven light (a phone photo lit from one side, a scanner's shadow): the paper
    becomes evenly white. Returns the image and whether the light was uneven."""
    g = grey(image)
    small = g.reduce(8) if min(g.size) >= 80 else g
    paper = small.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.GaussianBlur(6))
    bg = np.asarray(paper, dtype=np.float32)
    lo, hi = np.percentile(bg, [5, 95])
    if hi - lo < 40 or hi < 60:
        return image, False
    full = np.asarray(paper.resize(g.size, Image.Resampling.BILINEAR), dtype=np.float32)
    out = np.asarray(g, dtype=np.float32) / np.maximum(full, 1.0) * 245.0
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "L"), True


def binarise(image: Image.Image) -> Image.Image:
    """Black and white at Otsu's threshold (as Tesseract does, but on the crop alone)."""
    g = np.asarray(grey(image))
    hist = np.bincount(g.ravel(), minlength=256).astype(np.float64)
    total, levels = hist.sum(), np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight / total - mean) ** 2 / np.maximum(weight * (total - weight), 1)
    threshold = int(np.argmax(between))
    return Image.fromarray(np.where(g > threshold, 255, 0).astype(np.uint8), "L")
