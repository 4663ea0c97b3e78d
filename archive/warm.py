"""Derived views of the catalog rebuilt in the background after each change, so the first request
after an ingest, a deletion or an edit does not pay for them: the resolved vendors, the sort values
of search results, and every entity index.

The server runs one `Warmer` thread on its own archive object (the caches live on it). A change
is noticed within `interval` seconds; a busy archive (an ingest making documents citable every
second) is warmed at most once per `min_gap` seconds, or three times the last warm-up, whichever
is longer, so warming never takes more than a quarter of a core.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from .entity_index import INDEX_KINDS, entity_index, vendor_table
from .view_cache import building

if TYPE_CHECKING:
    from .archive import Archive

log = logging.getLogger(__name__)


def warm(archive: Archive) -> None:
    """Build every derived view for the catalog as it is now (each is a no-op when already built)."""
    with building():
        _warm(archive)


def _warm(archive: Archive) -> None:
    archive.resolution()
    archive.sort_values()
    vendor_table(archive)
    for name in INDEX_KINDS:
        entity_index(archive, name)


class Warmer(threading.Thread):
    """Watches the catalog's fingerprint and warms the archive's caches after each change."""

    def __init__(self, archive: Archive, interval: float = 1.0, min_gap: float = 5.0, slowdown: float = 3.0) -> None:
        super().__init__(name="expediente-warmer", daemon=True)
        self.archive, self.interval, self.min_gap, self.slowdown = archive, interval, min_gap, slowdown
        self.done = threading.Event()
        self.mark: Any = None
        self.warmed = 0  # warm-ups done (for tests and the status page)
        self._gap, self._last = 0.0, 0.0

    def run(self) -> None:
        while not self.done.wait(self.interval):
            try:
                self.step()
            except Exception:  # never let a bad catalog state stop the server; the request path still works
                log.exception("warming the archive's caches failed")

    def step(self) -> bool:
        """Warm once if the catalog changed and the gap since the last warm-up has passed."""
        mark = self.archive.catalog.fingerprint()
        if mark == self.mark or time.monotonic() - self._last < self._gap:
            return False
        started = time.monotonic()
        warm(self.archive)
        self._last = time.monotonic()
        self._gap = max(self.min_gap, self.slowdown * (self._last - started))
        self.mark, self.warmed = mark, self.warmed + 1
        return True

    def stop(self) -> None:
        self.done.set()
