"""Stage functions run in worker processes: analyse a file, OCR one page, find entities."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from expediente.process import die_with_parent
from expediente.settings import Settings

from . import cfdi, images, pdf  # noqa: F401  (register the built-in formats)
from .deskew import deskew, unrotate_words, unturn_words
from .formats import open_source, resolution
from .model import EMPTY, OCR, Document, OcrOptions, Page
from .reading import CLEAN_MAX_PIXELS, read_page
from .tesseract import orientation

from .entities import extract_entities
from .entities.docfacts import apply_currency, document_date


@dataclass
class Plan:
    """What analysing pages [start, start + len(pages)) of a file found: text-layer pages,
    and the pages still to OCR (0-based indexes into the whole file)."""

    media_type: str
    metadata: dict[str, str]
    page_count: int
    start: int
    pages: list[Page | None]  # None: this page needs OCR
    todo: list[int] = field(default_factory=list)


def init_worker() -> None:
    """One single-threaded Tesseract per core is faster than one multi-threaded one; and a
    worker dies with the process that started it (no orphan OCR left running)."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    die_with_parent()


def analyse_file(path: str, start: int = 0, stop: int | None = None) -> Plan:
    """Open the file, read the text layers of pages [start, stop), list those needing OCR.
    Big files are analysed in chunks so that several workers share one long PDF."""
    source = open_source(Path(path))
    try:
        count = source.page_count()
        indexes = range(start, min(count, stop if stop is not None else count))
        pages = source.text_layers(indexes.start, indexes.stop)
        for page in pages:
            if page is not None:
                find_entities(page)
        todo = [i for i, page in zip(indexes, pages) if page is None]
        return Plan(source.media_type, source.metadata() if start == 0 else {}, count, start, pages, todo)
    finally:
        source.close()


def ocr_page(path: str, index: int, settings: Settings, options: OcrOptions | None = None) -> Page:
    """Render (or load) one page, OCR it, and find its entities; `options` (re-OCR from the
    page view) choose the languages, a turn, and ink dropout instead of the automatic choices."""
    source = open_source(Path(path))
    try:
        width, height = source.size(index)
        dropout = options.dropout if options is not None else None
        colour = (width * height * (settings.ocr_dpi / 72) ** 2 <= CLEAN_MAX_PIXELS  # ink dropout needs colour
                  and (settings.ocr_cleanup != "off" or bool(dropout)))
        image = source.image(index, settings.ocr_dpi, settings.max_page_pixels, colour=colour)
        dpi = resolution(image)
    finally:
        source.close()
    if options is not None:
        if options.lang:
            settings = replace(settings, ocr_lang=options.lang)
        if options.rotate:
            result, words = _read(image.rotate(-options.rotate, expand=True), settings, dropout, dpi)
            words = unturn_words(words, options.rotate)
            return _page(index, result, words, width, height)
    result, words = _read(image, settings, dropout, dpi)
    if _poor(result) and image.width * image.height <= CLEAN_MAX_PIXELS:  # a huge page is read once (memory)
        turn = orientation(image, settings.ocr_timeout)  # a page scanned sideways or upside down
        if turn:
            turned, turned_words = _read(image.rotate(-turn, expand=True), settings, dropout, dpi)
            if (turned.confidence or 0) > (result.confidence or 0):
                result, words = turned, unturn_words(turned_words, turn)
    return _page(index, result, words, width, height)


def _page(index: int, result, words, width: float, height: float) -> Page:
    method = OCR if result.text else EMPTY
    page = Page(index + 1, result.text, method, result.confidence, width, height, words, doubtful=result.doubtful)
    return find_entities(page)


def _read(image, settings: Settings, dropout: bool | None, dpi: int | None):
    """Straighten, OCR (ink, pen, rules and weak lines as settings and `dropout` say), and put the
    word boxes back on the image as given. `dpi`: the image's resolution when known."""
    straight, angle = deskew(image)
    result = read_page(straight, settings.ocr_lang, settings.ocr_timeout, settings.ocr_cleanup, dropout,
                       settings.ocr_pen, dpi)
    return result, unrotate_words(result.words, angle, *image.size)


def _poor(result) -> bool:
    return result.confidence is None or result.confidence < 70 or len(result.words) < 10


def find_entities(page: Page) -> Page:
    if page.text:
        page.entities = extract_entities(page.text)
    return page


_JUNK_TITLE = re.compile(r"^(untitled|microsoft word - .*|documento\d*|document\d*|sin t[ií]tulo)$", re.I)
# A letterhead ("GOBIERNO DEL ESTADO DE ...") names the issuer, not the document: prefer the
# first early line that says what the document is.
_DOC_WORDS = re.compile(
    r"\b(acta|contrato|convenio|fallo|convocatoria|invitaci[oó]n|junta|bases|oficio|factura|cfdi|informe|anexo|"
    r"licitaci[oó]n|dictamen|auditor[ií]a|c[eé]dula|acuse|contrarrecibo|recibo|requerimiento|expediente|"
    r"resoluci[oó]n|minuta|pedido|estimaci[oó]n)\b", re.I)


def choose_title(metadata: dict[str, str], pages: list[Page], filename: str) -> str:
    """The PDF's own title when it is meaningful, else the line saying what the document
    is, else the first real line, else the file name."""
    title = metadata.get("Title", "").strip()
    if title and not _JUNK_TITLE.match(title) and len(title) > 3:
        return title[:200]
    lines = [" ".join(line.split()) for page in pages[:1] for line in page.text.splitlines()]
    lines = [line for line in lines if sum(c.isalpha() for c in line) >= 6]
    for line in lines[:12]:
        if _DOC_WORDS.search(line):
            return line[:160]
    return lines[0][:160] if lines else Path(filename).stem


def assemble(sha256: str, filename: str, size: int, plan: Plan) -> Document:
    """The Document from a complete plan (every page read or OCR'd)."""
    pages = [p for p in plan.pages if p is not None]
    title = choose_title(plan.metadata, pages, filename)
    return document_facts(Document(sha256, filename, title, plan.media_type, size, pages, plan.metadata))


def document_facts(doc: Document) -> Document:
    """Facts of the whole document: bare amounts take its currency, and its own date is noted."""
    texts = [(p.text, p.entities) for p in doc.pages]
    for page, entities in zip(doc.pages, apply_currency(texts)):
        page.entities = entities
    own = document_date(texts)
    if own:
        doc.metadata = {**doc.metadata, "doc_date": own}
    return doc
