"""Browsing over HTTP, this checkout against an earlier commit (issue 10): a real `expediente
serve` of each on the same archive, both warmed up, every page asked of one then the other
(the order alternating by round), so both see the same machine. Prints each page's median and
the ratio.

    .venv/bin/python benchmarks/browse_ab.py DATA_DIR --before ea6030e [--rounds 7] [--path /bids ...]

DATA_DIR is an archive's data folder, e.g. the one `benchmarks/scale.py --work W` builds (W/data).
The earlier commit is checked out in a temporary git worktree, removed at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale import serving  # noqa: E402

PATHS = ["/bids", "/bids?sort=total", "/contracts", "/amounts", "/api/bids", "/vendors", "/vendors/magavel",
         "/documents"]


@contextlib.contextmanager
def worktree(rev: str):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "before"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), rev], check=True,
                       capture_output=True)
        try:
            yield path
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(path)], check=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--before", required=True, help="the earlier commit")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--path", action="append", help="a page to ask for (repeatable; default: the index pages)")
    args = ap.parse_args()
    env = dict(os.environ, EXPEDIENTE_DATA_DIR=str(args.data_dir), EXPEDIENTE_ENGINE="tantivy")
    paths = args.path or PATHS
    with worktree(args.before) as before, contextlib.ExitStack() as stack:
        clients = {"before": stack.enter_context(serving(env, checkout=before)),
                   "after": stack.enter_context(serving(env))}
        took: dict[tuple[str, str], list[float]] = {(k, p): [] for k in clients for p in paths}
        for round_ in range(args.rounds):
            for path in paths:
                for k in (("before", "after") if round_ % 2 else ("after", "before")):
                    started = time.perf_counter()
                    if clients[k].get(path).status_code >= 500:
                        raise SystemExit(f"{k}: {path} failed")
                    took[(k, path)].append((time.perf_counter() - started) * 1000)
        print(f"{'page':32s} {'before':>9s} {'after':>9s}   (ms, median of {args.rounds})")
        for path in paths:
            b, a = statistics.median(took[("before", path)]), statistics.median(took[("after", path)])
            print(f"{path:32s} {b:9.1f} {a:9.1f}   {b / a:5.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
