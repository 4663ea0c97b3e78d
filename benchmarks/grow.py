"""What growing a large archive costs: batches of new pages ingested into an archive that
`scale.py` built (a million pages), each against the same batch into an empty archive, the two
alternating, in one run. At a million pages the catalog's indexes outgrow SQLite's cache and each
commit writes index pages scattered over the file: this shows it apart from the workers' cost.

Each batch is a `scale_corpus.py` corpus of its own seed, so its documents are new to both
archives. The large archive keeps them (it grows by `--pages` a batch).

    .venv/bin/python benchmarks/grow.py --archive /tmp/sc1m/data [--batches 4] [--pages 10000]
        [--seed 1000] [--work /tmp/expediente-grow]

Prints for each ingest: pages/s, CPU ms a page (the process tree) and the write system calls of
the indexer process (catalog and index writes: /proc/PID/io `syscw`) a page; then the medians and
the large archive's ratio to the empty one's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale import run_measured  # noqa: E402

# The CLI of this checkout, writing its own /proc/self/io to a file as it exits.
CLI = [sys.executable, "-c", "import atexit, os, shutil, sys; "
       "atexit.register(lambda: shutil.copy('/proc/self/io', os.environ['GROW_IO'])); "
       "from expediente.cli import main; sys.exit(main())"]


def batch(work: Path, seed: int, pages: int) -> Path:
    out = work / f"batch-{seed}"
    if not (out / "planted.json").exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale_corpus.py"), str(out), "--pages", str(pages),
                        "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
    return out


def ingest(data: Path, corpus: Path, pages: int, io_file: Path) -> dict[str, float]:
    env = dict(os.environ, EXPEDIENTE_DATA_DIR=str(data), EXPEDIENTE_ENGINE="tantivy", PYTHONPATH=str(ROOT),
               GROW_IO=str(io_file))
    use, pid = run_measured([*CLI, "ingest", str(corpus), "--quiet"], env)
    io = dict(line.split(": ") for line in io_file.read_text().splitlines())
    return {"pages_s": pages / use.seconds, "cpu_ms": 1000 * sum(use.cpu_s.values()) / pages,
            "writes": int(io["syscw"]) / pages}


def _line(label: str, r: dict[str, float]) -> str:
    return f"{label}: {r['pages_s']:5.0f} pages/s, {r['cpu_ms']:5.2f} ms CPU a page, {r['writes']:5.1f} write calls a page"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", type=Path, required=True, help="the data directory of a large archive")
    ap.add_argument("--batches", type=int, default=4)
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1000, help="the first batch's seed (then +1 each)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/expediente-grow"))
    args = ap.parse_args()
    if not (args.archive / "catalog.sqlite").exists():
        raise SystemExit(f"no archive in {args.archive} (make one with benchmarks/scale.py)")
    args.work.mkdir(parents=True, exist_ok=True)
    results: dict[str, list[dict[str, float]]] = {"large": [], "empty": []}
    for n in range(args.batches):
        corpus = batch(args.work, args.seed + n, args.pages)
        empty = args.work / "empty"
        order = ("large", "empty") if n % 2 == 0 else ("empty", "large")  # alternating: the host's speed drifts
        for which in order:
            shutil.rmtree(empty, ignore_errors=True)
            r = ingest(args.archive if which == "large" else empty, corpus, args.pages, args.work / "io")
            results[which].append(r)
            print(_line(f"batch {n + 1} into the {which} archive", r), flush=True)
    shutil.rmtree(args.work / "empty", ignore_errors=True)
    med = {k: {f: statistics.median(r[f] for r in v) for f in v[0]} for k, v in results.items()}
    for which in ("large", "empty"):
        print(_line(f"median, {which}", med[which]))
    print(f"the large archive against the empty one: {med['large']['pages_s'] / med['empty']['pages_s']:.2f}x the pages/s, "
          f"{med['large']['cpu_ms'] / med['empty']['cpu_ms']:.2f}x the CPU, "
          f"{med['large']['writes'] / med['empty']['writes']:.2f}x the write calls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
