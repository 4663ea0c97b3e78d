"""Morelos, bid EA-IT20-2020: the call for bids, the clarification meeting and the result."""
from __future__ import annotations

from .blocks import P, Sig, Space, Table, b
from .documents_common import AUTHOR_CESP, bid_line, hdr_morelos, new_page, sections, signer
from .facts import BID, MAGAVEL_ITEMS, MAGAVEL_IVA, MAGAVEL_SUBTOTAL, MAGAVEL_TOTAL
from .model import Doc, Page

OBJ_C5 = ("ADQUISICIÓN DE EQUIPAMIENTO TECNOLÓGICO PARA EL CENTRO DE COORDINACIÓN, COMANDO, CONTROL, "
          "COMUNICACIONES Y CÓMPUTO (C5)")
LEY_MOR = ("Ley sobre Adquisiciones, Enajenaciones, Arrendamientos y Prestación de Servicios del Poder "
           "Ejecutivo del Estado Libre y Soberano de Morelos")
BIDDERS = {"magavel": "velasco", "tlahuica": "figueroa", "vigia": "mendoza", "opticos": "rebolledo"}


def bid_doc(file: str, title: str, kind: str, footer: str) -> Doc:
    """A document of the bid, by the Comisión, with the bid number in the footer."""
    d = Doc(file, title, kind, author=AUTHOR_CESP)
    d.footer = lambda pg: f"{footer} {pg.bid(BID)}"
    return d


def bid_pages(d: Doc, heading: str, size: float, *fillers) -> Doc:
    """A first page under a heading, then continuation pages: one filler function a page."""
    fillers[0](first_page(d, heading, size))
    for fill in fillers[1:]:
        fill(next_page(d))
    return d


def first_page(d: Doc, heading: str, size: float) -> Page:
    pg = new_page(d, hdr_morelos)
    pg.add(P(b(heading), size=size, align="center", after=4))
    bid_line(pg)
    pg.add(P(OBJ_C5, size=9, align="center", after=10))
    return pg


def next_page(d: Doc) -> Page:
    pg = new_page(d, hdr_morelos)
    bid_line(pg)
    pg.add(Space(6))
    return pg


def signatures(pg: Page, space: float, bidders: list[str], officials_heading: str | None,
               bidders_heading: str) -> None:
    """The three officials of the Comisión, then the representatives of the bidders."""
    if officials_heading:
        pg.add(P(b(officials_heading), align="center", size=9, after=2))
    pg.add(Sig([
        signer(pg, "salgado", "Coordinador de Administración y Finanzas"),
        signer(pg, "ocampo", "Directora de Tecnologías de la Información"),
        signer(pg, "quintero", "Órgano Interno de Control"),
    ], per_row=3, space=space, size=8))
    pg.add(P(b(bidders_heading), align="center", size=9, after=2))
    pg.add(Sig([signer(pg, BIDDERS[k], style="upper_plain", vendor=k) for k in bidders],
               per_row=2, space=28, size=8, after=4))


def _convocatoria_p1(pg: Page):
    pg.add(P(f"En observancia a lo dispuesto por el artículo 134 de la Constitución Política de los Estados "
             f"Unidos Mexicanos y de conformidad con la {LEY_MOR}, la Comisión Estatal de Seguridad Pública "
             f"convoca a las personas físicas y morales de nacionalidad mexicana que no se encuentren en los "
             f"supuestos del artículo 39 de dicha Ley, a participar en la licitación pública nacional presencial "
             f"No. {pg.bid(BID)}, relativa a la adquisición de equipamiento tecnológico para el Centro de "
             f"Coordinación, Comando, Control, Comunicaciones y Cómputo (C5), conforme a lo siguiente:"))
    pg.add(P(b("1. DESCRIPCIÓN GENERAL DE LOS BIENES"), after=4))
    goods = [[str(k), desc, str(qty), unit] for k, (_, qty, _, unit, desc, _) in enumerate(MAGAVEL_ITEMS, 1)]
    pg.add(Table([8, 62, 12, 18], [["Partida", "Descripción", "Cantidad", "Unidad de medida"]] + goods,
                 aligns=["center", "left", "center", "left"]))
    pg.add(P(b("2. CALENDARIO DE EVENTOS"), after=4))
    pg.add(Table([38, 30, 12, 20], [
        ["Evento", "Fecha", "Hora", "Lugar"],
        ["Publicación de la convocatoria", pg.date("2020-11-23", "slash"), "-", "Periódico Oficial"],
        ["Venta de bases", f"del {pg.date('2020-11-23', 'slash')} al {pg.date('2020-11-27', 'slash')}",
         "9:00 a 15:00", "Caja general"],
        ["Junta de aclaraciones", pg.date("2020-11-30", "slash"), "10:00", "Sala de juntas"],
        ["Presentación y apertura de proposiciones", pg.date("2020-12-07", "slash"), "10:00", "Sala de juntas"],
        ["Fallo", pg.date("2020-12-15", "slash"), "12:00", "Sala de juntas"],
    ]))
    pg.add(P("Los actos se celebrarán en la sala de juntas de la Coordinación de Administración y Finanzas, "
             "ubicada en Avenida Teopanzolco No. 412, colonia Reforma, C.P. 62260, Cuernavaca, Morelos. "
             "Podrán asistir como observadores, sin necesidad de adquirir las bases, las personas físicas y "
             "morales que lo deseen, previo registro de su asistencia."))


