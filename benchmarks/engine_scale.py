"""The embedded engine alone on a large archive (issue 10): each query's median over --repeat
runs with its facets, as a search over HTTP asks, and the same through the search page's data
(snippets, highlights, vendor names). Run it from two checkouts in turn for an A/B:

    .venv/bin/python benchmarks/engine_scale.py DATA_DIR [--repeat 15]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import open_archive  # noqa: E402
from benchmarks.case_latency import median_ms  # noqa: E402
from expediente.settings import Settings  # noqa: E402
from web.pages import search_data  # noqa: E402

QUERIES = ["videovigilancia", "contrato", '"servicios magavel"', '"quatro desarrollo urbano"', "EA-IT45-2019",
           "videovig*", "(patrullas OR uniformes) -fianza", "magavel cámaras~", "monto:>=1000000",
           "amount:1000000..2000000", "proveedor:magavel", "year:2020", "date:2021-03"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    archive = open_archive(Settings(data_dir=args.data_dir))
    archive.resolution()
    print(f"{'query':34s} {'pages':>8s} {'engine':>8s} {'page data':>10s}   (ms, median of {args.repeat})")
    for q in QUERIES:
        node = archive.compile_query(q)
        total = archive.engine.search(node, 20, facets=True).total
        engine = median_ms(lambda: archive.engine.search(node, 20, facets=True), args.repeat)
        page = median_ms(lambda: search_data(archive, q), args.repeat)
        print(f"{q:34s} {total:8d} {engine:8.1f} {page:10.1f}")
    archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
