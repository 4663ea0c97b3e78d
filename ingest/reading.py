"""How one page image is read: a plain read; on a hard page also a cleaned read (coloured ink
dropped, rules removed, light flattened, small text upscaled), keeping the better; then the
lines under dark pen read without it (pen.py); then a second look at the lines still read
with low confidence.

Which reading is better is decided per page (and per line) by its confident characters: the
characters of words Tesseract read at or above DOUBTFUL. Dropping ink that hid print adds
confident words; dropping ink that was itself the text (a handwritten number) removes them.
"""

from __future__ import annotations

from PIL import Image

from .lines import confident, line_sheet, lines_of, replace_lines, words_on
from .model import Word
from .pen import pen_look
from .preprocess import INK_SHARE, drop_ink, find_rules, flatten, grey, ink_share, thumbnail
from .tesseract import OcrResult, ocr_image

TARGET_WORD_PX = 36  # Tesseract reads well when a word box (ascender to descender) is this tall
SMALL_WORD_PX = 20  # below this (a phone photo, a 100-dpi scan) a page is upscaled for its second read
CLEAN_MAX_PIXELS = 20_000_000  # an A3 page at 300 dpi; larger pages are read once (memory)
RULES_BELOW = 88  # a page with rules but nothing else to clean is read again only below this confidence
GAIN = 1.05  # a cleaned reading replaces the plain one with this many more confident characters
MAX_RELOOK = 40  # weak lines read again per page, the weakest first


def read_page(image: Image.Image, lang: str, timeout: int, cleanup: str = "auto",
              dropout: bool | None = None, pen: bool = True, dpi: int | None = None) -> OcrResult:
    """Read a page image (RGB or grey). `cleanup` "off" reads it once as it is; `dropout`
    True or False forces coloured-ink dropout on or off (None: decided per page); `pen` reads
    the lines a dark pen stroke crosses or hides again without the pen (cleanup "auto");
    `dpi`: the image's resolution when known."""
    if image.width * image.height > CLEAN_MAX_PIXELS:
        return ocr_image(grey(image), lang, timeout, dpi=dpi)
    looks = cleanup == "auto" and (pen or dropout is None)  # the pen look, the ink share: on one thumbnail
    thumb = thumbnail(image) if image.mode == "RGB" and looks else None
    if dropout:
        cleaned, _ = clean(image, None, cleanup, True)
        result = ocr_image(cleaned, lang, timeout, dpi=dpi)
        if cleanup != "auto":
            return result
        return second_look(cleaned, pen_look(image, result, lang, timeout, thumb) if pen else result, lang, timeout)
    plain = grey(image)
    result, source = ocr_image(plain, lang, timeout, dpi=dpi), plain
    if cleanup == "off":
        return result
    cleaned, steps = clean(image, result, cleanup, dropout, thumb)
    if steps:
        scaled = dpi and round(dpi * cleaned.width / image.width)  # "scale" enlarged it
        other = ocr_image(cleaned, lang, timeout, psm=6 if "rules" in steps else 3, dpi=scaled)
        if confident_chars(other) > confident_chars(result) * GAIN:
            result, source = other, cleaned
    if pen:
        result = pen_look(image, result, lang, timeout, thumb)
    return second_look(source, result, lang, timeout)


def clean(image: Image.Image, first: OcrResult | None, cleanup: str, dropout: bool | None,
          thumb: Image.Image | None = None) -> tuple[Image.Image, list[str]]:
    """The page with what hides text taken away, and the names of the steps that found work.
    `thumb`: the page's thumbnail when the caller has it."""
    steps: list[str] = []
    work = grey(image)
    if dropout or (dropout is None and ink_share(image if thumb is None else thumb) > INK_SHARE):
        work = drop_ink(image)
        steps.append("ink")
    if cleanup != "auto":
        return work, steps
    work, uneven = flatten(work)
    steps += ["light"] * uneven
    factor = min(upscale_factor(first, work.height) if first else 1.0,
                 (CLEAN_MAX_PIXELS / (work.width * work.height)) ** 0.5)  # within the memory budget
    rules = find_rules(work)  # erased only when that page will be read
    if rules and (steps or factor > 1 or first is None or (first.confidence or 0) < RULES_BELOW
                  or _missed(first, rules.box)):  # a well-read page with rules alone is not read again
        work = rules.removed()
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
    return confident(result.words, result.doubtful)


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
    sheet, placed = line_sheet(image, weak)
    again = ocr_image(sheet, lang, timeout, psm=6)
    better: dict[int, tuple[str, list[Word], list[tuple[int, int]]]] = {}
    for line, place in zip(weak, placed):
        text, words, doubtful = words_on(again, sheet.size, image.size, place, line.box())
        if text and confident(words, doubtful) > confident(line.words, line.doubtful):
            better[line.start] = (text, words, doubtful)
    return replace_lines(result, better) if better else result


