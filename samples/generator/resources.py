"""Bad inputs for the ingest tests (tests/resources/): encrypted, corrupt, empty, not a PDF..."""
from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader

from .config import SCAN_DPI, TTF_DIR
from .pdf_tools import zero_page_pdf
from .render_digital import new_canvas
from .scan_effects import degrade, jpeg_bytes

GARBAGE_REAL_TEXT = [
    "AVISO A PROVEEDORES",
    "La Dirección de Adquisiciones informa que el padrón de proveedores",
    "se actualizará durante el primer trimestre del año.",
    "Los interesados deberán presentar su constancia de situación fiscal",
    "y un comprobante de domicilio con antigüedad no mayor a tres meses.",
    "Este documento tiene una capa de texto dañada.",
]


def encrypted_pdf() -> bytes:
    """User password "secreto"."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    buf = io.BytesIO()
    c = new_canvas(buf, letter, "Documento cifrado de prueba",
                   encrypt=StandardEncryption("secreto", ownerPassword="propietario", strength=128))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 700, "DOCUMENTO CONFIDENCIAL")
    c.setFont("Helvetica", 11)
    c.drawString(72, 680, "Este archivo está cifrado; la contraseña de usuario es: secreto")
    c.showPage()
    c.save()
    return buf.getvalue()


def _garbage_image(pagesize):
    """A scan of the real text; returns the image and (baseline, size, length) of each line."""
    s = SCAN_DPI / 72
    W, H = round(pagesize[0] * s), round(pagesize[1] * s)
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    bold = ImageFont.truetype(str(TTF_DIR / "LiberationSans-Bold.ttf"), round(14 * s))
    reg = ImageFont.truetype(str(TTF_DIR / "LiberationSans-Regular.ttf"), round(12 * s))
    y = 100
    baselines = []
    for i, line in enumerate(GARBAGE_REAL_TEXT):
        font = bold if i == 0 else reg
        size = 14 if i == 0 else 12
        d.text((72 * s, y * s), line, font=font, fill=25, anchor="ls")
        baselines.append((y, size, len(line)))
        y += 30 if i == 0 else 20
    return degrade(img, "garbage", 0.0, noise_sigma=3.0), baselines


def garbage_text_layer_pdf() -> bytes:
    """The image shows real text; the (invisible) text layer holds symbols."""
    pagesize = letter
    img, baselines = _garbage_image(pagesize)
    buf = io.BytesIO()
    c = new_canvas(buf, pagesize, "Aviso a proveedores")
    c.drawImage(ImageReader(io.BytesIO(jpeg_bytes(img))), 0, 0, width=pagesize[0], height=pagesize[1])
    rng = random.Random("garbage-text")
    symbols = "ÿþ#$%&§¶¤¦¨©«¬®¯°±²³µ·¸¹º»¼½¾×÷~^`|"
    for yb, size, n in baselines:
        t = c.beginText(72, pagesize[1] - yb)
        t.setTextRenderMode(3)  # invisible, like an OCR layer
        t.setFont("Helvetica", size)
        t.textOut("".join(rng.choice(symbols) for _ in range(n)))
        c.drawText(t)
    c.showPage()
    c.save()
    return buf.getvalue()


def make_resources(res_dir: Path, sample_pdf: bytes) -> None:
    res_dir.mkdir(parents=True, exist_ok=True)
    (res_dir / "encrypted.pdf").write_bytes(encrypted_pdf())
    # corrupt.pdf: a real PDF cut at 40% of its bytes
    (res_dir / "corrupt.pdf").write_bytes(sample_pdf[: int(len(sample_pdf) * 0.4)])
    # empty.pdf: zero bytes
    (res_dir / "empty.pdf").write_bytes(b"")
    # not_a_pdf.pdf: plain text with a .pdf name
    (res_dir / "not_a_pdf.pdf").write_bytes(
        "Esto no es un PDF.\nEs un archivo de texto plano con extensión .pdf,\n"
        "como los que a veces llegan por correo.\n".encode("utf-8"))
    # zero_pages.pdf: syntactically valid PDF with an empty page tree
    # (PdfDocument.new().save() writes one too, but with a time stamp and a random /ID; and PDFium
    # itself refuses to open a document without pages, so it cannot be read back with it anyway.)
    (res_dir / "zero_pages.pdf").write_bytes(zero_page_pdf())
    (res_dir / "garbage_text_layer.pdf").write_bytes(garbage_text_layer_pdf())
