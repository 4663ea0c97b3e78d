"""The archive's invariant, checked: every citable document of the catalog is in the index
with all its pages, once, and the index holds nothing else but the pages of documents still
pending (an indexer committed them and died before marking them citable: its successor
settles them)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .archive import Archive


def check_archive(archive: Archive) -> dict[str, Any]:
    rows = archive.catalog._rows("SELECT id, page_count FROM documents WHERE status = 'indexed'")
    expected = {(r["id"], n) for r in rows for n in range(1, r["page_count"] + 1)}
    pending = set(archive.catalog.pending())  # written, maybe committed, not yet citable
    found = Counter(archive.engine.page_keys())
    stray = {key for key in set(found) - expected if key[0] not in pending}
    return {
        "catalog_documents": len(rows),
        "catalog_pages": len(expected),
        "index_documents": len({doc for doc, _ in found if doc not in pending}),
        "index_pages": sum(n for key, n in found.items() if key[0] not in pending),
        "missing_pages": len(expected - set(found)),
        "duplicate_pages": sum(n - 1 for n in found.values() if n > 1),
        "stray_pages": len(stray),
        "pending_documents": len(pending),  # the indexer's recovery settles these
        "pending_pages_in_index": sum(n for key, n in found.items() if key[0] in pending),
        "ok": not (expected - set(found)) and all(n == 1 for n in found.values()) and not stray,
    }
