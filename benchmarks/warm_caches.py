"""The first request after a change of the catalog, with and without the server's warmer.

After each change (an edit of a document's date, which changes what the indexes show), it times
the first call of each derived view on a cold archive object (what a request paid before the
warmer) and on one the warmer has warmed (what a request pays now), in turn, and the warm-up
itself (paid in the background). Medians over --changes changes.

    .venv/bin/python benchmarks/warm_caches.py [--documents 2000] [--changes 5] [--data-dir DIR]

The archive is case_latency.py's: the samples plus synthetic procurement documents.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import open_archive  # noqa: E402
from archive.entity_index import entity_index, vendor_table  # noqa: E402
from archive.suggest import nearest_amounts  # noqa: E402
from archive.warm import Warmer  # noqa: E402
from expediente.settings import Settings  # noqa: E402

from benchmarks.case_latency import build  # noqa: E402

VIEWS: dict[str, Callable[[Any], Any]] = {  # in this order: /vendors would resolve the vendors first
    "vendor: filter": lambda a: a.resolution(),
    "/vendors": lambda a: vendor_table(a),
    "/amounts": lambda a: entity_index(a, "amounts"),
    "/bids": lambda a: entity_index(a, "bids"),
    "sort by amount": lambda a: a.sort_values(),
    "nearest amounts": lambda a: nearest_amounts(a, 123_456_700),
}


def _ms(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--changes", type=int, default=5)
    ap.add_argument("--data-dir", type=Path)
    args = ap.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="expediente-warm-"))
    reuse = args.data_dir is not None and (data_dir / "catalog.sqlite").exists()
    settings = Settings(data_dir=data_dir) if reuse else build(data_dir, args.documents, 200)
    warmed = open_archive(settings)
    warmer = Warmer(warmed, min_gap=0, slowdown=0)
    doc_id = warmed.catalog.documents()[0]["id"]
    cold_ms: dict[str, list[float]] = {v: [] for v in VIEWS}
    warm_ms: dict[str, list[float]] = {v: [] for v in VIEWS}
    warmup_ms = []
    counts = warmed.catalog.counts()
    for n in range(args.changes):
        warmed.catalog.edit_document(doc_id, None, f"2021-01-{n + 1:02d}", None)
        warmup_ms.append(_ms(warmer.step))  # the background thread's work, timed here
        cold = open_archive(settings)  # a request before the warmer: nothing built for this change
        try:
            for view, fn in VIEWS.items():
                cold_ms[view].append(_ms(lambda: fn(cold)))
                warm_ms[view].append(_ms(lambda: fn(warmed)))
        finally:
            cold.close()
    warmed.close()
    print(f"archive: {counts['documents']} documents, {counts['pages']} pages; median of {args.changes} changes")
    print(f"{'first request after a change':<30} {'cold (ms)':>10} {'warmed (ms)':>12} {'ratio':>8}")
    for view in VIEWS:
        c, w = statistics.median(cold_ms[view]), statistics.median(warm_ms[view])
        print(f"{view:<30} {c:>10.1f} {w:>12.2f} {c / max(w, 1e-3):>7.0f}x")
    print(f"{'warm-up in the background':<30} {statistics.median(warmup_ms):>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
