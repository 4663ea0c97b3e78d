"""Precision and recall of OCR-tolerant matching on real OCR errors: the shared corpus's scans
with a hand-typed transcript (ground truth). Every distinctive word (6+ letters) and every
code or number (5+ characters with a digit) of the transcript is searched as the transcript
prints it, within its document, exact only and with approximate matches; a page counts as
expected when the transcript prints the term on it.

    .venv/bin/python benchmarks/approximate_ocr_gt.py [--data-dir DIR]   (ingests the scans when DIR is empty)
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import ingest_files, open_archive  # noqa: E402
from archive.archive import SearchOptions  # noqa: E402
from expediente.settings import Settings  # noqa: E402
from search.analysis import fold, tokens  # noqa: E402

CORPUS = Path("/work/shared/corpus") if Path("/work/shared/corpus").exists() else ROOT.parent / "shared" / "corpus"
SCANS = {  # scan -> its transcript
    "ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf": "ar_carmen_de_areco_licitacion_publica_09-2023_scan.gt.txt",
    "ocr_gutenberg_huckfinn_c03-29_scan.pdf": "ocr_gutenberg_huckfinn_c03-29_scan.gt.txt",
}
_CODE = re.compile(r"(?<!\S)(?=\S*\d)[\w$][\w.,/\-]{3,}\w(?!\S)")


def transcript_pages(path: Path) -> dict[int, str]:
    text = path.read_text(encoding="utf-8")
    parts = re.split(r"^=== page (\d+) ===$", text, flags=re.M)
    if len(parts) == 1:
        return {1: text}
    return {int(parts[i]): parts[i + 1] for i in range(1, len(parts), 2)}


def terms(pages: dict[int, str]) -> dict[str, set[int]]:
    """Term as printed -> pages of the transcript printing it (folded words, codes as printed)."""
    out: dict[str, set[int]] = {}
    for number, text in pages.items():
        for word in set(re.findall(r"[^\W\d_]{6,}", text)):
            out.setdefault(word.lower(), set())
        for code in set(_CODE.findall(text)):
            if len(code) >= 5:
                out.setdefault(code, set())
    for term in out:
        want = tokens(term)
        for number, text in pages.items():
            folded = " " + " ".join(tokens(text)) + " "
            if " " + " ".join(want) + " " in folded:
                out[term].add(number)
    return {t: p for t, p in out.items() if p}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path)
    args = ap.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="expediente-ocrgt-"))
    settings = Settings(data_dir=data_dir, workers=2)
    archive = open_archive(settings)
    if archive.catalog.counts()["documents"] == 0:
        ingest_files(settings, [CORPUS / scan for scan in SCANS])
    docs = {d["filename"]: d["id"] for d in archive.catalog.documents(1000)}
    totals = {False: [0, 0, 0], True: [0, 0, 0]}
    n_terms = 0
    for scan, gt in SCANS.items():
        if scan not in docs:
            print(f"{scan}: not ingested")
            continue
        table = terms(transcript_pages(CORPUS / gt))
        n_terms += len(table)
        for term, expected in table.items():
            for approximate in (False, True):
                hits = archive.search(term, limit=50, within=docs[scan], options=SearchOptions(approximate=approximate)).hits
                found = {h.page for h in hits}
                t = totals[approximate]
                t[0] += len(found & expected)
                t[1] += len(found - expected)
                t[2] += len(expected - found)
    print(f"{n_terms} terms of {len(SCANS)} transcribed scans ({', '.join(SCANS)})")
    for approximate, (tp, fp, fn) in totals.items():
        label = "exact + approximate" if approximate else "exact only"
        print(f"{label:20s} precision {tp / max(1, tp + fp):.3f}  recall {tp / max(1, tp + fn):.3f}  (tp {tp}, fp {fp}, fn {fn})")
    archive.close()


if __name__ == "__main__":
    main()
