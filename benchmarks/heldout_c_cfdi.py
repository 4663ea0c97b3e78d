"""Set C's invoices: a CFDI 4.0 XML (signed with made-up seals and a made-up stamp) and its printed
representation ("representación impresa") with the SAT certification string."""

from __future__ import annotations

import base64
import random
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from xml.sax.saxutils import quoteattr

from heldout_c_words import dec, letters, money

PAYMENT = {"PPD": "PPD - Pago en parcialidades o diferido", "PUE": "PUE - Pago en una sola exhibición"}
REGIME = {"601": "601 - General de Ley Personas Morales",
          "612": "612 - Personas Físicas con Actividades Empresariales y Profesionales",
          "603": "603 - Personas Morales con Fines no Lucrativos"}


@dataclass
class Invoice:
    serie: str
    folio: str
    date: str                      # 2024-08-14T11:02:37
    issuer: tuple[str, str, str]   # RFC, name as on the CFDI (no legal form), regime
    receiver: tuple[str, str, str]  # RFC, name, postal code
    lines: list[tuple[str, str, str, str, str]]  # product key, unit key, quantity, description, unit price
    rate: str = "0.16"
    place: str = "90000"
    method: str = "PPD"
    uuid: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def amounts(self) -> tuple[Decimal, Decimal, Decimal]:
        subtotal = sum((dec(Decimal(q) * Decimal(p)) for _, _, q, _, p in self.lines), Decimal("0"))
        tax = dec(subtotal * Decimal(self.rate))
        return dec(subtotal), tax, dec(subtotal) + tax


def _blob(rng: random.Random, size: int) -> str:
    return base64.b64encode(bytes(rng.randrange(256) for _ in range(size))).decode()


def stamp(inv: Invoice, rng: random.Random) -> dict[str, str]:
    """Seals, certificate numbers and the UUID, deterministic from the rng."""
    if not inv.uuid:
        inv.uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()
    return {"sello": _blob(rng, 256), "cert": _blob(rng, 900), "sello_sat": _blob(rng, 256),
            "no_cert": f"00001000000{rng.randrange(10**9):09d}", "no_cert_sat": "00001000000706687945",
            "pac": rng.choice(("SAT970701NN3", "SPR190613I52", "LSO1306189R5")),
            "timbrado": inv.date[:-2] + f"{(int(inv.date[-2:]) + 9) % 60:02d}"}


def xml(inv: Invoice, seal: dict[str, str]) -> str:
    subtotal, tax, total = inv.amounts()
    rate = f"{Decimal(inv.rate):.6f}"
    concepts = []
    for key, unit, qty, desc, price in inv.lines:
        amount = dec(Decimal(qty) * Decimal(price))
        concepts.append(
            f'    <cfdi:Concepto ClaveProdServ="{key}" Cantidad="{qty}" ClaveUnidad="{unit}" '
            f'Descripcion={quoteattr(desc)} ValorUnitario="{price}" Importe="{amount}" ObjetoImp="02">\n'
            f'      <cfdi:Impuestos><cfdi:Traslados><cfdi:Traslado Base="{amount}" Impuesto="002" '
            f'TipoFactor="Tasa" TasaOCuota="{rate}" Importe="{dec(amount * Decimal(inv.rate))}"/>'
            f'</cfdi:Traslados></cfdi:Impuestos>\n    </cfdi:Concepto>')
    rfc, name, regime = inv.issuer
    rrfc, rname, rcp = inv.receiver
    serie = f'Serie="{inv.serie}" ' if inv.serie else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.sat.gob.mx/cfd/4 '
        'http://www.sat.gob.mx/sitio_internet/cfd/4/cfdv40.xsd" Version="4.0" '
        + serie + f'Folio="{inv.folio}" Fecha="{inv.date}" Sello="{seal["sello"]}" FormaPago="03" '
        f'NoCertificado="{seal["no_cert"]}" Certificado="{seal["cert"]}" SubTotal="{subtotal}" Moneda="MXN" '
        f'Total="{total}" TipoDeComprobante="I" Exportacion="01" MetodoPago="{inv.method}" '
        f'LugarExpedicion="{inv.place}">\n'
        f'  <cfdi:Emisor Rfc="{rfc}" Nombre={quoteattr(name)} RegimenFiscal="{regime}"/>\n'
        f'  <cfdi:Receptor Rfc="{rrfc}" Nombre={quoteattr(rname)} DomicilioFiscalReceptor="{rcp}" '
        'RegimenFiscalReceptor="603" UsoCFDI="G03"/>\n'
        '  <cfdi:Conceptos>\n' + "\n".join(concepts) + '\n  </cfdi:Conceptos>\n'
        f'  <cfdi:Impuestos TotalImpuestosTrasladados="{tax}"><cfdi:Traslados><cfdi:Traslado Base="{subtotal}" '
        f'Impuesto="002" TipoFactor="Tasa" TasaOCuota="{rate}" Importe="{tax}"/></cfdi:Traslados></cfdi:Impuestos>\n'
        '  <cfdi:Complemento>\n'
        '    <tfd:TimbreFiscalDigital xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" '
        'xsi:schemaLocation="http://www.sat.gob.mx/TimbreFiscalDigital '
        'http://www.sat.gob.mx/sitio_internet/cfd/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd" Version="1.1" '
        f'UUID="{inv.uuid}" FechaTimbrado="{seal["timbrado"]}" RfcProvCertif="{seal["pac"]}" '
        f'SelloCFD="{seal["sello"]}" NoCertificadoSAT="{seal["no_cert_sat"]}" SelloSAT="{seal["sello_sat"]}"/>\n'
        '  </cfdi:Complemento>\n</cfdi:Comprobante>\n')


