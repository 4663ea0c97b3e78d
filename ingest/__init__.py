"""Ingest: detect type, read text layers, OCR pages that need it, find entities.

Public surface: `ingest_paths` (the batch orchestrator), the Document/Page/Failure
dataclasses, `open_source` to render a stored original's page for display, and
`check_tesseract`.
"""

from .formats import open_source
from .model import OCR, TEXT_LAYER, Document, Failure, Page
from .pipeline import Archive, Report, collect_files, ingest_paths, sha256_of
from .tesseract import check_tesseract

__all__ = [
    "OCR", "TEXT_LAYER", "Archive", "Document", "Failure", "Page", "Report",
    "check_tesseract", "collect_files", "ingest_paths", "open_source", "sha256_of",
]
