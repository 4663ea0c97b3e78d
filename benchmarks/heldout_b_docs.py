"""Set B's procurement documents in set B's own wording: convocatoria (or invitación), junta de
aclaraciones, acta de fallo with the bidders' table, contrato and convenio modificatorio."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from heldout_b_layout import Doc
from heldout_b_specs import Procurement
from heldout_b_words import date_long, date_num, date_words, iva, money, pesos_words, with_iva

LAASSP = "la Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público"


def law(p: Procurement) -> str:
    if p.procedure == "LO":
        return "la Ley de Obras Públicas y Servicios Relacionados con las Mismas"
    if p.bid_code.startswith("LPE"):
        return f"la Ley de Adquisiciones, Arrendamientos y Prestación de Servicios del Estado de {p.agency.state}"
    return LAASSP


def procedure(p: Procurement) -> str:
    return {"I3": "Invitación a Cuando Menos Tres Personas",
            "LO": "Licitación Pública Nacional de Obra Pública"}.get(
        p.procedure, "Licitación Pública Estatal" if p.bid_code.startswith("LPE") else
        "Licitación Pública Nacional Electrónica")


def total(p: Procurement) -> Decimal:
    return with_iva(p.award_sub, p.rate)


def prints_subtotal(p: Procurement) -> bool:
    """Does the contract print its subtotal and IVA apart (a table under the amount clause)?"""
    return p.min_sub is None and (p.procedure == "LO" or p.pid == "B1")


def _place(p: Procurement, key: str) -> str:
    return f"{p.agency.city}, {p.agency.state}, a {date_long(p.dates[key])}."


def _say(amount: Decimal) -> str:
    return f"${money(amount)} ({pesos_words(amount)})"


def _tax(p: Procurement) -> str:
    return "a tasa 0 % del Impuesto al Valor Agregado" if not p.rate else "más el Impuesto al Valor Agregado"


def convocatoria(p: Procurement) -> Doc:
    a, d = p.agency, p.dates
    head = [("title", a.name.upper()), ("h", f"{a.area} · Área contratante"),
            ("title", "INVITACIÓN" if p.procedure == "I3" else "CONVOCATORIA"),
            ("h", f"{procedure(p)} No. {p.bid_code}"),
            ("p", f"Con fundamento en el artículo 134 de la Constitución Política de los Estados Unidos "
                  f"Mexicanos y en {law(p)}, {a.name} convoca a las personas físicas y morales con "
                  f"capacidad legal, técnica y económica a participar en el procedimiento de contratación "
                  f"de {p.goods}, conforme a las bases y al calendario siguiente:"),
            ("kv", [("Publicación:", date_num(d["convocatoria"])),
                    ("Junta de aclaraciones:", f"{date_long(d['junta'])}, 10:00 horas"),
                    ("Apertura de proposiciones:", f"{date_long(d['apertura'])}, 11:30 horas"),
                    ("Comunicación del fallo:", f"{date_long(d['fallo'])}, 13:00 horas"),
                    ("Carácter:", "Nacional; proposiciones por medios electrónicos y presenciales"),
                    ("Criterio de evaluación:", "binario" if p.procedure != "LO" else "puntos y porcentajes")]),
            ("p", "Las bases estarán disponibles para consulta y obtención gratuita en el sistema "
                  "electrónico de compras públicas y en el domicilio del área contratante, de lunes a "
                  "viernes de 9:00 a 15:00 horas.")]
    rows = [["Partida", "Clave", "Descripción", "Unidad", "Cantidad"]]
    for n, item in enumerate(p.items, 1):
        qty = f"{item.qty:,}"
        if p.min_sub is not None:
            qty = f"mín. {int(item.qty * p.min_sub / p.award_sub):,} / máx. {item.qty:,}"
        rows.append([str(n), item.key, item.text, item.unit, qty])
    annex = [("h", "ANEXO TÉCNICO: descripción de los bienes, servicios u obra"),
             ("table", rows, [1, 2.2, 7, 1.6, 2.6]),
             ("p", "Los licitantes deberán acreditar experiencia mínima de dos años en contratos "
                   "similares. La garantía de cumplimiento será del diez por ciento del monto del "
                   "contrato sin impuestos, mediante póliza de fianza."),
             ("right", _place(p, "convocatoria")),
             ("sign", [(a.buyer, f"Titular del área contratante de {a.short[3:] if a.short.startswith('la ') else a.short}")])]
    return Doc("convocatoria", [p.pid], [head, annex], scan=p.scans.get("convocatoria"))


def junta(p: Procurement) -> Doc:
    a = p.agency
    bidders = [p.vendor] + [c for c, _ in p.losers]
    body = [("title", "ACTA DE LA JUNTA DE ACLARACIONES"),
            ("h", f"{procedure(p)} número {p.bid_code} — {p.goods}"),
            ("p", f"En la ciudad de {a.city}, {a.state}, siendo las diez horas del día "
                  f"{date_words(p.dates['junta'])}, se reunieron en la sala de juntas de {a.name} los "
                  f"servidores públicos y los representantes de los licitantes que firman al calce, para "
                  f"dar respuesta a las solicitudes de aclaración recibidas en tiempo, con fundamento en "
                  f"{law(p)}."),
            ("table", [["Licitante", "R.F.C.", "Preguntas"]]
             + [[c.name, c.rfc, str(2 + n)] for n, c in enumerate(bidders)], [6, 2.5, 1.4]),
            ("p", "Pregunta 1. ¿Se aceptan entregas parciales? Respuesta: Sí, conforme al programa de "
                  "entregas del anexo técnico."),
            ("p", "Pregunta 2. ¿Los precios deben cotizarse con impuestos? Respuesta: Los precios se "
                  "cotizarán en moneda nacional, desglosando el Impuesto al Valor Agregado."),
            ("p", "No habiendo más asuntos que tratar se da por terminada la junta a las 11:40 horas, "
                  "firmando los que en ella intervinieron."),
            ("sign", [(a.buyer, "Por el área contratante"), (bidders[1].rep, bidders[1].name)])]
    return Doc("junta", [p.pid], [body], scan=p.scans.get("junta"))


def fallo(p: Procurement) -> Doc:
    a, sub = p.agency, p.award_sub
    offers = sorted([(p.vendor, sub)] + p.losers, key=lambda pair: pair[1])
    rows = [["No.", "Licitante", "Importe sin IVA", "IVA", "Importe total", "Resultado"]]
    for n, (company, amount) in enumerate(offers, 1):
        verdict = "Solvente; se adjudica" if company is p.vendor else "Solvente; no es la más baja"
        if company is not p.vendor and amount < sub:
            verdict = "Desechada: incumple el anexo técnico"
        rows.append([str(n), company.name, f"${money(amount)}", f"${money(iva(amount, p.rate))}",
                     f"${money(with_iva(amount, p.rate))}", verdict])
    one = [("title", a.name.upper()), ("title", "ACTA DE FALLO"),
           ("h", f"Procedimiento: {procedure(p)} {p.bid_code}"),
           ("p", f"En {a.city}, {a.state}, a las trece horas del {date_long(p.dates['fallo'])}, con "
                 f"fundamento en {law(p)}, se emite el fallo del procedimiento para la contratación de "
                 f"{p.goods}. El acto de presentación y apertura de proposiciones se celebró el "
                 f"{date_num(p.dates['apertura'])}; se recibieron {len(offers)} proposiciones."),
           ("h", "Resultado de la evaluación de las proposiciones"),
           ("table", rows, [0.8, 5, 2.4, 2.1, 2.4, 3])]
    words = (f"{_say(sub)} {_tax(p)}" if not p.rate else
             f"{_say(sub)} {_tax(p)}, lo que hace un total de {_say(total(p))}")
    two = [("h", "ADJUDICACIÓN"),
           ("p", f"Se adjudica el contrato a {p.vendor.name.upper()}, con R.F.C. {p.vendor.rfc}, por "
                 f"haber presentado la proposición solvente más conveniente para el Estado, por un "
                 f"importe de {words}."
                 + (" El contrato será abierto, con el importe señalado como monto máximo." if p.min_sub else "")),
           ("p", f"La firma del contrato se realizará en las oficinas del área contratante dentro de los "
                 f"quince días naturales siguientes. La entrega de {p.goods} se hará conforme al anexo "
                 f"técnico."),
           ("p", "Contra la presente resolución procede la inconformidad en términos de la ley aplicable."),
           ("sign", [(a.buyer, "Titular del área contratante"), (a.head, "Titular de la dependencia")])]
    return Doc("fallo", [p.pid], [one, two], scan=p.scans.get("fallo"))


def _contract_amount(p: Procurement) -> list[tuple[Any, ...]]:
    if p.min_sub is not None:
        low, high = with_iva(p.min_sub, p.rate), total(p)
        return [("p", f"SEGUNDA. MONTO. El presente contrato es abierto. «LA DEPENDENCIA» ejercerá un "
                      f"presupuesto mínimo de {_say(low)} y un presupuesto máximo de {_say(high)}, "
                      f"ambos con el Impuesto al Valor Agregado incluido.")]
    lines: list[tuple[Any, ...]] = [("p", f"SEGUNDA. MONTO. El monto total del presente contrato es de {_say(total(p))}, "
                   + ("sin causar IVA por tratarse de medicamentos (tasa 0 %)." if not p.rate else
                      "con el Impuesto al Valor Agregado incluido."))]
    if prints_subtotal(p):
        lines.append(("table", [["Concepto", "Importe"], ["Subtotal", f"${money(p.award_sub)}"],
                                ["I.V.A. 16 %", f"${money(iva(p.award_sub))}"],
                                ["Total", f"${money(total(p))}"]], [3, 2]))
    if p.procedure == "LO":
        lines.append(("p", f"CUARTA BIS. GARANTÍA. «EL CONTRATISTA» otorgará fianza de cumplimiento "
                           f"por ${money(p.award_sub / 10)} M.N., equivalente al 10 % del monto sin IVA."))
    return lines


def contrato(p: Procurement) -> Doc:
    a, v = p.agency, p.vendor
    party = "«EL CONTRATISTA»" if p.procedure == "LO" else "«EL PROVEEDOR»"
    title = ("CONTRATO DE OBRA PÚBLICA A PRECIOS UNITARIOS Y TIEMPO DETERMINADO" if p.procedure == "LO"
             else f"CONTRATO {'ABIERTO ' if p.min_sub else ''}DE ADQUISICIÓN DE BIENES")
    one = [("title", title), ("title", f"No. {p.contract_code}"),
           ("p", f"Contrato que celebran por una parte {a.name}, representada por {a.head}, a quien en lo "
                 f"sucesivo se denominará «LA DEPENDENCIA», y por la otra {v.name}, representada por "
                 f"{v.rep}, en su carácter de apoderado legal, a quien se denominará {party}, al tenor "
                 f"de las declaraciones y cláusulas siguientes."),
           ("h", "DECLARACIONES"),
           ("p", f"I.1. Que la adjudicación del presente contrato se realizó mediante el procedimiento de "
                 f"{procedure(p)} número {p.bid_code}, con fundamento en {law(p)}, cuyo fallo se dio a "
                 f"conocer el {date_long(p.dates['fallo'])}."),
           ("p", f"I.2. Que la erogación se cubrirá con recursos autorizados para el ejercicio "
                 f"{p.dates['contrato'].year}, solicitados por la {a.area}."),
           ("p", f"II.1. {party} declara ser una sociedad constituida conforme a las leyes mexicanas, con "
                 f"Registro Federal de Contribuyentes {v.rfc} y domicilio en {v.city}.")]
    two = [("h", "CLÁUSULAS"),
           ("p", f"PRIMERA. OBJETO. {party} se obliga a entregar a «LA DEPENDENCIA» {p.goods}, conforme "
                 f"a las especificaciones del anexo técnico, que forma parte integrante de este contrato."),
           *_contract_amount(p),
           ("p", "TERCERA. FORMA DE PAGO. El pago se realizará dentro de los veinte días naturales "
                 "posteriores a la entrega del comprobante fiscal digital correspondiente, previa "
                 "aceptación de los bienes por el área requirente."),
           ("p", f"CUARTA. VIGENCIA. Del {date_num(p.dates['contrato'])} al 31 de diciembre de "
                 f"{p.dates['contrato'].year}."),
           ("p", f"Leído que fue el presente contrato, lo firman por duplicado en {a.city}, {a.state}, a "
                 f"los {date_words(p.dates['contrato'])}."),
           ("sign", [(a.head, "Por «LA DEPENDENCIA»"), (v.rep, f"Por {party}"),
                     (a.buyer, "Área contratante"), ("Titular de la " + a.area, "Área requirente")])]
    return Doc("contrato", [p.pid], [one, two], scan=p.scans.get("contrato"))


def convenio(p: Procurement) -> Doc:
    a, v = p.agency, p.vendor
    base, inc = total(p), p.amendment or Decimal("0")
    share = (inc * 100 / base).quantize(Decimal("0.1"))
    page = [("title", f"CONVENIO MODIFICATORIO NÚMERO UNO AL CONTRATO {p.contract_code}"),
            ("p", f"Que celebran {a.name}, representada por {a.head}, y {v.name}, representada por "
                  f"{v.rep}, con fundamento en el artículo 52 de {LAASSP}."),
            ("h", "ANTECEDENTES"),
            ("p", f"Único. El {date_long(p.dates['contrato'])} las partes suscribieron el contrato citado, "
                  f"derivado de la {procedure(p)} {p.bid_code}, por un monto de ${money(base)} IVA incluido."),
            ("h", "CLÁUSULAS"),
            ("p", f"PRIMERA. Las partes convienen en incrementar el monto del contrato en {_say(inc)}, "
                  f"IVA incluido, equivalente al {share} % del monto original, por requerirse bienes "
                  f"adicionales de las mismas características."),
            ("p", f"SEGUNDA. En consecuencia, el monto total del contrato asciende a {_say(base + inc)}."),
            ("p", "TERCERA. Subsisten todas las demás cláusulas del contrato en lo que no se opongan al "
                  "presente convenio."),
            ("right", _place(p, "convenio")),
            ("sign", [(a.head, "Por «LA DEPENDENCIA»"), (v.rep, "Por «EL PROVEEDOR»")])]
    return Doc("convenio", [p.pid], [page], scan=p.scans.get("convenio"))
