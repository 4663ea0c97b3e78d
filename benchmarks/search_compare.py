"""Search before and after a change, side by side on one archive: the same queries as
benchmarks/scale.py (every kind, the planted rare tokens too) over HTTP against two real
`expediente serve` processes, one running a baseline copy of the code and one this checkout.

Requests alternate between the two (which goes first alternates too), so a machine shared
with other work slows both alike. Prints p50/p99 per query kind for each, the ratio of the
medians, and whether every query's results are identical: total, hits (document, page, in
order, with their scores), snippets, highlights, facets and suggestions; and, for two
indexes of the same archive, whether they differ only in the order of hits of equal score.

    git archive HEAD | tar -x -C /tmp/base      # the code before the change
    .venv/bin/python benchmarks/search_compare.py --baseline /tmp/base --data /tmp/expediente-scale/data \\
        [--engine elasticsearch --es-index INDEX [--baseline-es-index INDEX]] [--rounds 10] [--kinds word,rare]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, Iterator

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale import QUERIES, _free_port, _pct, settle, wait_until_up  # noqa: E402

_MAIN = "import sys; from expediente.cli import main; sys.exit(main())"


@contextmanager
def serving(tree: Path, env: dict[str, str]) -> Iterator[httpx.Client]:
    """`expediente serve` of the code in `tree` (its own directory first on the path)."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", _MAIN, "serve", "--port", str(port)], cwd=tree,
                            env=dict(env, PYTHONPATH=str(tree)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
    try:
        wait_until_up(client, 240, f"the server of {tree} did not start")
        settle(proc.pid)
        yield client
    finally:
        client.close()
        proc.terminate()
        proc.wait(30)


def queries(planted: Path | None) -> dict[str, list[str]]:
    kinds = dict(QUERIES)
    if planted is not None:
        kinds["rare"] = list(json.loads(planted.read_text(encoding="utf-8")))[:20]
    return kinds


def results(data: dict[str, Any]) -> dict[str, Any]:
    """What must not change: all but the timing and the server's port in links."""
    hits = [{k: v.split("/", 3)[-1] if k == "url" else v for k, v in h.items()} for h in data["hits"]]
    return {"total": data["total"], "hits": hits, "facets": data["facets"], "suggestions": data["suggestions"],
            "approximate_total": data["approximate_total"]}


def ties_only(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """The same results but for the order among hits of equal score, which an engine leaves to
    its index layout (Elasticsearch: segment merges, concurrent bulk requests). Hits of the
    last score may be other ones of that score: a constant-score filter cuts among thousands."""
    strip = {k: v for k, v in before.items() if k != "hits"}
    if strip != {k: v for k, v in after.items() if k != "hits"} or len(before["hits"]) != len(after["hits"]):
        return False
    groups = [_by_score(r["hits"]) for r in (before, after)]
    if [score for score, _ in groups[0]] != [score for score, _ in groups[1]]:
        return False
    whole = list(zip(groups[0], groups[1]))[:-1]  # every score group but the last is complete
    return all(sorted(a, key=repr) == sorted(b, key=repr) for (_, a), (_, b) in whole)


def _by_score(hits: list[dict[str, Any]]) -> list[tuple[float, list[dict[str, Any]]]]:
    groups: list[tuple[float, list[dict[str, Any]]]] = []
    for h in hits:
        if not groups or groups[-1][0] != h["score"]:
            groups.append((h["score"], []))
        groups[-1][1].append(h)
    return groups


def timed(client: httpx.Client, q: str) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    r = client.get("/api/search", params={"q": q})
    took = (time.perf_counter() - started) * 1000
    r.raise_for_status()
    return took, r.json()


def run(clients: dict[str, httpx.Client], kinds: dict[str, list[str]], rounds: int) -> tuple[dict, dict]:
    """Samples per (label, kind), and the queries whose results differ: in the order of equal
    scores only ("ties"), or otherwise ("differ")."""
    samples: dict[tuple[str, str], list[float]] = {}
    differ: dict[str, list[str]] = {"ties": [], "differ": []}
    labels = list(clients)
    for kind, qs in kinds.items():
        for round_ in range(rounds + 1):
            for i, q in enumerate(qs):
                order = labels if (round_ + i) % 2 == 0 else labels[::-1]
                got = {label: timed(clients[label], q) for label in order}
                if round_ == 0:  # warm-up round: the results are compared, not timed
                    before, after = (results(got[label][1]) for label in labels)
                    if before != after:
                        differ["ties" if ties_only(before, after) else "differ"].append(q)
                    continue
                for label in labels:
                    samples.setdefault((label, kind), []).append(got[label][0])
    return samples, differ


def report(samples: dict[tuple[str, str], list[float]], kinds: dict[str, list[str]], labels: list[str]) -> None:
    print(f"{'kind':9s}" + "".join(f"{label + ' p50/p99 ms':>26s}" for label in labels) + f"{'median ratio':>14s}")
    for kind in kinds:
        cells, medians = [], []
        for label in labels:
            lat = samples[(label, kind)]
            medians.append(statistics.median(lat))
            cells.append(f"{_pct(lat, 0.5):>15.1f} / {_pct(lat, 0.99):>7.1f}")
        print(f"{kind:9s}" + "".join(cells) + f"{medians[1] / medians[0]:>14.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", type=Path, required=True, help="a copy of the code before the change")
    ap.add_argument("--data", type=Path, default=Path("/tmp/expediente-scale/data"))
    ap.add_argument("--planted", type=Path, help="planted.json of the corpus (default: beside the data folder)")
    ap.add_argument("--engine", default="tantivy", choices=("tantivy", "elasticsearch"))
    ap.add_argument("--es-url", default="http://127.0.0.1:9200")
    ap.add_argument("--es-index", default="expediente-scale-perf")
    ap.add_argument("--baseline-es-index", help="the index the baseline searches (default: --es-index), e.g. "
                    "one the baseline's own `reindex --to elasticsearch` built")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--kinds", help="comma-separated query kinds (default: all)")
    args = ap.parse_args()
    planted = args.planted or args.data.parent / "corpus" / "planted.json"
    kinds = queries(planted if planted.exists() else None)
    if args.kinds:
        kinds = {k: v for k, v in kinds.items() if k in args.kinds.split(",")}
    env = dict(os.environ, EXPEDIENTE_DATA_DIR=str(args.data), EXPEDIENTE_ENGINE=args.engine,
               EXPEDIENTE_ES_URL=args.es_url, EXPEDIENTE_ES_INDEX=args.es_index)
    with ExitStack() as stack:
        before_env = dict(env, EXPEDIENTE_ES_INDEX=args.baseline_es_index or args.es_index)
        clients = {"before": stack.enter_context(serving(args.baseline.resolve(), before_env)),
                   "after": stack.enter_context(serving(ROOT, env))}
        print(f"{args.engine}, {args.rounds} rounds, load average {os.getloadavg()[0]:.2f}")
        samples, differ = run(clients, kinds, args.rounds)
    if args.rounds:  # --rounds 0: compare the results only
        report(samples, kinds, list(clients))
    total = sum(len(v) for v in kinds.values())
    same = total - len(differ["ties"]) - len(differ["differ"])
    print(f"results identical for {same}/{total} queries" + "".join(
        f"; {label} {len(qs)}: {qs}" for label, qs in (("differ only in the order of equal scores", differ["ties"]),
                                                         ("differ", differ["differ"])) if qs))
    return 1 if differ["differ"] else 0


if __name__ == "__main__":
    sys.exit(main())