def _convocatoria_p2(pg: Page):
    sections(pg, [
        ("3. COSTO Y FORMA DE PAGO DE LAS BASES",
         f"Las bases tendrán un costo de {pg.amount(2500, 'plain')} ({pg.amount(2500, 'words')}), no "
         f"reembolsable, que deberá cubrirse mediante depósito bancario a favor de la Secretaría de Hacienda "
         f"del Gobierno del Estado de Morelos o en la caja general de la Comisión Estatal de Seguridad "
         f"Pública."),
        ("4. ORIGEN DE LOS RECURSOS",
         "Fondo de Aportaciones para la Seguridad Pública de los Estados y del Distrito Federal (FASP), "
         "ejercicio fiscal 2020, partida presupuestal 5651."),
        ("5. LUGAR, PLAZO Y CONDICIONES DE ENTREGA",
         "Los bienes se entregarán en el almacén del C5, en un plazo no mayor a 10 días naturales contados "
         "a partir de la firma del contrato, debidamente instalados y en operación. El proveedor otorgará "
         "una garantía mínima de 24 meses contra defectos de fabricación y vicios ocultos."),
        ("6. CONDICIONES DE PAGO",
         "El pago se realizará en moneda nacional, mediante transferencia electrónica, dentro de los 20 días "
         "hábiles posteriores a la presentación del Comprobante Fiscal Digital por Internet (CFDI) "
         "correspondiente, previa validación del área requirente. No se otorgarán anticipos."),
        ("7. CRITERIO DE EVALUACIÓN",
         "Las proposiciones se evaluarán mediante el criterio binario: se adjudicará el contrato al "
         "licitante cuya proposición resulte solvente por cumplir con los requisitos legales, técnicos y "
         "económicos establecidos en la convocatoria y haya ofertado el precio más bajo."),
    ])
    pg.add(P("Ninguna de las condiciones contenidas en la convocatoria, así como en las proposiciones "
             "presentadas por los licitantes, podrá ser negociada.", after=14))
    pg.add(P(f"Cuernavaca, Morelos, a {pg.date('2020-11-23')}.", align="center", after=6))
    pg.add(Sig([signer(pg, "salgado", "Coordinador de Administración y Finanzas")], per_row=1))


def question(pg: Page, n: int, vendor: str, text: str, answer: str) -> None:
    pg.add(P([b(f"Pregunta {n} "), f"({pg.vendor(vendor)}): {text}"]))
    pg.add(P([b("Respuesta: "), answer], after=8))


def _junta_p1(pg: Page):
    pg.add(P(f"En la ciudad de Cuernavaca, Morelos, siendo las 10:00 horas del día {pg.date('2020-11-30')}, se "
             f"reunieron en la sala de juntas de la Coordinación de Administración y Finanzas de la Comisión "
             f"Estatal de Seguridad Pública los servidores públicos y los representantes de los licitantes cuyos "
             f"nombres y firmas aparecen al final de la presente acta, con el objeto de celebrar la junta de "
             f"aclaraciones de la licitación pública nacional presencial No. {pg.bid(BID)}, conforme a lo "
             f"dispuesto por la {LEY_MOR}."))
    pg.add(P(f"Preside el acto el {pg.person('salgado')}, Coordinador de Administración y Finanzas, asistido por "
             f"la {pg.person('ocampo')}, Directora de Tecnologías de la Información, en su carácter de área "
             f"requirente, y por el {pg.person('quintero')}, representante del Órgano Interno de Control."))
    pg.add(P("Se registró la asistencia de los siguientes licitantes:", after=4))
    pg.add(Table([58, 42], [["Licitante", "Representante"]] +
                 [[pg.vendor(k), pg.person(rep)] for k, rep in BIDDERS.items()]))
    pg.add(P(b("PREGUNTAS Y RESPUESTAS"), after=4))
    question(pg, 1, "magavel", "¿Se aceptan cámaras con una resolución superior a la solicitada en la partida 1?",
             "Sí, siempre que cumplan con las demás especificaciones del Anexo Técnico, incluida la analítica "
             "biométrica facial embebida en el equipo.")
    question(pg, 2, "vigia", "¿El servicio de instalación incluye la obra civil para los postes?",
             "No. La obra civil y los postes son existentes; el servicio comprende montaje, cableado, "
             "configuración y pruebas de funcionamiento.")


