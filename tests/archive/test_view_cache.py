"""Derived views: rebuilt once per change of the catalog; a slow one is served as it was while it
is rebuilt in the background, a quick one is rebuilt on the request (real SQLite catalog)."""

from __future__ import annotations

import threading
import time

import pytest

from archive.catalog import Catalog
from archive.view_cache import ViewCache


def _change(catalog: Catalog) -> None:
    with catalog.transaction() as db:
        db.execute("UPDATE edits SET n = n + 1")


def test_a_slow_view_is_served_as_it_was_while_it_is_rebuilt(tmp_path):
    catalog = Catalog(tmp_path / "catalog.sqlite")
    cache = ViewCache(slow_s=0.0)  # every build counts as slow
    release, builds = threading.Event(), []

    def build() -> int:
        builds.append(threading.current_thread().name)
        if len(builds) > 1:
            release.wait(10)
        return len(builds)

    assert cache.get(catalog, "v", build) == 1 and cache.get(catalog, "v", build) == 1  # once per change
    _change(catalog)
    assert cache.get(catalog, "v", build) == 1  # not waited for: the last state, a rebuild started
    assert cache.get(catalog, "v", build) == 1 and len(builds) == 2  # one rebuild at a time
    release.set()
    deadline = time.monotonic() + 10
    while cache.get(catalog, "v", build) != 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.get(catalog, "v", build) == 2 and builds[1].startswith("view ")
    catalog.close()


@pytest.mark.parametrize("slow_s, warmer", [(60.0, False), (0.0, True)])
def test_a_view_is_rebuilt_for_the_catalog_as_it_is_when_quick_or_asked_by_the_warmer(tmp_path, slow_s, warmer):
    """A quick view is rebuilt on the request; a slow one too when the warmer asks for it."""
    from contextlib import nullcontext

    from archive.view_cache import building

    catalog = Catalog(tmp_path / "catalog.sqlite")
    cache, n = ViewCache(slow_s=slow_s), iter(range(1, 10))
    assert cache.get(catalog, "v", lambda: next(n)) == 1
    _change(catalog)
    with building() if warmer else nullcontext():
        assert cache.get(catalog, "v", lambda: next(n)) == 2
    catalog.close()


def _doc(n: int):
    from ingest import TEXT_LAYER, Document, Page
    from ingest.entities import Entity

    text = "Fallo de la licitación EA-IT20-2020"
    return Document(f"{n:064d}", f"doc{n}.pdf", f"Fallo {n}", "application/pdf", 10,
                    [Page(1, text, TEXT_LAYER, None, 612.0, 792.0, [], [Entity("bid", "EA-IT20-2020", "EAIT202020", 23, 35)])],
                    {})


def test_the_fingerprint_moves_with_every_change_a_view_depends_on_and_no_other(tmp_path):
    """Added (pending), made citable, read again, corrected, deleted: each gives a new fingerprint;
    jobs and the audit of sessions do not (real catalog; the counters are kept by triggers)."""
    catalog = Catalog(tmp_path / "catalog.sqlite")
    seen = [catalog.fingerprint()]

    def moved() -> bool:
        seen.append(catalog.fingerprint())
        return seen[-1] != seen[-2] and seen[-1] not in seen[:-1]

    one, two = _doc(1), _doc(2)
    catalog.put_document(one, original="")
    assert moved()
    catalog.mark_indexed([one.sha256])
    assert moved()
    catalog.put_document(two, original="")
    catalog.mark_indexed([two.sha256])
    assert moved()
    catalog.put_document(one, original="")  # read again (reindex, re-OCR): pending again, new rows
    assert moved()
    catalog.edit_document(two.sha256, "Fallo corregido", None, None)
    assert moved()
    catalog.mark_deleting(two.sha256)
    assert moved()
    with catalog.transaction() as db:
        db.execute("DELETE FROM documents WHERE id = ?", (two.sha256,))
    assert moved()
    with catalog.transaction() as db:
        db.execute("INSERT INTO jobs (kind, filename, source, status, created_at, batch) "
                   "VALUES ('ingest', 'x.pdf', 'x.pdf', 'queued', '2026-12-03', 'b1')")
    assert catalog.fingerprint() == seen[-1]
    catalog.close()
    assert Catalog(tmp_path / "catalog.sqlite").fingerprint() == seen[-1]  # opening again keeps the counters
