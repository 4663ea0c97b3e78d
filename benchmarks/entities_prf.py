"""Precision and recall of entity extraction per kind on the samples, split by how the
page was read (text layer vs OCR). Prints a table; tests assert the floors.

    .venv/bin/python benchmarks/entities_prf.py [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("amount", "bid", "contract", "rfc", "vendor", "date", "person")


def gold_entities(answer_key: dict) -> set[tuple]:
    return {(e["file"], e["page"], e["method"], e["kind"], e["value"]) for e in answer_key["entities"] if e["kind"] in KINDS}


def found_entities(archive, answer_key: dict) -> set[tuple]:
    methods = {(d["file"], p["page"]): p["method"] for d in answer_key["documents"] for p in d["pages"]}
    out = set()
    for doc in archive.catalog.documents(limit=10_000):
        for e in archive.catalog.entities(doc["id"]):
            method = methods.get((doc["filename"], e["page"]))
            if method is not None and e["kind"] in KINDS:
                out.add((doc["filename"], e["page"], method, e["kind"], e["value"]))
    return out


def scores(gold: set[tuple], found: set[tuple]) -> dict[tuple[str, str], dict[str, float]]:
    """{(kind, method): {precision, recall, gold, found}} with method in text/ocr/all."""
    table: dict[tuple[str, str], dict[str, float]] = {}
    for kind in KINDS:
        for method in ("text", "ocr", "all"):
            g = {x for x in gold if x[3] == kind and method in ("all", x[2])}
            f = {x for x in found if x[3] == kind and method in ("all", x[2])}
            tp = len(g & f)
            table[(kind, method)] = {
                "precision": tp / len(f) if f else 1.0, "recall": tp / len(g) if g else 1.0,
                "gold": len(g), "found": len(f),
            }
    return table


def errors(gold: set[tuple], found: set[tuple]) -> dict[str, list]:
    missed, wrong = defaultdict(list), defaultdict(list)
    for x in sorted(gold - found):
        missed[x[3]].append(x)
    for x in sorted(found - gold):
        wrong[x[3]].append(x)
    return {"missed": dict(missed), "spurious": dict(wrong)}


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from expediente.settings import Settings
    from archive import ingest_files
    from archive import open_archive

    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path)
    ap.add_argument("--verbose", action="store_true", help="list missed and spurious entities")
    args = ap.parse_args()
    key = json.loads((ROOT / "samples" / "answer_key.json").read_text(encoding="utf-8"))
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="expediente-prf-"))
    archive = open_archive(Settings(data_dir=data_dir))
    ingest_files(archive.settings, [ROOT / "samples"])
    gold, found = gold_entities(key), found_entities(archive, key)
    print(f"{'kind':<9} {'pages':<5} {'gold':>5} {'found':>6} {'precision':>10} {'recall':>7}")
    for (kind, method), s in scores(gold, found).items():
        print(f"{kind:<9} {method:<5} {s['gold']:>5} {s['found']:>6} {s['precision']:>10.3f} {s['recall']:>7.3f}")
    if args.verbose:
        print(json.dumps(errors(gold, found), indent=1, ensure_ascii=False))
    archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
