"""Entity extraction's CPU a page, each extractor's share, against pdftotext reading the same pages.

Dense synthetic pages (benchmarks/scale_corpus.py: ~660 words of procurement prose with codes,
amounts, vendors, RFCs and dates) and the born-digital PDFs of ../shared/corpus when it is there.
pdftotext (`ingest.poppler.page_texts`, a process a file) is the baseline, run in the same process:
the floor for reading a page's text. Medians of --rounds rounds.

    .venv/bin/python benchmarks/entities_speed.py [--files 20] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale_corpus import write_file  # noqa: E402
from ingest.entities import extract_entities  # noqa: E402
from ingest.entities.pipeline import EXTRACTORS  # noqa: E402
from ingest.entities.textutil import fold  # noqa: E402
from ingest.poppler import page_texts  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
PER_FILE = 50


def median_ms(run: Callable[[], object], pages: int, rounds: int) -> float:
    """Median CPU ms a page of `run` over `rounds` rounds."""
    times = []
    for _ in range(rounds):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return 1000 * statistics.median(times) / pages


def page_count(path: Path) -> int:
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:
        return 0  # encrypted or broken: not this benchmark's concern
    try:
        return len(pdf)
    finally:
        pdf.close()


def read_all(files: list[Path]) -> list[str]:
    texts: list[str] = []
    for path in files:
        texts += [t for t in page_texts(path, 0, page_count(path)) or [] if t.strip()]
    return texts


def report(label: str, files: list[Path], rounds: int) -> None:
    started = time.perf_counter()
    texts = read_all(files)
    reading = time.perf_counter() - started  # pdftotext runs in child processes: wall time, one at a time
    if not texts:
        return
    pdftotext_ms = 1000 * reading / len(texts)
    for text in texts[:50]:
        extract_entities(text)  # warm: compiled patterns, fold caches
    total = median_ms(lambda: [extract_entities(t) for t in texts], len(texts), rounds)
    print(f"{label}: {len(texts)} pages; entities {total:.3f} ms a page; pdftotext {pdftotext_ms:.3f} ms a page "
          f"(wall, one at a time); entities / pdftotext {total / pdftotext_ms:.2f}")
    folded = [(t, fold(t)) for t in texts]  # each extractor alone: a scan shared by several is paid by each
    for extractor in EXTRACTORS:
        ms = median_ms(lambda: [list(extractor(t, f)) for t, f in folded], len(texts), rounds)
        print(f"  {extractor.__module__.rsplit('.', 1)[-1]:10s} {ms:.3f} ms a page")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=20, help=f"synthetic PDFs of {PER_FILE} dense pages")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for index in range(args.files):
            write_file(out, index, PER_FILE, seed=1, plant_every=97)
        report("synthetic dense pages", sorted(out.glob("doc-*.pdf")), args.rounds)
    if CORPUS.is_dir():
        report("shared corpus PDFs", sorted(CORPUS.rglob("*.pdf")), args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
