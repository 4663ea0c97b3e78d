"""The file-type registry: each format scores a file by its first bytes; the best opens it.

PDF and images go through the same door, so a new format (XML, Office) is one more entry.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Protocol

from PIL import Image

from expediente.errors import EmptyFile, HtmlPage, UnsupportedType

from .model import Page, Word
from .wordmap import carry_boxes


class Source(Protocol):
    """An opened file: pages that have a text layer, and page images for OCR or display."""

    media_type: str

    def page_count(self) -> int: ...
    def metadata(self) -> dict[str, str]: ...
    def text_layer(self, index: int, boxes: bool = False) -> Page | None: ...
    def text_layers(self, start: int, stop: int) -> list[Page | None]:
        """Pages [start, stop) as `text_layer` gives them, without word boxes."""
    def image(self, index: int, dpi: int, max_pixels: int | None = None, colour: bool = False) -> Image.Image:
        """The page at `dpi`, or at the lower resolution that keeps it within `max_pixels`;
        grey, or in colour (RGB) when `colour` is asked and the page has it. Its info["dpi"]
        holds the resolution it was made at when the file tells the page's size (`resolution`)."""
    def size(self, index: int) -> tuple[float, float]: ...
    def close(self) -> None: ...


TRUSTED_DPI = 100  # a declared resolution below this is a camera's or an editor's default, not a scanner's


def resolution(image: Image.Image) -> int | None:
    """The resolution a source's page image was made at (its info["dpi"]), when the file told
    it: a PDF's page size, a scanner image's declared dpi; None for a photo."""
    dpi = image.info.get("dpi")
    return round(float(dpi[0])) if dpi and dpi[0] else None


def fit_dpi(width_pt: float, height_pt: float, dpi: float, max_pixels: int | None) -> float:
    """`dpi`, lowered so that a page of this size (in points) renders within `max_pixels`:
    a 14,400-pt page at 300 dpi would be 60,000 x 60,000 pixels, gigabytes of memory."""
    pixels = (width_pt * dpi / 72) * (height_pt * dpi / 72)
    if max_pixels is None or not pixels > max_pixels:  # `not >`: a NaN size renders as asked
        return dpi
    return dpi * math.sqrt(max_pixels / pixels)


class Format(Protocol):
    media_type: str

    def score(self, head: bytes, name: str) -> int: ...
    def open(self, path: Path) -> Source: ...


_REGISTRY: list[Format] = []


def register(fmt: Format) -> Format:
    _REGISTRY.append(fmt)
    return fmt


_HTML = re.compile(rb"^(\xef\xbb\xbf)?\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def detect(path: Path) -> Format:
    """Pick the format by content, not by extension: a mislabelled file is caught here."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if not head:
        raise EmptyFile("the file is empty (0 bytes): check the download and ingest it again")
    scored = sorted(((f.score(head, path.name), i, f) for i, f in enumerate(_REGISTRY)), reverse=True)
    if not scored or scored[0][0] <= 0:
        if _HTML.match(head):
            raise HtmlPage("this is a web page (HTML) saved under another name, not the document: the portal "
                           "probably answered with an error or a login page; download the file again")
        raise UnsupportedType(
            f"not a supported document (PDF, PNG, JPEG, TIFF or CFDI XML); it starts with {head[:8]!r}"
        )
    return scored[0][2]


DOCUMENT_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".xml"}


def looks_like_document(path: Path) -> bool:
    """For folder walks: a document by name (so a broken one fails visibly) or by content."""
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        return True
    try:
        detect(path)
        return True
    except (EmptyFile, UnsupportedType, OSError):
        return False


def open_source(path: Path) -> Source:
    return detect(path).open(path)


def text_layer_words(path: Path, number: int, text: str) -> list[Word]:
    """The word boxes of text-layer page `number` (1-based), recomputed from the original and
    carried onto the stored `text` (read by pdftotext, or by another PDFium): the words both
    readings share, in order, get a box; the others none rather than a box around the wrong word."""
    source = open_source(path)
    try:
        page = source.text_layer(number - 1, boxes=True)
    finally:
        source.close()
    return carry_boxes(page.text, page.words, text) if page is not None else []
