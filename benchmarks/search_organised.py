"""Issue 9's figures on an existing archive (at least 10,000 pages): search latency p50/p99
with and without grouping, sorting and facets, and batch-search throughput for 1,000 terms.

    .venv/bin/python benchmarks/search_organised.py --data-dir DIR [--engine tantivy] [--repeat 5]

The archive is opened read-only, as the web app opens it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import open_archive  # noqa: E402
from archive.archive import SearchOptions  # noqa: E402
from archive.batch import search_terms  # noqa: E402
from expediente.settings import Settings  # noqa: E402

QUERIES = ["contrato", "licitación pública", "magavel", "EA-IT20-2020", "1,023,123", "15/03/2021", "marzo 2021",
           "proveedor:magavel", "monto:>=1000000", "cámaras videovigilancia", "fecha:2021", "servicios"]
MODES = {
    "plain (relevance, no facets)": (dict(), False),
    "facets": (dict(), True),
    "group by document + facets": (dict(group=True), True),
    "sort by amount + facets": (dict(sort="amount"), True),
    "sort by date + group + facets": (dict(sort="date", group=True), True),
}


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def latency(archive, repeat: int) -> None:
    for name, (opts, facets) in MODES.items():
        times, slowest = [], (0.0, "")
        for _ in range(repeat):
            for q in QUERIES:
                t = time.perf_counter()
                archive.search(q, limit=20, facets=facets, options=SearchOptions(**opts))
                took = (time.perf_counter() - t) * 1000
                times.append(took)
                slowest = max(slowest, (took, q))
        print(f"{name:32s} p50 {statistics.median(times):7.1f} ms   p99 {pct(times, 99):7.1f} ms   (n={len(times)}; "
              f"slowest {slowest[1]!r})")


def batch_terms(archive, n: int) -> list[str]:
    """Terms as journalists list them: vendors, RFCs, bids, people and amounts printed in the
    archive, and names it does not hold."""
    rows = archive.catalog._rows("SELECT DISTINCT kind, printed FROM entities WHERE kind IN "
                                 "('vendor', 'rfc', 'bid', 'person', 'amount') LIMIT 20000")
    rng = random.Random(9)
    terms = [r["printed"].replace('"', " ").replace("(", " ").replace(")", " ") for r in rows]
    rng.shuffle(terms)
    misses = [f"apellido{i} nombre{i}" for i in range(n // 10)]
    return (terms[: n - len(misses)] + misses)[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--engine", default="tantivy")
    ap.add_argument("--es-url", default="http://127.0.0.1:9200")
    ap.add_argument("--es-index", default="expediente")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--terms", type=int, default=1000)
    args = ap.parse_args()
    settings = Settings(data_dir=args.data_dir, engine=args.engine, es_url=args.es_url, es_index=args.es_index)
    archive = open_archive(settings)
    counts = archive.catalog.counts()
    print(f"archive: {counts['documents']:,} documents, {counts['pages']:,} pages, engine {args.engine}")
    archive.search("contrato", limit=5)  # warm the engine and the page cache
    latency(archive, args.repeat)
    terms = batch_terms(archive, args.terms)
    t = time.perf_counter()
    found = sum(1 for row in search_terms(archive, terms) if row["pages"])
    took = time.perf_counter() - t
    print(f"batch: {len(terms):,} terms in {took:.1f} s = {len(terms) / took:,.0f} terms/s ({found:,} found)")
    archive.close()


if __name__ == "__main__":
    main()
