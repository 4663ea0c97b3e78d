"""Elasticsearch bulk settings for `reindex --to elasticsearch`, measured on an archive.

Reindexes the archive's catalog into a fresh index once per setting and round (the settings
alternate, so a change of load hits them alike) and prints each setting's median pages/s, and
for the background merge how long after the command the index was in one segment. Settings:
the way before (each batch sent before the next is read, the translog synced at every request,
the merge to one segment waited for before the alias switch), then one change at a time. "Our
CPU" counts the reindex's worker processes.

    .venv/bin/python benchmarks/es_bulk.py DATA_DIR [--es-url http://127.0.0.1:9200] [--runs 3]
        [--only LABEL-PREFIX ...]
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import time
import warnings
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from unittest import mock

from elasticsearch import Elasticsearch
from elasticsearch.exceptions import GeneralAvailabilityWarning

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from expediente.settings import Settings  # noqa: E402
from search import es_engine  # noqa: E402
from search.es_engine import ElasticsearchEngine  # noqa: E402

reindex_module = importlib.import_module("archive.reindex")
NOW = {"behind": True, "durability": "async", "wait_merge": False, "threads": es_engine.BULK_THREADS,
       "pages": es_engine.BULK_PAGES, "bytes": es_engine.BULK_MAX_BYTES, "batch": reindex_module.BATCH_PAGES,
       "extra": {}, "workers": None}
BEFORE = dict(NOW, behind=False, durability="request", wait_merge=True)
SETTINGS: list[tuple[str, dict[str, Any]]] = [
    ("before: send then read, translog per request, wait for the merge", BEFORE),
    ("merge in the background", dict(BEFORE, wait_merge=False)),
    ("+ send a batch while reading the next", dict(BEFORE, wait_merge=False, behind=True)),
    ("+ translog async = now", NOW),
    ("now, records built in this process (1 worker)", dict(NOW, workers=1)),
    ("now, 1 request in flight", dict(NOW, threads=1)),
    ("now, 3 in flight", dict(NOW, threads=3)),
    ("now, 500 pages a request", dict(NOW, pages=500)),
    ("now, 1,000 pages (at most 4 MB) a request", dict(NOW, pages=1000, bytes=4 << 20)),
    ("now, 10,000 pages a batch", dict(NOW, batch=10000)),
    ("now, fewer merges while loading (segments_per_tier 100)", dict(NOW, extra={"merge.policy.segments_per_tier": 100})),
]


def _patches(knobs: dict[str, Any]) -> list[Any]:
    """The engine as one setting has it."""
    build = {"refresh_interval": "-1"} if knobs["durability"] == "request" else es_engine.BUILD_SETTINGS
    build = {**build, **knobs["extra"]}
    patches = [mock.patch.object(es_engine, "BULK_THREADS", knobs["threads"]),
               mock.patch.object(es_engine, "BULK_PAGES", knobs["pages"]),
               mock.patch.object(es_engine, "BULK_MAX_BYTES", knobs["bytes"]),
               mock.patch.object(es_engine, "BUILD_SETTINGS", build),
               mock.patch.object(reindex_module, "BATCH_PAGES", knobs["batch"])]
    if not knobs["behind"]:
        patches.append(mock.patch.object(ElasticsearchEngine, "_send_behind",
                                         lambda self, actions: actions and self._bulk(actions)))
    if knobs["wait_merge"]:
        merge = ElasticsearchEngine._merge

        def merge_and_wait(self: ElasticsearchEngine) -> None:
            merge(self)
            self.wait_merged()

        patches.append(mock.patch.object(ElasticsearchEngine, "_merge", merge_and_wait))
    return patches


def merging_s(es_url: str) -> float:
    """Seconds until no force-merge runs on the node any more."""
    es = Elasticsearch(es_url)
    started = time.perf_counter()
    while es.tasks.list(actions="indices:admin/forcemerge*")["nodes"]:
        time.sleep(0.2)
    return time.perf_counter() - started


def _node_cpu_ms(es: Elasticsearch) -> int:
    """CPU the Elasticsearch node has used so far (ms): with ours, what a page costs whatever the load."""
    return sum(n["process"]["cpu"]["total_in_millis"] for n in es.nodes.stats(metric="process")["nodes"].values())


def _our_cpu_s() -> float:
    """CPU seconds of this process and of its finished children (the reindex's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def one(settings: Settings, knobs: dict[str, Any]) -> tuple[float, float, float, float]:
    """(pages/s of the reindex, seconds after it until the index is merged, our CPU and the node's
    CPU per page in ms, the merge included)."""
    es = Elasticsearch(settings.es_url)
    node_cpu = _node_cpu_ms(es)
    with ExitStack() as stack:
        for p in _patches(knobs):
            stack.enter_context(p)
        started, cpu = time.perf_counter(), _our_cpu_s()
        copied = reindex_module.reindex(settings, "elasticsearch", workers=knobs["workers"])
        seconds, cpu = time.perf_counter() - started, _our_cpu_s() - cpu
    merging = merging_s(settings.es_url)
    node_cpu = _node_cpu_ms(es) - node_cpu
    engine = ElasticsearchEngine(settings.es_url, settings.es_index, writable=False)
    engine.drop()
    engine.close()
    return copied["pages"] / seconds, merging, cpu * 1000 / copied["pages"], node_cpu / copied["pages"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--es-url", default="http://127.0.0.1:9200")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", nargs="*", help="settings whose label starts with one of these")
    args = ap.parse_args()
    warnings.simplefilter("ignore", GeneralAvailabilityWarning)  # the tasks API is a "technical preview"
    settings = Settings(data_dir=args.data_dir, engine="elasticsearch", es_url=args.es_url,
                        es_index=f"expediente-bulk-bench-{int(time.time())}")
    chosen = [(label, knobs) for label, knobs in SETTINGS if not args.only or label.startswith(tuple(args.only))]
    results: dict[str, list[tuple[float, float, float, float]]] = {label: [] for label, _ in chosen}
    for _ in range(args.runs):
        for label, knobs in chosen:
            results[label].append(one(settings, knobs))
    print(f"load average {os.getloadavg()[0]:.1f}; medians of {args.runs} runs")
    base = statistics.median(r[0] for r in results[chosen[0][0]])
    for label, runs in results.items():
        rate, merging, cpu, node_cpu = (statistics.median(r[i] for r in runs) for i in range(4))
        print(f"{label:65s} {rate:6.0f} pages/s ({rate / base:.2f}x; runs {', '.join(f'{r[0]:.0f}' for r in runs)}); "
              f"merged {merging:.1f} s after; CPU ms/page: ours {cpu:.2f}, the node's {node_cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
