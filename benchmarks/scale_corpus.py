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


def write_file(out: Path, index: int, pages: int, seed: int, plant_every: int) -> dict[str, list]:
    """One PDF of `pages` pages; returns its planted tokens."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    rng = random.Random(seed * 1_000_003 + index)
    name = f"doc-{index:05d}.pdf"
    pdf = canvas.Canvas(str(out / name), pagesize=letter, pageCompression=1)
    pdf.setTitle(f"Contrato {index}")
    planted: dict[str, list] = {}
    for p in range(pages):
        global_page = index * pages + p
        token = rare_token(global_page) if global_page % plant_every == 0 else None
        if token:
            planted[token] = [name, p + 1]
        obj = pdf.beginText(40, 752)
        obj.setFont("Helvetica", 8.5)
        obj.setLeading(11.4)
        for line in page_lines(rng, token):
            obj.textLine(line)
        pdf.drawText(obj)
        pdf.showPage()
    pdf.save()
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
