"""Text lines of a reading, and the sheet on which some lines are read again: line crops
from the page, scaled and binarised, stacked on one image read by one Tesseract call, whose
words are mapped back to the page and put in place of (or beside) the lines of the reading."""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from .model import Word
from .preprocess import binarise
from .tesseract import OcrResult

LINE_PX = 64  # a line read again is scaled to about this height


def confident(words: list[Word], doubtful: list[tuple[int, int]]) -> int:
    weak = set(doubtful)
    return sum(w[1] - w[0] for w in words if w[1] - w[0] > 1 and (w[0], w[1]) not in weak)


@dataclass
class Line:
    start: int  # span of the line in the page text
    end: int
    words: list[Word]
    doubtful: list[tuple[int, int]]

    @property
    def weakness(self) -> float:
        """Share of the line's characters in doubtful words."""
        return sum(e - s for s, e in self.doubtful) / max(1, sum(w[1] - w[0] for w in self.words))

    @property
    def height(self) -> float:
        return max(w[5] for w in self.words) - min(w[3] for w in self.words)

    def box(self) -> tuple[float, float, float, float]:
        return (min(w[2] for w in self.words), min(w[3] for w in self.words),
                max(w[4] for w in self.words), max(w[5] for w in self.words))


def lines_of(result: OcrResult) -> list[Line]:
    """The result's words grouped by text line (words on one line are joined by spaces)."""
    doubtful = set(result.doubtful)
    lines: list[Line] = []
    for word in result.words:
        if lines and "\n" not in result.text[lines[-1].end:word[0]]:
            lines[-1].words.append(word)
            lines[-1].end = word[1]
        else:
            lines.append(Line(word[0], word[1], [word], []))
        if (word[0], word[1]) in doubtful:
            lines[-1].doubtful.append((word[0], word[1]))
    return lines


Place = tuple[int, int, float, tuple[int, int, int, int]]  # y0, y1 on the sheet, scale, crop box on the page


def line_sheet(image: Image.Image, lines: list[Line]) -> tuple[Image.Image, list[Place]]:
    """The weak lines cropped from the page, scaled to LINE_PX, binarised, stacked on one sheet."""
    crops, placed, y = [], [], 20
    for line in lines:
        x0, y0, x1, y1 = line.box()
        h = (y1 - y0) * image.height
        box = (max(0, int(x0 * image.width - h)), max(0, int(y0 * image.height - 0.2 * h)),
               min(image.width, int(x1 * image.width + h) + 1), min(image.height, int(y1 * image.height + 0.2 * h) + 1))
        scale = max(1.0, min(4.0, LINE_PX / max(h, 1)))
        crop = binarise(image.crop(box).resize((max(1, round((box[2] - box[0]) * scale)),
                                                 max(1, round((box[3] - box[1]) * scale))), Image.Resampling.LANCZOS))
        crops.append(crop)
        placed.append((y, y + crop.height, scale, box))
        y += crop.height + 40
    sheet = Image.new("L", (max(c.width for c in crops) + 40, y), 255)
    for crop, (top, _, _, _) in zip(crops, placed):
        sheet.paste(crop, (20, top))
    return sheet, placed


