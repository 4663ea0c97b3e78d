"""What the durable queue costs: a CLI ingest through the queue and the indexer (store the
original, enqueue, lease, claim, commit, mark jobs done, follow) against the same reading
and writing with no queue at all (the Reader handing Documents straight to the catalog and
the index, as the single-process ingest did before), in the same process, alternating.

    .venv/bin/python benchmarks/queue_overhead.py [--runs 5] [--files 200] [--workers 2]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from archive import ingest_files  # noqa: E402
from archive.catalog import Catalog  # noqa: E402
from archive.records import document_records  # noqa: E402
from expediente.settings import Settings  # noqa: E402
from ingest import Item, Reader, collect_files, sha256_of  # noqa: E402
from search import open_engine  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
DIGITAL = ["mx_puebla_ley_obra_publica_2021.pdf", "mx_sfp_modelo_informe_auditor_independiente_formato5.pdf",
           "mx_sfp_modelo_informe_adquisiciones_formato13.pdf", "cfdi33_sample_accem_layoutA.pdf"]


class _Direct:
    """The baseline sink: catalog and index written directly, a commit every 25 documents."""

    def __init__(self, settings: Settings) -> None:
        self.catalog = Catalog(settings.catalog_path)
        self.engine = open_engine(settings, writable=True)
        self.staged: list[str] = []
        self.pages = 0

    def document(self, item, document) -> None:
        self.catalog.put_document(document, str(item.path))
        self.engine.delete_document(document.sha256)
        self.engine.add(document_records(self.catalog, document.sha256, document))
        self.staged.append(document.sha256)
        self.pages += document.page_count
        if len(self.staged) >= 25:
            self.flush()

    def failed(self, item, error) -> None:
        raise error

    def progress(self, item, done, total, ocr) -> None:
        pass

    def tick(self) -> None:
        pass

    def flush(self) -> None:
        self.engine.commit()
        self.catalog.mark_indexed(self.staged)
        self.staged = []


def direct(files: list[Path], settings: Settings) -> int:
    sink = _Direct(settings)
    items = [Item(i, f, f.name, sha256_of(f), f.stat().st_size) for i, f in enumerate(files)]
    reader = Reader(settings)

    def take(n: int) -> list[Item]:
        taken = items[:n]
        del items[:n]
        return taken

    reader.run(take, sink)
    reader.close()
    sink.flush()
    return sink.pages


def queued(files: list[Path], settings: Settings) -> int:
    report = ingest_files(settings, files)
    assert not report.failed, report.failed
    return sum(i["pages"] for i in report.ingested)


def make_files(folder: Path, n: int) -> list[Path]:
    from tests_support import make_pdf

    for i in range(n):
        make_pdf(folder / f"oficio-{i:04d}.pdf", [
            f"Oficio DCA/TM/{i}/2020 relativo al contrato {i}\nMonto $1,{i % 1000:03d},123.00 M.N.\n"
            f"Proveedor Servicios Integrales Magavel S.A. de C.V. pagina {p}" for p in range(1, 4)])
    return collect_files([folder]) + [CORPUS / f for f in DIGITAL if (CORPUS / f).exists()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp), args.files)
        rates: dict[str, list[float]] = {"direct": [], "queued": []}
        pages = 0
        for run in range(args.runs):
            for name, fn in (("direct", direct), ("queued", queued)) if run % 2 == 0 else (("queued", queued), ("direct", direct)):
                with tempfile.TemporaryDirectory() as data:
                    settings = Settings(data_dir=Path(data), workers=args.workers)
                    started = time.perf_counter()
                    pages = fn(files, settings)
                    rates[name].append(pages / (time.perf_counter() - started))
    d, q = statistics.median(rates["direct"]), statistics.median(rates["queued"])
    print(f"{len(files)} files, {pages} born-digital pages, {args.workers} workers, median of {args.runs} runs each")
    print(f"  no queue (Reader straight into catalog + index): {d:7.1f} pages/s   runs {[round(r) for r in rates['direct']]}")
    print(f"  through the queue and the indexer (CLI ingest):  {q:7.1f} pages/s   runs {[round(r) for r in rates['queued']]}")
    print(f"  ratio queued / direct: {q / d:5.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
