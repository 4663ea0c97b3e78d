"""End-to-end search latency on the samples, as the UI and CLI see it: parse, engine,
catalog lookups, snippets and highlights. Embedded engine, and Elasticsearch when a node
answers (the same catalog reindexed into it).

    .venv/bin/python benchmarks/archive_latency.py [--data-dir DIR] [--repeat 50]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from expediente.settings import Settings  # noqa: E402
from archive import ingest_files  # noqa: E402
from archive import open_archive, reindex  # noqa: E402

QUERIES = ["magavel", "videovigilancia", '"reconocimiento facial"', "EA-IT20-2020", "DCA/TM/222/2020",
           "1,023,123", "amount:>=1000000", "vendor:quatro", "magavel OR ydosk -juarez", "contrat*"]


def measure(archive, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for q in QUERIES:
            start = time.perf_counter()
            archive.search(q, limit=20, facets=True)
            out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--es-url", default="http://127.0.0.1:9200")
    args = ap.parse_args()
    settings = Settings(data_dir=args.data_dir or Path(tempfile.mkdtemp(prefix="expediente-lat-")))
    archive = open_archive(settings)
    ingest_files(settings, [ROOT / "samples"])
    print(f"samples: {archive.catalog.counts()['pages']} pages; {len(QUERIES)} queries x {args.repeat}, with facets")
    for name, arch in [("tantivy", archive), ("elasticsearch", None)]:
        if arch is None:
            es = replace(settings, engine="elasticsearch", es_url=args.es_url, es_index=f"expediente-lat-{int(time.time())}")
            try:
                reindex(es, target="elasticsearch")
                arch = open_archive(es)
            except Exception as exc:  # no node: report the embedded engine only
                print(f"elasticsearch skipped: {exc}")
                continue
        lat = measure(arch, args.repeat)
        p99 = lat[min(len(lat) - 1, int(0.99 * (len(lat) - 1)))]
        print(f"{name:<14} p50 {statistics.median(lat):6.2f} ms   p99 {p99:6.2f} ms")
        if name == "elasticsearch":
            arch.engine.drop()
        arch.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
