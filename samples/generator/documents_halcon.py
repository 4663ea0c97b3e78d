"""Morelos, the 2021 contract SSP/DGA/045/2021 with another vendor, Comercializadora Halcón Sistemas."""
from __future__ import annotations

from .blocks import P, Sig, b
from .documents_common import AUTHOR_CESP, hdr_morelos, new_page, priced_items_table, signer
from .facts import BID_HALCON, CONTRACT_HALCON, HALCON_ITEMS, HALCON_IVA, HALCON_SUBTOTAL, HALCON_TOTAL
from .model import Doc, Page


def contract_page(d: Doc, size: float, align: str, after: float) -> Page:
    pg = new_page(d, hdr_morelos, "Dirección General de Administración")
    pg.add(P([b("CONTRATO DE ADQUISICIÓN No. "), b(pg.contract(CONTRACT_HALCON))], size=size, align=align,
             after=after))
    return pg


def doc_contrato_halcon():
    d = Doc("contrato_SSP-DGA-045-2021_morelos.pdf",
            "Contrato SSP/DGA/045/2021 de adquisición de radios con Comercializadora Halcón Sistemas", "contrato",
            author=AUTHOR_CESP)
    d.footer = lambda pg: f"Contrato {pg.contract(CONTRACT_HALCON)}"
    _halcon_p1(contract_page(d, 12, "center", 10))
    _halcon_p2(contract_page(d, 10, "right", 8))
    _halcon_p3(contract_page(d, 10, "right", 8))
    return d


def _halcon_p1(pg: Page):
    pg.add(P(f"CONTRATO DE ADQUISICIÓN DE BIENES QUE CELEBRAN, POR UNA PARTE, LA COMISIÓN ESTATAL DE SEGURIDAD "
             f"PÚBLICA DEL ESTADO DE MORELOS, REPRESENTADA POR EL {pg.person('salgado', 'upper')}, Y POR LA OTRA, "
             f"{pg.vendor('halcon', legal='SA DE CV', comma=False, upper=True)}, REPRESENTADA POR EL "
             f"{pg.person('benitez', 'upper')}, EN SU CARÁCTER DE ADMINISTRADOR ÚNICO, AL TENOR DE LAS "
             f"SIGUIENTES DECLARACIONES Y CLÁUSULAS:", after=8))
    pg.add(P(b("DECLARACIONES"), align="center", after=4))
    pg.add(P(f"I. La Comisión declara que el presente contrato se adjudicó mediante la licitación pública nacional "
             f"electrónica No. {pg.bid(BID_HALCON)}, cuyo fallo se emitió el {pg.date('2021-06-02')}, y que "
             f"cuenta con recursos del FASP 2021 en la partida presupuestal 5651.", indent=12))
    pg.add(P(f"II. El proveedor declara que su Registro Federal de Contribuyentes es {pg.rfc('halcon')}, que su "
             f"administrador único, con RFC {pg.rfc('benitez')}, cuenta con facultades para obligarlo, y que "
             f"señala como domicilio el ubicado en Boulevard Cuauhnáhuac No. 1480, Jiutepec, Morelos.", indent=12))
    pg.add(P(b("CLÁUSULAS"), align="center", after=4))
    pg.add(P([b("PRIMERA. OBJETO. "), "El proveedor se obliga a entregar 180 radios portátiles de comunicación "
              "digital con sus accesorios, conforme al anexo técnico de la licitación."]))
    pg.add(P([b("SEGUNDA. MONTO. "), f"El monto total del contrato es de {pg.amount(HALCON_TOTAL, 'plain')} "
              f"({pg.amount(HALCON_TOTAL, 'words')}), con el Impuesto al Valor Agregado incluido."]))


def _halcon_p2(pg: Page):
    priced_items_table(pg, HALCON_ITEMS, HALCON_SUBTOTAL, HALCON_IVA, HALCON_TOTAL, [10, 50, 10, 15, 15])
    pg.add(P([b("TERCERA. PLAZO DE ENTREGA. "), f"Los bienes se entregarán a más tardar el "
              f"{pg.date('2021-07-30')} en el almacén general de la Comisión."]))
    pg.add(P([b("CUARTA. GARANTÍA. "), f"El proveedor otorgará fianza de cumplimiento por el 10% del monto del "
              f"contrato, equivalente a {pg.amount('234876.00', 'plain')}."]))
    pg.add(P([b("QUINTA. PAGO. "), "El pago se realizará en una sola exhibición, dentro de los 20 días hábiles "
              "posteriores a la entrega total de los bienes y a la presentación del CFDI."]))


def _halcon_p3(pg: Page):
    pg.add(P([b("SEXTA. PENAS CONVENCIONALES. "), "Por cada día natural de atraso se aplicará una pena del 1% "
              "sobre el valor de los bienes no entregados oportunamente."]))
    pg.add(P([b("SÉPTIMA. JURISDICCIÓN. "), "Las partes se someten a los tribunales competentes de la ciudad de "
              "Cuernavaca, Morelos."], after=10))
    pg.add(P(f"Se firma en Cuernavaca, Morelos, el {pg.date('2021-06-09')}.", align="center", after=12))
    pg.add(Sig([
        signer(pg, "salgado", "Coordinador de Administración y Finanzas", top=[b("POR LA COMISIÓN")]),
        signer(pg, "benitez", "Administrador Único de", top=[b("POR EL PROVEEDOR")], vendor="halcon",
               legal="SA de CV", comma=False),
    ], per_row=2))
