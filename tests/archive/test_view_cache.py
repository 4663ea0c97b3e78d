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
