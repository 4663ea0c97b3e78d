"""A test set of complete procurements, made up from first principles (not from the samples):
for each, convocatoria -> fallo -> contrato -> convenio modificatorio -> invoices (PDF print-outs,
one also as CFDI XML), and one audit report naming several of them. Some documents are scanned
(an image only, read by OCR). Vendors are printed as real papers print them: with table-row
numbers, in capitals without dots, after prose ("... el Gobierno del Estado y Ñandú ...").

`build(out_dir, scanned=True)` writes the files and returns the truth: per procurement its codes,
vendor RFC, files, awarded/contracted/invoiced figures and planted flags; per page, the companies
printed on it. Deterministic (fixed numbers, reportlab invariant mode).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
IVA = Decimal("0.16")
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre")


@dataclass(frozen=True)
class Company:
    key: str  # the RFC
    name: str  # as written with accents
    form: str = "S.A. de C.V."

    def proper(self) -> str:
        return f"{self.name}, {self.form}"

    def caps(self) -> str:
        return f"{self.name.upper()} SA DE CV"


def _rfc(letters: str, yymmdd: str, homo: str) -> str:
    table = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"
    base = letters + yymmdd + homo
    total = sum(table.index(ch) * (13 - i) for i, ch in enumerate(base.rjust(12)))
    d = 11 - total % 11
    return base + ("0" if total % 11 == 0 else "A" if d == 10 else str(d))


COMPANIES = [
    Company(_rfc("NLI", "150312", "K4"), "Ñandú Logística Integral"),
    Company(_rfc("COQ", "090721", "B2"), "Comercializadora Olmedo Quintanar"),
    Company(_rfc("TAB", "120105", "H7"), "Tecnologías Aplicadas del Bajío"),
    Company(_rfc("PSN", "170930", "R1"), "Protección y Sistemas del Noroeste", "S. de R.L. de C.V."),
    Company(_rfc("GCV", "110614", "P3"), "Grupo Constructor Valderrama"),
    Company(_rfc("MEA", "160228", "M9"), "Movilidad Eléctrica Andina"),
    Company(_rfc("DIP", "080817", "X5"), "Distribuidora Industrial del Pacífico"),
]


@dataclass
class Procurement:
    n: int
    agency: str
    state: str
    city: str
    item: str
    winner: int  # index into COMPANIES
    rivals: tuple[int, ...]
    subtotal: Decimal
    amendment_pct: Decimal  # 0: no convenio
    invoice_shares: tuple[Decimal, ...]  # of the final contracted total
    planted: tuple[str, ...] = ()
    scanned: tuple[str, ...] = ()  # which documents are scans: fallo, contrato, convenio, factura
    held_out: bool = False
    foreign_issuer: int | None = None  # an invoice issued by this other company

    @property
    def bid(self) -> str:
        return f"LA-9260{self.n}5987-E{10 + self.n}-2022"

    @property
    def contract(self) -> str:
        return f"SSC/DA/{120 + self.n}/2022"

    @property
    def award_total(self) -> Decimal:
        return (self.subtotal * (1 + IVA)).quantize(Decimal("0.01"))

    @property
    def contracted(self) -> Decimal:
        return (self.award_total * (1 + self.amendment_pct)).quantize(Decimal("0.01"))

    @property
    def invoices(self) -> list[Decimal]:
        return [(self.contracted * s).quantize(Decimal("0.01")) for s in self.invoice_shares]


PROCUREMENTS = [
    Procurement(0, "Secretaría de Seguridad Ciudadana", "Nueva Vizcaya", "Villa Rica", "patrullas equipadas", 0, (1, 2),
                Decimal("4210500.00"), Decimal("0.10"), (Decimal("0.5"), Decimal("0.5")), scanned=("fallo",)),
    Procurement(1, "Secretaría de Salud", "Nueva Vizcaya", "Villa Rica", "ambulancias de traslado", 1, (0, 4),
                Decimal("2875000.00"), Decimal("0"), (Decimal("0.6"), Decimal("0.4")), scanned=("contrato",)),
    Procurement(2, "Fiscalía General del Estado", "Nueva Vizcaya", "Villa Rica", "equipo de videovigilancia", 2, (3,),
                Decimal("1930000.00"), Decimal("0.05"), (Decimal("0.7"), Decimal("0.45")), planted=("over_invoiced",),
                scanned=("factura",)),
    Procurement(3, "Secretaría de Obras Públicas", "Nueva Vizcaya", "Villa Rica", "señalización vial", 3, (2, 5),
                Decimal("980400.00"), Decimal("0.30"), (Decimal("0.5"), Decimal("0.5")), planted=("amendment_over_20",),
                scanned=("convenio",)),
    Procurement(4, "Secretaría de Movilidad", "Nueva Vizcaya", "Villa Rica", "autobuses eléctricos", 5, (4, 6),
                Decimal("8340000.00"), Decimal("0.15"), (Decimal("0.4"), Decimal("0.4")), held_out=True,
                planted=("invoice_issuer_not_vendor",), foreign_issuer=6, scanned=("fallo",)),
    Procurement(5, "Secretaría de Educación", "Nueva Vizcaya", "Villa Rica", "mobiliario escolar", 6, (1, 5),
                Decimal("1215000.00"), Decimal("0.20"), (Decimal("0.5"), Decimal("0.3")), held_out=True,
                planted=("over_invoiced",), scanned=("contrato",)),
]
# Procurement 5: its convenio raises the total by exactly 20 % (no flag), its invoices sum to 80 %
# of it; the planted over-invoice is a third invoice, printed twice.


def money(v: Decimal) -> str:
    return f"${v:,.2f}"


def long_date(y: int, m: int, d: int) -> str:
    return f"{d} de {MONTHS[m - 1]} de {y}"


@dataclass
class DocSpec:
    filename: str
    kind: str
    pages: list[list[str]]
    companies: list[set[str]] = field(default_factory=list)  # per page: RFCs of companies printed
    scanned: bool = False
    xml: str | None = None


def _documents(p: Procurement) -> list[DocSpec]:
    w, rivals = COMPANIES[p.winner], [COMPANIES[i] for i in p.rivals]
    head = [f"GOBIERNO DEL ESTADO DE {p.state.upper()}", p.agency.upper(), "Dirección de Adquisiciones"]
    m = 3 + p.n  # each procurement in its own month of 2022
    docs = []
    docs.append(DocSpec(f"p{p.n}_convocatoria_{p.bid}.pdf", "convocatoria", [[
        *head, f"CONVOCATORIA A LA LICITACIÓN PÚBLICA NACIONAL No. {p.bid}",
        f"Objeto: adquisición de {p.item}.",
        f"Publicación de la convocatoria {m:02d}/01/2022; junta de aclaraciones 10/{m:02d}/2022;",
        f"presentación y apertura de proposiciones 17/{m:02d}/2022.",
        f"{p.city}, {p.state}, a {long_date(2022, m, 1)}"]], [set()]))
    bidders = [w, *rivals]
    amounts = [p.award_total, *[(p.award_total * Decimal(1.05 + 0.04 * i)).quantize(Decimal("0.01")) for i in range(len(rivals))]]
    table = [f"{i} {c.proper()} RFC {c.key} {money(a)} Solvente" for i, (c, a) in enumerate(zip(bidders, amounts), 1)]
    iva = (p.subtotal * IVA).quantize(Decimal("0.01"))
    docs.append(DocSpec(f"p{p.n}_fallo_{p.bid}.pdf", "fallo", [
        [*head, f"ACTA DE FALLO DE LA LICITACIÓN PÚBLICA NACIONAL No. {p.bid}",
         f"En {p.city}, {p.state}, siendo las 12:00 horas del día {long_date(2022, m, 24)}, se da a conocer el fallo.",
         "Licitante RFC Importe total (IVA incluido) Dictamen", *table],
        [*head, "FALLO",
         f"Con fundamento en el artículo 37 de la Ley, se adjudica el contrato de la licitación No. {p.bid}",
         f"a la empresa {w.caps()}, con RFC {w.key}, por un importe total de {money(p.award_total)} M.N.,",
         "con el Impuesto al Valor Agregado incluido, conforme al siguiente desglose:",
         f"Importe antes del Impuesto al Valor Agregado {money(p.subtotal)}",
         f"Impuesto al Valor Agregado (16%) {money(iva)}",
         f"Importe total adjudicado {money(p.award_total)}"]],
        [{c.key for c in bidders}, {w.key}], scanned="fallo" in p.scanned))
    docs.append(DocSpec(f"p{p.n}_contrato_{p.contract.replace('/', '-')}.pdf", "contrato", [
        [*head, f"CONTRATO No. {p.contract}",
         f"Contrato de adquisición de {p.item} derivado de la licitación pública No. {p.bid}, que celebran",
         f"por una parte el Gobierno del Estado de {p.state} y {w.proper()}, representada",
         f"por su apoderado legal, con RFC {w.key}.",
         f"SEGUNDA. MONTO. El monto total del contrato es de {money(p.award_total)} con el IVA incluido.",
         f"TERCERA. GARANTÍA. El proveedor otorgará fianza por el 10% del monto total, es decir, {money(p.award_total / 10)}."],
        [*head, f"CONTRATO No. {p.contract}",
         "Leído que fue, las partes lo firman por duplicado en",
         f"{p.city}, {p.state}, a {long_date(2022, m, 28)}.",
         "POR EL PROVEEDOR", w.proper()]],
        [{w.key}, {w.key}], scanned="contrato" in p.scanned))
    if p.amendment_pct:
        increase = p.contracted - p.award_total
        docs.append(DocSpec(f"p{p.n}_convenio_{p.contract.replace('/', '-')}.pdf", "convenio", [[
            *head, f"CONVENIO MODIFICATORIO AL CONTRATO No. {p.contract}",
            f"Que celebran el Gobierno del Estado de {p.state} y {w.proper()}.",
            f"ÚNICA. Las partes acuerdan una ampliación de {money(increase)} al monto del contrato,",
            f"para un monto total de {money(p.contracted)} con el IVA incluido.",
            f"{p.city}, {p.state}, a {long_date(2022, m + 2, 5)}."]],
            [{w.key}], scanned="convenio" in p.scanned))
    for k, total in enumerate(_invoice_totals(p), 1):
        issuer = COMPANIES[p.foreign_issuer] if p.foreign_issuer is not None and k == 2 else w
        uuid = f"{p.n:08d}-{k:04d}-4A2B-8C3D-{p.n * 1000 + k:012d}"
        sub = (total / (1 + IVA)).quantize(Decimal("0.01"))
        lines = [f"{issuer.caps()} FACTURA", f"RFC: {issuer.key} Serie: F Folio: {p.n}{k:03d}",
                 f"Folio fiscal (UUID): {uuid}", f"Fecha y hora de emisión: 2022-{m + 3:02d}-{10 + k:02d}T10:00:00",
                 f"Receptor: GOBIERNO DEL ESTADO DE {p.state.upper()}", "RFC: GEN850101AB1",
                 f"Concepto: {p.item}, entrega parcial {k}", f"Subtotal: {money(sub)}",
                 f"IVA Traslado 16%: {money(total - sub)}", f"Total: {money(total)} M.N.",
                 f"Contrato: {p.contract} Licitación: {p.bid}"]
        scanned = "factura" in p.scanned and k == 1
        docs.append(DocSpec(f"p{p.n}_factura_F{p.n}{k:03d}.pdf", "factura", [lines], [{issuer.key}], scanned))
        if k == 1:
            docs.append(DocSpec(f"p{p.n}_factura_F{p.n}{k:03d}.xml", "factura", [lines], [{issuer.key}],
                                xml=_cfdi_xml(issuer, p, k, uuid, sub, total)))
        if p.n == 5 and k == 3:
            copy = [*lines, "RECIBIDO: copia presentada de nuevo para trámite de pago"]  # the same invoice again
            docs.append(DocSpec(f"p{p.n}_factura_F{p.n}{k:03d}_copia.pdf", "factura", [copy], [{issuer.key}]))
    return docs


def _cfdi_xml(issuer: Company, p: Procurement, k: int, uuid: str, sub: Decimal, total: Decimal) -> str:
    """A CFDI 3.3 whose concept does not print the contract: it joins its case through the UUID."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/3" '
            f'xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" Version="3.3" Serie="F" Folio="{p.n}{k:03d}" '
            f'Fecha="2022-{3 + p.n + 3:02d}-{10 + k:02d}T10:00:00" SubTotal="{sub}" Moneda="MXN" Total="{total}" '
            f'TipoDeComprobante="I">\n<cfdi:Emisor Rfc="{issuer.key}" Nombre="{issuer.caps()}" RegimenFiscal="601"/>\n'
            f'<cfdi:Receptor Rfc="GEN850101AB1" Nombre="GOBIERNO DEL ESTADO DE {p.state.upper()}" UsoCFDI="G03"/>\n'
            f'<cfdi:Conceptos><cfdi:Concepto ClaveProdServ="25101500" Cantidad="1" ClaveUnidad="E48" '
            f'Descripcion="{p.item}, entrega parcial {k}" ValorUnitario="{sub}" Importe="{sub}"/></cfdi:Conceptos>\n'
            f'<cfdi:Impuestos TotalImpuestosTrasladados="{total - sub}"/>\n<cfdi:Complemento><tfd:TimbreFiscalDigital '
            f'Version="1.1" UUID="{uuid}" FechaTimbrado="2022-01-01T10:00:00"/></cfdi:Complemento>\n</cfdi:Comprobante>\n')


