"""Ingest: detect type, read text layers, OCR pages that need it, find entities.

Pure: a file in, a Document out; no catalog, no index. Public surface: the `Reader`
(a worker pool turning `Item`s into Documents for a `Sink`), the Document/Page/Failure
dataclasses, `collect_files`, `expand_zip` (a transparency portal's ZIP into its files),
`open_source` to render a stored original's page for display, `text_layer_words` for
its word boxes, and `check_tesseract`.
"""

from .batch import Item, Reader, Sink
from .formats import open_source, text_layer_words
from .model import OCR, TEXT_LAYER, Document, Failure, OcrOptions, Page
from .stages import ocr_page
from .pipeline import collect_files, sha256_of
from .tesseract import check_tesseract
from .zips import ZipLimits, ZipMember, expand_zip, is_zip

__all__ = [
    "OCR", "TEXT_LAYER", "Document", "Failure", "Item", "OcrOptions", "Page", "ocr_page", "Reader", "Sink", "ZipLimits", "ZipMember",
    "check_tesseract", "collect_files", "expand_zip", "is_zip", "open_source", "sha256_of", "text_layer_words",
]
