"""Set C's printing press: a document is a list of pages, a page a list of items
("h" heading, "p" paragraph, "c" centred line, "r" right-aligned line, "t" table, "s" space).
It is printed with reportlab (born digital) and, for scans, rasterised with pypdfium2 and
spoiled a little (skew, grey noise, speckles) with PIL and numpy, saved as PNG or image PDF.
The truth of a page is the text printed on it, item by item."""

from __future__ import annotations

import time
import io
import random
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONTS = {"sans": ("Helvetica", "Helvetica-Bold"), "serif": ("Times-Roman", "Times-Bold"),
         "mono": ("Courier", "Courier-Bold")}
Item = tuple[Any, ...]
rl_config.invariant = 1  # no time stamps nor random ids: the same bytes every run
SCANNED_ON = time.gmtime(1730799000)  # 2024-11-05, the scans' fixed date


def _styles(font: str, size: float) -> dict[str, ParagraphStyle]:
    plain, bold = FONTS[font]
    base = ParagraphStyle("b", fontName=plain, fontSize=size, leading=size * 1.3, alignment=TA_JUSTIFY,
                          spaceAfter=size * 0.6)
    return {"p": base,
            "h": ParagraphStyle("h", parent=base, fontName=bold, fontSize=size + 1.5,
                                leading=(size + 1.5) * 1.3, alignment=TA_CENTER),
            "c": ParagraphStyle("c", parent=base, alignment=TA_CENTER),
            "r": ParagraphStyle("r", parent=base, alignment=TA_RIGHT),
            "cell": ParagraphStyle("cell", parent=base, fontSize=size - 1.5, leading=(size - 1.5) * 1.2,
                                   alignment=0, spaceAfter=0),
            "head": ParagraphStyle("head", parent=base, fontName=bold, fontSize=size - 1.5,
                                   leading=(size - 1.5) * 1.2, alignment=TA_CENTER, spaceAfter=0)}


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _table(item: Item, st: dict[str, ParagraphStyle]) -> Table:
    rows, widths = item[1], item[2]
    opts = item[3] if len(item) > 3 else {}
    data = [[Paragraph(_markup(str(cell)), st["head"] if r == 0 and opts.get("header", True) else st["cell"])
             for cell in row] for r, row in enumerate(rows)]
    table = Table(data, colWidths=[w * cm for w in widths], repeatRows=0)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTSIZE", (0, 0), (-1, -1), 8)]
    if opts.get("grid", True):
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    else:
        style.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black))
    if opts.get("shade", False):
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey))
    table.setStyle(TableStyle(style))
    return table


def page_text(page: list[Item]) -> str:
    """What a page prints, in reading order (table cells one per line)."""
    out = []
    for item in page:
        if item[0] == "t":
            out.extend("\n".join(str(c) for c in row) for row in item[1])
        elif item[0] != "s":
            out.append(item[1])
    return "\n".join(out)


def print_pdf(pages: list[list[Item]], font: str = "sans", size: float = 10.0,
              header: str = "", footer: bool = True) -> bytes:
    """Born-digital PDF bytes of the pages (one PDF page per page, checked)."""
    st = _styles(font, size)
    story: list[Any] = []
    for n, page in enumerate(pages):
        if n:
            story.append(PageBreak())
        for item in page:
            kind = item[0]
            if kind == "t":
                story += [_table(item, st), Spacer(1, 0.3 * cm)]
            elif kind == "s":
                story.append(Spacer(1, item[1] * cm))
            else:
                story.append(Paragraph(_markup(item[1]), st[kind]))
    total = len(pages)

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONTS[font][0], 7.5)
        if header:
            canvas.drawString(2 * cm, LETTER[1] - 1.3 * cm, header)
        if footer:
            canvas.drawRightString(LETTER[0] - 2 * cm, 1.2 * cm, f"Página {doc.page} de {total}")
        canvas.restoreState()

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=LETTER, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                      topMargin=2 * cm, bottomMargin=2 * cm, title="", author="").build(
        story, onFirstPage=decorate, onLaterPages=decorate)
    data = out.getvalue()
    printed = len(pdfium.PdfDocument(data))
    if printed != total:
        raise ValueError(f"{printed} PDF pages for {total} pages of text: a page overflowed")
    return data


def scan_images(pdf: bytes, rng: random.Random, dpi: int = 200) -> list[Image.Image]:
    """Each page as a slightly skewed, noisy greyscale image."""
    images = []
    noise = np.random.default_rng(rng.randrange(1 << 30))
    for page in pdfium.PdfDocument(pdf):
        img = page.render(scale=dpi / 72).to_pil().convert("L")
        img = img.rotate(rng.uniform(-1.3, 1.3), resample=Image.BICUBIC, expand=False, fillcolor=255)
        arr = np.asarray(img, dtype=np.float32)
        arr = arr * rng.uniform(0.86, 0.95) + rng.uniform(8, 22)  # greyer paper, lighter ink
        arr += noise.normal(0, rng.uniform(6, 11), arr.shape)
        specks = noise.random(arr.shape) < 0.0008
        arr[specks] = noise.uniform(40, 140, specks.sum())
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        images.append(img.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.3, 0.6))))
    return images


def write(path: Path, pages: list[list[Item]], scan: bool, rng: random.Random, **style: Any) -> list[str]:
    """Print (and maybe scan) a document to `path` (.pdf or .png); the page texts."""
    pdf = print_pdf(pages, **style)
    if not scan:
        path.write_bytes(pdf)
    else:
        images = scan_images(pdf, rng, dpi=rng.choice((200, 220, 240)))
        if path.suffix == ".png":
            if len(images) != 1:
                raise ValueError("a PNG scan holds one page")
            images[0].save(path)
        else:
            images[0].save(path, "PDF", resolution=200.0, save_all=True, append_images=images[1:],
                           creationDate=SCANNED_ON, modDate=SCANNED_ON)
    return [page_text(p) for p in pages]