def _junta_p2(pg: Page):
    question(pg, 3, "tlahuica", "¿Es posible entregar los bienes en dos exhibiciones?",
             "No. La entrega deberá realizarse en una sola exhibición dentro del plazo de 10 días naturales "
             "señalado en la convocatoria.")
    question(pg, 4, "opticos", "¿Se puede acreditar la analítica biométrica mediante un servidor externo en "
             "lugar de hacerlo en la cámara?",
             "No. El numeral 4.2 del Anexo Técnico exige que la analítica se ejecute en la propia cámara; las "
             "proposiciones que no lo acrediten serán desechadas.")
    pg.add(P(f"Se informa a los licitantes que el acto de presentación y apertura de proposiciones se llevará a "
             f"cabo el {pg.date('2020-12-07')} a las 10:00 horas, en esta misma sala."))
    pg.add(P("No habiendo más asuntos que tratar, se da por concluida la presente junta a las 11:40 horas del "
             "mismo día de su inicio, firmando de conformidad los que en ella intervinieron.", after=12))
    signatures(pg, 32, ["magavel", "tlahuica", "vigia", "opticos"], None, "LICITANTES")


def _fallo_p1(pg: Page):
    pg.add(P(f"En la ciudad de Cuernavaca, Morelos, siendo las 12:00 horas del día {pg.date('2020-12-15')}, en la "
             f"sala de juntas de la Coordinación de Administración y Finanzas de la Comisión Estatal de Seguridad "
             f"Pública, ubicada en Avenida Teopanzolco No. 412, colonia Reforma, se reunieron los servidores "
             f"públicos cuyos nombres y firmas aparecen al final de la presente acta, con el objeto de dar a "
             f"conocer el fallo de la licitación pública nacional presencial No. {pg.bid(BID)}, de conformidad "
             f"con lo dispuesto en los artículos 41 y 43 de la {LEY_MOR}."))
    pg.add(P(b("ANTECEDENTES"), after=4))
    pg.add(P(f"I. Con fecha {pg.date('2020-11-23')} se publicó la convocatoria de la licitación en el Periódico "
             f"Oficial \"Tierra y Libertad\" y en el portal de compras del Gobierno del Estado.", indent=14))
    pg.add(P(f"II. El {pg.date('2020-11-30')} se celebró la junta de aclaraciones, en la que se dio respuesta a "
             f"las preguntas formuladas por los licitantes.", indent=14))
    pg.add(P(f"III. El {pg.date('2020-12-07')} se llevó a cabo el acto de presentación y apertura de "
             f"proposiciones, en el que se recibieron cuatro proposiciones, mismas que fueron turnadas al área "
             f"requirente para su evaluación técnica.", indent=14))
    pg.add(P("IV. La evaluación se realizó mediante el criterio binario previsto en la convocatoria, verificando "
             "el cumplimiento de los requisitos legales, administrativos, técnicos y económicos, y adjudicando a "
             "la proposición solvente cuyo precio resultó ser el más bajo.", indent=14, after=8))
    pg.add(P(b("EVALUACIÓN TÉCNICA"), after=4))
    pg.add(P("La Dirección de Tecnologías de la Información, en su carácter de área requirente, emitió el dictamen "
             "técnico correspondiente, en el que verificó para cada proposición el cumplimiento de las "
             "especificaciones del Anexo Técnico, entre ellas: resolución mínima de 8 megapíxeles, analítica "
             "biométrica facial embebida en la cámara, almacenamiento de al menos 30 días de grabación continua, "
             "garantía mínima de 24 meses y soporte técnico en sitio dentro del territorio del Estado."))
    pg.add(P("Asimismo, se verificó que los licitantes no se encontraran inhabilitados por la Secretaría de la "
             "Contraloría ni en los supuestos de impedimento previstos en el artículo 39 de la Ley de la materia, "
             "y que las proposiciones económicas no rebasaran el presupuesto autorizado para la contratación."))


