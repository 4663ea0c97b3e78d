"""Write the held-out procurement set to disk (born-digital PDFs, scans, CFDI XML) and return
its truth: companies, every file with its page texts, and each case's codes, files, figures
and flags. Deterministic: a fixed seed drives sellos, noise and rotations.

    from heldout_render import generate
    truth = generate(Path("/tmp/set"), pids=["P1", "P4"], scans=False)
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pypdfium2
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

import heldout_docs as docs
from heldout_billing import audit, invoice_docs, oic_report
from heldout_specs import COMPANIES, Procurement, procurements
from heldout_text import with_iva

FONTS = Path("/usr/share/fonts/truetype/dejavu")
SEED = 20260212
SCAN_FORMAT = {"junta": "png", "contrato": "tiff", "factura": "png"}  # others: image-only PDF


def _styles() -> dict[str, ParagraphStyle]:
    for name, file in (("DV", "DejaVuSerif.ttf"), ("DVB", "DejaVuSerif-Bold.ttf"),
                       ("DVS", "DejaVuSansCondensed.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))
    return {"h": ParagraphStyle("h", fontName="DVB", fontSize=11.5, leading=15, spaceAfter=6),
            "p": ParagraphStyle("p", fontName="DV", fontSize=10.5, leading=14, spaceAfter=6),
            "c": ParagraphStyle("c", fontName="DVS", fontSize=9, leading=11)}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _flowables(doc: docs.Doc) -> list[Any]:
    st = _styles()
    out: list[Any] = []
    for n, page in enumerate(doc.pages):
        if n:
            out.append(PageBreak())
        for block in page:
            if block[0] == "t":
                rows = [[Paragraph(_esc(cell), st["c"]) for cell in row] for row in block[1]]
                table = Table(rows, repeatRows=1)
                table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
                out += [table, Spacer(1, 8)]
            else:
                out.append(Paragraph(_esc(block[1]), st[block[0]]))
    return out


def _write_pdf(doc: docs.Doc, path: Path) -> None:
    pdf = SimpleDocTemplate(str(path), pagesize=letter, leftMargin=60, rightMargin=60,
                            topMargin=55, bottomMargin=55, title="", invariant=1)
    pdf.build(_flowables(doc))
    pages = len(pypdfium2.PdfDocument(str(path)))
    assert pages == len(doc.pages), f"{path.name}: {pages} pages printed, {len(doc.pages)} planned"


def _scan(pdf_path: Path, rng: random.Random) -> list[Image.Image]:
    """Each page as a slightly rotated, noisy, grey 200-dpi image."""
    images = []
    for page in pypdfium2.PdfDocument(str(pdf_path)):
        img = page.render(scale=200 / 72).to_pil().convert("L")
        img = img.rotate(rng.uniform(-1.2, 1.2), expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
        px = img.load()
        for _ in range(img.width * img.height // 400):
            px[rng.randrange(img.width), rng.randrange(img.height)] = rng.choice((0, 90, 200))
        images.append(img.filter(ImageFilter.GaussianBlur(0.6)))
    return images


def _write(doc: docs.Doc, folder: Path, rng: random.Random) -> str:
    """Write one document; returns the file name it got."""
    if doc.fmt == "xml":
        (folder / doc.filename).write_text(doc.xml, encoding="utf-8")
        return doc.filename
    digital = folder / doc.filename
    _write_pdf(doc, digital)
    if not doc.scan:
        return doc.filename
    images = _scan(digital, rng)
    digital.unlink()
    fmt = SCAN_FORMAT.get(doc.kind, "pdf") if len(images) == 1 or doc.kind == "contrato" else "pdf"
    name = digital.with_suffix(f".{fmt}").name
    if fmt == "png":
        images[0].save(folder / name, dpi=(200, 200))
    else:
        extra = {"compression": "tiff_lzw"} if fmt == "tiff" else {"resolution": 200}
        images[0].save(folder / name, save_all=True, append_images=images[1:], dpi=(200, 200),
                       **extra)
    return name


def _documents(chosen: list[Procurement], rng: random.Random) -> list[docs.Doc]:
    out: list[docs.Doc] = []
    for p in chosen:
        if p.procedure == "AD":
            out.append(docs.dictamen(p))
        else:
            out += [docs.convocatoria(p), docs.junta(p), docs.fallo(p)]
        out.append(docs.contrato(p))
        if p.amendment:
            out.append(docs.convenio(p))
        out += invoice_docs(p, rng)
        if p.oic_observed is not None:
            out.append(oic_report(p))
    audited = [p for p in chosen if p.audit_observed is not None]
    if audited:
        out.append(audit(audited))
    return _neutral_names(out)


def _neutral_names(documents: list[docs.Doc]) -> list[docs.Doc]:
    """File names as portals give them (p1_03.pdf, A-1187.pdf, UUID.xml): never the kind."""
    count: dict[str, int] = {}
    for doc in documents:
        if doc.fmt == "xml" or doc.kind == "factura":
            doc.filename = doc.filename.split("_", 2)[-1]
        elif len(doc.pids) > 1:
            doc.filename = "2023_0871_a.pdf"
        else:
            count[doc.pids[0]] = count.get(doc.pids[0], 0) + 1
            doc.filename = f"{doc.pids[0].lower()}_{count[doc.pids[0]]:02d}.pdf"
    return documents


def generate(folder: Path, pids: list[str] | None = None, scans: bool = True) -> dict[str, Any]:
    """Write the set (or the procurements `pids`; `scans=False` prints every page digital)."""
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    chosen = [p for p in procurements() if pids is None or p.pid in pids]
    files: dict[str, Any] = {}
    for doc in _documents(chosen, rng):
        doc.scan = doc.scan and scans
        name = _write(doc, folder, rng)
        texts = [doc.xml] if doc.fmt == "xml" else [docs.page_text(pg) for pg in doc.pages]
        # an OCR'd invoice whose CFDI XML is in the set too carries nothing the XML lacks
        sole = doc.meta.get("xml") is False
        files[name] = {"kind": doc.kind, "pids": list(doc.pids), "ocr": doc.scan, "pages": texts,
                       "ocr_only": doc.scan and (doc.kind != "factura" or sole)}
    return {"companies": [c.__dict__ for c in COMPANIES],
            "files": files, "cases": {p.pid: case_truth(p, files) for p in chosen}}


def case_truth(p: Procurement, files: dict[str, Any]) -> dict[str, Any]:
    """What a correct case view of `p` shows."""
    total = with_iva(p.award_sub)
    contracted = {total} | ({(total * 4 / 10).quantize(total)} if p.open_contract else set())
    if p.amendment:
        contracted |= {p.amendment[0], total + p.amendment[0]}
    invoiced = sum((with_iva(i.subtotal) for i in p.invoices), start=total * 0)
    flags = set()
    if p.open_contract and invoiced > total:
        flags.add("over_invoiced")
    if p.amendment and p.amendment[0] > total / 5:
        flags.add("amendment_over_20")
    if any(i.issuer.rfc != p.vendor.rfc for i in p.invoices):
        flags.add("invoice_issuer_not_vendor")
    observed = [v for v in (p.audit_observed, p.oic_observed) if v is not None]
    if observed:
        flags.add("audit_observation")
    mine = sorted(f for f, info in files.items() if p.pid in info["pids"])
    return {"codes": [p.bid_code, p.contract_code.removeprefix("No. ")], "files": mine,
            "vendor": {"name": p.vendor.name, "rfc": p.vendor.rfc},
            "awarded": sorted(str(v) for v in {p.award_sub, total}),
            "contracted": sorted(str(v) for v in contracted),
            "invoiced_total": str(invoiced),
            "observed": [str(v) for v in observed],
            "flags": sorted(flags)}
