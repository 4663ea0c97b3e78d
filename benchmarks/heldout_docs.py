"""Bid-side papers of the held-out set: convocatoria, junta de aclaraciones, fallo or dictamen
de adjudicación directa, contrato and convenio modificatorio, as pages of blocks.

A block is ("h", text) a heading, ("p", text) a paragraph, ("t", rows) a table whose first
row is the header. Wording and layouts are our own, written from heldout_specs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from heldout_specs import Procurement
from heldout_text import date_long, date_words, money, money_words, with_iva

Block = tuple
PROCEDURES = {"LPN": "Licitación Pública Nacional Electrónica",
              "ITP": "Invitación a Cuando Menos Tres Personas",
              "AD": "Adjudicación Directa"}


@dataclass
class Doc:
    """One file of the set: its pages of blocks, and what it belongs to."""

    filename: str
    kind: str
    pids: tuple[str, ...]
    pages: list[list[Block]]
    scan: bool = False
    fmt: str = "pdf"  # pdf, png, tiff or xml
    xml: str = ""
    meta: dict = field(default_factory=dict)


def page_text(page: list[Block]) -> str:
    """Every string printed on a page, one per line (table cells joined by spaces)."""
    lines: list[str] = []
    for block in page:
        if block[0] == "t":
            lines.extend(" ".join(row) for row in block[1])
        else:
            lines.append(block[1])
    return "\n".join(lines)


def _name(p: Procurement) -> str:
    return p.pid.lower()


def convocatoria(p: Procurement) -> Doc:
    day = p.contract_days[0]
    pages = [[
        ("h", p.agency.upper()),
        ("h", f"CONVOCATORIA A LA {PROCEDURES[p.procedure].upper()} No. {p.bid_code}"),
        ("p", f"En observancia del artículo 134 de la Constitución Política de los Estados Unidos "
              f"Mexicanos, la {p.agency} convoca a las personas físicas y morales interesadas en "
              f"participar en el procedimiento para el {p.subject}."),
        ("t", [["Acto", "Fecha y hora", "Lugar"],
               ["Publicación en CompraNet", date_long(day), "Medio electrónico"],
               ["Junta de aclaraciones", f"{date_long(p.contract_days[1])}, 10:00 h", "Sala de juntas, planta baja"],
               ["Presentación y apertura de proposiciones", "Conforme a calendario", "Medio electrónico"],
               ["Comunicación del fallo", date_long(p.contract_days[2]), "CompraNet"]]),
        ("p", f"Las bases estarán disponibles sin costo a partir del {date_long(day)}. "
              f"{p.place}, {date_long(day)}."),
        ("p", f"{p.people[0]}, Titular del Área Contratante."),
    ]]
    return Doc(f"{_name(p)}_convocatoria.pdf", "convocatoria", (p.pid,), pages, "convocatoria" in p.scanned)


def junta(p: Procurement) -> Doc:
    day = p.contract_days[1]
    rivals = [p.vendor] + [c for c, _ in p.rivals]
    rows = [["No.", "Licitante", "Pregunta", "Respuesta"]]
    questions = [("¿Se aceptan propuestas parciales por partida?", "No; se adjudica por partida única."),
                 ("¿Cuál es el plazo de entrega?", "Noventa días naturales a partir de la firma."),
                 ("¿Se requiere carta de respaldo del fabricante?", "Sí, en original.")]
    for i, (company, (q, a)) in enumerate(zip(rivals, questions), 1):
        rows.append([str(i), company.name.upper(), q, a])
    pages = [[
        ("h", f"ACTA DE LA JUNTA DE ACLARACIONES — PROCEDIMIENTO {p.bid_code}"),
        ("p", f"En la ciudad de {p.place}, siendo las diez horas del día {date_words(day)}, se "
              f"reunieron en la sala de juntas de la {p.agency} los servidores públicos y los "
              f"representantes de los licitantes que al final firman, para dar respuesta a las "
              f"solicitudes de aclaración relativas al {p.subject}."),
        ("t", rows),
        ("p", f"No habiendo más asuntos que tratar se cierra la presente a las once horas con "
              f"veinte minutos. Preside: {p.people[0]}."),
    ]]
    return Doc(f"{_name(p)}_junta_aclaraciones.pdf", "junta", (p.pid,), pages, "junta" in p.scanned)


def fallo(p: Procurement) -> Doc:
    day = p.contract_days[2]
    bidders = sorted([(p.vendor, p.award_sub)] + p.rivals, key=lambda cb: cb[1])
    rows = [["Licitante", "Importe sin IVA", "Importe con IVA", "Resultado"]]
    for company, amount in bidders:
        verdict = "SOLVENTE - GANADOR" if company is p.vendor else "Solvente, no ganador"
        rows.append([company.name.upper(), f"${money(amount)}", f"${money(with_iva(amount))}", verdict])
    pages: list[list[Block]] = [[
        ("h", f"{p.agency}"),
        ("h", f"ACTA DE FALLO DE LA {PROCEDURES[p.procedure].upper()} {p.bid_code}"),
        ("p", f"{p.place}, a {date_long(day)}. Con fundamento en el artículo 37 de la Ley de "
              f"Adquisiciones, Arrendamientos y Servicios del Sector Público, se da a conocer el "
              f"resultado de la evaluación de las proposiciones recibidas:"),
        ("t", rows),
    ], [
        ("p", f"Se adjudica el contrato a {p.vendor.name}, por haber presentado la proposición "
              f"solvente más baja, por un importe de ${money(p.award_sub)} más el Impuesto al Valor "
              f"Agregado, lo que da un total de ${money(with_iva(p.award_sub))} M.N. "
              f"{money_words(with_iva(p.award_sub))}."),
        ("p", f"La firma del contrato se realizará el {date_long(p.contract_days[3])} en las "
              f"oficinas del área contratante."),
        ("p", f"Emite el fallo: {p.people[0]}."),
    ]]
    return Doc(f"{_name(p)}_acta_fallo.pdf", "fallo", (p.pid,), pages, "fallo" in p.scanned)


def dictamen(p: Procurement) -> Doc:
    """The written justification of a direct award (no fallo in an AD)."""
    day = p.contract_days[2]
    pages = [[
        ("h", f"{p.agency.upper()} — DIRECCIÓN DE ADQUISICIONES"),
        ("h", f"DICTAMEN DE PROCEDENCIA DE ADJUDICACIÓN DIRECTA {p.bid_code}"),
        ("p", f"Fecha: {date_long(day)}. Se dictamina procedente adjudicar de forma directa el "
              f"{p.subject} a la empresa {p.vendor.name.upper()}, RFC {p.vendor.rfc}, por "
              f"tratarse del único proveedor con unidades disponibles en el plazo requerido."),
        ("t", [["Concepto", "Monto"],
               ["Subtotal", f"$ {money(p.award_sub)}"],
               ["IVA 16%", f"$ {money(with_iva(p.award_sub) - p.award_sub)}"],
               ["Total adjudicado", f"$ {money(with_iva(p.award_sub))}"]]),
        ("p", f"Autoriza: {p.people[0]}, Tesorera Municipal."),
    ]]
    return Doc(f"{_name(p)}_dictamen_ad.pdf", "dictamen", (p.pid,), pages, "dictamen" in p.scanned)


def _amount_clause(p: Procurement) -> str:
    total = with_iva(p.award_sub)
    if p.open_contract:
        minimum = (total * 4 / 10).quantize(total)
        return (f"Contrato abierto. El monto mínimo a ejercer es de ${money(minimum)} "
                f"{money_words(minimum)} y el monto máximo de ${money(total)} "
                f"{money_words(total)}, ambos con el I.V.A. incluido.")
    return (f"El importe total del presente contrato es de ${money(total)} M.N. "
            f"{money_words(total)}, con el Impuesto al Valor Agregado incluido.")


def contrato(p: Procurement) -> Doc:
    day = p.contract_days[3]
    pages: list[list[Block]] = [[
        ("h", f"CONTRATO {p.contract_code}"),
        ("p", f"CONTRATO DE {'ARRENDAMIENTO' if p.procedure == 'AD' else 'ADQUISICIÓN'} QUE "
              f"CELEBRAN POR UNA PARTE LA {p.agency.upper()}, REPRESENTADA POR {p.people[0].upper()}, "
              f"A QUIEN EN LO SUCESIVO SE LE DENOMINARÁ \"LA DEPENDENCIA\", Y POR LA OTRA "
              f"{p.vendor.name.upper()}, REPRESENTADA POR {p.people[1].upper()}, A QUIEN SE "
              f"DENOMINARÁ \"EL PROVEEDOR\", DERIVADO DEL PROCEDIMIENTO {p.bid_code}."),
        ("h", "DECLARACIONES"),
        ("p", f"II.1. El proveedor acredita su existencia legal y tiene el Registro Federal de "
              f"Contribuyentes {p.vendor.rfc}."),
        ("h", "CLÁUSULAS"),
        ("p", f"PRIMERA. OBJETO. El objeto del presente contrato es el {p.subject}."),
        ("p", f"SEGUNDA. MONTO. {_amount_clause(p)}"),
    ], [
        ("p", "TERCERA. FORMA DE PAGO. Los pagos se harán contra entrega de CFDI a entera "
              "satisfacción del área requirente, dentro de los veinte días naturales siguientes."),
        ("p", "CUARTA. GARANTÍA. El proveedor otorgará fianza de cumplimiento por el diez por ciento "
              "del monto máximo del contrato, sin incluir el I.V.A."),
        ("p", f"Leído que fue, se firma por duplicado en {p.place}, el día {date_words(day)}."),
        ("t", [["POR LA DEPENDENCIA", "POR EL PROVEEDOR"],
               [p.people[0], p.people[1]],
               ["", p.vendor.name]]),
    ]]
    return Doc(f"{_name(p)}_contrato.pdf", "contrato", (p.pid,), pages, "contrato" in p.scanned)


def convenio(p: Procurement) -> Doc:
    assert p.amendment is not None
    increase, day = p.amendment
    original = with_iva(p.award_sub)
    pages = [[
        ("h", f"PRIMER CONVENIO MODIFICATORIO AL CONTRATO {p.contract_code}"),
        ("p", f"Que celebran la {p.agency} y la empresa {p.vendor.name} (RFC {p.vendor.rfc}), "
              f"con fecha {date_long(day)}, al amparo del artículo 52 de la ley de la materia."),
        ("t", [["Concepto", "Importe (IVA incluido)"],
               ["Monto original del contrato", f"${money(original)}"],
               ["Incremento que se conviene", f"${money(increase)}"],
               ["Monto total modificado", f"${money(original + increase)}"]]),
        ("p", f"ÚNICA. Se amplía el monto del contrato en {money_words(increase)}, por así "
              f"convenir a las necesidades del servicio. Las demás cláusulas subsisten."),
        ("p", f"Firman: {p.people[0]} y {p.people[1]}."),
    ]]
    return Doc(f"{_name(p)}_convenio_modificatorio.pdf", "convenio", (p.pid,), pages, "convenio" in p.scanned)
