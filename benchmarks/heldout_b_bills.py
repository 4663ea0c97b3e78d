"""Set B's money trail: CFDI 4.0 invoices (the XML and its printed representation, sometimes only
a scan of the print) and the auditor's report naming several contracts."""

from __future__ import annotations

import base64
import random
from decimal import Decimal

from heldout_b_docs import procedure, total
from heldout_b_layout import Doc
from heldout_b_specs import AUDIT_DAY, Invoice, Procurement
from heldout_b_words import date_long, iva, money, pesos_words, with_iva

UNIT = {"unidad": ("H87", "Pieza"), "pieza": ("H87", "Pieza"), "lote": ("XLO", "Lote"),
        "licencia": ("E48", "Unidad de servicio"), "servicio": ("E48", "Unidad de servicio"),
        "caja": ("XBX", "Caja"), "obra": ("E48", "Unidad de servicio")}


def _blob(rng: random.Random, size: int) -> str:
    return base64.b64encode(bytes(rng.randrange(256) for _ in range(size))).decode()


def _wrapped(text: str, width: int = 104) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


def _sat_name(name: str) -> str:
    """CFDI 4.0 prints the name as registered, without the legal form."""
    for form in (", S.A.P.I. de C.V.", ", S. de R.L. de C.V.", ", S.A. de C.V.", ", S.C."):
        name = name.replace(form, "")
    return name.upper()


def _stamp(inv: Invoice) -> str:
    return f"{inv.day.isoformat()}T{9 + int(inv.folio[-1]) % 8:02d}:{17 + len(inv.serie):02d}:05"


def cfdi_xml(p: Procurement, inv: Invoice, rng: random.Random) -> str:
    """The invoice as the SAT stamps it."""
    item = p.items[0]
    key, unit = UNIT[item.unit]
    rate = f"{p.rate:.6f}"
    tax = iva(inv.sub, p.rate)
    desc = inv.concept + (f". Contrato {p.contract_code}" if inv.code_in_xml else "")
    a = p.agency
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.sat.gob.mx/cfd/4 http://www.sat.gob.mx/sitio_internet/cfd/4/cfdv40.xsd" Version="4.0" Serie="{inv.serie}" Folio="{inv.folio}" Fecha="{_stamp(inv)}" Sello="{_blob(rng, 256)}" FormaPago="99" NoCertificado="000010000005{rng.randrange(10**8):08d}" Certificado="{_blob(rng, 900)}" SubTotal="{inv.sub:.2f}" Moneda="MXN" Total="{inv.sub + tax:.2f}" TipoDeComprobante="I" Exportacion="01" MetodoPago="PPD" LugarExpedicion="{rng.randrange(20000, 99999)}">
  <cfdi:Emisor Rfc="{inv.issuer.rfc}" Nombre="{_sat_name(inv.issuer.name)}" RegimenFiscal="601"/>
  <cfdi:Receptor Rfc="{a.rfc}" Nombre="{a.name.upper()}" DomicilioFiscalReceptor="{rng.randrange(20000, 99999)}" RegimenFiscalReceptor="603" UsoCFDI="G03"/>
  <cfdi:Conceptos>
    <cfdi:Concepto ClaveProdServ="{item.key if item.key.isdigit() else '51101500'}" Cantidad="1" ClaveUnidad="{key}" Unidad="{unit}" Descripcion="{desc}" ValorUnitario="{inv.sub:.2f}" Importe="{inv.sub:.2f}" ObjetoImp="02">
      <cfdi:Impuestos>
        <cfdi:Traslados>
          <cfdi:Traslado Base="{inv.sub:.2f}" Impuesto="002" TipoFactor="Tasa" TasaOCuota="{rate}" Importe="{tax:.2f}"/>
        </cfdi:Traslados>
      </cfdi:Impuestos>
    </cfdi:Concepto>
  </cfdi:Conceptos>
  <cfdi:Impuestos TotalImpuestosTrasladados="{tax:.2f}">
    <cfdi:Traslados>
      <cfdi:Traslado Base="{inv.sub:.2f}" Impuesto="002" TipoFactor="Tasa" TasaOCuota="{rate}" Importe="{tax:.2f}"/>
    </cfdi:Traslados>
  </cfdi:Impuestos>
  <cfdi:Complemento>
    <tfd:TimbreFiscalDigital xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" xsi:schemaLocation="http://www.sat.gob.mx/TimbreFiscalDigital http://www.sat.gob.mx/sitio_internet/cfd/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd" Version="1.1" UUID="{inv.uuid}" FechaTimbrado="{_stamp(inv)}" RfcProvCertif="SAT970701NN3" SelloCFD="{_blob(rng, 256)}" NoCertificadoSAT="00001000000509846663" SelloSAT="{_blob(rng, 256)}"/>
  </cfdi:Complemento>
