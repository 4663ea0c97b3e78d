"""Alerts: after each ingest batch the indexer pokes this worker, which re-evaluates every
saved search over the documents made citable since it last looked (archive.saved), records
how many new pages match and posts them to the saved search's webhook, if it has one.

The worker is a thread of the indexer's process with its own read-only archive, so the
indexer never waits for it: a slow or dead webhook (5 s timeout) delays only the alerts, and
its outcome (status or error) is recorded on the saved search and shown on /saved, never
raised. Its progress is a number in the catalog (`checked_seq`), so an indexer that dies
before evaluating a batch leaves it to the next one.
"""

from __future__ import annotations

import logging
import threading
from typing import Any
from urllib.parse import quote

import httpx

from expediente.errors import ExpedienteError
from expediente.settings import Settings

from .saved import SavedSearch, last_seq, new_matches, now

log = logging.getLogger(__name__)
TIMEOUT_S = 5.0
HOOK_HITS = 20  # pages listed in a webhook's payload
CLOSE_WAIT_S = 15.0


class AlertWorker:
    """Started by the indexer once it holds the lease; `poke()` after each commit."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._wake, self._closing = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="expediente-alerts", daemon=True)
            self._thread.start()
            self.poke()  # batches an earlier indexer committed but never evaluated

    def poke(self) -> None:
        self._wake.set()

    def close(self) -> None:
        """Evaluate what is left, then stop (waiting at most CLOSE_WAIT_S)."""
        if self._thread is not None:
            self._closing.set()
            self._wake.set()
            self._thread.join(CLOSE_WAIT_S)

    def _run(self) -> None:
        from .archive import open_archive

        archive = None
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                try:
                    archive = archive or open_archive(self.settings)
                    evaluate(archive, self.settings)
                except Exception:  # the alerts must never take the indexer down; the next poke retries
                    log.exception("alerts: evaluating saved searches failed")
                if self._closing.is_set():
                    return
        finally:
            if archive is not None:
                archive.close()


def evaluate(archive: Any, settings: Settings) -> int:
    """Evaluate every saved search behind the catalog's last citable document; how many were."""
    upto = last_seq(archive.catalog)
    rows = archive.catalog._rows("SELECT * FROM saved_searches WHERE checked_seq < ? ORDER BY id", (upto,))
    for row in rows:
        _evaluate_one(archive, settings, SavedSearch.from_row(row), upto)
    return len(rows)


def _evaluate_one(archive: Any, settings: Settings, saved: SavedSearch, upto: int) -> None:
    status, error = saved.last_status, saved.last_error
    try:
        count, keys = new_matches(archive, saved, saved.checked_seq, HOOK_HITS if saved.webhook else 0, upto)
    except ExpedienteError as exc:  # a query the grammar no longer takes, an engine that refused
        count, keys, error = 0, [], f"{exc.code}: {exc.message}"
    delivered = None
    if saved.webhook and count:
        status, error = deliver(saved.webhook, payload(archive, settings, saved, count, keys))
        delivered = now()
    with archive.catalog.transaction() as db:
        db.execute("UPDATE saved_searches SET checked_seq = ?, last_new = CASE WHEN ? > 0 THEN ? ELSE last_new END, "
                   "last_status = ?, last_error = ?, last_delivery_at = coalesce(?, last_delivery_at) WHERE id = ?",
                   (upto, count, count, status, error, delivered, saved.id))


def payload(archive: Any, settings: Settings, saved: SavedSearch, count: int,
            keys: list[tuple[str, int]]) -> dict[str, Any]:
    """What a webhook receives: the search, how many new pages, and the first of them."""
    base = (settings.public_url or saved.base_url).rstrip("/")
    hits = []
    for doc_id, page in keys:
        doc = archive.catalog.document(doc_id)
        if doc is not None:
            hits.append({"filename": doc["filename"], "page": page,
                         "url": f"{base}/documents/{doc_id}/pages/{page}?q={quote(saved.query)}"})
    return {"name": saved.name, "query": saved.query, "new_pages": count, "url": base + saved.path, "hits": hits}


def deliver(url: str, body: dict[str, Any]) -> tuple[str | None, str | None]:
    """POST the payload; (HTTP status, error) as recorded on the saved search."""
    try:
        response = httpx.post(url, json=body, timeout=TIMEOUT_S, follow_redirects=False,
                              headers={"User-Agent": "Expediente alerts"})
    except httpx.HTTPError as exc:  # refused, unreachable, timed out, a malformed answer
        return None, f"{type(exc).__name__}: {exc}"[:300]
    return str(response.status_code), None if response.status_code < 400 else f"HTTP {response.status_code}"
