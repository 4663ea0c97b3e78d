"""Pen strokes across print (a signature drawn over the signer's printed name, a navy tick
across a date) handled region by region: the page is never read again whole.

The lines a dark pen stroke crosses, with doubtful words, are read again with the pen taken
away, on one sheet of line crops (lines.py, as the second look), and a line's new reading is
kept only when it has more confident characters. Print near the pen that the page's reading
left out (Tesseract took the signature block for a picture) is read in its own crop, pen taken
away, and its lines with confident words are added where they belong.
A page without dark pen costs one look at a thumbnail.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from .lines import LINE_PX, Reading, confident, insert_lines, line_sheet, lines_of, replace_lines, words_on
from .model import Word
from .preprocess import (INK_CHROMA, PEN_DARK, PEN_EXCESS, binarise, chroma_of, dark_pen, erase_pen, grow, hue_excess,
                         thumbnail)
from .tesseract import OcrResult, ocr_image

THUMB = 800  # pen is looked for on a thumbnail this wide (or tall): `thumbnail`'s default, shared by read_page
STROKE = 300  # dark pen pixels of one stroke on the thumbnail (some 5 cm of ballpoint line) that
# make a page "signed"; tinted print beside a seal or a bright signature leaves scattered specks
CAST = 0.25  # when this share of the dark pixels looks like pen, it is a colour cast, not pen
CROSS_MIN = 3  # pen pixels inside a line's box (on the thumbnail) that make it crossed
PRINT_MIN = 30  # dark print pixels near the pen, outside every word read, worth a reading
MAX_CROSSED = 20  # lines read again per page
NEAR = 5  # thumbnail pixels around bright ink (a seal, drop_ink's part) where print tinted by it is no pen
LONGER = 1.25  # a line read again without pen may be this much longer (and 3 characters), no more:
# a longer one took in its neighbour's words
WORTH = 0.6  # share of a new line's characters in confident words for it to join the reading
BLOCK = 16  # thumbnail pixels per block when pen strokes are grouped into regions


def pen_look(image: Image.Image, result: OcrResult, lang: str, timeout: int,
             thumb: Image.Image | None = None) -> OcrResult:
    """The page's reading with the lines that dark pen crosses, or hides, read without the pen.
    `thumb`: the page's `thumbnail(image, THUMB)` when the caller has it."""
    if image.mode != "RGB":
        return result
    rgb = np.asarray(thumb if thumb is not None else thumbnail(image, THUMB), dtype=np.int16)
    pen = dark_pen(rgb)
    if pen.sum() < STROKE:
        return result
    pen &= ~grow(chroma_of(rgb) > INK_CHROMA, NEAR)  # tinted by a seal
    if pen.sum() > CAST * (rgb.mean(axis=2) < PEN_DARK).sum():
        return result  # the whole page's print is tinted (a photo's colour cast)
    pen, strokes = _strokes(pen)
    if not strokes:
        return result
    result = _crossed(image, result, pen, lang, timeout)
    return _unread(image, result, pen, strokes, rgb, lang, timeout)


