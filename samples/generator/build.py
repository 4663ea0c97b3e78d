"""Building the corpus: lay out every page, validate the answer key, render and write the files."""
from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from .answer_key import answer_key, validate
from .config import HERE, PHOTO_DPI, RESOURCES, SCAN_DPI
from .documents import all_docs
from .fonts import PILMeasure, RLMeasure
from .layout import Layout
from .model import Doc
from .pdf_tools import merge_pdfs
from .render_digital import pdf_from_jpegs, render_pdf
from .resources import make_resources
from .scan_effects import doc_dpi, jpeg_bytes, photo, scan_page


def lay_out(d: Doc) -> None:
    for pg in d.pages:
        meas = PILMeasure(doc_dpi(d)) if pg.scanned else RLMeasure()
        lay = Layout(pg, meas, d.family)
        pg.ops, pg.lines = lay.run()


def pdf_bytes(d: Doc) -> bytes:
    """Born-digital pages through reportlab, scanned ones as JPEGs; merged when a file has both."""
    born = [pg for pg in d.pages if not pg.scanned]
    scanned = [pg for pg in d.pages if pg.scanned]
    born_pdf = render_pdf([pg.ops for pg in born], d.pagesize, d.title, d.author) if born else None
    scan_pdf = pdf_from_jpegs([jpeg_bytes(scan_page(d, pg)) for pg in scanned], d.pagesize, d.title,
                              d.author) if scanned else None
    if not scanned:
        return born_pdf
    if not born:
        return scan_pdf
    parts, nb, ns = [], 0, 0
    for pg in d.pages:
        if pg.scanned:
            parts.append((scan_pdf, ns))
            ns += 1
        else:
            parts.append((born_pdf, nb))
            nb += 1
    return merge_pdfs(parts)


def write_tiff(d: Doc, path: Path) -> None:
    """Bilevel CCITT Group 4, one frame a page, as office scanners write it."""
    frames = [scan_page(d, pg).point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)
              for pg in d.pages]
    frames[0].save(path, format="TIFF", save_all=True, append_images=frames[1:], compression="group4",
                   dpi=(SCAN_DPI, SCAN_DPI))


def write_doc(d: Doc, out_dir: Path) -> None:
    path = out_dir / d.file
    if d.fmt == "pdf":
        path.write_bytes(pdf_bytes(d))
    elif d.fmt == "tiff":
        write_tiff(d, path)
    elif d.fmt == "jpeg":
        assert len(d.pages) == 1
        photo(d, d.pages[0]).save(path, "JPEG", quality=78, dpi=(PHOTO_DPI, PHOTO_DPI), optimize=True)
    else:
        raise ValueError(d.fmt)


def build(out_dir: Path = HERE, res_dir: Path = RESOURCES) -> list[Doc]:
    docs = all_docs()
    for d in docs:
        lay_out(d)
    errors = validate(docs)
    if errors:
        raise SystemExit("answer-key validation failed:\n" + "\n".join(errors))
    for d in docs:
        write_doc(d, out_dir)
    key = answer_key(docs)
    (out_dir / "answer_key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    make_resources(res_dir, (out_dir / "convocatoria_EA-IT20-2020_morelos.pdf").read_bytes())
    return docs
