"""The archive's invariant, checked: every citable document of the catalog is in the index
with all its pages, once, and the index holds nothing else."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .archive import Archive


def check_archive(archive: Archive) -> dict[str, Any]:
    rows = archive.catalog._rows("SELECT id, page_count FROM documents WHERE status = 'indexed'")
    expected = {(r["id"], n) for r in rows for n in range(1, r["page_count"] + 1)}
    found = Counter(archive.engine.page_keys())
    return {
        "catalog_documents": len(rows),
        "catalog_pages": len(expected),
        "index_documents": len({doc for doc, _ in found}),
        "index_pages": sum(found.values()),
        "missing_pages": len(expected - set(found)),
        "duplicate_pages": sum(n - 1 for n in found.values() if n > 1),
        "stray_pages": len(set(found) - expected),
        "pending_documents": len(archive.catalog.pending()),
        "ok": not (expected - set(found)) and all(n == 1 for n in found.values()) and not (set(found) - expected),
    }
