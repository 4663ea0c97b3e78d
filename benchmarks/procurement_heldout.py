"""Held-out procurement set: ingest six fictional procurements written independently of the
extractors, ask the archive through its CLI, and print vendor and case figures, separately
for text-layer and OCR documents.

    .venv/bin/python benchmarks/procurement_heldout.py            # the whole set, with scans
    .venv/bin/python benchmarks/procurement_heldout.py --pids P1 P4 --no-scans --json

It measures, it does not fit: nothing in the product is tuned to this set.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout_measure  # noqa: E402,F401  (set A's figures, the default)
from heldout_render import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def expediente(data_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the real CLI on `data_dir`."""
    cmd = [str(ROOT / ".venv" / "bin" / "expediente"), "--data-dir", str(data_dir), *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=check, cwd=ROOT)


def ask(data_dir: Path, *args: str) -> Any:
    """A --json command's answer; {} when the command fails (e.g. an unknown case)."""
    done = expediente(data_dir, *args, "--json", check=False)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        return {}


def vendor_pages(data_dir: Path, key: str) -> set[tuple[str, int]]:
    """The pages `vendor:"KEY"` filters to (the vendor's pages)."""
    hits = ask(data_dir, "search", f'vendor:"{key}"', "--limit", "1000").get("hits", [])
    return {(h["filename"], h["page"]) for h in hits}


def measure(folder: Path, data_dir: Path, pids: list[str] | None, scans: bool,
            build: Callable[..., dict[str, Any]] = generate, figures: Any = None) -> dict[str, Any]:
    """Generate, ingest, query, compare: the whole recipe. `build` and `figures` (a module with
    vendor_figures and case_figures) are a set's own; set A's by default."""
    figures = figures or sys.modules["heldout_measure"]
    truth = build(folder, pids, scans)
    ingest = expediente(data_dir, "ingest", str(folder), "--quiet", check=False)
    vendors = ask(data_dir, "vendors").get("vendors", [])
    cases = {(pid, code): ask(data_dir, "case", code)
             for pid, want in truth["cases"].items() for code in want["codes"]}
    files = truth["files"].values()
    return {"set": {"procurements": len(truth["cases"]), "files": len(truth["files"]),
                    "ocr_files": sum(1 for f in files if f["ocr"]),
                    "ocr_pages": sum(len(f.get("pages", ())) for f in files if f["ocr"]),
                    "ingest": ingest.stdout.strip().splitlines()[-2:]},
            "vendors": figures.vendor_figures(truth, vendors, lambda key: vendor_pages(data_dir, key)),
            "cases": figures.case_figures(truth, cases), "raw_cases": {f"{p} {c}": v for (p, c), v in cases.items()}}


def _line(label: str, ratio: dict[str, str]) -> str:
    return f"  {label:<34} all {ratio['all']:<14} text {ratio['text']:<14} ocr {ratio['ocr']}"


def report(result: dict[str, Any], title: str = "held-out set") -> str:
    """The figures as text."""
    v, c = result["vendors"], result["cases"]
    out = [f"{title}: {result['set']}", "vendors:",
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


def main(argv: list[str] | None = None, title: str = "held-out set", pids: str = "P1..P6",
         run: Callable[..., dict[str, Any]] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(sys.modules["__main__"].__doc__ or title).splitlines()[0])
    parser.add_argument("--pids", nargs="*", help=f"only these procurements ({pids})")
    parser.add_argument("--no-scans", action="store_true", help="print every page born-digital")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        base = args.keep or Path(tmp)
        result = (run or measure)(base / "set", base / "data", args.pids, not args.no_scans)
    if not args.json:
        result.pop("raw_cases")
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else report(result, title))
    return 0


if __name__ == "__main__":
    sys.exit(main())
