"""Ingest throughput on this machine: born-digital and scanned pages per second.

Baselines run in the same process: pdfplumber's word extraction for the text layer, and
Tesseract with its default threading for OCR. Prints medians of --runs runs.

    .venv/bin/python benchmarks/ingest_speed.py [--runs 3] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from expediente.settings import Settings  # noqa: E402
from archive import ingest_files  # noqa: E402
from ingest.stages import analyse_file  # noqa: E402
from archive import open_archive  # noqa: E402

BORN_DIGITAL = ["mx_puebla_ley_obra_publica_2021.pdf", "mx_sfp_modelo_informe_auditor_independiente_formato5.pdf",
                "mx_sfp_modelo_informe_adquisiciones_formato13.pdf", "cfdi33_sample_accem_layoutA.pdf",
                "retenciones10_sample_eku.pdf"]
SCANNED = ["py_hacienda_contrato_MH-SET_03-2019_scan.pdf", "ar_carmen_de_areco_licitacion_publica_07-2023_scan.pdf",
           "ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf"]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def text_layer_rate(files: list[Path], runs: int) -> tuple[float, float, int]:
    """(our pages/s, pdfplumber pages/s) for the text layer with word boxes, one core."""
    import pdfplumber

    pages = sum(len(analyse_file(str(f)).pages) for f in files)
    ours = statistics.median(timed(lambda: [analyse_file(str(f)) for f in files]) for _ in range(runs))

    def plumber() -> None:
        for f in files:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    page.extract_words()

    base = statistics.median(timed(plumber) for _ in range(max(1, runs - 1)))
    return pages / ours, pages / base, pages


def pipeline_rate(files: list[Path], workers: int, runs: int) -> tuple[float, int]:
    """Whole ingest (hash, text/OCR, entities, catalog, index commit) in pages/s."""
    rates, pages = [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(data_dir=Path(tmp), workers=workers)
            archive = open_archive(settings)
            seconds = timed(lambda: setattr(archive, "last", ingest_files(settings, files)))
            pages = sum(i["pages"] for i in archive.last.ingested)  # type: ignore[attr-defined]
            archive.close()
            rates.append(pages / seconds)
    return statistics.median(rates), pages


def tesseract_threads(files: list[Path]) -> tuple[float, float]:
    """Seconds per page, same pages, one process: Tesseract single-threaded (what each
    worker runs) and with its default OpenMP threads (the baseline)."""
    from ingest.formats import open_source
    from ingest.tesseract import ocr_image

    images = []
    for f in files:
        src = open_source(f)
        images += [src.image(i, 300) for i in range(src.page_count())]
        src.close()
    out = []
    for limit in ("1", None):
        if limit:
            os.environ["OMP_THREAD_LIMIT"] = limit
        else:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        out.append(sum(timed(lambda: ocr_image(im, "spa+eng", 600)) for im in images) / len(images))
    return out[0], out[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    digital = [args.corpus / f for f in BORN_DIGITAL]
    scanned = [args.corpus / f for f in SCANNED] + sorted(ROOT.glob("samples/*escane*.pdf")) + sorted(ROOT.glob("samples/*.tiff"))

    ours, plumber, n = text_layer_rate(digital, args.runs)
    print(f"text layer + word boxes + entities, 1 core, {n} pages: {ours:7.1f} pages/s   "
          f"pdfplumber extract_words: {plumber:6.1f} pages/s   ratio {ours / plumber:5.1f}x")
    for workers in (1, 2):
        rate, n = pipeline_rate(digital, workers, args.runs)
        print(f"born-digital, full ingest, {workers} worker(s), {n} pages: {rate:7.1f} pages/s")
    for workers in (1, 2):
        rate, n = pipeline_rate(scanned, workers, max(1, args.runs - 2))
        print(f"scanned (OCR spa+eng 300 dpi), full ingest, {workers} worker(s), {n} pages: {rate:5.2f} pages/s "
              f"({1 / rate:4.2f} s/page)")
    single, default = tesseract_threads(scanned[3:])
    print(f"Tesseract alone on the scanned samples, one page at a time: OMP_THREAD_LIMIT=1 {single:4.2f} s/page, "
          f"default threads {default:4.2f} s/page (baseline); two single-threaded workers give "
          f"{2 * default / single:4.2f}x the baseline's throughput")
    return 0


if __name__ == "__main__":
    sys.exit(main())
