"""CSV exports for spreadsheets: search hits and entities, each row citing file and page.

Rows stream out as they are written. A cell that a spreadsheet would run as a formula
(a snippet of a hostile PDF starting with `=HYPERLINK(...)`) is written as text.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Iterator
from urllib.parse import quote

from archive import Archive
from archive.archive import SearchOptions
from expediente.errors import UsageError
from ingest.entities import KINDS as ENTITY_KINDS

from .links import page_url

MAX_ROWS = 5000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_BATCH = 500  # rows per chunk sent


def safe_cell(value: Any) -> Any:
    """Text starting like a formula gets a leading quote: spreadsheets show it, never run it."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_chunks(header: list[str], rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """The CSV in chunks of rows, after a BOM (spreadsheet programs then read the accents right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    yield "\ufeff"
    for n, row in enumerate(rows, 1):
        writer.writerow([safe_cell(v) for v in row])
        if n % _BATCH == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def to_csv(header: list[str], rows: Iterable[Iterable[Any]]) -> str:
    return "".join(csv_chunks(header, rows))


def search_csv(archive: Archive, q: str, base_url: str, options: SearchOptions | None = None) -> Iterator[str]:
    """Searches now (a malformed query fails before any byte is sent); rows stream later. The
    options of the search page (sort, grouping, dates) give the same rows in the same order;
    grouped, one row per document with its matching pages."""
    results = archive.search(q, limit=MAX_ROWS, options=options)
    return csv_chunks(
        ["filename", "page", "title", "snippet", "sha256", "url", "pages"],
        ([h.filename, h.page, h.title, h.snippet.text, h.document_id, _url(base_url, h.document_id, h.page),
          " ".join(map(str, h.pages or [h.page]))] for h in results.hits))


def entities_csv(archive: Archive, kind: str | None, base_url: str) -> Iterator[str]:
    if kind is not None and kind not in ENTITY_KINDS:
        raise UsageError(f"unknown entity kind {kind[:40]!r}: use one of {', '.join(ENTITY_KINDS)}", "export_bad_kind",
                         kind=repr(kind[:40]), choices=", ".join(ENTITY_KINDS))
    rows = archive.catalog.all_entities(kind, MAX_ROWS * 10)
    return csv_chunks(
        ["kind", "printed", "value", "filename", "page", "title", "sha256", "url"],
        ([r["kind"], r["printed"], r["value"], r["filename"], r["page"], r["title"], r["document_id"],
          _url(base_url, r["document_id"], r["page"])] for r in rows))


def attachment(filename: str) -> str:
    """A Content-Disposition value: an ASCII fallback name plus the exact name (RFC 5987)."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;%' else "_" for c in filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _url(base_url: str, doc_id: str, page: int) -> str:
    return page_url(base_url, doc_id, page)


def vendors_csv(vendors: list[dict[str, Any]], currencies: list[str]) -> Iterator[str]:
    """The vendor index: one row per company, a total column per currency (never summed together)."""
    return csv_chunks(["key", "name", "rfcs", "documents", "pages", *_total_header(currencies), "first_date", "last_date",
                       "values"],
                      ([v["key"], v["name"], " ".join(v["rfcs"]), v["documents"], v["pages"], *_totals(v, currencies),
                        v["first_date"] or "", v["last_date"] or "", " | ".join(v["values"])] for v in vendors))


def entity_index_csv(rows: list[dict[str, Any]], currencies: list[str]) -> Iterator[str]:
    """An entity index (/bids, /amounts, ...): one row per value, a total column per currency."""
    return csv_chunks(["value", "printed", "amount", "currency", "pages", "documents", *_total_header(currencies),
                       "first_date", "last_date"],
                      ([r["value"], r["printed"], r.get("amount", ""), r.get("currency", ""), r["pages"], r["documents"],
                        *_totals(r, currencies), r["first_date"] or "", r["last_date"] or ""] for r in rows))


def _total_header(currencies: list[str]) -> list[str]:
    return [f"total_{c}" for c in currencies]


def _totals(row: dict[str, Any], currencies: list[str]) -> list[str]:
    by_currency = {t["currency"]: t["value"] for t in row["totals"]}
    return [by_currency.get(c, "") for c in currencies]