def words_on(again: OcrResult, sheet_size: tuple[int, int], page_size: tuple[int, int], place: Place,
              line: tuple[float, float, float, float]) -> tuple[str, list[Word], list[tuple[int, int]]]:
    """The words of the sheet's reading that lie on one placed crop and inside the line's own
    box (the crop's margins may show a neighbour line): text, and words and doubtful spans
    relative to that text, with boxes on the page."""
    top, bottom, scale, box = place
    (sw, sh), (pw, ph) = sheet_size, page_size
    doubtful = set(again.doubtful)
    parts: list[str] = []
    words: list[Word] = []
    weak: list[tuple[int, int]] = []
    pos = 0
    for w in again.words:
        if not top <= (w[3] + w[5]) / 2 * sh < bottom:
            continue
        x0, x1 = ((w[2] * sw - 20) / scale + box[0]) / pw, ((w[4] * sw - 20) / scale + box[0]) / pw
        y0, y1 = ((w[3] * sh - top) / scale + box[1]) / ph, ((w[5] * sh - top) / scale + box[1]) / ph
        x0, y0, x1, y1 = (round(min(1.0, max(0.0, v)), 5) for v in (x0, y0, x1, y1))
        if not (line[0] <= (x0 + x1) / 2 <= line[2] and line[1] <= (y0 + y1) / 2 <= line[3]):
            continue
        token = again.text[w[0]:w[1]]
        if parts:
            parts.append(" ")
            pos += 1
        words.append((pos, pos + len(token), x0, y0, x1, y1))
        if (w[0], w[1]) in doubtful:
            weak.append((pos, pos + len(token)))
        parts.append(token)
        pos += len(token)
    return "".join(parts), words, weak


def replace_lines(result: OcrResult, better: dict[int, tuple[str, list[Word], list[tuple[int, int]]]]) -> OcrResult:
    """The result with some lines' text, words and doubtful spans replaced."""
    lines = {ln.start: ln for ln in lines_of(result)}
    parts: list[str] = []
    words: list[Word] = []
    doubtful: list[tuple[int, int]] = []
    cursor = shift = 0
    for start in sorted(lines):
        line = lines[start]
        parts.append(result.text[cursor:line.start])
        if start in better:
            text, new_words, new_doubtful = better[start]
            base = line.start + shift
            words += [(s + base, e + base, *box) for s, e, *box in new_words]  # type: ignore[misc]
            doubtful += [(s + base, e + base) for s, e in new_doubtful]
            parts.append(text)
            shift += len(text) - (line.end - line.start)
        else:
            words += [(s + shift, e + shift, *box) for s, e, *box in line.words]  # type: ignore[misc]
            doubtful += [(s + shift, e + shift) for s, e in line.doubtful]
            parts.append(result.text[line.start:line.end])
        cursor = line.end
    parts.append(result.text[cursor:])
    return OcrResult("".join(parts), words, result.confidence, doubtful)


Reading = tuple[str, list[Word], list[tuple[int, int]]]  # a line's text, and its words and doubtful spans in it


def insert_lines(result: OcrResult, new: list[Reading]) -> OcrResult:
    """The result with new lines (read where it had none) put in reading order: each after the
    last line that starts above it, or before the first line."""
    lines = lines_of(result)
    if not lines:
        return _alone(result, new)
    merged: dict[int, Reading] = {}
    for text, words, doubtful in sorted(new, key=lambda r: min(w[3] for w in r[1])):
        top = min(w[3] for w in words)
        above = [ln for ln in lines if ln.box()[1] < top]
        anchor = above[-1] if above else lines[0]
        old = merged.get(anchor.start) or _own(result, anchor)
        merged[anchor.start] = _join(old, (text, words, doubtful)) if above else _join((text, words, doubtful), old)
    return replace_lines(result, merged)


def _own(result: OcrResult, line: Line) -> Reading:
    return (result.text[line.start:line.end], [(s - line.start, e - line.start, *box) for s, e, *box in line.words],  # type: ignore[misc]
            [(s - line.start, e - line.start) for s, e in line.doubtful])


def _join(first: Reading, second: Reading) -> Reading:
    shift = len(first[0]) + 1
    return (first[0] + "\n" + second[0], first[1] + [(s + shift, e + shift, *box) for s, e, *box in second[1]],  # type: ignore[misc]
            first[2] + [(s + shift, e + shift) for s, e in second[2]])


def _alone(result: OcrResult, new: list[Reading]) -> OcrResult:
    text, words, doubtful = "", [], []  # type: ignore[var-annotated]
    for reading in sorted(new, key=lambda r: min(w[3] for w in r[1])):
        text, words, doubtful = _join((text, words, doubtful), reading) if text else reading
    return OcrResult(text, words, result.confidence, doubtful)
