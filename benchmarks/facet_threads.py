"""The tantivy engine's facets counted in one call, or with the costly `bids` facet in a second
thread (search.tantivy_engine._aggregate), interleaved in one process on an existing index.

    .venv/bin/python benchmarks/facet_threads.py /tmp/expediente-scale/data/index [--rounds 15]

Prints the median of a search with facets per query kind of the scale benchmark, for each way.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.scale import QUERIES  # noqa: E402
from search import parse, tantivy_engine, with_forms  # noqa: E402
from search.tantivy_engine import TantivyEngine  # noqa: E402

MODES = {"one call": (), "bids apart": (("bids",),), "three parts": (("bids",), ("vendors",))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    engine = TantivyEngine(args.index, writable=False)
    took: dict[str, dict[str, list[float]]] = {m: {k: [] for k in QUERIES} for m in MODES}
    for _ in range(args.rounds):
        for mode, parts in MODES.items():
            tantivy_engine._PARTS = parts
            for kind, queries in QUERIES.items():
                for q in queries:
                    node = with_forms(parse(q))
                    started = time.perf_counter()
                    engine.search(node, 20, 0, facets=True)
                    took[mode][kind].append((time.perf_counter() - started) * 1000)
    for kind in QUERIES:
        base, *others = (statistics.median(took[m][kind]) for m in MODES)
        cells = "   ".join(f"{m} {v:6.2f} ms ({base / v:4.2f}x)" for m, v in zip(list(MODES)[1:], others))
        print(f"{kind:8s} one call {base:6.2f} ms   {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
