"""How one page image is read: a plain read; on a hard page also a cleaned read (coloured ink
dropped, rules removed, light flattened, small text upscaled), keeping the better; then a
second look at the lines still read with low confidence.

Which reading is better is decided per page (and per line) by its confident characters: the
characters of words Tesseract read at or above DOUBTFUL. Dropping ink that hid print adds
confident words; dropping ink that was itself the text (a handwritten number) removes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from .model import Word
from .preprocess import INK_SHARE, binarise, drop_ink, flatten, grey, ink_share, remove_rules
from .tesseract import OcrResult, ocr_image

TARGET_WORD_PX = 36  # Tesseract reads well when a word box (ascender to descender) is this tall
SMALL_WORD_PX = 20  # below this (a phone photo, a 100-dpi scan) a page is upscaled for its second read
CLEAN_MAX_PIXELS = 20_000_000  # an A3 page at 300 dpi; larger pages are read once (memory)
RULES_BELOW = 88  # a page with rules but nothing else to clean is read again only below this confidence
GAIN = 1.05  # a cleaned reading replaces the plain one with this many more confident characters
MAX_RELOOK = 40  # weak lines read again per page, the weakest first
LINE_PX = 64  # a weak line is scaled to about this height for its second look


def read_page(image: Image.Image, lang: str, timeout: int, cleanup: str = "auto",
              dropout: bool | None = None) -> OcrResult:
    """Read a page image (RGB or grey). `cleanup` "off" reads it once as it is; `dropout`
    True or False forces coloured-ink dropout on or off (None: decided per page)."""
    if image.width * image.height > CLEAN_MAX_PIXELS:
        return ocr_image(grey(image), lang, timeout)
    if dropout:
        cleaned, _ = clean(image, None, cleanup, True)
        result = ocr_image(cleaned, lang, timeout)
        return second_look(cleaned, result, lang, timeout) if cleanup == "auto" else result
    plain = grey(image)
    result, source = ocr_image(plain, lang, timeout), plain
    if cleanup == "off":
        return result
    cleaned, steps = clean(image, result, cleanup, dropout)
    if steps:
        other = ocr_image(cleaned, lang, timeout, psm=6 if "rules" in steps else 3)
        if confident_chars(other) > confident_chars(result) * GAIN:
            result, source = other, cleaned
    return second_look(source, result, lang, timeout)


def clean(image: Image.Image, first: OcrResult | None, cleanup: str, dropout: bool | None) -> tuple[Image.Image, list[str]]:
    """The page with what hides text taken away, and the names of the steps that found work."""
    steps: list[str] = []
    work = grey(image)
    if dropout or (dropout is None and ink_share(image) > INK_SHARE):
        work = drop_ink(image)
        steps.append("ink")
    if cleanup != "auto":
        return work, steps
    work, uneven = flatten(work)
    steps += ["light"] * uneven
    factor = min(upscale_factor(first, work.height) if first else 1.0,
                 (CLEAN_MAX_PIXELS / (work.width * work.height)) ** 0.5)  # within the memory budget
    unruled, ruled = remove_rules(work)
    if ruled and (steps or factor > 1 or first is None or (first.confidence or 0) < RULES_BELOW
                  or _missed(first, ruled)):  # a well-read page with rules alone is not read again
        work = unruled
        steps.append("rules")
    if factor > 1:
        work = work.resize((round(work.width * factor), round(work.height * factor)), Image.Resampling.LANCZOS)
        steps.append("scale")
    return work, steps


def _missed(result: OcrResult, box: tuple[float, float, float, float]) -> bool:
    """Did the read leave the ruled part of the page nearly empty (a table taken for a
    picture)? Fewer characters per area inside the rules than half of those outside."""
    x0, y0, x1, y1 = box
    area = (x1 - x0) * (y1 - y0)
    inside = sum(w[1] - w[0] for w in result.words if x0 <= (w[2] + w[4]) / 2 <= x1 and y0 <= (w[3] + w[5]) / 2 <= y1)
    outside = sum(w[1] - w[0] for w in result.words) - inside
    return area < 0.95 and inside / area < 0.5 * outside / (1 - area)


def upscale_factor(result: OcrResult, height: int) -> float:
    """How much to enlarge a page whose words are too small for Tesseract (a phone photo,
    a low-resolution scan): 1.0 when they are tall enough or too few to tell."""
    heights = sorted((w[5] - w[3]) * height for w in result.words)
    if len(heights) < 8:
        return 1.0
    median = heights[len(heights) // 2]
    return min(3.0, TARGET_WORD_PX / median) if 0 < median < SMALL_WORD_PX else 1.0


def confident_chars(result: OcrResult) -> int:
    """Characters of the words read with confidence; single characters (specks, a page
    edge read as "a" or "4") do not count."""
    return _confident(result.words, result.doubtful)


def _confident(words: list[Word], doubtful: list[tuple[int, int]]) -> int:
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


def second_look(image: Image.Image, result: OcrResult, lang: str, timeout: int) -> OcrResult:
    """Read the weakest lines again, enlarged and binarised, all in one Tesseract call (one
    block of lines, psm 6); a line's new reading replaces the old when it has more confident
    characters. Word boxes of replaced lines come from the new reading."""
    lines = lines_of(result)
    if not lines:
        return result
    tall = 2.5 * sorted(ln.height for ln in lines)[len(lines) // 2]  # no text line: specks, a stroke, an edge
    weak = sorted((ln for ln in lines if ln.weakness >= 0.3 and ln.height <= tall),
                  key=lambda ln: -ln.weakness)[:MAX_RELOOK]
    if not weak:
        return result
    sheet, placed = _sheet(image, weak)
    again = ocr_image(sheet, lang, timeout, psm=6)
    better: dict[int, tuple[str, list[Word], list[tuple[int, int]]]] = {}
    for line, place in zip(weak, placed):
        text, words, doubtful = _words_in(again, sheet.size, image.size, place, line.box())
        if text and _confident(words, doubtful) > _confident(line.words, line.doubtful):
            better[line.start] = (text, words, doubtful)
    return _replace(result, better) if better else result


Place = tuple[int, int, float, tuple[int, int, int, int]]  # y0, y1 on the sheet, scale, crop box on the page


def _sheet(image: Image.Image, lines: list[Line]) -> tuple[Image.Image, list[Place]]:
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


def _words_in(again: OcrResult, sheet_size: tuple[int, int], page_size: tuple[int, int], place: Place,
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


def _replace(result: OcrResult, better: dict[int, tuple[str, list[Word], list[tuple[int, int]]]]) -> OcrResult:
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
