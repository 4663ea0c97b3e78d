"""Command line of samples/generate.py."""
from __future__ import annotations

import argparse
from pathlib import Path

from .config import HERE, RESOURCES


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Deterministic generator of the Expediente sample corpus.")
    ap.add_argument("--check", action="store_true", help="verify the written files with pypdfium2")
    ap.add_argument("--ocr", action="store_true", help="with --check: OCR every scanned page with Tesseract")
    ap.add_argument("--out", type=Path, default=HERE, help="output folder for the samples (default: samples/)")
    ap.add_argument("--resources", type=Path, default=RESOURCES, help="output folder for the bad inputs")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    from .build import build  # heavy imports (reportlab, Pillow) only once the arguments are fine
    docs = build(args.out, args.resources)
    print(f"wrote {len(docs)} documents, {sum(len(d.pages) for d in docs)} pages to {args.out}")
    if args.check:
        from .checks import check
        problems = check(docs, args.out, args.resources, args.ocr)
        for p in problems:
            print("PROBLEM:", p)
        return 1 if problems else 0
    return 0
