"""Held-out procurement set B: six more fictional procurements, written after the first set's
fixes and without reading the extractors, ingested into a fresh archive through the real CLI;
prints vendor and case figures, separately for text-layer and OCR documents.

    .venv/bin/python benchmarks/procurement_heldout_b.py              # the whole set, with scans
    .venv/bin/python benchmarks/procurement_heldout_b.py --pids B1 B4 --no-scans --json

It measures, it does not fit: nothing in the product is tuned to this set.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout_b_build import generate  # noqa: E402
from heldout_b_measure import case_figures, vendor_figures  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def expediente(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real CLI on `data_dir` (its exit status is the caller's to judge)."""
    cmd = [str(ROOT / ".venv" / "bin" / "expediente"), "--data-dir", str(data_dir), *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)


def ask(data_dir: Path, *args: str) -> Any:
    """A --json command's answer; {} when it prints none (e.g. an unknown case)."""
    try:
        return json.loads(expediente(data_dir, *args, "--json").stdout)
    except json.JSONDecodeError:
        return {}


def vendor_pages(data_dir: Path, key: str) -> set[tuple[str, int]]:
    """The pages `vendor:"KEY"` filters to."""
    hits = ask(data_dir, "search", f'vendor:"{key}"', "--limit", "1000").get("hits", [])
    return {(h["filename"], h["page"]) for h in hits}


def measure(folder: Path, data_dir: Path, pids: list[str] | None, scans: bool) -> dict[str, Any]:
    """Generate, ingest, ask, compare."""
    truth = generate(folder, pids, scans)
    ingest = expediente(data_dir, "ingest", str(folder), "--quiet")
    vendors = ask(data_dir, "vendors").get("vendors", [])
    cases = {(pid, code): ask(data_dir, "case", code)
             for pid, want in truth["cases"].items() for code in want["codes"]}
    files = truth["files"].values()
    return {"set": {"procurements": len(truth["cases"]), "files": len(truth["files"]),
                    "ocr_files": sum(1 for f in files if f["ocr"]),
                    "ocr_pages": sum(len(f["pages"]) for f in files if f["ocr"]),
                    "ingest": ingest.stdout.strip().splitlines()[-2:]},
            "vendors": vendor_figures(truth, vendors, lambda key: vendor_pages(data_dir, key)),
            "cases": case_figures(truth, cases),
            "raw_cases": {f"{p} {c}": v for (p, c), v in cases.items()}}


def _line(label: str, ratio: dict[str, str]) -> str:
    return f"  {label:<34} all {ratio['all']:<14} text {ratio['text']:<14} ocr {ratio['ocr']}"


def report(result: dict[str, Any]) -> str:
    """The figures as text."""
    v, c = result["vendors"], result["cases"]
    out = [f"held-out set B: {result['set']}", "vendors:",
           _line("vendor precision (real companies)", v["precision"]),
           _line("per-vendor page recall (pages)", v["page_recall"]),
           _line("per-vendor page precision (pages)", v["page_precision"]),
           f"  entries that are not companies: {v['not_companies']}"]
    for name, info in v["per_company"].items():
        out.append(f"    {name:<56} entries {len(info['entries'])}  pages {info['pages']}"
                   + (f"  missed {info['missed']}" if info["missed"] else "")
                   + (f"  not its pages {info['stray']}" if info["stray"] else ""))
    out += ["cases (each procurement looked up by its bid and its contract code):",
            _line("document recall", c["doc_recall"]), _line("document precision", c["doc_precision"])]
    out += [_line(f"{role} figures right (cases)", r) for role, r in c["figures_right"].items()]
    out += [_line("flag recall", c["flag_recall"]), _line("flag precision", c["flag_precision"])]
    for name, d in c["cases"].items():
        out.append(f"    {name:<36} missing {d['missing']} extra {d['extra']} wrong {d['wrong_figures']} "
                   f"flags {d['flags']} (truth {d['want_flags']})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pids", nargs="*", help="only these procurements (B1..B6)")
    parser.add_argument("--no-scans", action="store_true", help="print every page born digital")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="heldout-b-") as tmp:
        base = args.keep or Path(tmp)
        result = measure(base / "set", base / "data", args.pids, not args.no_scans)
    if not args.json:
        result.pop("raw_cases")
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
