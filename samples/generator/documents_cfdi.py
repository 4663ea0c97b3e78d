"""CFDI print-outs (Mexican electronic invoices): Magavel to the Comisión, YDOSK to the Fiscalía."""
from __future__ import annotations

import base64
import random
import uuid
from dataclasses import dataclass
from decimal import Decimal

from .blocks import QR, P, Cols, Table, b
from .cast import RFC
from .facts import (BID, CONTRACT_MAGAVEL, MAGAVEL_ITEMS, MAGAVEL_IVA, MAGAVEL_SUBTOTAL, MAGAVEL_TOTAL,
                    YDOSK_ITEMS, YDOSK_IVA, YDOSK_SUBTOTAL, YDOSK_TOTAL)
from .model import Doc, Page
from .patterns import clean_random
from .text import money

SIZE = 8.5  # body text
MONO = 6.3  # seals


@dataclass
class Cfdi:
    emisor: str  # company key
    emisor_addr: str
    cp: str
    receptor: str  # printed name
    receptor_rfc: str  # RFC key
    serie: str
    folio: str
    fecha: str
    fecha_cert: str
    items: list
    subtotal: Decimal
    iva: Decimal
    total: Decimal
    total_style: str
    seed: str
    uso: str = "G03 - Gastos en general"
    note: str | None = None


@dataclass
class Stamped:
    """The random parts of a CFDI: folio fiscal, certificate numbers, seals."""
    uid: str
    cert_emisor: str
    cert_sat: str
    sello_cfdi: str
    sello_sat: str


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _seal(r: random.Random) -> str:
    return base64.b64encode(r.randbytes(256)).decode()


def stamp(seed: str) -> Stamped:
    rng = random.Random("cfdi:" + seed)
    uid = clean_random(rng, lambda r: str(uuid.UUID(int=r.getrandbits(128), version=4)).upper())
    cert_emisor = "00001000000" + _digits(rng, 9)
    cert_sat = "00001000000" + _digits(rng, 9)
    return Stamped(uid, cert_emisor, cert_sat, clean_random(rng, _seal), clean_random(rng, _seal))


def _parties(pg: Page, c: Cfdi, s: Stamped) -> None:
    pg.add(Cols([
        [[b(pg.vendor(c.emisor, upper=True))], f"RFC: {pg.rfc(c.emisor)}",
         "Régimen fiscal: 601 - General de Ley Personas Morales", c.emisor_addr, f"Lugar de expedición: {c.cp}"],
        [[b("FACTURA")], f"Serie: {c.serie}   Folio: {c.folio}", "Folio fiscal (UUID):", s.uid,
         f"Fecha y hora de emisión: {pg.date(c.fecha[:10], printed=c.fecha)}",
         f"No. de certificado del emisor: {s.cert_emisor}", "Tipo de comprobante: I - Ingreso   Versión: 3.3"],
    ], widths=[56, 44], size=SIZE, box=True, after=6))
    pg.add(Cols([[["Receptor: ", b(c.receptor)], f"RFC: {pg.rfc(c.receptor_rfc)}", f"Uso del CFDI: {c.uso}"]],
                size=SIZE, box=True, after=8))


def _concepts(pg: Page, c: Cfdi) -> None:
    rows = [["Clave SAT", "Cant.", "Unidad", "Descripción", "Valor unitario", "Importe"]]
    for clave, qty, cu, unit, desc, price in c.items:
        price = money(price)
        rows.append([clave, str(qty), f"{cu} {unit}", desc, pg.amount(price, "bare"), pg.amount(price * qty, "bare")])
    pg.add(Table([11, 6, 13, 40, 15, 15], rows, size=8, aligns=["left", "center", "left", "left", "right", "right"]))
    pg.add(Cols([
        ["Moneda: MXN - Peso Mexicano", "Forma de pago: 03 - Transferencia electrónica de fondos",
         "Método de pago: PUE - Pago en una sola exhibición"] + ([c.note] if c.note else []),
        [f"Subtotal: {pg.amount(c.subtotal, 'plain')}", f"IVA Traslado 16%: {pg.amount(c.iva, 'plain')}",
         [b("Total: " + pg.amount(c.total, c.total_style))]],
    ], widths=[60, 40], aligns=["left", "right"], size=SIZE, after=4))
    pg.add(P([b("Importe con letra: "), pg.amount(c.total, "words")], size=SIZE, after=8))