def _audit(procs: list[Procurement]) -> DocSpec:
    named = [p for p in procs if p.n in (0, 1, 3)]
    lines = ["AUDITORÍA SUPERIOR DEL ESTADO DE NUEVA VIZCAYA", "Informe individual de auditoría ASE/2023/041",
             "Auditoría de cumplimiento a las adquisiciones del ejercicio 2022."]
    companies = set()
    for r, p in enumerate(named, 1):
        w = COMPANIES[p.winner]
        companies.add(w.key)
        observed = (p.contracted * Decimal("0.08")).quantize(Decimal("0.01"))
        lines += [f"Resultado {r}. El contrato {p.contract}, derivado de la licitación {p.bid}, celebrado con",
                  f"{w.proper()}, por {money(p.contracted)}, presenta pagos sin soporte",
                  f"documental por {money(observed)}, monto que se incluye en el pliego de observaciones."]
    lines.append("Villa Rica, Nueva Vizcaya, a 20 de marzo de 2023.")
    return DocSpec("auditoria_ASE-2023-041.pdf", "auditoria", [lines[:9], lines[9:]],
                   [companies & {COMPANIES[p.winner].key for p in named[:2]}, {COMPANIES[named[2].winner].key}])


def build(out_dir: Path, scanned: bool = True, only: tuple[int, ...] | None = None) -> dict[str, Any]:
    """Write the set into out_dir; return its truth. `scanned=False` draws every page born-digital."""
    out_dir.mkdir(parents=True, exist_ok=True)
    procs = [p for p in PROCUREMENTS if only is None or p.n in only]
    truth: dict[str, Any] = {"procurements": [], "pages": [], "companies": {c.key: c.name for c in COMPANIES}}
    audit = _audit(PROCUREMENTS)  # it names procurements 0, 1 and 3 whichever are built
    for p in procs:
        docs = _documents(p)
        for d in docs:
            _write(out_dir, d, scanned and d.scanned)
            truth["pages"] += [{"file": d.filename, "page": i, "companies": sorted(c), "ocr": scanned and d.scanned}
                               for i, c in enumerate(d.companies, 1)]
        files = [d.filename for d in docs] + (["auditoria_ASE-2023-041.pdf"] if p.n in (0, 1, 3) else [])
        truth["procurements"].append({
            "n": p.n, "bid": p.bid, "contract": p.contract, "vendor": COMPANIES[p.winner].key, "files": files,
            "scanned_files": [d.filename for d in docs if scanned and d.scanned],
            "awarded": f"{p.award_total:.2f}", "contracted": f"{p.contracted:.2f}",
            "invoiced": f"{sum(_invoice_totals(p)):.2f}",
            "flags": sorted({*p.planted, *(["audit_observation"] if p.n in (0, 1, 3) else []),
                             *(["duplicate_invoice"] if p.n == 5 else [])}),
            "held_out": p.held_out})
    _write(out_dir, audit, False)
    truth["pages"] += [{"file": audit.filename, "page": i, "companies": sorted(c), "ocr": False}
                       for i, c in enumerate(audit.companies, 1)]
    return truth


