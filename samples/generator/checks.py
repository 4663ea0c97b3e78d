"""Optional checks (--check, --ocr): page counts, text layers, sizes, the bad inputs, OCR."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from .answer_key import all_queries
from .config import SCAN_DPI
from .model import Doc, Page
from .text import collapse, find_word, fold


def _text_layer_problem(d: Doc, pg: Page, got: str) -> str | None:
    if pg.scanned:
        return f"{d.file} p{pg.number}: scanned page has a text layer" if got.strip() else None
    a, b_ = collapse(got.replace("\r", " ")), collapse(pg.text)
    if a == b_:
        return None
    if a.replace(" ", "") == b_.replace(" ", ""):
        return f"{d.file} p{pg.number}: text layer differs in spacing only"
    k = next((i for i, (x, y) in enumerate(zip(a, b_)) if x != y), min(len(a), len(b_)))
    return (f"{d.file} p{pg.number}: text layer differs at {k}:\n"
            f"  got  {a[max(0, k - 60):k + 80]!r}\n  want {b_[max(0, k - 60):k + 80]!r}")


def check_pdf(d: Doc, path: Path) -> list[str]:
    """Page count, and the text layer of each page against the answer key."""
    import pypdfium2 as pdfium
    problems = []
    pdf = pdfium.PdfDocument(str(path))
    if len(pdf) != len(d.pages):
        problems.append(f"{d.file}: {len(pdf)} pages, expected {len(d.pages)}")
    for pg in d.pages:
        page = pdf[pg.number - 1]
        tp = page.get_textpage()
        got = tp.get_text_range()
        tp.close()
        problem = _text_layer_problem(d, pg, got)
        if problem:
            problems.append(problem)
        page.close()
    pdf.close()
    return problems


def check_samples(docs: list[Doc], out_dir: Path) -> list[str]:
    problems = []
    total = 0
    for d in docs:
        path = out_dir / d.file
        size = path.stat().st_size
        total += size
        n_scanned = sum(pg.scanned for pg in d.pages)
        line = f"{d.file:55s} {d.fmt:5s} {len(d.pages)}p {d.source:12s} {size / 1024:8.1f} KB"
        if n_scanned and size / n_scanned > 400 * 1024 and d.source == "scanned":
            problems.append(f"{d.file}: {size / n_scanned / 1024:.0f} KB per scanned page")
        if d.fmt == "pdf":
            problems += check_pdf(d, path)
        print(line)
    print(f"total samples size: {total / 1024 / 1024:.2f} MB")
    if total > 6 * 1024 * 1024:
        problems.append("samples/ larger than 6 MB")
    return problems


def check_resources(r: Path) -> list[str]:
    import pdfplumber
    import pypdfium2 as pdfium
    problems = []
    try:
        pdfium.PdfDocument(str(r / "encrypted.pdf"))
        problems.append("encrypted.pdf opens without a password")
    except pdfium.PdfiumError:
        pass
    pdf = pdfium.PdfDocument(str(r / "encrypted.pdf"), password="secreto")
    assert len(pdf) == 1
    pdf.close()
    with pdfplumber.open(r / "zero_pages.pdf") as plumb:
        if len(plumb.pages) != 0:
            problems.append("zero_pages.pdf has pages")
    pdf = pdfium.PdfDocument(str(r / "garbage_text_layer.pdf"))
    tp = pdf[0].get_textpage()
    garbage = tp.get_text_range()
    if sum(ch.isalpha() and ch.isascii() for ch in garbage) > 0:
        problems.append(f"garbage_text_layer.pdf text layer has ASCII letters: {garbage[:80]!r}")
    tp.close()
    pdf.close()
    for name in ("corrupt.pdf", "empty.pdf", "not_a_pdf.pdf"):
        try:
            pdfium.PdfDocument(str(r / name))
            problems.append(f"{name} opens cleanly")
        except pdfium.PdfiumError:
            pass
    return problems


def check(docs: list[Doc], out_dir: Path, res_dir: Path, ocr: bool) -> list[str]:
    problems = check_samples(docs, out_dir) + check_resources(res_dir)
    if ocr:
        problems += check_ocr(docs, out_dir)
    return problems


def page_images(d: Doc, path: Path):
    """(page, PIL image) for every scanned page, read back from the written file."""
    if d.fmt == "pdf":
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(str(path))
        for pg in d.pages:
            if pg.scanned:
                yield pg, pdf[pg.number - 1].render(scale=SCAN_DPI / 72).to_pil().convert("L")
        pdf.close()
    else:
        im = Image.open(path)
        for pg in d.pages:
            im.seek(pg.number - 1)
            yield pg, im.convert("L")


def ocr_page(d: Doc, pg: Page, im: Image.Image, png: Path, queries: list[str]) -> list[str]:
    """Tesseract on one scanned page: every query printed on it must be read."""
    im.save(png)
    text = subprocess.run(["tesseract", str(png), "-", "-l", "spa+eng"], capture_output=True,
                          text=True, check=True).stdout
    ft, want = fold(collapse(text)), fold(collapse(pg.text))
    missing = [q for q in queries if find_word(want, fold(q)) and not find_word(ft, fold(q))]
    words = want.split()
    found = sum(1 for w in words if w in ft)
    print(f"OCR {d.file} p{pg.number}: {found}/{len(words)} words read; "
          f"distinctive {pg.distinctive}; missing queries {missing}")
    return [f"OCR {d.file} p{pg.number}: queries not read: {missing}"] if missing else []


def check_ocr(docs: list[Doc], out_dir: Path) -> list[str]:
    problems = []
    queries = all_queries(docs)
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            for pg, im in page_images(d, out_dir / d.file):
                problems += ocr_page(d, pg, im, Path(tmp) / "page.png", queries)
    return problems
