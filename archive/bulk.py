"""Bulk loads: the catalog's indexes of entities by value built once, after a load that at least
doubles the archive, instead of one insert per entity at a random place in them.

A page's twenty-odd entities go into `entities_by_kind` and `entities_by_amount` (catalog.VALUE_INDEXES)
wherever their values sort: at a million pages that is a dozen index pages read and written again
for each page ingested. Measured on this 2-core machine, 20,000 pages into an archive of 1.1 million:
the indexer's main thread spent 0.78 ms a page with the two indexes and 0.30 ms without them, and
building them afterwards over all 24 million entities took 47 s, 0.04 ms a page of the archive.

So when the files waiting in the queue are at least as large as the archive already is (a first
import, a leak as large as what came before), the indexer drops the two indexes and marks them
deferred (`deferred_indexes`), and builds them when its queue is drained. Meanwhile the queries
that would use them read the entities table through (2.4 s at a million pages, where the index
took 0.7): a vendor's or an amount's page is slower during the load, never wrong. A load that is
killed leaves the mark; the next indexer builds them when its own queue is drained.

The build holds the catalog's write lock: about 45 s at a million pages, 4 s at 100,000. The
lease is held ahead for that long (its heartbeat cannot write meanwhile), and other writers
(an upload, a login) wait for it or are told the archive is busy.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timezone

from .catalog import VALUE_INDEXES, Catalog
from .lease import TTL_S, Lease

log = logging.getLogger(__name__)

CHECK_EVERY_S = 10.0  # the queue is weighed at most this often
BUILD_S_PER_ROW = 1e-5  # the lease is held ahead for the build: five times the 2 µs a row measured


def deferred(catalog: Catalog) -> bool:
    with catalog.lock:
        return catalog.db.execute("SELECT 1 FROM deferred_indexes").fetchone() is not None


def sizes(catalog: Catalog, least: int = 0) -> tuple[int, int]:
    """Bytes of the files waiting to be ingested (or claimed and being read), and of the documents in the archive (the
    latter only summed when the former is at least `least`)."""
    with catalog.lock:
        queued = catalog.db.execute("SELECT coalesce(sum(size), 0) FROM jobs "
                                    "WHERE status IN ('queued', 'running') AND kind = 'ingest'").fetchone()[0]
        if queued < least:
            return queued, 0
        return queued, catalog.db.execute("SELECT coalesce(sum(size), 0) FROM documents").fetchone()[0]


class BulkLoad:
    """The indexer's part: `consider` as documents are written, `finish` when the queue is drained."""

    def __init__(self, catalog: Catalog, lease: Lease, min_mb: int) -> None:
        self.catalog = catalog
        self.lease = lease
        self.min_bytes = min_mb << 20  # a smaller load is over before the indexes cost it much
        self.checked_at = float("-inf")

    def consider(self) -> None:
        """Defer the value indexes when the queue holds at least as many bytes as the archive."""
        now = time.monotonic()
        if now - self.checked_at < CHECK_EVERY_S:
            return
        self.checked_at = now
        if deferred(self.catalog):
            return
        queued, archived = sizes(self.catalog, self.min_bytes)
        if queued and queued >= max(self.min_bytes, archived):
            self.defer(f"{queued >> 20} MB queued, {archived >> 20} MB in the archive")

    def defer(self, why: str = "") -> None:
        with self.catalog.transaction() as db:
            db.execute("INSERT OR IGNORE INTO deferred_indexes (name, since) VALUES ('values', ?)",
                       (datetime.now(timezone.utc).isoformat(timespec="seconds"),))
            for name in VALUE_INDEXES:
                db.execute(f"DROP INDEX IF EXISTS {name}")
        log.info("bulk load (%s): the entity value indexes are built when the queue is drained", why)

    def finish(self) -> None:
        """Build the deferred indexes, in one transaction, the lease held ahead for it."""
        if not deferred(self.catalog):
            return
        started = time.monotonic()
        with self.catalog.lock:
            rows = self.catalog.db.execute("SELECT coalesce(max(rowid), 0) FROM entities").fetchone()[0]
        self.lease.hold_for(TTL_S + rows * BUILD_S_PER_ROW)
        with self.catalog.transaction() as db:
            for sql in VALUE_INDEXES.values():
                db.execute(sql)
            db.execute("DELETE FROM deferred_indexes")
        self.checked_at = time.monotonic()
        log.info("built the entity value indexes over %d entities in %.1f s", rows, self.checked_at - started)
