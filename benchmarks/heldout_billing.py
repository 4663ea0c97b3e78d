"""Money-side papers of the held-out set: CFDI 4.0 invoices (XML and printed PDF) and an audit
report naming several contracts with the amounts it observes."""

from __future__ import annotations

import base64
import random
from decimal import Decimal

from heldout_docs import Doc
from heldout_specs import Invoice, Procurement
from heldout_text import date_long, money, money_words, with_iva

RECEIVER_RFC = {"P1": "SSP850101TL1", "P2": "FGE150806OA2", "P3": "MST790101JA3",
                "P4": "SSM960301MO4", "P5": "SDU921004CH5", "P6": "CEA920101SO6"}


def _seal(rng: random.Random, size: int) -> str:
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(size))).decode()


def cfdi_xml(p: Procurement, inv: Invoice, rng: random.Random) -> str:
    """A CFDI 4.0 Comprobante with its TimbreFiscalDigital; the concept names the contract."""
    total = with_iva(inv.subtotal)
    tax = total - inv.subtotal
    stamp = f"{inv.day.isoformat()}T12:{rng.randint(10, 59)}:{rng.randint(10, 59)}"
    concept = f"{p.subject.upper()} SEGÚN CONTRATO {p.contract_code}".replace('"', "")
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.sat.gob.mx/cfd/4 http://www.sat.gob.mx/sitio_internet/cfd/4/cfdv40.xsd" Version="4.0" Serie="{inv.folio.split('-')[0]}" Folio="{inv.folio.split('-')[1]}" Fecha="{stamp}" Sello="{_seal(rng, 256)}" FormaPago="03" NoCertificado="0000100000050{rng.randint(1000000, 9999999)}" Certificado="{_seal(rng, 600)}" SubTotal="{inv.subtotal:.2f}" Moneda="MXN" Total="{total:.2f}" TipoDeComprobante="I" Exportacion="01" MetodoPago="PPD" LugarExpedicion="{rng.randint(10000, 99999)}">
  <cfdi:Emisor Rfc="{inv.issuer.rfc}" Nombre="{inv.issuer.name.upper()}" RegimenFiscal="601"/>
  <cfdi:Receptor Rfc="{RECEIVER_RFC[p.pid]}" Nombre="{p.agency.upper()}" DomicilioFiscalReceptor="{rng.randint(10000, 99999)}" RegimenFiscalReceptor="603" UsoCFDI="G03"/>
  <cfdi:Conceptos>
    <cfdi:Concepto ClaveProdServ="46171610" Cantidad="1" ClaveUnidad="E48" Unidad="Servicio" Descripcion="{concept}" ValorUnitario="{inv.subtotal:.2f}" Importe="{inv.subtotal:.2f}" ObjetoImp="02">
      <cfdi:Impuestos>
        <cfdi:Traslados>
          <cfdi:Traslado Base="{inv.subtotal:.2f}" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="{tax:.2f}"/>
        </cfdi:Traslados>
      </cfdi:Impuestos>
    </cfdi:Concepto>
  </cfdi:Conceptos>
  <cfdi:Impuestos TotalImpuestosTrasladados="{tax:.2f}">
    <cfdi:Traslados>
      <cfdi:Traslado Base="{inv.subtotal:.2f}" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="{tax:.2f}"/>
    </cfdi:Traslados>
  </cfdi:Impuestos>
  <cfdi:Complemento>
    <tfd:TimbreFiscalDigital xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" Version="1.1" UUID="{inv.uuid}" FechaTimbrado="{stamp}" RfcProvCertif="SAT970701NN3" SelloCFD="{_seal(rng, 256)}" NoCertificadoSAT="00001000000{rng.randint(100000000, 999999999)}" SelloSAT="{_seal(rng, 256)}"/>
  </cfdi:Complemento>