def _invoice_totals(p: Procurement) -> list[Decimal]:
    """The distinct invoices of a procurement; number 5 also has a planted third one (printed twice)."""
    extra = [(p.contracted * Decimal("0.3")).quantize(Decimal("0.01"))] if p.n == 5 else []
    return [*p.invoices, *extra]


def _write(out_dir: Path, d: DocSpec, scanned: bool) -> None:
    path = out_dir / d.filename
    if d.xml is not None:
        path.write_text(d.xml, encoding="utf-8")
    elif scanned:
        _scan(path, d.pages, d.filename)
    else:
        _digital(path, d.pages)


def _digital(path: Path, pages: list[list[str]]) -> None:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    for lines in pages:
        y = 740
        for line in lines:
            c.setFont("Helvetica", 9.5)
            c.drawString(54, y, line)
            y -= 15
        c.showPage()
    c.save()


def _scan(path: Path, pages: list[list[str]], seed: str) -> None:
    """A page as an office scanner gives it: 200 dpi grey image, a slight skew, some noise."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    font = ImageFont.truetype(FONT, 25)
    images = []
    for lines in pages:
        img = Image.new("L", (1700, 2200), 246)
        draw = ImageDraw.Draw(img)
        y = 160
        for line in (part for line in lines for part in _wrap(line, draw, font, 1400)):
            draw.text((150, y), line, fill=25, font=font)
            y += 42
        img = img.rotate(rng.uniform(-0.8, 0.8), fillcolor=246, resample=Image.BICUBIC)
        px = img.load()
        for _ in range(3000):
            px[rng.randrange(1700), rng.randrange(2200)] = rng.randrange(120, 230)
        images.append(img.filter(ImageFilter.GaussianBlur(0.5)))
    images[0].save(path, "PDF", resolution=200, save_all=True, append_images=images[1:])


def _wrap(line: str, draw: Any, font: Any, width: int) -> list[str]:
    """The line broken between words so that no part runs off the page."""
    out, cur = [], ""
    for word in line.split():
        trial = f"{cur} {word}".strip()
        if cur and draw.textlength(trial, font=font) > width:
            out.append(cur)
            cur = word
        else:
            cur = trial
    return [*out, cur] if cur else out
