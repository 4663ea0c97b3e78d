"""OCR of scanned pages: our page stage against plain `tesseract` on the same pages.

Plain: `tesseract page.png - -l spa+eng --psm 3` on each page rendered once beforehand at
300 dpi (rendering not counted: the baseline's best case). Ours: `ocr_page` as a worker
runs it (render, deskew, hand-off, Tesseract, word boxes, entities, OSD when the read is
poor), with the hand-off as it was (PNG) and as it is (PNM). Counted in CPU seconds
(this process and its children), so other work on the machine does not skew the ratio;
each runs one single-threaded Tesseract, as a worker does.

    .venv/bin/python benchmarks/ocr_handoff.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from expediente.settings import Settings  # noqa: E402
from ingest import tesseract  # noqa: E402
from ingest.formats import open_source  # noqa: E402
from ingest.stages import ocr_page  # noqa: E402

SCANS = ["py_hacienda_contrato_MH-SET_03-2019_scan.pdf", "ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf",
         "ocr_gutenberg_huckfinn_c03-29_scan.pdf", "ocr_gt_linn_rotated_skew.pdf"]


def cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measure(fn: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds, wall seconds)."""
    c, w = cpu(), time.perf_counter()
    fn()
    return cpu() - c, time.perf_counter() - w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    pages = [(args.corpus / name, i) for name in SCANS for i in range(open_source(args.corpus / name).page_count())]
    pages += [(p, i) for p in sorted((ROOT / "samples").glob("*escane*.pdf")) for i in range(open_source(p).page_count())]
    settings = Settings(data_dir=Path(tempfile.mkdtemp()), workers=1)
    with tempfile.TemporaryDirectory() as tmp:
        pngs = []
        for n, (path, i) in enumerate(pages):
            src = open_source(path)
            pngs.append(Path(tmp, f"{n}.png"))
            src.image(i, 300).save(pngs[-1])
            src.close()

        def plain() -> None:
            for png in pngs:
                subprocess.run(["tesseract", str(png), "-", "-l", "spa+eng", "--psm", "3"], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def ours() -> None:
            for path, i in pages:
                ocr_page(str(path), i, settings)

        print(f"{len(pages)} scanned pages, load average {os.getloadavg()[0]:.2f}")
        base_cpu, base_wall = measure(plain)
        print(f"plain tesseract (pre-rendered PNG):     {base_cpu / len(pages):5.2f} CPU s/page  ({base_wall:.0f} s wall)")
        with mock.patch.object(tesseract, "_handoff", lambda image: image):
            png_cpu, png_wall = measure(ours)
        print(f"ocr_page, PNG hand-off (before):        {png_cpu / len(pages):5.2f} CPU s/page  ({png_wall:.0f} s wall)"
              f"  {base_cpu / png_cpu:4.2f}x plain's throughput")
        pnm_cpu, pnm_wall = measure(ours)
        print(f"ocr_page, PNM hand-off (now):           {pnm_cpu / len(pages):5.2f} CPU s/page  ({pnm_wall:.0f} s wall)"
              f"  {base_cpu / pnm_cpu:4.2f}x plain's throughput")
    return 0


if __name__ == "__main__":
    sys.exit(main())