</cfdi:Comprobante>
'''


def invoice_pdf(p: Procurement, inv: Invoice) -> Doc:
    """The printed representation of the CFDI."""
    total = with_iva(inv.subtotal)
    page = [
        ("h", inv.issuer.name.upper()),
        ("p", f"RFC emisor: {inv.issuer.rfc} · Régimen fiscal: 601 General de Ley Personas Morales"),
        ("t", [["Folio", "Fecha de emisión", "Folio fiscal (UUID)"],
               [inv.folio, date_long(inv.day), inv.uuid]]),
        ("p", f"Receptor: {p.agency} · RFC {RECEIVER_RFC[p.pid]} · Uso CFDI: G03 Gastos en general"),
        ("t", [["Cant.", "Descripción", "Importe"],
               ["1", f"{p.subject.capitalize()}. Contrato {p.contract_code}", money(inv.subtotal)]]),
        ("t", [["Subtotal", f"${money(inv.subtotal)}"],
               ["IVA trasladado 16%", f"${money(total - inv.subtotal)}"],
               ["Total", f"${money(total)}"]]),
        ("p", f"Importe con letra: {money_words(total)}"),
        ("p", "Este documento es una representación impresa de un CFDI versión 4.0."),
    ]
    return Doc(f"{p.pid.lower()}_factura_{inv.folio}.pdf", "factura", (p.pid,), [page],
               inv.pdf in ("scan", "scanonly"), meta={"xml": inv.pdf != "scanonly"})


def invoice_docs(p: Procurement, rng: random.Random) -> list[Doc]:
    """Each invoice's XML (unless only its scan was obtained) and its PDF (unless it has none)."""
    docs = []
    for inv in p.invoices:
        xml = cfdi_xml(p, inv, rng)
        if inv.pdf != "scanonly":
            docs.append(Doc(f"{p.pid.lower()}_cfdi_{inv.uuid.lower()}.xml", "cfdi", (p.pid,), [],
                            fmt="xml", xml=xml))
        if inv.pdf != "none":
            docs.append(invoice_pdf(p, inv))
    return docs


def audit(audited: list[Procurement]) -> Doc:
    """An ASF individual report with one finding per audited contract."""
    rows = [["Contrato", "Proveedor", "Ente fiscalizado", "Monto observado"]]
    for p in audited:
        rows.append([p.contract_code, p.vendor.name, p.agency, f"${money(p.audit_observed or Decimal(0))}"])
    first = [
        ("h", "AUDITORÍA SUPERIOR DE LA FEDERACIÓN"),
        ("h", "Informe Individual del Resultado de la Fiscalización Superior de la Cuenta Pública 2023"),
        ("p", "Auditoría de Cumplimiento 2023-A-00000-19-0871. Recursos federales transferidos a "
              "entidades federativas para seguridad pública, obra y agua potable."),
        ("p", "Fecha de emisión: 20 de febrero de 2024."),
        ("h", "Resumen de observaciones con probable daño a la Hacienda Pública"),
        ("t", rows),
    ]
    second = [("h", "Resultados")]
    for n, p in enumerate(audited, 1):
        second.append(("p", f"Resultado {n}. En la revisión del contrato {p.contract_code}, formalizado "
                            f"con {p.vendor.name.upper()}, se observó un monto por aclarar de "
                            f"${money(p.audit_observed or Decimal(0))} M.N., por pagos sin la documentación "
                            f"que acredite la entrega de los bienes o servicios contratados."))
    pids = tuple(p.pid for p in audited)
    return Doc("asf_informe_individual_2023_0871.pdf", "auditoria", pids, [first, second])


def oic_report(p: Procurement) -> Doc:
    """The agency's Órgano Interno de Control on one contract: a paid invoice it questions."""
    odd = [i for i in p.invoices if i.issuer.rfc != p.vendor.rfc]
    about = odd[0] if odd else p.invoices[-1]
    page = [
        ("h", f"ÓRGANO INTERNO DE CONTROL EN LA {p.agency.upper()}"),
        ("h", "Área de Auditoría Interna — Auditoría 03/2022 — Cédula de observaciones"),
        ("p", f"Procedimiento revisado: {p.bid_code}. Contrato: {p.contract_code}, celebrado con "
              f"{p.vendor.name.rstrip('.')}."),
        ("p", f"Observación 1. Se pagó la factura {about.folio} (folio fiscal {about.uuid}), emitida por "
              f"{about.issuer.name} con RFC {about.issuer.rfc}, persona distinta del proveedor "
              f"adjudicado, por un importe de ${money(p.oic_observed or Decimal(0))}. Monto observado: "
              f"${money(p.oic_observed or Decimal(0))} M.N."),
        ("p", "Recomendación correctiva: solicitar el reintegro a la Tesorería o la documentación "
              "que justifique el pago. Plazo de atención: 45 días hábiles."),
        ("p", f"{p.place}, a 14 de marzo de 2022. El Titular del Área de Auditoría Interna."),
    ]
    return Doc(f"{p.pid.lower()}_oic_cedula_observaciones.pdf", "auditoria", (p.pid,), [page], True)
