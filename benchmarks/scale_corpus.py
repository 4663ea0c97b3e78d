"""A synthetic archive for the scale benchmark: N dense born-digital pages in PDFs.

Each page is about 660 words of Spanish procurement prose built from a fixed vocabulary,
with the things journalists search for mixed in (bid and contract numbers, amounts,
vendors with RFCs, dates) and, on a few known pages, a rare token planted once so that
search recall can be measured exactly. Deterministic for a given seed.

    .venv/bin/python benchmarks/scale_corpus.py OUT_DIR --pages 20000 [--per-file 50]

Writes OUT_DIR/doc-00000.pdf ... and OUT_DIR/planted.json ({token: [filename, page]}).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

WORDS = (
    "el la los las de del que en por para con sin sobre entre según ante bajo contra desde hasta "
    "contrato licitación pública proveedor adjudicación directa invitación convocatoria fallo acta "
    "junta aclaraciones propuesta técnica económica garantía cumplimiento anticipo fianza póliza "
    "servicios integrales suministro adquisición arrendamiento mantenimiento preventivo correctivo "
    "obra supervisión dependencia entidad municipio estado federal secretaría dirección general "
    "administración finanzas recursos materiales presupuesto partida ejercicio fiscal auditoría "
    "observación recomendación responsabilidad servidor público órgano interno control denuncia "
    "reconocimiento facial videovigilancia cámaras equipo cómputo software licencias patrullas "
    "combustible medicamentos uniformes despensas alumbrado pavimentación drenaje agua potable "
    "plazo entrega días naturales hábiles penas convencionales rescisión terminación anticipada "
    "importe total impuesto valor agregado factura pago transferencia cuenta bancaria anexo "
    "representante legal apoderado testigo firma sello domicilio fiscal registro federal "
    "contribuyentes capital variable sociedad anónima cláusula primera segunda tercera cuarta "
    "quinta vigencia objeto monto precio unitario cantidad unidad medida pieza lote servicio "
    "requisición dictamen evaluación puntos porcentajes criterio binario solvente desechada "
    "investigación mercado cotización comité transparencia acceso información solicitud folio "
    "resolución recurso revisión inconformidad expediente oficio minuta informe reporte"
).split()
VENDORS = ["Servicios Magavel", "Ydosk Tecnologías", "Quatro Desarrollo Urbano", "Grupo Constructor Arvelo",
           "Distribuidora Médica del Bajío", "Soluciones Integrales Nexo", "Comercializadora Tlaloc",
           "Seguridad Privada Centinela", "Papelería y Consumibles Olmeca", "Ingeniería Vial Sonora"]
FORMS = ["S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V.", "S.C."]
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
          "octubre", "noviembre", "diciembre"]
LINE_CHARS = 105  # Helvetica 8.5 pt on Letter with 40 pt margins
LINES = 62


def rare_token(n: int) -> str:
    """A token no vocabulary word, code or amount can produce (letters only, 12 long)."""
    letters = "bcdfghjklmnpqrstvwxz"
    out, n = [], n + 7919
    for _ in range(8):
        out.append(letters[n % 20])
        n //= 20
    return "zq" + "".join(out) + "xv"


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    roll = rng.random()
    if roll < 0.12:
        words.append(f"{rng.choice(['EA', 'LA', 'IA'])}-{rng.choice(['IT', 'LP', 'AD'])}{rng.randint(10, 99)}-"
                     f"{rng.randint(2015, 2024)}")
    elif roll < 0.24:
        words.append(f"${rng.randint(1, 9_999_999):,}.{rng.randint(0, 99):02d}")
    elif roll < 0.32:
        words.append(f"{rng.choice(VENDORS)}, {rng.choice(FORMS)}")
    elif roll < 0.40:
        words.append(f"{rng.randint(1, 28)} de {rng.choice(MONTHS)} de {rng.randint(2015, 2024)}")
    elif roll < 0.45:
        words.append(f"DCA/TM/{rng.randint(100, 999)}/{rng.randint(2015, 2024)}")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def page_lines(rng: random.Random, planted: str | None) -> list[str]:
    """About 660 words in LINES lines; a planted token somewhere inside."""
    text = " ".join(_sentence(rng) for _ in range(60))
    words = text.split()[:660]
    if planted:
        words.insert(rng.randrange(len(words)), planted)
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) + 1 > LINE_CHARS:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines[:LINES]


def _pdf_text(line: str) -> bytes:
    """A PDF literal string in WinAnsi (cp1252), as Helvetica's standard encoding reads it."""
    raw = line.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf(pages: list[bytes], title: str) -> bytes:
    """A minimal PDF: one Helvetica font, one compressed content stream per page (Letter)."""
    count = len(pages)
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Count {count} /Kids [{kids}] >>".encode(),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               b"<< /Title " + _pdf_text(title) + b" /Producer (expediente scale_corpus) >>"]
    for i, content in enumerate(pages):
        stream = zlib.compress(content)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {6 + 2 * i} 0 R >>".encode())
        objects.append(f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream")
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def write_file(out: Path, index: int, pages: int, seed: int, plant_every: int) -> dict[str, list]:
    """One PDF of `pages` pages (Helvetica 8.5 pt, 11.4 pt leading, from 40,752); its planted tokens.
    Written directly rather than through a PDF library (4.7x faster than reportlab, the same
    page text), so that a million pages take minutes to generate."""
    rng = random.Random(seed * 1_000_003 + index)
    name = f"doc-{index:05d}.pdf"
    planted: dict[str, list] = {}
    contents = []
    for p in range(pages):
        global_page = index * pages + p
        token = rare_token(global_page) if global_page % plant_every == 0 else None
        if token:
            planted[token] = [name, p + 1]
        body = b" Tj T*\n".join(_pdf_text(line) for line in page_lines(rng, token))
        contents.append(b"BT /F1 8.5 Tf 11.4 TL 40 752 Td\n" + body + b" Tj\nET")
    (out / name).write_bytes(_pdf(contents, f"Contrato {index}"))
    return planted


def generate(out: Path, pages: int, per_file: int = 50, seed: int = 1, plant_every: int = 97,
             workers: int = 2) -> dict[str, list]:
    out.mkdir(parents=True, exist_ok=True)
    files = (pages + per_file - 1) // per_file
    planted: dict[str, list] = {}
    with ProcessPoolExecutor(workers) as pool:
        for part in pool.map(write_file, [out] * files, range(files), [per_file] * files, [seed] * files,
                             [plant_every] * files, chunksize=8):
            planted.update(part)
    (out / "planted.json").write_text(json.dumps(planted, indent=0), encoding="utf-8")
    return planted


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=20000)
    ap.add_argument("--per-file", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    planted = generate(args.out, args.pages, args.per_file, args.seed, workers=args.workers)
    print(f"{args.pages} pages in {args.out}, {len(planted)} planted tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main())
