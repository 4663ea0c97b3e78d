"""The one module that talks to Tesseract (through pytesseract)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field

import pytesseract
from PIL import Image

from expediente.errors import OCRFailed, ToolMissing

from .model import Word


@dataclass
class OcrResult:
    text: str
    words: list[Word]
    confidence: float | None
    doubtful: list[tuple[int, int]] = field(default_factory=list)  # spans of words read below DOUBTFUL


DOUBTFUL = 60.0  # a word Tesseract read with less confidence is worth a second look


def check_tesseract(lang: str) -> str:
    """Fail early with an install hint when Tesseract or a language pack is missing."""
    if shutil.which("tesseract") is None:
        raise ToolMissing(
            "Tesseract is not installed: run `sudo apt-get install tesseract-ocr "
            "tesseract-ocr-spa tesseract-ocr-eng` and try again"
        )
    installed = set(pytesseract.get_languages(config=""))
    missing = [code for code in lang.split("+") if code not in installed]
    if missing:
        packages = " ".join(f"tesseract-ocr-{code}" for code in missing)
        raise ToolMissing(f"Tesseract language data missing ({', '.join(missing)}): run `sudo apt-get install {packages}`")
    return str(pytesseract.get_tesseract_version())


def ocr_image(image: Image.Image, lang: str, timeout: int, psm: int = 3) -> OcrResult:
    """OCR one page image; words carry their boxes as fractions of the image. `psm`: Tesseract's
    page segmentation mode (3 a page, 6 a block of lines, 7 one line)."""
    image = _handoff(image)
    try:
        data = pytesseract.image_to_data(
            image, lang=lang, config=f"--psm {psm}", output_type=pytesseract.Output.DICT, timeout=timeout
        )
    except pytesseract.TesseractError as exc:  # a RuntimeError too: caught first, it is no timeout
        if "Empty page" in exc.message:
            return OcrResult("", [], None)
        raise OCRFailed(_failure(exc)) from exc
    except pytesseract.TesseractNotFoundError as exc:
        raise ToolMissing(f"Tesseract is not installed or not on PATH ({exc}): run `sudo apt-get install "
                          "tesseract-ocr tesseract-ocr-spa tesseract-ocr-eng`") from exc
    except RuntimeError as exc:
        if str(exc) != _TIMEOUT:
            raise OCRFailed(f"Tesseract failed: {exc}") from exc
        raise OCRFailed(f"OCR took longer than {timeout} s on a page: raise EXPEDIENTE_OCR_TIMEOUT and ingest again") from exc
    return _assemble(data, *image.size)


def _handoff(image: Image.Image) -> Image.Image:
    """pytesseract hands the page to Tesseract in a file of the image's `format`: PNG by
    default (0.3-0.4 CPU s to compress a 300-dpi page, then Tesseract decompresses it), JPEG
    for an image loaded from a JPEG (lossy again). Uncompressed PNM: the same pixels in ~1 ms."""
    if image.mode in ("1", "L", "RGB"):
        image.format = "PPM"  # PIL writes PBM, PGM or PPM by mode; Tesseract (Leptonica) reads all three
    return image


_TIMEOUT = "Tesseract process timeout"  # pytesseract's RuntimeError when it kills a slow Tesseract


def _failure(exc: pytesseract.TesseractError) -> str:
    """Tesseract's own words; a process killed by a signal is said so (often out of memory)."""
    message = " ".join(str(exc.message).split()) or "no message"
    if isinstance(exc.status, int) and exc.status < 0:
        return f"Tesseract was killed by signal {-exc.status} (out of memory?): {message}"
    return f"Tesseract failed (exit status {exc.status}): {message}"


def orientation(image: Image.Image, timeout: int) -> int:
    """Degrees (0, 90, 180, 270) to rotate the image clockwise so its text reads upright;
    0 when Tesseract's orientation detection is unsure or finds too little text."""
    try:
        osd = pytesseract.image_to_osd(_handoff(image), config="--psm 0", output_type=pytesseract.Output.DICT,
                                       timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return 0
    if float(osd.get("orientation_conf", 0)) < 2.0:
        return 0
    return int(osd.get("rotate", 0)) % 360


def _kept_words(data: dict[str, list]) -> list[int]:
    """Indexes of real words, minus Tesseract's ghost duplicates: on tall lines (text beside a
    signature) the LSTM sometimes reads a word twice, with overlapping boxes. Two words cannot
    occupy the same ink, so of overlapping words on one line the more confident one stays."""
    by_line: dict[tuple, list[int]] = {}
    for i, raw in enumerate(data["text"]):
        if raw.strip() and float(data["conf"][i]) >= 0:
            key = (data["page_num"][i], data["block_num"][i], data["par_num"][i], data["line_num"][i])
            by_line.setdefault(key, []).append(i)
    kept: list[int] = []
    for members in by_line.values():
        ranked = sorted(members, key=lambda i: -float(data["conf"][i]))
        chosen: list[int] = []
        for i in ranked:
            if not any(_overlap(data, i, j) > 0.5 for j in chosen):
                chosen.append(i)
        kept.extend(sorted(chosen))
    return sorted(kept)


def _overlap(data: dict[str, list], i: int, j: int) -> float:
    """Overlapping area as a share of the smaller box."""
    ax0, ay0, aw, ah = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
    bx0, by0, bw, bh = data["left"][j], data["top"][j], data["width"][j], data["height"][j]
    w = min(ax0 + aw, bx0 + bw) - max(ax0, bx0)
    h = min(ay0 + ah, by0 + bh) - max(ay0, by0)
    if w <= 0 or h <= 0:
        return 0.0
    return (w * h) / max(1, min(aw * ah, bw * bh))


def _assemble(data: dict[str, list], width: int, height: int) -> OcrResult:
    """Join Tesseract's words into lines and paragraphs, keeping each word's span and box."""
    parts: list[str] = []
    words: list[Word] = []
    confs: list[float] = []
    doubtful: list[tuple[int, int]] = []
    pos = 0
    last_line = last_par = None
    for i in _kept_words(data):
        token = data["text"][i].strip()
        par = (data["page_num"][i], data["block_num"][i], data["par_num"][i])
        line = par + (data["line_num"][i],)
        if last_line is not None:
            sep = " " if line == last_line else ("\n" if par == last_par else "\n\n")
            parts.append(sep)
            pos += len(sep)
        left, top = data["left"][i], data["top"][i]
        box = (left / width, top / height, (left + data["width"][i]) / width, (top + data["height"][i]) / height)
        words.append((pos, pos + len(token), *(round(v, 5) for v in box)))
        parts.append(token)
        pos += len(token)
        confs.append(float(data["conf"][i]))
        if confs[-1] < DOUBTFUL:
            doubtful.append((pos - len(token), pos))
        last_line, last_par = line, par
    confidence = round(sum(confs) / len(confs), 1) if confs else None
    return OcrResult("".join(parts), words, confidence, doubtful)
