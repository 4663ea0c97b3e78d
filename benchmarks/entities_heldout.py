"""Entity recall on real documents the extractors were NOT tuned on: the facts printed in the
shared corpus (its README), CFDI renderings and phone-scanned Argentine and Paraguayan
procurement papers. Recall only: the README lists some facts per page, not all of them.

    .venv/bin/python benchmarks/entities_heldout.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (file, page, kind, value); amounts compare by number (the currency label is the document's)
FACTS = [
    *[("cfdi33_sample_accem_layoutA.pdf", 1, "amount", v) for v in ("2269400.00", "363104.00", "249634.00", "2382870.00")],
    *[("cfdi33_sample_accem_layoutB.pdf", 1, "amount", v) for v in ("2269400.00", "363104.00", "249634.00", "2382870.00")],
    *[(f, 1, "rfc", r) for f in ("cfdi33_sample_accem_layoutA.pdf", "cfdi33_sample_accem_layoutB.pdf")
      for r in ("AAA010101AAA", "COSC8001137NA")],
    ("retenciones10_sample_eku.pdf", 1, "amount", "8092.24"), ("retenciones10_sample_eku.pdf", 1, "amount", "1294.76"),
    ("retenciones10_sample_eku.pdf", 1, "rfc", "EKU9003173C9"), ("retenciones10_sample_eku.pdf", 1, "rfc", "AAA010101AAA"),
    ("ar_carmen_de_areco_licitacion_publica_07-2023_scan.pdf", 1, "amount", "314597938.92"),
    ("ar_carmen_de_areco_licitacion_publica_07-2023_scan.pdf", 1, "date", "2023-11-27"),
    ("ar_carmen_de_areco_licitacion_publica_07-2023_scan.pdf", 1, "date", "2023-11-22"),
    ("ar_carmen_de_areco_licitacion_publica_07-2023_scan.pdf", 2, "date", "2023-11-03"),
    ("ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf", 1, "amount", "17660500.00"),
    ("ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf", 1, "amount", "17660.50"),
    ("ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf", 1, "date", "2023-11-17"),
    ("ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf", 2, "date", "2023-10-23"),
    ("py_hacienda_contrato_MH-SET_03-2019_scan.pdf", 2, "amount", "26620000.00"),
    ("py_hacienda_contrato_MH-SET_03-2019_scan.pdf", 2, "amount", "319440000.00"),
    ("py_hacienda_contrato_MH-SET_03-2019_scan.pdf", 2, "date", "2018-12-11"),
    ("py_hacienda_contrato_MH-SET_03-2019_scan.pdf", 3, "date", "2019-01-01"),
    ("py_hacienda_contrato_MH-SET_03-2019_scan.pdf", 3, "date", "2019-12-31"),
    ("mx_puebla_ley_obra_publica_2021.pdf", 85, "date", "2021-09-22"),
]


def found_values(archive) -> set[tuple[str, int, str, str]]:
    out = set()
    for doc in archive.catalog.documents(limit=1000):
        for e in archive.catalog.entities(doc["id"]):
            value = e["value"].split()[0] if e["kind"] == "amount" else e["value"]
            out.add((doc["filename"], e["page"], e["kind"], value))
    return out


def recall_by_kind(found: set) -> dict[str, tuple[int, int]]:
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for fact in FACTS:
        table[fact[2]][1] += 1
        table[fact[2]][0] += fact in found
    return {k: (v[0], v[1]) for k, v in table.items()}


def ingest_corpus(corpus: Path, data_dir: Path):
    sys.path.insert(0, str(ROOT))
    from expediente.settings import Settings
    from archive import ingest_files
    from archive import open_archive

    archive = open_archive(Settings(data_dir=data_dir))
    ingest_files(archive.settings, sorted({corpus / f for f, *_ in FACTS}))
    return archive


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--data-dir", type=Path)
    args = ap.parse_args()
    archive = ingest_corpus(args.corpus, args.data_dir or Path(tempfile.mkdtemp(prefix="expediente-heldout-")))
    found = found_values(archive)
    for kind, (hit, total) in sorted(recall_by_kind(found).items()):
        print(f"{kind:<8} recall {hit}/{total} = {hit / total:.2f}")
    for fact in FACTS:
        if fact not in found:
            print("  missed:", fact)
    archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
