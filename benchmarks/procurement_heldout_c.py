"""Held-out procurement set C: six more fictional procurements (ambulances, school breakfasts,
drones, body cameras, facial recognition by direct award, cleaning services), written without
reading the extractors, ingested into a fresh archive through the real CLI; prints vendor and case
figures, separately for text-layer and OCR documents. The CLI plumbing and the report are set A's
(procurement_heldout.py); the documents are C's own, the scoring is B's (heldout_c_measure.py).

    .venv/bin/python benchmarks/procurement_heldout_c.py              # the whole set, with scans
    .venv/bin/python benchmarks/procurement_heldout_c.py --pids C1 C4 --no-scans --json

It measures, it does not fit: nothing in the product is tuned to this set.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout_c_measure  # noqa: E402
import procurement_heldout  # noqa: E402
from heldout_c_build import generate  # noqa: E402


def measure(folder: Path, data_dir: Path, pids: list[str] | None, scans: bool) -> dict[str, Any]:
    return procurement_heldout.measure(folder, data_dir, pids, scans, generate, heldout_c_measure)


if __name__ == "__main__":
    sys.exit(procurement_heldout.main(title="held-out set C", pids="C1..C6", run=measure))
