"""Precision and recall of OCR-tolerant matching against the samples' ground truth: every
code, RFC, vendor and person the answer key says is printed, searched as printed, with
exact matching only and with approximate matches added. The figures that matter are on the
OCR pages (where the damage is); text-layer pages show that approximation adds no noise.

    .venv/bin/python benchmarks/approximate_prf.py [--data-dir DIR]   (ingests samples/ when DIR is empty)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import ingest_files, open_archive  # noqa: E402
from archive.archive import SearchOptions  # noqa: E402
from expediente.settings import Settings  # noqa: E402

KINDS = ("bid", "contract", "rfc", "vendor", "person")


def truth(key: dict) -> dict[str, set[tuple[str, int]]]:
    """Printed form -> pages printing that value (any printed form of it)."""
    by_value: dict[tuple[str, str], set[tuple[str, int]]] = defaultdict(set)
    printed: dict[tuple[str, str], str] = {}
    for e in key["entities"]:
        if e["kind"] in KINDS:
            by_value[(e["kind"], e["value"])].add((e["file"], e["page"]))
            printed.setdefault((e["kind"], e["value"]), e["printed"])
    return {printed[k].replace('"', " "): pages for k, pages in by_value.items()}


def measure(archive, queries: dict[str, set[tuple[str, int]]], methods: dict[tuple[str, int], str]) -> None:
    for label, approximate in (("exact only", False), ("exact + approximate", True)):
        for scope in ("ocr", "text", "all"):
            tp = fp = fn = 0
            for query, expected in queries.items():
                hits = archive.search(query, limit=500, options=SearchOptions(approximate=approximate)).hits
                found = {(h.filename, h.page) for h in hits}
                inscope = (lambda k: True) if scope == "all" else (lambda k: methods.get(k) == scope)  # noqa: E731
                found, want = {k for k in found if inscope(k)}, {k for k in expected if inscope(k)}
                tp, fp, fn = tp + len(found & want), fp + len(found - want), fn + len(want - found)
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            print(f"{label:20s} {scope:4s} pages: precision {p:.3f}  recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path)
    args = ap.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="expediente-prf-"))
    settings = Settings(data_dir=data_dir, workers=2)
    archive = open_archive(settings)
    if archive.catalog.counts()["documents"] == 0:
        ingest_files(settings, [ROOT / "samples"])
    key = json.loads((ROOT / "samples" / "answer_key.json").read_text(encoding="utf-8"))
    methods = {(d["file"], p["page"]): ("ocr" if p["method"] == "ocr" else "text") for d in key["documents"] for p in d["pages"]}
    queries = truth(key)
    print(f"{len(queries)} values ({', '.join(KINDS)}) as printed; "
          f"{sum(1 for k in methods.values() if k == 'ocr')} OCR pages, {sum(1 for k in methods.values() if k == 'text')} text pages")
    measure(archive, queries, methods)
    archive.close()


if __name__ == "__main__":
    main()