</cfdi:Comprobante>
"""


def invoice_print(p: Procurement, inv: Invoice, rng: random.Random, request: int = 0) -> Doc:
    """The printed representation; `request` > 0: the copy filed again with a payment request."""
    tax, whole = iva(inv.sub, p.rate), with_iva(inv.sub, p.rate)
    item = p.items[0]
    head = [("title", inv.issuer.name.upper()),
            ("small", f"R.F.C. {inv.issuer.rfc} · Régimen General de Ley Personas Morales · {inv.issuer.city}")]
    if request:
        head = [("h", f"SOLICITUD DE PAGO No. {request + 1} — {p.agency.short.split()[-1]} · "
                      f"anexo: comprobante fiscal presentado el {date_long(p.dates.get('reenvio', inv.day))}"),
                *head]
    body = head + [
        ("h", "FACTURA · CFDI versión 4.0 · Tipo: Ingreso"),
        ("kv", [("Folio fiscal (UUID):", inv.uuid), ("Serie y folio:", f"{inv.serie}-{inv.folio}"),
                ("Fecha de emisión:", _stamp(inv).replace("T", " ")),
                ("Receptor:", p.agency.name), ("R.F.C. receptor:", p.agency.rfc),
                ("Uso del CFDI:", "G03 Gastos en general"), ("Método de pago:", "PPD Pago en parcialidades o diferido"),
                ("Referencia:", f"Contrato No. {p.contract_code}")]),
        ("table", [["Clave", "Cant.", "Unidad", "Descripción", "Importe"],
                   [item.key, "1", UNIT[item.unit][1], inv.concept, f"${money(inv.sub)}"]], [2, 1, 1.8, 6, 2.2]),
        ("right", f"Subtotal: ${money(inv.sub)}"),
        ("right", f"IVA trasladado {'16' if p.rate else '0'} %: ${money(tax)}"),
        ("right", f"TOTAL: ${money(whole)}"),
        ("p", f"Importe con letra: {pesos_words(whole)}"),
        ("small", "Sello digital del CFDI:"), ("mono", _wrapped(_blob(rng, 256))),
        ("small", "Sello digital del SAT:"), ("mono", _wrapped(_blob(rng, 256))),
        ("small", f"Cadena original del complemento de certificación: ||1.1|{inv.uuid}|{_stamp(inv)}|SAT970701NN3||"),
        ("small", "Este documento es una representación impresa de un CFDI.")]
    doc = Doc("factura", [p.pid], [body], scan=inv.scan if not request else None)
    doc.meta = {"uuid": inv.uuid, "xml": inv.xml}
    return doc


def invoices(p: Procurement, rng: random.Random) -> list[Doc]:
    """Every invoice file of the procurement: XML (when filed), print-outs (copies included)."""
    out = []
    by_uuid = p.pid in ("B2", "B4", "B6")
    for inv in p.invoices:
        stem = inv.uuid if by_uuid else f"{inv.issuer.rfc}_{inv.serie}{inv.folio}"
        if inv.xml:
            out.append(Doc("factura", [p.pid], xml=cfdi_xml(p, inv, rng), stem=stem,
                           meta={"uuid": inv.uuid, "xml": True}))
        for copy in range(inv.copies):
            doc = invoice_print(p, inv, rng, copy)
            doc.stem = stem if not copy else f"solicitud_pago_{inv.serie}{inv.folio.replace('-', '')}_{copy + 1}"
            out.append(doc)
    return out


def _sample_row(p: Procurement) -> list[str]:
    ceiling = total(p) + (p.amendment or Decimal("0"))
    return [p.agency.state, p.bid_code, p.contract_code, p.vendor.name, f"${money(ceiling)}"]


FINDINGS = {
    "B1": "formalizó un convenio modificatorio que incrementó el monto en un porcentaje superior al "
          "veinte por ciento permitido por el artículo 52 de la LAASSP, sin acreditar las razones "
          "fundadas; se observa el importe del incremento",
    "B3": "pagó la factura HT-77 a Integradora de Sistemas Huasca Téllez, S.A. de C.V. (R.F.C. "
          "ISH180404UV6), persona moral distinta del proveedor adjudicado y que además participó como "
          "licitante en el mismo procedimiento; se observa el importe pagado",
    "B6": "pagó en la estimación número 2 volúmenes de carpeta asfáltica no ejecutados, según la "
          "verificación física realizada; se observan pagos en exceso",
}


def audit(audited: list[Procurement]) -> Doc:
    """The auditor's report: a sample table, then one finding per audited contract."""
    sample = [["Entidad", "Procedimiento", "Contrato", "Proveedor", "Monto revisado"]]
    sample += [_sample_row(p) for p in audited]
    one = [("title", "AUDITORÍA SUPERIOR DE LA FEDERACIÓN"),
           ("h", "Informe Individual del Resultado de la Fiscalización Superior de la Cuenta Pública 2023"),
           ("h", "Auditoría de Cumplimiento 2023-A-00000-19-0874-2024 · Recursos federales transferidos "
                 "para seguridad pública, salud e infraestructura"),
           ("p", "Objetivo: fiscalizar que la contratación, el pago y la recepción de los bienes, servicios "
                 "y obras adquiridos con recursos federales transferidos a las entidades federativas se "
                 "realizaron conforme a la normativa. La muestra revisada se integra como sigue:"),
           ("table", sample, [1.6, 3, 3, 4, 2.2]),
           ("p", "Los montos revisados incluyen el Impuesto al Valor Agregado y, en su caso, los convenios "
                 "modificatorios formalizados.")]
    pages, rows = [], [["Resultado", "Contrato", "Monto observado"]]
    for n, p in enumerate(audited, 1):
        amount = p.audit_observed or Decimal("0")
        rows.append([str(n), p.contract_code, f"${money(amount)}"])
        pages.append(("h", f"Resultado {n}. {p.agency.name}"))
        pages.append(("p", f"Con la revisión del expediente del contrato {p.contract_code}, derivado de la "
                           f"{procedure(p)} {p.bid_code} y adjudicado a {p.vendor.name}, se constató que "
                           f"{p.agency.short} {FINDINGS[p.pid]} por {'$' + money(amount)} "
                           f"({pesos_words(amount)}), por lo que se emitió el Pliego de Observaciones "
                           f"correspondiente."))
    grand = sum((p.audit_observed or Decimal("0") for p in audited), Decimal("0"))
    rows.append(["Total", "", f"${money(grand)}"])
    two = [("h", "RESULTADOS"), *pages[:4]]
    three = [*pages[4:], ("h", "Resumen de montos por aclarar"), ("table", rows, [1.5, 4, 2.5]),
             ("p", f"Ciudad de México, a {date_long(AUDIT_DAY)}."),
             ("sign", [("C.P. Eduardo Lozano Medellín", "Auditor Especial de Cumplimiento Financiero")])]
    return Doc("auditoria", [p.pid for p in audited], [one, two, three], stem="ASF_CP2023_0874")
