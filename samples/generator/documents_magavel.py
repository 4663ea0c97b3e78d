"""Morelos, the Magavel contract: the procurement file (mixed) and the delivery record (scanned)."""
from __future__ import annotations

from .blocks import P, Letterhead, Sig, Stamp, Table, b
from .documents_bid import bid_doc
from .documents_common import AUTHOR_CESP, hdr_morelos, new_page, priced_items_table, scanned_doc, signer
from .facts import BID, CONTRACT_MAGAVEL, MAGAVEL_ITEMS, MAGAVEL_IVA, MAGAVEL_SUBTOTAL, MAGAVEL_TOTAL
from .model import Page

C5 = "Centro de Coordinación, Comando, Control, Comunicaciones y Cómputo"


def doc_expediente():
    d = bid_doc("expediente_EA-IT20-2020_anexos.pdf",
                "Expediente de la licitación EA-IT20-2020: carátula, anexo técnico firmado (digitalizado) y "
                "propuesta económica", "expediente", "Expediente")
    _expediente_cover(new_page(d, hdr_morelos, "Departamento de Adquisiciones"))
    _expediente_annex(d.page(scanned=True))
    _expediente_offer(d.page())
    return d


def _expediente_cover(pg: Page):
    pg.add(P(b("EXPEDIENTE DEL PROCEDIMIENTO DE CONTRATACIÓN"), size=13, align="center", after=10))
    pg.add(Table([34, 66], [
        ["Dato", "Contenido"],
        ["Procedimiento", f"Licitación pública nacional presencial No. {pg.bid(BID)}"],
        ["Objeto", "Adquisición de equipamiento tecnológico para el C5"],
        ["Proveedor adjudicado", pg.vendor("magavel")],
        ["RFC del proveedor", pg.rfc("magavel")],
        ["Número de contrato", pg.contract(CONTRACT_MAGAVEL)],
        ["Fecha del contrato", pg.date("2020-12-18")],
        ["Importe contratado", pg.amount(MAGAVEL_TOTAL, "mn")],
        ["Origen de los recursos", "FASP, ejercicio fiscal 2020"],
        ["Área requirente", "Dirección de Tecnologías de la Información"],
    ], size=9.5))
    pg.add(P(b("ÍNDICE DE ANEXOS"), after=4))
    pg.add(Table([12, 70, 18], [
        ["Anexo", "Descripción", "Página"],
        ["1", "Anexo técnico firmado por el proveedor (copia digitalizada)", "2"],
        ["2", "Propuesta económica del proveedor", "3"],
    ], size=9.5, aligns=["center", "left", "center"], after=14))
    pg.add(P(f"Integró el expediente: {pg.person('navarrete')}, Jefe del Departamento de Adquisiciones."))
    pg.add(P(f"Cuernavaca, Morelos, {pg.date('2020-12-21')}."))


def _expediente_annex(pg: Page):
    pg.add(Letterhead([(pg.vendor("magavel", upper=True), "b", 12.5),
                       ("Calle Morelos Sur No. 1127, Col. Las Palmas, Cuernavaca, Morelos", "r", 10)], logo=None))
    pg.add(P(b("ANEXO TÉCNICO"), size=14, align="center", after=2))
    pg.add(P(f"Licitación pública nacional presencial No. {pg.bid(BID)}", size=12, align="center", after=10))
    pg.add(P("Especificaciones de los bienes ofertados:", size=12, after=6))
    pg.add(Table([10, 72, 18], [
        ["Partida", "Descripción", "Cantidad"],
        ["1", f"Cámara tipo bala 4K de 8 MP con módulo de {pg.unique('reconocimiento')} facial embebido, "
              f"visión nocturna de 50 m y gabinete IP67", "24"],
        ["2", "Servidor de procesamiento de video con 2 GPU y 96 TB", "2"],
        ["3", "Licencia de software de analítica de video, 3 años", "24"],
        ["4", "Instalación, configuración y puesta en marcha", "1"],
    ], size=11, aligns=["center", "left", "center"], after=10))
    pg.add(P("Bajo protesta de decir verdad, manifiesto que los bienes ofertados cumplen con la totalidad de las "
             "especificaciones solicitadas en la convocatoria y en la junta de aclaraciones, y que cuentan con "
             "una garantía de 24 meses.", size=12, after=10))
    pg.add(P(f"Cuernavaca, Morelos, a {pg.date('2020-12-07')}.", size=12, align="center", after=4))
    pg.add(Sig([signer(pg, "velasco", "Representante Legal")], per_row=1, size=12, space=56))