def _fallo_p2(pg: Page):
    pg.add(P(b("RESULTADO DE LA EVALUACIÓN"), after=4))
    pg.add(P("Derivado del análisis de la documentación legal, administrativa, técnica y económica, se obtuvo el "
             "siguiente resultado:", after=4))
    rows = [["Licitante", "RFC", "Importe total (IVA incluido)", "Dictamen"]]
    for key, amt, verdict in [("magavel", MAGAVEL_TOTAL, "Solvente"), ("vigia", "1096880.40", "Solvente"),
                              ("tlahuica", "1187540.00", "Solvente"), ("opticos", "998410.00", "Desechada")]:
        rows.append([pg.vendor(key), pg.rfc(key), pg.amount(amt, "plain"), verdict])
    pg.add(Table([42, 20, 22, 16], rows, size=8.5, aligns=["left", "left", "right", "center"]))
    pg.add(P(f"La proposición de {pg.vendor('opticos')} se desecha por no acreditar la analítica biométrica "
             f"facial embebida requerida en el numeral 4.2 del Anexo Técnico, en términos del dictamen técnico "
             f"emitido por el área requirente.", after=10))
    pg.add(P(b("FALLO"), size=11, align="center", after=6))
    pg.add(P(f"Con fundamento en el artículo 43 de la Ley de la materia, se adjudica el contrato derivado de la "
             f"licitación pública nacional presencial No. {pg.bid(BID)} a la empresa "
             f"{pg.vendor('magavel', upper=True)}, con Registro Federal de Contribuyentes {pg.rfc('magavel')}, "
             f"por haber presentado la proposición solvente cuyo precio es el más bajo, por un importe total de "
             f"{pg.amount(MAGAVEL_TOTAL, 'mn')} ({pg.amount(MAGAVEL_TOTAL, 'words')}), con el Impuesto al Valor "
             f"Agregado incluido, conforme al siguiente desglose:"))
    pg.add(Table([60, 40], [
        ["Concepto", "Importe"],
        ["Importe antes del Impuesto al Valor Agregado", pg.amount(MAGAVEL_SUBTOTAL, "plain")],
        ["Impuesto al Valor Agregado (16%)", pg.amount(MAGAVEL_IVA, "plain")],
        [b("Importe total adjudicado"), b(pg.amount(MAGAVEL_TOTAL, "plain"))],
    ], size=9, aligns=["left", "right"]))
    pg.add(P("El licitante adjudicado deberá entregar los bienes en un plazo no mayor a 10 días naturales "
             "contados a partir de la firma del contrato, en el almacén del C5, debidamente instalados y en "
             "operación, conforme a lo establecido en el Anexo Técnico de la convocatoria."))


def _fallo_p3(pg: Page):
    pg.add(P(b("FIRMA DEL CONTRATO Y GARANTÍAS"), after=4))
    pg.add(P(f"El representante legal de la empresa adjudicada deberá presentarse a firmar el contrato el "
             f"{pg.date('2020-12-18')} a las 10:00 horas, en las oficinas de la Coordinación de Administración y "
             f"Finanzas, previa entrega de la garantía de cumplimiento por un monto equivalente al 10% del "
             f"importe adjudicado, es decir, {pg.amount('102312.30', 'plain')}, mediante póliza de fianza "
             f"expedida por institución afianzadora autorizada."))
    pg.add(P("El pago se realizará dentro de los 20 días hábiles posteriores a la presentación del Comprobante "
             "Fiscal Digital por Internet (CFDI), previa validación del área requirente y del acta de "
             "entrega-recepción de los bienes."))
    pg.add(P("Con fundamento en el artículo 45 de la Ley de la materia, la presente acta se difundirá en el portal "
             "de compras del Gobierno del Estado, lo que sustituye a la notificación personal a los licitantes."))
    pg.add(P("No habiendo otro asunto que tratar, se da por concluido el presente acto a las 12:45 horas del mismo "
             "día de su inicio, firmando al margen y al calce los que en él intervinieron.", after=10))
    signatures(pg, 34, ["magavel", "vigia", "tlahuica", "opticos"], "POR LA CONVOCANTE", "POR LOS LICITANTES")


def doc_convocatoria():
    d = bid_doc("convocatoria_EA-IT20-2020_morelos.pdf",
                "Convocatoria de la licitación pública nacional EA-IT20-2020", "convocatoria", "Convocatoria")
    return bid_pages(d, "CONVOCATORIA", 14, _convocatoria_p1, _convocatoria_p2)


def doc_junta():
    d = bid_doc("acta_junta_aclaraciones_EA-IT20-2020_morelos.pdf",
                "Acta de la junta de aclaraciones de la licitación EA-IT20-2020", "acta", "Junta de aclaraciones")
    return bid_pages(d, "ACTA DE LA JUNTA DE ACLARACIONES", 13, _junta_p1, _junta_p2)


def doc_fallo():
    d = bid_doc("fallo_EA-IT20-2020_morelos.pdf", "Acta de fallo de la licitación pública nacional EA-IT20-2020",
                "fallo", "Acta de fallo")
    return bid_pages(d, "ACTA DE FALLO", 14, _fallo_p1, _fallo_p2, _fallo_p3)
