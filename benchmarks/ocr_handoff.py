"""OCR of scanned pages: our page stage against plain `tesseract` on the same pages.

Plain: `tesseract page.png - -l spa+eng --psm 3` on each page rendered once beforehand at
300 dpi (rendering not counted: the baseline's best case). Ours: `ocr_page` as a worker
runs it (render, deskew, PNM hand-off, Tesseract, word boxes, entities, OSD when the read
is poor), with the hard-page cleanup off (one read) and on (the default: ink dropout, rules,
weak lines read again where a page needs it). Counted in CPU seconds (this process and its
children), so other work on the machine does not skew the ratio; each runs one
single-threaded Tesseract, as a worker does. Accuracy (CER, word recall) on the pages the
corpus has ground truth for.

    .venv/bin/python benchmarks/ocr_handoff.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import resource
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from expediente.settings import Settings  # noqa: E402
from ingest.formats import open_source  # noqa: E402
from ingest.stages import ocr_page  # noqa: E402
from ocr_measures import cer, word_recall  # noqa: E402

SCANS = ["py_hacienda_contrato_MH-SET_03-2019_scan.pdf", "ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf",
         "ocr_gutenberg_huckfinn_c03-29_scan.pdf", "ocr_gt_linn_rotated_skew.pdf"]


def cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measure(fn: Callable[[], object]) -> tuple[float, object]:
    """(CPU seconds, what fn returned)."""
    c = cpu()
    out = fn()
    return cpu() - c, out


def truths(path: Path) -> dict[int, str]:
    """Ground truth per page (0-based) where the corpus has it: `NAME.gt.txt`, pages marked
    "=== page N ===" when there are several."""
    gt = path.with_suffix(".gt.txt")
    if not gt.exists():
        return {}
    text = gt.read_text(encoding="utf-8")
    parts = re.split(r"^=== page (\d+) ===$", text, flags=re.M)
    if len(parts) == 1:
        return {0: text}
    return {int(n) - 1: body for n, body in zip(parts[1::2], parts[2::2])}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pages = [(args.corpus / name, i) for name in SCANS for i in range(open_source(args.corpus / name).page_count())]
    pages += [(p, i) for p in sorted((ROOT / "samples").glob("*escane*.pdf")) for i in range(open_source(p).page_count())]
    truth = {(path, i): t for path in {p for p, _ in pages} for i, t in truths(path).items()}
    modes = ("off", "auto")
    with tempfile.TemporaryDirectory() as tmp:
        settings = {m: Settings(data_dir=Path(tmp), workers=1, ocr_cleanup=m) for m in modes}
        texts: dict[str, list[str]] = defaultdict(list)
        spent: dict[str, float] = defaultdict(float)
        per_file: dict[tuple[str, str], float] = defaultdict(float)  # (file, way) -> CPU s
        print(f"{len(pages)} scanned pages ({len(truth)} with ground truth), load average {os.getloadavg()[0]:.2f}")
        for n, (path, i) in enumerate(pages):  # page by page, every way in turn: the same load for each
            src = open_source(path)
            png = Path(tmp, f"{n}.png")
            src.image(i, 300).save(png)
            src.close()
            cpu_s, out = measure(lambda: subprocess.run(["tesseract", str(png), "-", "-l", "spa+eng", "--psm", "3"],
                                                        check=True, capture_output=True, text=True).stdout)
            spent["plain"] += cpu_s
            per_file[path.name, "plain"] += cpu_s
            texts["plain"].append(str(out))
            for m in modes:
                cpu_s, page = measure(lambda: ocr_page(str(path), i, settings[m]))
                spent[m] += cpu_s
                per_file[path.name, m] += cpu_s
                texts[m].append(page.text)  # type: ignore[attr-defined]
        base = spent["plain"]
        print(f"plain tesseract (pre-rendered PNG):   {base / len(pages):5.2f} CPU s/page  {accuracy(texts['plain'], pages, truth)}")
        for m in modes:
            print(f"ocr_page, EXPEDIENTE_OCR_CLEANUP={m:4}: {spent[m] / len(pages):5.2f} CPU s/page  "
                  f"{base / spent[m]:4.2f}x plain's throughput  {accuracy(texts[m], pages, truth)}")
        print("per document, plain's throughput against each mode's:")
        for name in dict.fromkeys(p.name for p, _ in pages):
            n = sum(p.name == name for p, _ in pages)
            print(f"  {name[:48]:48} {n:2} p  plain {per_file[name, 'plain'] / n:5.2f} s/page  "
                  + "  ".join(f"{m} {per_file[name, 'plain'] / per_file[name, m]:4.2f}x" for m in modes))
    return 0


def accuracy(texts: list[str], pages: list[tuple[Path, int]], truth: dict[tuple[Path, int], str]) -> str:
    """Mean CER and word recall over the pages with ground truth."""
    scored = [(cer(t, truth[k]), word_recall(t, truth[k])) for t, k in zip(texts, pages) if k in truth]
    if not scored:
        return ""
    return f"CER {statistics.mean(c for c, _ in scored):.3f}, word recall {statistics.mean(w for _, w in scored):.3f}"


if __name__ == "__main__":
    sys.exit(main())
