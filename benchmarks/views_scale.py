"""The derived views of a large archive (issue 10), built one after another in one process: the
time each takes and the memory it adds (anonymous resident memory, the process's own).

    .venv/bin/python benchmarks/views_scale.py DATA_DIR

DATA_DIR is an archive's data folder, e.g. the one `benchmarks/scale.py --work W` builds (W/data).
The server's warmer builds the same views (archive/warm.py); this prints what each costs.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import open_archive  # noqa: E402
from archive.entity_index import INDEX_KINDS, entity_index, vendor_table  # noqa: E402
from expediente.settings import Settings  # noqa: E402


def anonymous_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    started = time.perf_counter()
    archive = open_archive(Settings(data_dir=Path(sys.argv[1])))
    print(f"open (the schema brought up to date): {time.perf_counter() - started:.1f} s")
    steps: list[tuple[str, Callable[[], object]]] = [
        ("vendor resolution", archive.resolution), ("sort values", archive.sort_values),
        ("vendors index (the one-pass scan)", lambda: vendor_table(archive)),
        *[(f"{name} index", lambda name=name: entity_index(archive, name)) for name in INDEX_KINDS]]
    for name, build in steps:
        before, started = anonymous_mb(), time.perf_counter()
        build()
        print(f"{name:36s} {time.perf_counter() - started:7.2f} s   anonymous memory {before:6.0f} -> {anonymous_mb():6.0f} MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory {peak:.0f} MB")
    archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
