"""`expediente reindex` throughput, records built in the indexing process (one worker, the
way it was) against records built in worker processes, into each engine, alternated.

Ingests --corpus (made by scale_corpus.py) into a fresh archive once, then rebuilds its index
--runs times per setting and prints the median pages/s and the ratio.

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
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import reindex  # noqa: E402
from expediente.settings import Settings  # noqa: E402

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
    rates: dict[tuple[str, int], list[float]] = {}
    for _ in range(args.runs):
        for target in targets:
            for workers in (1, base.workers):
                rates.setdefault((target, workers), []).append(rate(replace(base, workers=workers), target))
    print(f"load average {os.getloadavg()[0]:.1f}; median of {args.runs} runs")
    for target in targets:
        one = statistics.median(rates[(target, 1)])
        many = statistics.median(rates[(target, base.workers)])
        print(f"reindex --to {target:13} records in the indexer: {one:6.0f} pages/s; in {base.workers} workers: "
              f"{many:6.0f} pages/s ({many / one:.2f}x)")
    if not args.no_es:
        from elasticsearch import Elasticsearch

        Elasticsearch(args.es_url).indices.delete(index=f"{base.es_index}-*", ignore_unavailable=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
