"""CSV exports for spreadsheets: search hits and entities, each row citing file and page."""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

from archive import Archive

MAX_ROWS = 5000


def to_csv(header: list[str], rows: Iterable[Iterable[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()  # BOM: spreadsheet programs then read the accents right


def search_csv(archive: Archive, q: str, base_url: str) -> str:
    results = archive.search(q, limit=MAX_ROWS)
    return to_csv(
        ["filename", "page", "title", "snippet", "sha256", "url"],
        ([h.filename, h.page, h.title, h.snippet.text, h.document_id, _url(base_url, h.document_id, h.page)]
         for h in results.hits))


def entities_csv(archive: Archive, kind: str | None, base_url: str) -> str:
    rows = archive.catalog.all_entities(kind, MAX_ROWS * 10)
    return to_csv(
        ["kind", "printed", "value", "filename", "page", "title", "sha256", "url"],
        ([r["kind"], r["printed"], r["value"], r["filename"], r["page"], r["title"], r["document_id"],
          _url(base_url, r["document_id"], r["page"])] for r in rows))


def _url(base_url: str, doc_id: str, page: int) -> str:
    return f"{base_url.rstrip('/')}/documents/{doc_id}/pages/{page}"