def _expediente_offer(pg: Page):
    pg.add(Letterhead([(pg.vendor("magavel", upper=True), "b", 11),
                       (f"RFC: {pg.rfc('magavel')}", "r", 9),
                       ("Calle Morelos Sur No. 1127, Col. Las Palmas, C.P. 62050, Cuernavaca, Morelos", "r", 9)],
                      logo="circle"))
    pg.add(P(b("ANEXO 2. PROPUESTA ECONÓMICA"), size=12, align="center", after=2))
    pg.add(P(f"Licitación pública nacional presencial No. {pg.bid(BID)}", align="center", after=10))
    priced_items_table(pg, [(desc, qty, price) for _, qty, _, _, desc, price in MAGAVEL_ITEMS],
                       MAGAVEL_SUBTOTAL, MAGAVEL_IVA, MAGAVEL_TOTAL, [8, 52, 7, 16, 17])
    pg.add(P([b("Importe total con letra: "), pg.amount(MAGAVEL_TOTAL, "words")]))
    pg.add(P("Precios fijos en moneda nacional durante la vigencia del contrato. Vigencia de la proposición: 60 días "
             "naturales. Tiempo de entrega: 10 días naturales a partir de la firma del contrato.", after=14))
    pg.add(P(f"Cuernavaca, Morelos, a {pg.date('2020-12-07')}.", align="center", after=4))
    pg.add(Sig([signer(pg, "velasco", "Representante Legal")], per_row=1))


def doc_acta_entrega():
    d = scanned_doc("acta_entrega_recepcion_magavel_escaneada.pdf",
                    "Acta de entrega-recepción de los bienes del contrato CESP/CAF/118/2020 (digitalizada)", "acta",
                    AUTHOR_CESP)
    d.footer = lambda pg: "C5 Morelos - Almacén"
    _acta_entrega_p1(new_page(d, hdr_morelos, C5, size_boost=1.5, scanned=True))
    _acta_entrega_p2(new_page(d, hdr_morelos, C5, size_boost=1.5, scanned=True))
    return d


def _acta_entrega_p1(pg: Page):
    pg.add(P(b("ACTA DE ENTREGA-RECEPCIÓN DE BIENES"), size=14, align="center", after=4))
    pg.add(P(f"Contrato No. {pg.contract(CONTRACT_MAGAVEL)}, derivado de la licitación No. {pg.bid(BID)}",
             size=12, align="center", after=12))
    pg.add(P(f"En Cuernavaca, Morelos, siendo las 11:00 horas del {pg.date('2020-12-22')}, en el almacén del C5, "
             f"el proveedor {pg.vendor('magavel')}, representado por la {pg.person('velasco')}, hace entrega a "
             f"la Comisión Estatal de Seguridad Pública de los bienes que integran el sistema de "
             f"{pg.unique('videovigilancia')} urbana adquirido por un importe total de "
             f"{pg.amount(MAGAVEL_TOTAL, 'mn')}, conforme a lo siguiente:", size=12, after=8))
    pg.add(Table([10, 62, 12, 16], [
        ["Partida", "Descripción", "Cant.", "Estado"],
        ["1", "Cámara de monitoreo urbano 4K de 8 MP", "24", "Nuevo"],
        ["2", "Servidor de procesamiento de video", "2", "Nuevo"],
        ["3", "Licencias de analítica de video", "24", "Activadas"],
        ["4", "Instalación y puesta en marcha", "1", "Concluida"],
    ], size=11.5, aligns=["center", "left", "center", "left"], after=10))
    pg.add(P("Los bienes fueron revisados físicamente por personal de la Dirección de Tecnologías de la "
             "Información, quien verificó marcas, modelos y números de serie contra la propuesta técnica.",
             size=12))


def _acta_entrega_p2(pg: Page):
    pg.add(P(f"Continuación del acta de entrega-recepción del contrato No. {pg.contract(CONTRACT_MAGAVEL)}",
             size=12, after=10))
    pg.add(P(f"Las cámaras se instalaron en los puntos de monitoreo definidos por el C5. Los dos servidores "
             f"quedan en resguardo en el sitio de respaldo de {pg.unique('Tetecalita')}, municipio de Emiliano "
             f"Zapata, bajo la responsabilidad de la Dirección de Tecnologías de la Información.", size=12))
    pg.add(P("La recepción de los bienes no exime al proveedor de las obligaciones de garantía pactadas en el "
             "contrato. Se cierra la presente acta a las 13:30 horas del mismo día, firmando los que en ella "
             "intervinieron.", size=12, after=18))
    pg.add(Sig([
        signer(pg, "velasco", "Representante Legal", top="ENTREGA"),
        signer(pg, "ocampo", "Directora de Tecnologías", top="RECIBE"),
    ], per_row=2, size=11, space=60, after=16))
    pg.add(Sig([signer(pg, "quintero", "Órgano Interno de Control", top="TESTIGO")], per_row=1, size=11, space=60))
    pg.add(Stamp(470, 610, 52))
