"""Measure the procurement record on the procurement test set (benchmarks/procurement_set.py):
vendor precision, per-vendor page recall, case document recall and precision, and the share of
cases whose awarded, contracted and invoiced figures are right; text-layer and OCR apart, tuning
and held-out procurements apart.

    .venv/bin/python benchmarks/procurement_record.py [--no-scans] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(archive: Any, truth: dict[str, Any]) -> dict[str, Any]:
    """The figures, from an archive holding the set (and nothing else)."""
    from ingest.entities import normalise_vendor

    names = {normalise_vendor(n): key for key, n in truth["companies"].items()}
    vendors = archive.vendors()["vendors"]
    real = [v for v in vendors if v["key"] in truth["companies"] or any(x in names for x in v["values"])]
    out: dict[str, Any] = {"vendor_entries": len(vendors), "vendor_precision": _ratio(len(real), len(vendors)),
                           "vendors_found": sorted({v["key"] for v in real})}
    recall = {"text": [0, 0], "ocr": [0, 0]}
    for key in truth["companies"]:
        want = {(p["file"], p["page"], p["ocr"]) for p in truth["pages"] if key in p["companies"]}
        if not want:
            continue
        try:
            profile = archive.vendor(key)
        except Exception:  # noqa: BLE001 - a company the archive does not know: nothing found
            profile = {"documents": []}
        got = {(d["filename"], p) for d in profile.get("documents", []) for p in d["pages"]}
        for f, page, ocr in want:
            slot = recall["ocr" if ocr else "text"]
            slot[0] += (f, page) in got
            slot[1] += 1
    out["vendor_page_recall"] = {k: _ratio(*v) for k, v in recall.items()} | {"pages": {k: v[1] for k, v in recall.items()}}
    for group in ("tuning", "held_out"):
        cases = [p for p in truth["procurements"] if p["held_out"] == (group == "held_out")]
        out[group] = _cases(archive, cases)
    return out


def _cases(archive: Any, cases: list[dict[str, Any]]) -> dict[str, Any]:
    docs = {"text": [0, 0, 0], "ocr": [0, 0, 0]}  # found right, expected, returned
    right = {"awarded": 0, "contracted": 0, "invoiced": 0, "flags": 0}
    wrong: list[str] = []
    for p in cases:
        case = archive.case(p["bid"])
        got = {d["filename"] for d in case["documents"]}
        for f in set(p["files"]) | got:
            slot = docs["ocr" if f in p["scanned_files"] else "text"]
            slot[0] += f in got and f in p["files"]
            slot[1] += f in p["files"]
            slot[2] += f in got
        awarded = {a["value"] for a in case["amounts"]["awarded"] if a["label"] == "with_iva"}
        contracted = [a for a in case["amounts"]["contracted"] if a["label"] in ("amended", "total", "maximum")]
        final = max((float(a["value"]) for a in contracted), default=None)
        checks = {"awarded": awarded == {p["awarded"]}, "contracted": final == float(p["contracted"]),
                  "invoiced": (case["invoiced_total"] or {}).get("value") == p["invoiced"],
                  "flags": sorted({f["kind"] for f in case["flags"]}) == p["flags"]}
        for k, ok in checks.items():
            right[k] += ok
            if not ok:
                wrong.append(f"p{p['n']} {k}")
    n = len(cases)
    return {"cases": n, "documents": {k: {"recall": _ratio(v[0], v[1]), "precision": _ratio(v[0], v[2])} for k, v in docs.items()},
            "figures_right": {k: _ratio(v, n) for k, v in right.items()}, "wrong": wrong}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-scans", action="store_true", help="draw every page born-digital (no OCR)")
    ap.add_argument("--keep", type=Path, help="build and ingest into this folder (reused when present)")
    args = ap.parse_args()
    from benchmarks.procurement_set import build
    from expediente.settings import Settings
    from archive import open_archive

    base = args.keep or Path(tempfile.mkdtemp(prefix="procurements-"))
    files, data = base / "files", base / "data"
    truth = build(files, scanned=not args.no_scans)
    if not data.exists():
        subprocess.run([sys.executable, "-m", "expediente.cli", "--data-dir", str(data), "ingest", str(files), "--quiet"],
                       check=True)
    archive = open_archive(Settings(data_dir=data, engine="tantivy", workers=1))
    try:
        print(json.dumps(measure(archive, truth), indent=2))
    finally:
        archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
