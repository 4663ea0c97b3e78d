"""Searches with facets in the archive's own process (no HTTP), this checkout against an earlier
commit (issue 10): the scale benchmark's queries, each checkout in a process of its own, the two
taking turns round after round so both see the same machine. Prints each query's and each kind's
p50/p99 and the ratio of the medians.

    .venv/bin/python benchmarks/search_ab.py DATA_DIR --before 745072c [--rounds 3] [--repeat 5]
        [--es-index NAME [--es-url http://127.0.0.1:9200]]

DATA_DIR is an archive's data folder, e.g. the one `benchmarks/scale.py --work W` builds (W/data).
The earlier commit is checked out in a temporary git worktree, removed at the end. With
--es-index, both search that Elasticsearch index (built by `reindex` or scale.py's --es-index),
the node's request cache emptied before each timed search (it keeps facet counts).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.browse_ab import worktree  # noqa: E402
from benchmarks.scale import QUERIES, _pct  # noqa: E402

CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from archive.archive import open_archive
from expediente.settings import Settings
import httpx
queries, repeat, es_url, es_index = json.loads(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
if es_index:
    archive = open_archive(Settings(data_dir=Path(sys.argv[2]), engine="elasticsearch", es_url=es_url, es_index=es_index))
    uncached = lambda: httpx.post(f"{es_url}/{es_index}/_cache/clear?request=true").raise_for_status()
else:
    archive = open_archive(Settings(data_dir=Path(sys.argv[2])))
    uncached = lambda: None
took = {}
for q in queries:  # one untimed round first: the index's pages in memory
    archive.search(q, facets=True)
for _ in range(repeat):
    for q in queries:
        uncached()
        started = time.perf_counter()
        archive.search(q, facets=True)
        took.setdefault(q, []).append((time.perf_counter() - started) * 1000)
print(json.dumps(took))
"""


def run(checkout: Path, data: Path, queries: list[str], repeat: int, es_url: str = "", es_index: str = "") -> dict[str, list[float]]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(checkout), str(data), json.dumps(queries), str(repeat),
                          es_url, es_index],
                         capture_output=True, text=True, check=True, cwd=checkout).stdout
    return json.loads(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--before", required=True, help="the earlier commit")
    ap.add_argument("--rounds", type=int, default=3, help="processes of each checkout, taking turns")
    ap.add_argument("--repeat", type=int, default=5, help="timed searches of each query in each process")
    ap.add_argument("--es-index", default="", help="search this Elasticsearch index instead of the embedded one")
    ap.add_argument("--es-url", default="http://127.0.0.1:9200")
    args = ap.parse_args()
    queries = [q for qs in QUERIES.values() for q in qs]
    took: dict[str, dict[str, list[float]]] = {"before": {}, "after": {}}
    started = time.perf_counter()
    with worktree(args.before) as before:
        checkouts = {"before": before, "after": ROOT}
        for round_ in range(args.rounds):
            for k in (("before", "after") if round_ % 2 else ("after", "before")):
                for q, values in run(checkouts[k], args.data_dir, queries, args.repeat, args.es_url, args.es_index).items():
                    took[k].setdefault(q, []).extend(values)
    print(f"{'query':40s} {'before p50/p99':>15s} {'after p50/p99':>15s}   (ms; {args.rounds} x {args.repeat} searches "
          f"each; {time.perf_counter() - started:.0f} s)")
    rows = [(q, [q]) for q in queries] + [(kind, qs) for kind, qs in QUERIES.items()]
    for label, qs in rows:
        b = [v for q in qs for v in took["before"][q]]
        a = [v for q in qs for v in took["after"][q]]
        print(f"{label[:40]:40s} {_pct(b, .5):7.1f}/{_pct(b, .99):6.1f} {_pct(a, .5):7.1f}/{_pct(a, .99):6.1f}"
              f"   {_pct(b, .5) / _pct(a, .5):4.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
