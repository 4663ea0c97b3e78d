"""PDF pages: text layer with word boxes through pypdfium2, and page renders for OCR."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from expediente.errors import CorruptFile, EncryptedPDF, NoPages

from .deskew import turn_box
from .formats import fit_dpi, register
from .model import EMPTY, TEXT_LAYER, Page, Word
from .poppler import page_texts
from .quality import needs_ocr, reads_well
from .wordmap import WORD

# Control characters pdfium inserts (\r of \r\n, soft hyphen markers) become spaces so
# that offsets into the text stay aligned with pdfium's character indexes.
_CONTROL = ("\r", "\x02", "\x03", "\x00", "\ufffe")


def _controls_to_spaces(text: str) -> str:
    for c in _CONTROL:  # five replace() calls are ~10x faster than translate() with a dict
        if c in text:
            text = text.replace(c, " ")
    return text


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2))


_GREY_SPACES = (pdfium_c.FPDF_COLORSPACE_DEVICEGRAY, pdfium_c.FPDF_COLORSPACE_CALGRAY)


def _has_colour(page: pdfium.PdfPage) -> bool:
    """Whether the page may show colour: False when all it holds is grey or black-and-white
    images (most scans), which then render grey, at a third of the pixels. Text and drawings
    are not looked into: a page with any counts as coloured."""
    for obj in page.get_objects(max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_FORM:
            continue
        if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
        meta = obj.get_metadata()
        grey_icc = meta.colorspace == pdfium_c.FPDF_COLORSPACE_ICCBASED and meta.bits_per_pixel == 8  # one channel
        if not (meta.bits_per_pixel == 1 or meta.colorspace in _GREY_SPACES or grey_icc):
            return True
    return False


def _why_unreadable(path: Path, exc: pdfium.PdfiumError) -> Exception:
    """PDFium's error code is process-wide and can be stale (a worker's previous file), so
    the file itself is asked too: an /Encrypt dictionary, or a page tree of zero pages."""
    with open(path, "rb") as fh:
        raw = fh.read()
    if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD and b"/Encrypt" in raw:
        return EncryptedPDF("the PDF is encrypted: remove the password and ingest it again")
    if re.search(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b", raw) and not re.search(rb"/Count\s+[1-9]", raw):
        return NoPages("the PDF has no pages")
    return CorruptFile(f"the PDF is damaged and cannot be read ({exc}): get a fresh copy")


class PdfFormat:
    media_type = "application/pdf"

    def score(self, head: bytes, name: str) -> int:
        return 100 if b"%PDF-" in head[:1024] else 0

    def open(self, path: Path) -> "PdfSource":
        return PdfSource(path)


class PdfSource:
    media_type = PdfFormat.media_type

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise _why_unreadable(path, exc) from exc
        if len(self.pdf) == 0:
            raise NoPages("the PDF has no pages")

    def page_count(self) -> int:
        return len(self.pdf)

    def metadata(self) -> dict[str, str]:
        try:
            raw = self.pdf.get_metadata_dict(skip_empty=True)
        except pdfium.PdfiumError:
            return {}
        return {k: str(v) for k, v in raw.items()}

    def text_layers(self, start: int, stop: int) -> list[Page | None]:
        """Pages [start, stop) from their text layers (None: needs OCR), without word boxes.
        pdftotext reads the run; a page whose text does not read well there (none, garbage,
        a scan's few stray characters) goes through PDFium as before."""
        texts = page_texts(self.path, start, stop)
        pages: list[Page | None] = []
        for index in range(start, stop):
            text = _controls_to_spaces(texts[index - start]) if texts else None
            if text is not None and reads_well(text):
                width, height = self.pdf.get_page_size(index)
                pages.append(Page(index + 1, text, TEXT_LAYER, None, width, height))
            else:
                pages.append(self.text_layer(index))
        return pages

    def text_layer(self, index: int, boxes: bool = False) -> Page | None:
        """The page from its text layer, or None when it needs OCR. Word boxes only with
        `boxes`: ingest does not store them for text-layer pages (they are 80% of a page's
        bytes), the page view recomputes them from the original."""
        page = self.pdf[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            text = _controls_to_spaces(textpage.get_text_range())
            if needs_ocr(text, lambda: _has_images(page)):  # objects listed only for a page without text
                return None
            if not text.strip():
                return Page(index + 1, "", EMPTY, None, width, height)
            words = _words(textpage, text, width, height, page.get_rotation()) if boxes else []
            return Page(index + 1, text, TEXT_LAYER, None, width, height, words)
        finally:
            page.close()

    def image(self, index: int, dpi: int, max_pixels: int | None = None, colour: bool = False) -> Image.Image:
        page = self.pdf[index]
        try:
            width, height = page.get_size()
            scale = fit_dpi(width, height, dpi, max_pixels) / 72
            image = page.render(scale=scale, grayscale=not (colour and _has_colour(page))).to_pil()
            image.info["dpi"] = (scale * 72, scale * 72)  # the page's size in points is known
            return image
        finally:
            page.close()

    def size(self, index: int) -> tuple[float, float]:
        page = self.pdf[index]
        try:
            width, height = page.get_size()
            return (height, width) if page.get_rotation() in (90, 270) else (width, height)
        finally:
            page.close()

    def close(self) -> None:
        self.pdf.close()


def _words(textpage: pdfium.PdfTextPage, text: str, width: float, height: float, rotation: int) -> list[Word]:
    """Word spans with boxes from the first and last character's box (two calls per word)."""
    if textpage.count_chars() != len(text):
        return []  # astral characters shift pdfium's indexes; keep the text, skip boxes
    words: list[Word] = []
    charbox = textpage.get_charbox
    for m in WORD.finditer(text):
        start, end = m.span()
        l0, b0, r0, t0 = charbox(start)
        l1, b1, r1, t1 = charbox(end - 1)
        box = (min(l0, l1) / width, 1 - max(t0, t1) / height, max(r0, r1) / width, 1 - min(b0, b1) / height)
        x0, y0, x1, y1 = turn_box(box, rotation)
        words.append((start, end, x0, y0, x1, y1))
    return words


register(PdfFormat())
