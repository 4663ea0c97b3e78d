"""The derived views of the catalog (resolved vendors, sort values, entity index rows), each
built once per change of the catalog's documents (the indexer making documents citable, an
edit, a deletion) instead of once per request.

A view that takes long to build (a second or more last time: a million pages take a minute)
leaves its objects frozen (`gc.freeze`): Python's cyclic collector would otherwise walk its
millions of objects in each full pass, seconds during which no request runs. Such a view is
not waited for: while it is rebuilt, in the background, a request gets the last state built.
A busy ingest changes the catalog every second, and a search must not wait a minute for the
vendor names of its facet. A view that builds quickly is rebuilt on the request, so what a person
just changed shows at once. One build per view runs at a time.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator, NamedTuple

from .catalog import Catalog

log = logging.getLogger(__name__)
SLOW_S = 1.0  # a view that took this long to build is served stale while it is rebuilt
_here = threading.local()  # .waits: this thread builds views rather than take them stale


@contextmanager
def building() -> Iterator[None]:
    """Views asked for inside are built for the catalog as it is, however long that takes (the
    warmer, and a background rebuild of a view made from others)."""
    before = getattr(_here, "waits", False)
    _here.waits = True
    try:
        yield
    finally:
        _here.waits = before


class Built(NamedTuple):
    key: Any  # the catalog's fingerprint when the build started
    value: Any
    seconds: float


class ViewCache:
    def __init__(self, slow_s: float = SLOW_S) -> None:
        self.built: dict[str, Built] = {}
        self.slow_s = slow_s
        self._lock = threading.Lock()
        self._gates: dict[str, threading.Lock] = {}

    def get(self, catalog: Catalog, name: str, build: Callable[[], Any]) -> Any:
        """The view `name` for the catalog as it is now, or, while a slow one is rebuilt, as it was."""
        key = catalog.fingerprint()
        with self._lock:
            built = self.built.get(name)
            gate = self._gates.setdefault(name, threading.Lock())
        if built is not None and built.key == key:
            return built.value
        if built is not None and not getattr(_here, "waits", False) and (gate.locked() or built.seconds >= self.slow_s):
            if not gate.locked():
                threading.Thread(target=self._rebuild, args=(gate, name, key, build), daemon=True,
                                 name=f"view {name}").start()
            return built.value
        return self._build(gate, name, key, build)

    def _rebuild(self, gate: threading.Lock, name: str, key: Any, build: Callable[[], Any]) -> None:
        try:
            with building():
                self._build(gate, name, key, build)
        except Exception:  # the last state stays served; the next request tries again
            log.exception("rebuilding the view %s failed", name)

    def _build(self, gate: threading.Lock, name: str, key: Any, build: Callable[[], Any]) -> Any:
        with gate:
            built = self.built.get(name)
            if built is None or built.key != key:
                started = time.perf_counter()
                value = build()
                built = self.built[name] = Built(key, value, time.perf_counter() - started)
                if built.seconds >= self.slow_s:
                    gc.freeze()  # its millions of objects out of the cyclic collector's full passes
            return built.value
