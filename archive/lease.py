"""The indexer lease: one indexer per archive, recorded in the catalog.

The holder renews it every few seconds; a crashed holder loses it when it expires, or at
once when it ran on this host and its process is gone. Recovery of interrupted work
belongs to whoever takes the lease, and to nobody else.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from .catalog import connect

TTL_S = 15.0
RENEW_S = 2.0
NAME = "indexer"


def _alive(pid: int) -> bool:
    """Is this process running? A killed one not yet reaped by its parent (a zombie) is not."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def live_holder(row: Any, now: float | None = None) -> bool:
    """Is the recorded holder still there? Expired, or dead on this host, means no."""
    if row is None or row["expires_at"] < (now or time.time()):
        return False
    return row["host"] != socket.gethostname() or _alive(row["pid"])


class Lease:
    def __init__(self, catalog_path: Path, owner: str | None = None) -> None:
        self.db = connect(catalog_path)
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.held = False
        self.lost = threading.Event()  # set when a renewal finds the lease taken: stop writing
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def try_acquire(self) -> bool:
        """Take the lease when it is free, expired or its holder is dead; renew it when ours."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                row = self.db.execute("SELECT * FROM leases WHERE name = ?", (NAME,)).fetchone()
                if row is not None and row["owner"] != self.owner and live_holder(row):
                    self.db.execute("ROLLBACK")
                    return False
                self.db.execute(
                    "INSERT OR REPLACE INTO leases (name, owner, host, pid, expires_at) VALUES (?,?,?,?,?)",
                    (NAME, self.owner, socket.gethostname(), os.getpid(), time.time() + TTL_S))
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        if not self.held:
            self.held = True
            self.lost.clear()
            self._start_heartbeat()
        return True

    def _start_heartbeat(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._beat, name="lease-heartbeat", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(RENEW_S):
            try:
                renewed = self.renew()
            except sqlite3.OperationalError:  # the catalog locked past the busy timeout: by this holder's own
                continue  # long write (bulk.py), for which it held the lease ahead; the next beat renews it
            if not renewed:
                self.lost.set()
                return

    def renew(self, ttl_s: float = TTL_S) -> bool:
        with self._lock:
            cur = self.db.execute("UPDATE leases SET expires_at = ? WHERE name = ? AND owner = ?",
                                  (time.time() + ttl_s, NAME, self.owner))
            return cur.rowcount == 1

    def hold_for(self, seconds: float) -> None:
        """Hold the lease that long ahead: a write about to keep the catalog locked longer than
        the heartbeat can wait. A lease already taken by another is left to the heartbeat to notice."""
        self.renew(max(seconds, TTL_S))

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        with self._lock:
            self.db.execute("DELETE FROM leases WHERE name = ? AND owner = ?", (NAME, self.owner))
        self.held = False

    def close(self) -> None:
        if self.held:
            self.release()
        self.db.close()


def holder(catalog_path: Path) -> dict[str, Any] | None:
    """The live indexer of this archive (a server or an ingest), or None."""
    db = connect(catalog_path)
    try:
        row = db.execute("SELECT * FROM leases WHERE name = ?", (NAME,)).fetchone()
        return dict(row) if live_holder(row) else None
    except sqlite3.OperationalError:  # a new archive: no catalog tables yet
        return None
    finally:
        db.close()
