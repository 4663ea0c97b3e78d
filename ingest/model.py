"""Plain dataclasses passed between the ingest stages and handed to the archive."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# A word: character span in the page text and its box as fractions of the page
# (x0, y0, x1, y1; origin top-left), so any rendering size can draw it.
Word = tuple[int, int, float, float, float, float]

TEXT_LAYER = "text"
OCR = "ocr"
EMPTY = "empty"


@dataclass
class Page:
    number: int  # 1-based
    text: str
    method: str  # TEXT_LAYER, OCR or EMPTY
    confidence: float | None  # mean Tesseract word confidence (0-100) for OCR pages
    width: float  # points
    height: float
    words: list[Word] = field(default_factory=list)
    entities: list[Any] = field(default_factory=list)  # ingest.entities.Entity
    doubtful: list[tuple[int, int]] = field(default_factory=list)  # OCR words read with low confidence
    # what the Reader's `prepare` made of the text, in the worker that read the page (not stored)
    prepared: str | None = field(default=None, compare=False, repr=False)


@dataclass
class Document:
    sha256: str
    filename: str
    title: str
    media_type: str
    size: int
    pages: list[Page]
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def page_count(self) -> int:
        return len(self.pages)


@dataclass
class Failure:
    """A file that could not be ingested: recorded as data, the batch goes on."""

    path: str
    filename: str
    code: str
    reason: str
    sha256: str | None = None


@dataclass(frozen=True)
class OcrOptions:
    """How to read one page again (re-OCR from the page view); None: decide as ingest does."""

    lang: str | None = None  # Tesseract languages, e.g. "spa", "spa+eng"; None: the settings'
    rotate: int = 0  # degrees clockwise to turn the page before reading: 0, 90, 180 or 270
    dropout: bool | None = None  # blue/red ink dropout before OCR; None: decided per page
