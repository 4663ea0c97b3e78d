"""Nayarit, the YDOSK invoice: the Fiscalía's acknowledgement (scan) and counter-receipt (photo)."""
from __future__ import annotations

from .blocks import P, Cols, Letterhead, Stamp, b
from .documents_common import addressee, hdr_nayarit, new_page, oficio_head, scanned_doc, sign_off
from .facts import YDOSK_TOTAL
from .model import Doc

AUTHOR_FGE = "Fiscalía General del Estado de Nayarit"


def doc_oficio_fiscalia_scan(uid: str):
    d = scanned_doc("oficio_fiscalia_nayarit_acuse_ydosk_escaneado.pdf",
                    "Oficio de la Fiscalía General del Estado de Nayarit que acusa recibo de la factura de YDOSK "
                    "(digitalizado)", "oficio", AUTHOR_FGE)
    d.footer = lambda pg: "Fiscalía General del Estado de Nayarit"
    s = 12
    pg = new_page(d, hdr_nayarit, size_boost=1.5, scanned=True)
    oficio_head(pg, "FGE/DGA/0458/2021", "Tepic, Nayarit", "2021-03-25", "Acuse de recibo de factura", size=s)
    addressee(pg, "dominguez", s, vendor="ydosk")
    pg.add(P(f"Por este conducto acuso de recibido el comprobante fiscal con folio fiscal {uid}, emitido a favor "
             f"de esta Fiscalía por un importe de {pg.amount(YDOSK_TOTAL, 'plain')} "
             f"({pg.amount(YDOSK_TOTAL, 'words')}), correspondiente a las licencias, la implementación y la "
             f"capacitación prestadas en las instalaciones de la Vicefiscalía Regional con sede en "
             f"{pg.unique('Xalisco')}.", size=s))
    pg.add(P("La factura se turna a la Dirección de Recursos Financieros para el trámite de pago, una vez que el "
             "área usuaria valide la recepción de los servicios.", size=s, after=14))
    sign_off(pg, "partida", "Director General de Administración", p_size=s, size=s, space=60, after=16)
    pg.add(P("c.c.p. Dirección de Recursos Financieros.", size=10, after=0))
    pg.add(Stamp(420, 560, 48))
    return d


def doc_contrarrecibo_photo():
    d = Doc("foto_contrarrecibo_ydosk_nayarit.jpg",
            "Fotografía del contrarrecibo de la Fiscalía General del Estado de Nayarit por la factura de YDOSK",
            "recibo", family="sans", fmt="jpeg", pagesize=(612, 396), author=AUTHOR_FGE,
            margins=(40, 28, 40, 40))
    d.footer = lambda pg: "Dirección de Recursos Financieros"
    s = 11
    pg = d.page(scanned=True)
    pg.add(Letterhead([("FISCALÍA GENERAL DEL ESTADO DE NAYARIT", "b", 12),
                       ("Dirección de Recursos Financieros", "r", 10.5)], logo="shield", after=0))
    pg.add(P([b(pg.unique("CONTRARRECIBO") + " No. 0931")], size=13, align="center", after=8))
    pg.add(Cols([
        [["Recibimos de: ", b(pg.vendor("ydosk"))], f"RFC: {pg.rfc('ydosk')}", "Factura: serie A, folio 412",
         ["Importe: ", b(pg.amount(YDOSK_TOTAL, "plain"))]],
        [f"Fecha de recepción: {pg.date('2021-03-26', 'slash')}",
         f"Fecha probable de pago: {pg.date('2021-04-23', 'slash')}", "Recibió:", pg.person("ibarra")],
    ], widths=[55, 45], size=s, after=8))
    pg.add(P("Presentar este documento original para recibir el pago.", size=9.5, align="center", after=0))
    pg.add(Stamp(470, 300, 34))
    return d
