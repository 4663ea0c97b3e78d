"""Born-digital pages: drawing ops to a PDF with a real text layer (reportlab)."""
from __future__ import annotations

import io
import math

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as rl_canvas

from .fonts import FONT_RL
from .geometry import star_points


def new_canvas(buf, pagesize, title, author=None, subject=None, creator=None, **kw):
    """A reportlab canvas with invariant=1 (no time stamps, no random ids) and its metadata."""
    c = rl_canvas.Canvas(buf, pagesize=pagesize, invariant=1, **kw)
    c.setTitle(title)
    if author is not None:
        c.setAuthor(author)
    if subject is not None:
        c.setSubject(subject)
    if creator is not None:
        c.setCreator(creator)
    return c


def _path(c, pts):
    p = c.beginPath()
    p.moveTo(*pts[0])
    for pt in pts[1:]:
        p.lineTo(*pt)
    p.close()
    return p


def _shield(c, cx, cy, size):
    p = c.beginPath()
    p.moveTo(cx - size * 0.4, cy + size * 0.45)
    p.lineTo(cx + size * 0.4, cy + size * 0.45)
    p.lineTo(cx + size * 0.4, cy - size * 0.05)
    p.curveTo(cx + size * 0.4, cy - size * 0.3, cx + size * 0.1, cy - size * 0.45, cx, cy - size * 0.5)
    p.curveTo(cx - size * 0.1, cy - size * 0.45, cx - size * 0.4, cy - size * 0.3, cx - size * 0.4,
              cy - size * 0.05)
    p.close()
    c.setLineWidth(1.4)
    c.drawPath(p, stroke=1, fill=1)
    c.setFillGray(0.35)
    c.circle(cx, cy + size * 0.05, size * 0.15, stroke=0, fill=1)


def _seal(c, cx, cy, size):
    c.setLineWidth(1.4)
    c.circle(cx, cy, size * 0.46, stroke=1, fill=1)
    c.circle(cx, cy, size * 0.36, stroke=1, fill=0)
    c.setFillGray(0.35)
    c.drawPath(_path(c, star_points(cx, cy, size * 0.28, size * 0.12, math.pi / 2)), stroke=0, fill=1)


def rl_logo(c, x, y, size, kind, H):
    c.saveState()
    c.setStrokeGray(0.25)
    c.setFillGray(0.85)
    cx, cy = x + size / 2, H - (y + size / 2)
    if kind == "shield":
        _shield(c, cx, cy, size)
    else:
        _seal(c, cx, cy, size)
    c.restoreState()


def _text(c, op, H):
    _, x, base, t, fam, w, size, gray = op
    c.setFillGray(gray)
    c.setFont(FONT_RL[(fam, w)], size)
    c.drawString(x, H - base, t)


def _line(c, op, H):
    _, x1, y1, x2, y2, lw, gray = op
    c.setStrokeGray(gray)
    c.setLineWidth(lw)
    c.line(x1, H - y1, x2, H - y2)


def _rect(c, op, H):
    _, x, y, w, h, fill, stroke = op
    if fill is not None:
        c.setFillGray(fill)
        c.rect(x, H - y - h, w, h, stroke=0, fill=1)
    if stroke:
        c.setStrokeGray(0)
        c.setLineWidth(stroke)
        c.rect(x, H - y - h, w, h, stroke=1, fill=0)


def _logo(c, op, H):
    rl_logo(c, op[1], op[2], op[3], op[4], H)


def _qr(c, op, H):
    _, x, y, size, data = op
    wdg = QrCodeWidget(data, barLevel="M")
    bx = wdg.getBounds()
    d = Drawing(size, size, transform=[size / (bx[2] - bx[0]), 0, 0, size / (bx[3] - bx[1]), 0, 0])
    d.add(wdg)
    renderPDF.draw(d, c, x, H - y - size)


def _nothing(c, op, H):
    pass  # born-digital documents carry no handwritten marks


_DRAW = {"text": _text, "line": _line, "rect": _rect, "logo": _logo, "qr": _qr, "sign": _nothing,
         "stamp": _nothing}


def render_pdf(pages_ops, pagesize, title, author, subject="") -> bytes:
    buf = io.BytesIO()
    c = new_canvas(buf, pagesize, title, author, subject, "Expediente samples/generate.py", pageCompression=1)
    H = pagesize[1]
    for ops in pages_ops:
        for op in ops:
            draw = _DRAW.get(op[0])
            if draw:
                draw(c, op, H)
        c.showPage()
    c.save()
    return buf.getvalue()


def pdf_from_jpegs(jpegs: list[bytes], pagesize, title, author) -> bytes:
    buf = io.BytesIO()
    c = new_canvas(buf, pagesize, title, author, creator="Expediente samples/generate.py (simulated scan)",
                   pageCompression=1)
    for data in jpegs:
        c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width=pagesize[0], height=pagesize[1])
        c.showPage()
    c.save()
    return buf.getvalue()
