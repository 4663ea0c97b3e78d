"""Set B's page model and printer: a document is pages of blocks, drawn with reportlab's canvas
(letter size, Helvetica/Times-like DejaVu faces), and a scanner that turns printed pages into
noisy, slightly turned grey images."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONTS = Path("/usr/share/fonts/truetype/dejavu")
FACES = {"sans": "DejaVuSans.ttf", "sansb": "DejaVuSans-Bold.ttf", "mono": "DejaVuSansMono.ttf",
         "cond": "DejaVuSansCondensed.ttf"}
WIDTH, HEIGHT = letter
LEFT, RIGHT, TOP, BOTTOM = 64.0, 64.0, 60.0, 58.0


@dataclass
class Doc:
    """One file of the set: its kind and procurements (truth), its pages, how it is delivered."""
    kind: str
    pids: list[str]
    pages: list[list[tuple[Any, ...]]] = field(default_factory=list)
    scan: str | None = None      # png / tiff / pdf (image-only); None: born digital
    xml: str = ""                # a CFDI: the file is this XML
    stem: str = ""               # the file name without extension (portal style)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        ext = "xml" if self.xml else (self.scan or "pdf")
        return f"{self.stem}.{ext}"


def page_text(blocks: list[tuple[Any, ...]]) -> str:
    """What a page prints, as plain text (the truth the measures search)."""
    out = []
    for block in blocks:
        kind, body = block[0], block[1]
        if kind == "table":
            out += [" ".join(row) for row in body]
        elif kind in ("kv", "sign"):
            out += [f"{a} {b}" for a, b in body]
        else:
            out.append(body)
    return "\n".join(out)


def _fonts() -> None:
    for name, file in FACES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))


class _Printer:
    def __init__(self, canvas: Canvas, name: str) -> None:
        self.c, self.name, self.y = canvas, name, HEIGHT - TOP

    def room(self, need: float) -> None:
        if self.y - need < BOTTOM:
            raise ValueError(f"{self.name}: a page overflows; split it")

    def lines(self, text: str, font: str, size: float, indent: float = 0, align: str = "l") -> None:
        width = WIDTH - LEFT - RIGHT - indent
        for para in text.split("\n"):
            for line in simpleSplit(para, font, size, width) or [""]:
                self.room(size * 1.35)
                self.y -= size * 1.35
                self.c.setFont(font, size)
                if align == "c":
                    self.c.drawCentredString(WIDTH / 2, self.y, line)
                elif align == "r":
                    self.c.drawRightString(WIDTH - RIGHT, self.y, line)
                else:
                    self.c.drawString(LEFT + indent, self.y, line)
        self.y -= size * 0.5

    def table(self, rows: list[list[str]], widths: list[float], size: float = 8.2) -> None:
        total = WIDTH - LEFT - RIGHT
        cols = [w * total / sum(widths) for w in widths]
        for r, row in enumerate(rows):
            font = "sansb" if r == 0 else "cond"
            cells = [simpleSplit(cell, font, size, col - 6) or [""] for cell, col in zip(row, cols)]
            height = max(len(c) for c in cells) * size * 1.25 + 6
            self.room(height)
            x = LEFT
            for lines, col in zip(cells, cols):
                self.c.rect(x, self.y - height, col, height)
                for k, line in enumerate(lines):
                    self.c.setFont(font, size)
                    self.c.drawString(x + 3, self.y - 3 - size - k * size * 1.25, line)
                x += col
            self.y -= height
        self.y -= 8

    def kv(self, pairs: list[tuple[str, str]], size: float = 9.0) -> None:
        for key, value in pairs:
            self.room(size * 1.4)
            self.c.setFont("sansb", size)
            self.c.drawString(LEFT, self.y - size * 1.35, key)
            self.lines(value, "sans", size, indent=150)
            self.y += size * 0.5 - 1
        self.y -= 4

    def sign(self, people: list[tuple[str, str]]) -> None:
        col = (WIDTH - LEFT - RIGHT) / 2
        for n in range(0, len(people), 2):
            self.room(70)
            self.y -= 44
            for k, (who, role) in enumerate(people[n:n + 2]):
                x = LEFT + k * col + col / 2
                self.c.line(x - 95, self.y, x + 95, self.y)
                self.c.setFont("sansb", 8.5)
                self.c.drawCentredString(x, self.y - 11, who)
                self.c.setFont("sans", 8)
                for j, line in enumerate(simpleSplit(role, "sans", 8, 200)):
                    self.c.drawCentredString(x, self.y - 22 - 10 * j, line)
            self.y -= 40


STYLE = {"title": ("sansb", 12.5, "c"), "h": ("sansb", 10, "l"), "p": ("sans", 9.6, "l"),
         "small": ("sans", 7.5, "l"), "mono": ("mono", 6.6, "l"), "right": ("sans", 9.6, "r")}


def write_pdf(doc: Doc, path: Path) -> None:
    """Print the document, one planned page per printed page."""
    _fonts()
    canvas = Canvas(str(path), pagesize=letter, invariant=1)
    for n, blocks in enumerate(doc.pages, 1):
        canvas.setFont("sans", 7)
        canvas.drawRightString(WIDTH - RIGHT, BOTTOM - 24, f"Hoja {n} de {len(doc.pages)}")
        printer = _Printer(canvas, path.name)
        for block in blocks:
            if block[0] == "table":
                printer.table(block[1], block[2])
            elif block[0] == "kv":
                printer.kv(block[1])
            elif block[0] == "sign":
                printer.sign(block[1])
            else:
                font, size, align = STYLE[block[0]]
                printer.lines(block[1], font, size, align=align)
        canvas.showPage()
    canvas.save()


def scan_pages(pdf: Path, rng: random.Random) -> list[Image.Image]:
    """Each printed page as a 200-dpi grey scan: turned up to 1.5 degrees, speckled, softened."""
    images = []
    for page in pypdfium2.PdfDocument(str(pdf)):
        img = page.render(scale=200 / 72).to_pil().convert("L")
        img = img.point(lambda v: 40 + v * 0.8 if v < 128 else min(255, v - rng.randrange(0, 12)))
        img = img.rotate(rng.uniform(-1.5, 1.5), expand=True, fillcolor=248,
                         resample=Image.Resampling.BICUBIC)
        px = img.load()
        for _ in range(img.width * img.height // 500):
            px[rng.randrange(img.width), rng.randrange(img.height)] = rng.choice((30, 110, 180))
        images.append(img.filter(ImageFilter.GaussianBlur(0.5)))
    return images


def write(doc: Doc, folder: Path, rng: random.Random) -> str:
    """Put the document on disk as it is delivered; returns its file name."""
    if doc.xml:
        (folder / doc.filename).write_text(doc.xml, encoding="utf-8")
        return doc.filename
    printed = folder / f"{doc.stem}.pdf"
    write_pdf(doc, printed)
    if len(pypdfium2.PdfDocument(str(printed))) != len(doc.pages):
        raise ValueError(f"{printed.name}: page count differs from the plan")
    if not doc.scan:
        return doc.filename
    images = scan_pages(printed, rng)
    printed.unlink()
    target = folder / doc.filename
    if doc.scan == "png":
        if len(images) != 1:
            raise ValueError(f"{target.name}: a PNG holds one page")
        images[0].save(target, dpi=(200, 200))
    elif doc.scan == "tiff":
        images[0].save(target, save_all=True, append_images=images[1:], dpi=(200, 200),
                       compression="tiff_deflate")
    else:
        fixed = time.gmtime(1704067200)   # PIL stamps "now" otherwise; the set is deterministic
        images[0].save(target, save_all=True, append_images=images[1:], resolution=200,
                       creationDate=fixed, modDate=fixed)
    return doc.filename
