"""`expediente reindex` throughput into each engine, against issue 10's goal of 2,000 pages/s.

Ingests --corpus (made by scale_corpus.py) into a fresh archive once, then rebuilds its index
--runs times per engine (alternated) and prints the median pages/s. (Building the records in
worker processes was tried: 0.73x on tantivy and 0.94x on Elasticsearch at 10,000 pages on
2 cores, the engine being the bottleneck; it was dropped.)

    .venv/bin/python benchmarks/reindex_speed.py --corpus /tmp/corp10k [--runs 3]
        [--es-url http://127.0.0.1:9200 | --no-es]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import reindex  # noqa: E402
from expediente.settings import Settings  # noqa: E402

GOAL = 2000  # pages/s (issue 10)
CLI = [sys.executable, "-c", "import sys; from expediente.cli import main; sys.exit(main())"]


def rate(settings: Settings, target: str) -> float:
    started = time.perf_counter()
    copied = reindex(settings, target=target)
    return copied["pages"] / (time.perf_counter() - started)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--es-url", default="http://127.0.0.1:9200")
    ap.add_argument("--no-es", action="store_true")
    args = ap.parse_args()
    data = Path(tempfile.mkdtemp(prefix="reindex-bench-"))
    env = {**os.environ, "EXPEDIENTE_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    subprocess.run([*CLI, "ingest", str(args.corpus)], env=env, check=True, stdout=subprocess.DEVNULL)
    base = Settings(data_dir=data, es_url=args.es_url, es_index=f"reindex-bench-{os.getpid()}")
    targets = ["tantivy"] + ([] if args.no_es else ["elasticsearch"])
    rates: dict[str, list[float]] = {}
    for _ in range(args.runs):
        for target in targets:
            rates.setdefault(target, []).append(rate(base, target))
    print(f"load average {os.getloadavg()[0]:.1f}; median of {args.runs} runs")
    for target in targets:
        median = statistics.median(rates[target])
        print(f"reindex --to {target:13} {median:6.0f} pages/s ({median / GOAL:.2f}x the goal of {GOAL} pages/s)")
    if not args.no_es:
        from elasticsearch import Elasticsearch

        Elasticsearch(args.es_url).indices.delete(index=f"{base.es_index}-*", ignore_unavailable=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