def _chunks(text: str, width: int = 95) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def printed(inv: Invoice, seal: dict[str, str], layout: int, legal_name: str) -> list[list[tuple]]:
    """The printed invoice (one page); two layouts, as different billing programs print them."""
    subtotal, tax, total = inv.amounts()
    rfc, _, regime = inv.issuer
    rrfc, rname, rcp = inv.receiver
    rate_pct = f"{Decimal(inv.rate) * 100:.0f}%"
    chain = f"||1.1|{inv.uuid}|{seal['timbrado']}|{seal['pac']}|{seal['sello']}|{seal['no_cert_sat']}||"
    rows = [["Clave SAT", "Unidad", "Cant.", "Descripción", "P. unitario", "Importe"]]
    rows += [[k, u, q, d, money(p), money(Decimal(q) * Decimal(p))] for k, u, q, d, p in inv.lines]
    if layout == 1:
        head = [("h", "FACTURA"), ("r", f"Serie {inv.serie or '-'}  Folio {inv.folio}\nFecha de emisión: {inv.date}"),
                ("p", f"{legal_name}\nRFC: {rfc}   Régimen fiscal: {REGIME[regime]}\nLugar de expedición: {inv.place}"),
                ("p", f"Receptor: {rname}\nRFC: {rrfc}   Domicilio fiscal: {rcp}   Uso CFDI: G03 - Gastos en general"),
                ("p", f"Folio fiscal (UUID): {inv.uuid}\nNo. de serie del CSD: {seal['no_cert']}")]
        totals = [("r", f"Subtotal {money(subtotal)}\nIVA {rate_pct} {money(tax)}\nTotal {money(total)}"),
                  ("p", f"Importe con letra: {letters(total)}")]
    else:
        head = [("c", f"{legal_name}"), ("c", f"R.F.C. {rfc} | {REGIME[regime]}"),
                ("t", [["CFDI 4.0 de Ingreso", "Folio fiscal", "Serie-Folio", "Fecha"],
                       ["I - Ingreso", inv.uuid, f"{inv.serie}-{inv.folio}" if inv.serie else inv.folio, inv.date]], [3.2, 6.4, 2.6, 4.2]),
                ("p", f"CLIENTE: {rname}   R.F.C.: {rrfc}   C.P. {rcp}")]
        totals = [("t", [["SUBTOTAL", money(subtotal)], [f"I.V.A. TRASLADADO {rate_pct}", money(tax)],
                         ["TOTAL", money(total)]], [5, 4], {"header": False}),
                  ("p", f"({letters(total)})")]
    tail = [("p", f"Método de pago: {PAYMENT[inv.method]}   Forma de pago: 03 - Transferencia electrónica de fondos"
                  "   Moneda: MXN"),
            ("p", f"No. de certificado del SAT: {seal['no_cert_sat']}   Fecha y hora de certificación: {seal['timbrado']}"),
            ("p", "Sello digital del CFDI:\n" + _chunks(seal["sello"])),
            ("p", "Sello digital del SAT:\n" + _chunks(seal["sello_sat"])),
            ("p", "Cadena original del complemento de certificación digital del SAT:\n" + _chunks(chain)),
            ("c", "Este documento es una representación impresa de un CFDI")]
    table = ("t", rows, [2.0, 1.4, 1.2, 6.8, 2.3, 2.6], {"shade": layout == 1, "grid": layout == 2})
    return [head + [table] + totals + tail]
