"""Elasticsearch bulk settings for `reindex --to elasticsearch`, measured on an archive.

Reindexes the archive's catalog into a fresh index once per setting: the way before issue
10 (one bulk stream, the default refresh interval, a refresh after every batch) and the
tuned way (no refresh until publish, N requests in flight) at several request sizes.

    .venv/bin/python benchmarks/es_bulk.py DATA_DIR [--es-url http://127.0.0.1:9200]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import importlib  # noqa: E402

from archive.reindex import reindex  # noqa: E402

reindex_module = importlib.import_module("archive.reindex")
from expediente.settings import Settings  # noqa: E402
from search import es_engine  # noqa: E402
from search.es_engine import ElasticsearchEngine  # noqa: E402

SETTINGS = [("before: refresh every batch, 1 stream, 500 pages", 1, 500, False)] + [
    (f"no refresh until publish, {threads} in flight, {pages} pages", threads, pages, True)
    for threads, pages in ((1, 500), (2, 250), (2, 500), (2, 1000), (3, 500))
]


def one(settings: Settings, threads: int, pages: int, tuned: bool) -> tuple[float, int]:
    create = ElasticsearchEngine.__init__

    def init(self, *args, **kwargs):  # the old engine: a built index refreshed like a live one
        create(self, *args, **kwargs)
        self.building = False

    patches = [mock.patch.object(es_engine, "BULK_THREADS", threads), mock.patch.object(es_engine, "BULK_PAGES", pages)]
    if not tuned:  # and a commit every 50 documents, as reindex did
        patches += [mock.patch.object(ElasticsearchEngine, "__init__", init),
                    mock.patch.object(reindex_module, "BATCH_PAGES", 2500)]
    for p in patches:
        p.start()
    try:
        started = time.perf_counter()
        copied = reindex(settings, "elasticsearch")
        return time.perf_counter() - started, copied["pages"]
    finally:
        for p in patches:
            p.stop()
        engine = ElasticsearchEngine(settings.es_url, settings.es_index, writable=False)
        engine.drop()
        engine.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--es-url", default="http://127.0.0.1:9200")
    args = ap.parse_args()
    settings = Settings(data_dir=args.data_dir, engine="elasticsearch", es_url=args.es_url,
                        es_index=f"expediente-bulk-bench-{int(time.time())}")
    for label, threads, pages, tuned in SETTINGS:
        seconds, n = one(settings, threads, pages, tuned)
        print(f"{label:55s} {n / seconds:6.0f} pages/s ({n} pages, {seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
