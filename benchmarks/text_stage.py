"""The born-digital page stage against pdftotext, file by file in turn (the same load for both).

Ours: `analyse_file` as an ingest worker runs it (the text layer through `pdftotext -raw`, PDFium
where that does not read well, the text-quality check, entity extraction); pdftotext: a
subprocess on the same file. CPU seconds (this process and its children). The scale benchmark's pages by default (scale_corpus.py).

    .venv/bin/python benchmarks/text_stage.py [--corpus /tmp/corp10k | --pages 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.stages import analyse_file  # noqa: E402


def cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="PDFs made by scale_corpus.py (default: make --pages of them)")
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    corpus = args.corpus
    if corpus is None:
        corpus = Path(tempfile.mkdtemp(prefix="text-stage-"))
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale_corpus.py"), str(corpus), "--pages",
                        str(args.pages)], check=True, stdout=subprocess.DEVNULL)
    files = sorted(corpus.glob("*.pdf"))
    ours, base, pages = [], [], 0
    for _ in range(args.runs):
        spent_ours = spent_base = 0.0
        pages = 0
        for path in files:
            c = cpu(resource.RUSAGE_CHILDREN)
            subprocess.run(["pdftotext", "-q", str(path), os.devnull], check=True)
            spent_base += cpu(resource.RUSAGE_CHILDREN) - c
            c = cpu(resource.RUSAGE_SELF) + cpu(resource.RUSAGE_CHILDREN)  # ours runs pdftotext -raw too
            pages += analyse_file(str(path)).page_count
            spent_ours += cpu(resource.RUSAGE_SELF) + cpu(resource.RUSAGE_CHILDREN) - c
        ours.append(spent_ours / pages * 1000)
        base.append(spent_base / pages * 1000)
    o, b = statistics.median(ours), statistics.median(base)
    print(f"{pages} born-digital pages, median of {args.runs} runs, load average {os.getloadavg()[0]:.1f}")
    print(f"pdftotext:                      {b:5.2f} CPU ms/page")
    print(f"analyse_file (text + entities): {o:5.2f} CPU ms/page  ({o / b:.2f}x pdftotext)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
