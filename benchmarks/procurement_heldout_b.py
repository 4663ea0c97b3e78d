"""Held-out procurement set B: six more fictional procurements, written after the first set's
fixes and without reading the extractors, ingested into a fresh archive through the real CLI;
prints vendor and case figures, separately for text-layer and OCR documents. The CLI plumbing
and the report are set A's (procurement_heldout.py); the documents and the scoring are B's own.

    .venv/bin/python benchmarks/procurement_heldout_b.py              # the whole set, with scans
    .venv/bin/python benchmarks/procurement_heldout_b.py --pids B1 B4 --no-scans --json

It measures, it does not fit: nothing in the product is tuned to this set.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout_b_measure  # noqa: E402
import procurement_heldout  # noqa: E402
from heldout_b_build import generate  # noqa: E402


def measure(folder: Path, data_dir: Path, pids: list[str] | None, scans: bool) -> dict[str, Any]:
    return procurement_heldout.measure(folder, data_dir, pids, scans, generate, heldout_b_measure)


if __name__ == "__main__":
    sys.exit(procurement_heldout.main(title="held-out set B", pids="B1..B6", run=measure))
