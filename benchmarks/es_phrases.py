"""Elasticsearch with and without word pairs (EXPEDIENTE_ES_PHRASES): what a reindex costs and
what phrase searches gain, on an archive built earlier (e.g. by scale.py).

Rebuilds the archive's index on the node once per setting and round (alternated), waits for the
merge to one segment, then times each phrase through the engine as a search page asks for it
(hits, exact total, facets): the first time (the node's request cache empty) and the median of
the repeats. Prints the reindex's pages/s, the node's CPU a page, the merged index's size.

    .venv/bin/python benchmarks/es_phrases.py DATA_DIR [--es-url http://127.0.0.1:9200] [--runs 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

from elasticsearch import Elasticsearch
from elasticsearch.exceptions import GeneralAvailabilityWarning

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import reindex  # noqa: E402
from expediente.settings import Settings  # noqa: E402
from search.es_engine import ElasticsearchEngine  # noqa: E402
from search.query import parse  # noqa: E402

# Phrases of scale_corpus.py's vocabulary: common words together (many pages hold both words,
# few the phrase), vendor names, a long one, one ending in a prefix.
PHRASES = ['"agua potable"', '"contrato de obra"', '"servicios magavel"', '"quatro desarrollo urbano"',
           '"de la dirección general de"', '"servicios integrales sum*"']
REPEATS = 7


def _node_cpu_ms(es: Elasticsearch) -> int:
    return sum(n["process"]["cpu"]["total_in_millis"] for n in es.nodes.stats(metric="process")["nodes"].values())


def build(settings: Settings) -> tuple[float, float, float]:
    """Reindex into a fresh index, merged: (pages/s, the node's CPU ms a page, merged MB)."""
    es = Elasticsearch(settings.es_url)
    cpu, started = _node_cpu_ms(es), time.perf_counter()
    pages = reindex(settings, "elasticsearch")["pages"]
    rate = pages / (time.perf_counter() - started)
    index = next(iter(es.indices.get_alias(name=settings.es_index)))
    while es.tasks.list(actions="indices:admin/forcemerge*")["nodes"]:
        time.sleep(0.5)
    es.indices.refresh(index=index)  # the merged segments' old files go once nothing holds them
    es.indices.flush(index=index)
    time.sleep(1.5)  # the node's process stats refresh every second
    node_cpu = (_node_cpu_ms(es) - cpu) / pages
    size = es.indices.stats(index=index)["_all"]["primaries"]["store"]["size_in_bytes"] / 1e6
    return rate, node_cpu, size


def timed(settings: Settings) -> dict[str, tuple[int, float, float]]:
    """Each phrase: (pages found, ms the first time, median ms of the repeats)."""
    engine = ElasticsearchEngine(settings.es_url, settings.es_index, writable=False)
    out = {}
    try:
        for phrase in PHRASES:
            node, runs = parse(phrase), []
            for _ in range(REPEATS + 1):
                started = time.perf_counter()
                total = engine.search(node, limit=20, facets=True).total
                runs.append((time.perf_counter() - started) * 1000)
            out[phrase] = (total, runs[0], statistics.median(runs[1:]))
    finally:
        engine.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--es-url", default="http://127.0.0.1:9200")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    warnings.simplefilter("ignore", GeneralAvailabilityWarning)  # the tasks API is a "technical preview"
    base = Settings(data_dir=args.data_dir, engine="elasticsearch", es_url=args.es_url,
                    es_index=f"expediente-phrases-bench-{int(time.time())}")
    builds: dict[bool, list[tuple[float, float, float]]] = {False: [], True: []}
    searches: dict[bool, list[dict[str, tuple[int, float, float]]]] = {False: [], True: []}
    try:
        for _ in range(args.runs):
            for phrases in (False, True):
                settings = replace(base, es_phrases="on" if phrases else "off")
                builds[phrases].append(build(settings))
                searches[phrases].append(timed(settings))
    finally:
        ElasticsearchEngine(base.es_url, base.es_index, writable=False).drop()
    for phrases in (False, True):
        rate, cpu, size = (statistics.median(b[i] for b in builds[phrases]) for i in range(3))
        print(f"word pairs {'on ' if phrases else 'off'}: reindex {rate:6.0f} pages/s, node CPU {cpu:.2f} ms a page, "
              f"merged index {size:,.0f} MB")
    print(f"{'phrase':36s} {'pages':>8s}   off: first / median ms   on: first / median ms   median off/on")
    for phrase in PHRASES:
        off = [statistics.median(s[phrase][i] for s in searches[False]) for i in range(3)]
        on = [statistics.median(s[phrase][i] for s in searches[True]) for i in range(3)]
        print(f"{phrase:36s} {off[0]:8.0f}   {off[1]:8.1f} / {off[2]:6.1f}          {on[1]:8.1f} / {on[2]:6.1f}"
              f"          {off[2] / on[2]:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
