"""Latency of the case view (archive.case) on an archive of thousands of documents: the samples
ingested through the real pipeline plus synthetic procurement documents written straight into
the catalog (and reindexed into the embedded engine), each printing bid and contract numbers,
amounts and vendors. Measures the current archive/cases.py and, in the same process, the one of
an earlier commit (`--before REV`, loaded from git), and checks both give the same case.

    .venv/bin/python benchmarks/case_latency.py [--documents 2000] [--repeat 20] [--before 3e11f2e] [--data-dir DIR]

With --data-dir, an archive an earlier run built there is measured again as it is.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import ingest_files, open_archive, reindex  # noqa: E402
from expediente.settings import Settings  # noqa: E402
from ingest import TEXT_LAYER, Document, Page  # noqa: E402
from ingest.entities import Entity  # noqa: E402

from benchmarks.scale_corpus import FORMS, VENDORS, WORDS  # noqa: E402

KINDS = ("Convocatoria", "Fallo", "Contrato", "Factura", "Oficio", "Informe de auditoría")


def synthetic_document(n: int, rng: random.Random, codes: int) -> Document:
    """A 3-page document printing one or two bid/contract numbers, amounts and a vendor."""
    bid = f"LA-IT{n % codes:03d}-2021"
    contract = f"DCA/SYN/{n % codes:03d}/2021"
    pages = []
    for number in range(1, 4):
        parts: list[str] = []
        ents: list[Entity] = []

        def put(piece: str, kind: str | None = None, value: str = "") -> None:
            start = sum(len(p) + 1 for p in parts)
            parts.append(piece)
            if kind:
                ents.append(Entity(kind, piece, value, start, start + len(piece)))

        put(f"{KINDS[n % len(KINDS)]} {n} del procedimiento")
        put(bid, "bid", bid.replace("-", ""))
        if number > 1 or n % 2:
            put("contrato")
            put(contract, "contract", contract.replace("/", ""))
        for _ in range(6):
            put(" ".join(rng.choices(WORDS, k=60)))
            cents = rng.randint(100_000, 99_999_999)
            put("por un monto total de")
            put(f"${cents // 100:,}.{cents % 100:02d}", "amount", f"{cents // 100}.{cents % 100:02d} MXN")
        vendor = rng.choice(VENDORS)
        put("se adjudica a")
        put(f"{vendor}, {rng.choice(FORMS)}", "vendor", vendor.lower())
        pages.append(Page(number, " ".join(parts), TEXT_LAYER, None, 612.0, 792.0, [], ents))
    sha = hashlib.sha256(f"synthetic-{n}".encode()).hexdigest()
    meta = {"doc_date": f"2021-{1 + n % 12:02d}-{1 + n % 28:02d}"}
    return Document(sha, f"syn-{n:05d}.pdf", f"{KINDS[n % len(KINDS)]} {n}", "application/pdf", 1000, pages, meta)


def build(data_dir: Path, documents: int, codes: int) -> Settings:
    settings = Settings(data_dir=data_dir)
    open_archive(settings).close()
    ingest_files(settings, [ROOT / "samples"])
    archive = open_archive(settings)
    rng = random.Random(7)
    for n in range(documents):
        doc = synthetic_document(n, rng, codes)
        archive.catalog.put_document(doc, original="")
        archive.catalog.mark_indexed([doc.sha256])
    archive.close()
    reindex(settings, target="tantivy")
    return settings


def cases_at(rev: str) -> ModuleType:
    """archive/cases.py as it was at `rev`, loaded as a module of the archive package."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:archive/cases.py"], capture_output=True,
                            text=True, check=True).stdout
    spec = importlib.util.spec_from_loader("archive._cases_before", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "archive"
    exec(compile(source, f"{rev}:archive/cases.py", "exec"), module.__dict__)
    return module


def median_ms(fn, repeat: int) -> float:
    fn()  # warm: the vendor resolution is cached per catalog change
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--codes", type=int, default=200, help="distinct synthetic bid numbers")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--before", default="3e11f2e", help="the commit whose archive/cases.py is 'before'")
    ap.add_argument("--data-dir", type=Path)
    args = ap.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="expediente-case-"))
    reuse = args.data_dir is not None and (data_dir / "catalog.sqlite").exists()  # built by an earlier run
    settings = Settings(data_dir=data_dir) if reuse else build(data_dir, args.documents, args.codes)
    archive = open_archive(settings)
    from archive.cases import case_data

    before = cases_at(args.before).case_data
    counts = archive.catalog.counts()
    print(f"archive: {counts['documents']} documents, {counts['pages']} pages; median of {args.repeat}")
    for code in ("EA-IT20-2020", "DCA/TM/222/2020", "LA-IT007-2021"):
        new, old = case_data(archive, code), before(archive, code)
        same = [d["document_id"] for d in new["documents"]] == [d["document_id"] for d in old["documents"]] and \
            new["amounts"] == old["amounts"] and [f["kind"] for f in new["flags"]] == [f["kind"] for f in old["flags"]]
        t_old = median_ms(lambda: before(archive, code), args.repeat)
        t_new = median_ms(lambda: case_data(archive, code), args.repeat)
        print(f"{code:<16} {len(new['documents']):>3} documents   before {t_old:8.1f} ms   after {t_new:7.1f} ms   "
              f"same case: {same}")
    archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
