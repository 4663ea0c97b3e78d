"""Batch search: a list of terms (names, RFCs, codes, amounts), each searched on its own.

Journalists work from lists. Each term is one query in Expediente's syntax (so the
1,000-character limit of one query never applies to the list); results stream term by
term, and a malformed term is reported as data while the batch goes on.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from expediente.errors import QuerySyntaxError
from search import MAX_WINDOW

if TYPE_CHECKING:
    from .archive import Archive

FIRST_PAGES = 3
MAX_TERMS = 100_000


def read_terms(text: str, column: str | None = None) -> list[str]:
    """Terms of a pasted list or an uploaded file: one per line, or a CSV column (by header
    name, else the first column when the first line has commas or semicolons)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    if column is None and not any(sep in lines[0] for sep in (",", ";", "\t")):
        terms = [line.strip() for line in lines]
    else:
        dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t") if len(lines[0]) > 1 else csv.excel
        rows = list(csv.reader(io.StringIO("\n".join(lines)), dialect))
        index = 0
        if column is not None:
            header = [h.strip().lower() for h in rows[0]]
            if column.strip().lower() not in header:
                raise QuerySyntaxError(f"the list has no column {column!r} (its columns: {', '.join(rows[0])})",
                                       "batch_no_column", column=repr(column)[:80], columns=", ".join(rows[0])[:200])
            index, rows = header.index(column.strip().lower()), rows[1:]
        terms = [row[index].strip() for row in rows if len(row) > index and row[index].strip()]
    seen: dict[str, None] = {}
    for term in terms[:MAX_TERMS]:
        seen.setdefault(term, None)
    return list(seen)


def search_terms(archive: "Archive", terms: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Per term: pages and documents that match, and the first pages (each cited)."""
    titles: dict[str, dict[str, Any] | None] = {}
    for term in terms:
        row: dict[str, Any] = {"term": term, "pages": 0, "documents": 0, "first": [], "error": None, "error_code": None,
                               "error_params": None}
        try:
            query = archive.compile_query(term)
            found = archive.engine.search(query, limit=MAX_WINDOW)
        except QuerySyntaxError as exc:
            # the message in English; its stable code and params say it in the reader's language (web.i18n)
            row["error"], row["error_code"], row["error_params"] = exc.message, exc.detail_code, exc.params
            yield row
            continue
        docs: dict[str, int] = {}
        for h in found.hits:
            docs.setdefault(h.document_id, h.page)
        row["pages"], row["documents"] = found.total, len(docs)
        for doc_id, page in list(docs.items())[:FIRST_PAGES]:
            if doc_id not in titles:
                titles[doc_id] = archive.catalog.document(doc_id)
            doc = titles[doc_id]
            if doc is not None:
                row["first"].append({"document_id": doc_id, "filename": doc["filename"], "page": page})
        yield row