def _seals(pg: Page, c: Cfdi, s: Stamped) -> None:
    per_line = int((pg.doc.pagesize[0] - sum(pg.doc.margins[::2]) - 96 - 10) / (0.6 * MONO)) - 1

    def mono(text):
        return [(text[i:i + per_line], "mono", MONO) for i in range(0, len(text), per_line)]

    def heading(text):
        return [([b(text)], "sans", 7)]

    lines = heading("Sello digital del CFDI:") + mono(s.sello_cfdi)
    lines += heading("Sello digital del SAT:") + mono(s.sello_sat)
    lines += heading("Cadena original del complemento de certificación digital del SAT:")
    lines += [(f"||1.1|{s.uid}|{pg.date(c.fecha_cert[:10], printed=c.fecha_cert)}|{pg.rfc('sat')}|", "mono", MONO)]
    lines += mono(s.sello_cfdi) + [(f"|{s.cert_sat}||", "mono", MONO)]
    lines += [(f"No. de serie del certificado del SAT: {s.cert_sat}", "sans", 7),
              (f"Fecha y hora de certificación: {pg.date(c.fecha_cert[:10], printed=c.fecha_cert)}", "sans", 7)]
    qr_data = (f"https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id={s.uid}&re={RFC[c.emisor]}"
               f"&rr={RFC[c.receptor_rfc]}&tt={c.total:017.6f}&fe={s.sello_cfdi[-8:]}")
    pg.add(QR(qr_data, 96, lines))


def cfdi_page(pg: Page, c: Cfdi) -> str:
    """Draw the CFDI on pg; returns its folio fiscal (UUID)."""
    s = stamp(c.seed)
    _parties(pg, c, s)
    _concepts(pg, c)
    _seals(pg, c, s)
    pg.add(P("Este documento es una representación impresa de un CFDI.", size=7.5, align="center", after=0))
    return s.uid


def cfdi_doc(file: str, title: str, author: str) -> tuple[Doc, Page]:
    d = Doc(file, title, "factura", author=author, margins=(40, 36, 40, 50))
    d.footer = lambda pg: "Representación impresa de un CFDI versión 3.3"
    return d, d.page()


def doc_factura_magavel():
    d, pg = cfdi_doc("factura_magavel_A-2291_CESP_morelos.pdf",
                     "CFDI serie A folio 2291 de Servicios Integrales Magavel a la Comisión Estatal de Seguridad "
                     "Pública", "Servicios Integrales Magavel, S.A. de C.V.")
    cfdi_page(pg, Cfdi(
        emisor="magavel", emisor_addr="Calle Morelos Sur No. 1127, Col. Las Palmas, Cuernavaca, Morelos", cp="62050",
        receptor="COMISIÓN ESTATAL DE SEGURIDAD PÚBLICA", receptor_rfc="cesp", serie="A", folio="2291",
        fecha="2020-12-28T13:05:41", fecha_cert="2020-12-28T13:06:02", items=MAGAVEL_ITEMS,
        subtotal=MAGAVEL_SUBTOTAL, iva=MAGAVEL_IVA, total=MAGAVEL_TOTAL, total_style="sp_mn", seed="magavel",
        note=f"Contrato: {pg.contract(CONTRACT_MAGAVEL)}   Licitación: {pg.bid(BID)}"))
    return d


def doc_factura_ydosk():
    d, pg = cfdi_doc("factura_ydosk_fiscalia_nayarit.pdf",
                     "CFDI serie A folio 412 de Soluciones Integrales YDOSK a la Fiscalía General del Estado de "
                     "Nayarit", "Soluciones Integrales YDOSK, S.A. de C.V.")
    d.uuid = cfdi_page(pg, Cfdi(
        emisor="ydosk", emisor_addr="Av. México No. 253 Norte, Col. Centro, Tepic, Nayarit", cp="63000",
        receptor="FISCALÍA GENERAL DEL ESTADO DE NAYARIT", receptor_rfc="fge_nay", serie="A", folio="412",
        fecha="2021-03-18T10:42:17", fecha_cert="2021-03-18T10:42:51", items=YDOSK_ITEMS,
        subtotal=YDOSK_SUBTOTAL, iva=YDOSK_IVA, total=YDOSK_TOTAL, total_style="plain", seed="ydosk"))
    return d