def _strokes(pen: np.ndarray) -> tuple[np.ndarray, list[list[tuple[int, int]]]]:
    """The pen strokes: groups of touching BLOCKs holding STROKE pen pixels or more, and the
    pen mask cut down to them."""
    h, w = pen.shape
    gh, gw = -(-h // BLOCK), -(-w // BLOCK)
    grid = np.zeros((gh * BLOCK, gw * BLOCK), dtype=bool)
    grid[:h, :w] = pen
    counts = grid.reshape(gh, BLOCK, gw, BLOCK).sum(axis=(1, 3))
    strokes = [g for g in _groups(counts > 0) if sum(counts[c] for c in g) >= STROKE]
    keep = np.zeros((gh, gw), dtype=bool)
    for group in strokes:
        keep[tuple(zip(*group))] = True
    return pen & np.kron(keep, np.ones((BLOCK, BLOCK), dtype=bool))[:h, :w], strokes


def _count(mask: np.ndarray, box: tuple[float, float, float, float]) -> int:
    h, w = mask.shape
    return int(mask[int(box[1] * h):int(np.ceil(box[3] * h)), int(box[0] * w):int(np.ceil(box[2] * w))].sum())


def _crossed(image: Image.Image, result: OcrResult, pen: np.ndarray, lang: str, timeout: int) -> OcrResult:
    """Lines the pen crosses and Tesseract doubted, read again without the pen; each keeps the
    better reading: more confident characters, and not much longer (no neighbour's words)."""
    crossed = [ln for ln in lines_of(result)  # a line read with confidence in spite of the pen stays
               if any(e - s > 1 for s, e in ln.doubtful) and _count(pen, ln.box()) >= CROSS_MIN][:MAX_CROSSED]
    if not crossed:
        return result
    page = _erased(image, [_padded(ln.box(), ln.height) for ln in crossed])
    sheet, placed = line_sheet(page, crossed)
    again = ocr_image(sheet, lang, timeout, psm=6)
    better: dict[int, Reading] = {}
    for line, place in zip(crossed, placed):
        text, words, doubtful = words_on(again, sheet.size, page.size, place, line.box())
        if (text and confident(words, doubtful) > confident(line.words, line.doubtful)
                and len(text) <= LONGER * (line.end - line.start) + 3):
            better[line.start] = (text, words, doubtful)
    return replace_lines(result, better) if better else result


def _padded(box: tuple[float, float, float, float], pad: float) -> tuple[float, float, float, float]:
    return (max(0.0, box[0] - pad), max(0.0, box[1] - pad), min(1.0, box[2] + pad), min(1.0, box[3] + pad))


def _erased(image: Image.Image, boxes: list[tuple[float, float, float, float]]) -> Image.Image:
    """The grey page with the pen taken away inside the boxes (fractions of the page)."""
    page = image.convert("L")
    for x0, y0, x1, y1 in boxes:
        px = (int(x0 * image.width), int(y0 * image.height), int(np.ceil(x1 * image.width)), int(np.ceil(y1 * image.height)))
        if px[2] > px[0] and px[3] > px[1]:
            page.paste(erase_pen(image.crop(px)), px[:2])
    return page


def _unread(image: Image.Image, result: OcrResult, pen: np.ndarray, strokes: list[list[tuple[int, int]]],
            rgb: np.ndarray, lang: str, timeout: int) -> OcrResult:
    """Print beside the pen that no word of the reading covers, read in its own crop without
    the pen; its lines with confident words join the reading."""
    lines = lines_of(result)
    height = sorted(ln.height for ln in lines)[len(lines) // 2] if lines else 0.02  # a text line, page fraction
    unread = _uncovered_print(rgb, pen, result)
    new: list[Reading] = []
    for region in _regions(strokes, unread, height):
        new += _read_region(image, region, height, result, lang, timeout)
    return insert_lines(result, new) if new else result


def _uncovered_print(rgb: np.ndarray, pen: np.ndarray, result: OcrResult) -> np.ndarray:
    """Dark, colourless pixels (print) outside every word box of the reading."""
    h, w = pen.shape
    dark = (rgb.mean(axis=2) < 110) & (hue_excess(rgb) < PEN_EXCESS // 2)
    for word in result.words:
        dark[int(word[3] * h) - 1:int(np.ceil(word[5] * h)) + 1, int(word[2] * w) - 1:int(np.ceil(word[4] * w)) + 1] = False
    return dark


def _regions(strokes: list[list[tuple[int, int]]], unread: np.ndarray,
             height: float) -> list[tuple[float, float, float, float]]:
    """Boxes (page fractions) of unread print about the pen strokes: each stroke's blocks, grown
    by one block, give the box of the unread print inside them."""
    h, w = unread.shape
    out = []
    for cells in strokes:
        ys, xs = zip(*cells)
        y0, y1 = max(0, (min(ys) - 1) * BLOCK), min(h, (max(ys) + 2) * BLOCK)
        x0, x1 = max(0, (min(xs) - 1) * BLOCK), min(w, (max(xs) + 2) * BLOCK)
        py, px = np.nonzero(unread[y0:y1, x0:x1])
        if len(py) >= PRINT_MIN:
            box = ((x0 + px.min()) / w, (y0 + py.min()) / h, (x0 + px.max() + 1) / w, (y0 + py.max() + 1) / h)
            out.append(_padded(box, height))
    return out


def _groups(blocks: np.ndarray) -> list[list[tuple[int, int]]]:
    """Groups of set cells touching (8 neighbours) on a small grid."""
    seen = np.zeros_like(blocks)
    groups = []
    for start in zip(*np.nonzero(blocks)):
        if seen[start]:
            continue
        seen[start] = True
        todo, group = [start], []
        while todo:
            y, x = todo.pop()
            group.append((int(y), int(x)))
            for ny in range(max(0, y - 1), min(blocks.shape[0], y + 2)):
                for nx in range(max(0, x - 1), min(blocks.shape[1], x + 2)):
                    if blocks[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        todo.append((ny, nx))
        groups.append(group)
    return groups


def _read_region(image: Image.Image, region: tuple[float, float, float, float], height: float,
                 result: OcrResult, lang: str, timeout: int) -> list[Reading]:
    """The lines read in one region without its pen, boxes on the page; a line is kept when it
    reads like words (_worth) and lies beside every word already read."""
    box = (int(region[0] * image.width), int(region[1] * image.height),
           int(np.ceil(region[2] * image.width)), int(np.ceil(region[3] * image.height)))
    scale = max(1.0, min(4.0, LINE_PX / max(1.0, height * image.height)))
    crop = erase_pen(image.crop(box))
    crop = binarise(crop.resize((round(crop.width * scale), round(crop.height * scale)), Image.Resampling.LANCZOS))
    read = ocr_image(crop, lang, timeout, psm=6)
    out = []
    for line in lines_of(read):
        words: list[Word] = [(s - line.start, e - line.start, *_on_page(w, box, crop.size, image.size, scale))
                             for s, e, *w in line.words]
        doubtful = [(s - line.start, e - line.start) for s, e in line.doubtful]
        text = read.text[line.start:line.end]
        if _worth(text, words, doubtful) and not any(_overlaps(w, result) for w in words):
            out.append((text, words, doubtful))
    return out


def _on_page(w: list[float], box: tuple[int, int, int, int], crop: tuple[int, int], page: tuple[int, int],
             scale: float) -> tuple[float, float, float, float]:
    (cw, ch), (pw, ph) = crop, page
    x0, y0, x1, y1 = (round(min(1.0, max(0.0, v)), 5) for v in (
        (w[0] * cw / scale + box[0]) / pw, (w[1] * ch / scale + box[1]) / ph,
        (w[2] * cw / scale + box[0]) / pw, (w[3] * ch / scale + box[1]) / ph))
    return x0, y0, x1, y1


def _worth(text: str, words: list, doubtful: list[tuple[int, int]]) -> bool:
    """Like words, not a seal's or a signature's debris: most characters in confident words,
    and a confident word of four letters or more."""
    weak = set(doubtful)
    return confident(words, doubtful) >= WORTH * sum(e - s for s, e, *_ in words) and any(
        sum(c.isalpha() for c in text[s:e]) >= 4 for s, e, *_ in words if (s, e) not in weak)


def _overlaps(word: tuple, result: OcrResult) -> bool:
    cx, cy = (word[2] + word[4]) / 2, (word[3] + word[5]) / 2
    return any(w[2] <= cx <= w[4] and w[3] <= cy <= w[5] for w in result.words)

