"""Juárez, contract DCA/TM/222/2020 with Quatro Desarrollo Móvil: born-digital and signed scan."""
from __future__ import annotations

from .blocks import P, Sig, Stamp, Table, b
from .documents_common import hdr_juarez, new_page, scanned_doc, signer
from .facts import BID_JUAREZ, CONTRACT_JUAREZ, JUAREZ_MAX, JUAREZ_MIN
from .model import Doc, Page

AUTHOR_JUAREZ = "Municipio de Juárez, Chihuahua - Tesorería Municipal"
OBJ_JUAREZ = ("desarrollo, implementación, operación y soporte de la plataforma de pagos móviles y atención "
              "ciudadana de la Tesorería Municipal")


def contract_head(pg: Page, size=10):
    pg.add(P([b("CONTRATO No. "), b(pg.contract(CONTRACT_JUAREZ))], size=size, align="right", after=6))


def contract_page(d: Doc, scanned: bool = False) -> Page:
    pg = new_page(d, hdr_juarez, size_boost=1.5 if scanned else 0.0, scanned=scanned)
    contract_head(pg, size=12 if scanned else 10)
    return pg


def witnesses(pg: Page, **sig_kw) -> None:
    pg.add(Sig([signer(pg, key, top=[b("TESTIGO")]) for key in ("portillo", "lozano")], per_row=2, **sig_kw))


def doc_contrato_juarez():
    d = Doc("contrato_DCA-TM-222-2020_juarez.pdf",
            "Contrato abierto DCA/TM/222/2020 entre el Municipio de Juárez y Quatro Desarrollo Móvil", "contrato",
            family="serif", author=AUTHOR_JUAREZ)
    d.footer = lambda pg: f"Contrato {pg.contract(CONTRACT_JUAREZ)}"
    for page in (_contrato_p1, _contrato_p2, _contrato_p3, _contrato_p4):
        page(contract_page(d), 10.5)
    return d


def _contrato_p1(pg: Page, s: float):
    pg.add(P(b("CONTRATO ABIERTO DE PRESTACIÓN DE SERVICIOS"), size=12.5, align="center", after=8))
    pg.add(P(f"CONTRATO ABIERTO DE PRESTACIÓN DE SERVICIOS QUE CELEBRAN, POR UNA PARTE, EL MUNICIPIO DE JUÁREZ, "
             f"ESTADO DE CHIHUAHUA, REPRESENTADO EN ESTE ACTO POR EL {pg.person('ramirez', 'upper')}, EN SU "
             f"CARÁCTER DE TESORERO MUNICIPAL, A QUIEN EN LO SUCESIVO SE LE DENOMINARÁ \"EL MUNICIPIO\", Y POR LA "
             f"OTRA, {pg.vendor('quatro', upper=True)}, REPRESENTADA POR EL {pg.person('castaneda', 'upper')}, "
             f"EN SU CARÁCTER DE REPRESENTANTE LEGAL, A QUIEN EN LO SUCESIVO SE LE DENOMINARÁ \"EL PROVEEDOR\", "
             f"AL TENOR DE LAS SIGUIENTES DECLARACIONES Y CLÁUSULAS:", size=s, after=8))
    pg.add(P(b("DECLARACIONES"), size=s, align="center", after=6))
    pg.add(P(b("I. DE \"EL MUNICIPIO\":"), size=s, after=4))
    pg.add(P("I.1. Que es una entidad de derecho público, investida de personalidad jurídica y patrimonio propios, "
             "en términos del artículo 115 de la Constitución Política de los Estados Unidos Mexicanos y del "
             "Código Municipal para el Estado de Chihuahua.", size=s, indent=12))
    pg.add(P("I.2. Que el Tesorero Municipal cuenta con las facultades necesarias para suscribir el presente "
             "contrato, de conformidad con el Reglamento Orgánico de la Administración Pública del Municipio de "
             "Juárez.", size=s, indent=12))
    pg.add(P(f"I.3. Que su Registro Federal de Contribuyentes es {pg.rfc('juarez')} y que señala como domicilio "
             f"el ubicado en Avenida Francisco Villa No. 950 Norte, colonia Centro, C.P. 32000, Ciudad Juárez, "
             f"Chihuahua.", size=s, indent=12))
    pg.add(P(f"I.4. Que la adjudicación del presente contrato se realizó mediante el procedimiento de licitación "
             f"pública presencial No. {pg.bid(BID_JUAREZ)}, cuyo fallo se emitió el {pg.date('2020-08-07')}, "
             f"y que cuenta con suficiencia presupuestal en la partida 3391 del presupuesto de egresos vigente.",
             size=s, indent=12))


def _contrato_p2(pg: Page, s: float):
    pg.add(P(b("II. DE \"EL PROVEEDOR\":"), size=s, after=4))
    pg.add(P(f"II.1. Que es una sociedad mercantil constituida conforme a las leyes mexicanas, según consta en la "
             f"escritura pública número 14,872 de fecha {pg.date('2014-03-12')}, otorgada ante la fe del Notario "
             f"Público número 21 del Distrito Judicial Bravos.", size=s, indent=12))
    pg.add(P(f"II.2. Que su representante legal, el {pg.person('castaneda')}, con Registro Federal de "
             f"Contribuyentes {pg.rfc('castaneda')}, cuenta con facultades suficientes para obligarla, mismas que "
             f"no le han sido revocadas ni limitadas en forma alguna.", size=s, indent=12))
    pg.add(P(f"II.3. Que su Registro Federal de Contribuyentes es {pg.rfc('quatro')} y que se encuentra al "
             f"corriente en el cumplimiento de sus obligaciones fiscales.", size=s, indent=12))
    pg.add(P("II.4. Que señala como domicilio para oír y recibir notificaciones el ubicado en Avenida Tecnológico "
             "No. 1770, colonia Fuentes del Valle, C.P. 32500, Ciudad Juárez, Chihuahua.", size=s, indent=12,
             after=8))
    pg.add(P(b("CLÁUSULAS"), size=s, align="center", after=6))
    pg.add(P([b("PRIMERA. OBJETO. "), f"\"EL PROVEEDOR\" se obliga a prestar a \"EL MUNICIPIO\" los servicios de "
              f"{OBJ_JUAREZ}, conforme a las especificaciones, entregables y niveles de servicio descritos en el "
              f"Anexo Único del presente contrato, el cual forma parte integrante del mismo."], size=s))
    pg.add(P([b("SEGUNDA. VIGENCIA. "), f"La vigencia del presente contrato será del {pg.date('2020-08-14')} al "
              f"{pg.date('2020-12-31')}, sin perjuicio de las obligaciones de garantía que subsistan con "
              f"posterioridad a dicha fecha."], size=s))


def _contrato_p3(pg: Page, s: float):
    pg.add(P([b("TERCERA. MONTO DEL CONTRATO. "), f"Las partes convienen que el presente contrato es abierto, por "
              f"lo que \"EL MUNICIPIO\" se obliga a ejercer un monto mínimo de {pg.amount(JUAREZ_MIN, 'plain')} "
              f"({pg.amount(JUAREZ_MIN, 'words')}) y un monto máximo de {pg.amount(JUAREZ_MAX, 'plain')} "
              f"({pg.amount(JUAREZ_MAX, 'words')}), cantidades que incluyen el Impuesto al Valor Agregado."],
             size=s))
    pg.add(Table([50, 50], [
        ["Concepto", "Importe con IVA"],
        ["Monto mínimo del contrato", pg.amount(JUAREZ_MIN, "mxn")],
        ["Monto máximo del contrato", pg.amount(JUAREZ_MAX, "mxn")],
    ], size=9.5, aligns=["left", "right"]))
    pg.add(P([b("CUARTA. FORMA DE PAGO. "), "\"EL MUNICIPIO\" pagará los servicios efectivamente prestados en "
              "mensualidades vencidas, dentro de los 30 días naturales siguientes a la presentación del CFDI "
              "correspondiente, previa validación de los entregables por la Dirección de Contabilidad y "
              "Adquisiciones."], size=s))
    pg.add(P([b("QUINTA. GARANTÍA DE CUMPLIMIENTO. "), f"\"EL PROVEEDOR\" otorgará fianza por el 10% del monto "
              f"máximo del contrato, es decir, {pg.amount('1666930.50', 'plain')}, a favor de la Tesorería "
              f"Municipal, dentro de los 10 días naturales siguientes a la firma del presente instrumento."],
             size=s))
    pg.add(P([b("SEXTA. PENAS CONVENCIONALES. "), "Por cada día natural de atraso en la entrega de los "
              "entregables, \"EL PROVEEDOR\" cubrirá una pena convencional equivalente al 0.5% del valor del "
              "entregable no prestado, sin que el total de las penas exceda el monto de la garantía de "
              "cumplimiento."], size=s))


def _contrato_p4(pg: Page, s: float):
    pg.add(P([b("SÉPTIMA. CONFIDENCIALIDAD. "), "\"EL PROVEEDOR\" se obliga a guardar estricta confidencialidad "
              "sobre la información de los contribuyentes a la que tenga acceso con motivo de los servicios, en "
              "términos de la legislación aplicable en materia de protección de datos personales."], size=s))
    pg.add(P([b("OCTAVA. JURISDICCIÓN. "), "Para la interpretación y cumplimiento del presente contrato, las "
              "partes se someten a la jurisdicción de los tribunales competentes con residencia en Ciudad Juárez, "
              "Chihuahua, renunciando al fuero que pudiera corresponderles por razón de su domicilio presente o "
              "futuro."], size=s, after=8))
    pg.add(P(f"Leído que fue el presente contrato y enteradas las partes de su contenido y alcance legal, lo firman "
             f"por duplicado en Ciudad Juárez, Chihuahua, a los {pg.date('2020-08-14', 'words')}.", size=s,
             after=14))
    pg.add(Sig([
        signer(pg, "ramirez", "Tesorero Municipal", top=[b("POR \"EL MUNICIPIO\"")]),
        signer(pg, "castaneda", "Representante Legal de", top=[b("POR \"EL PROVEEDOR\"")], vendor="quatro",
               upper=True),
    ], per_row=2, size=9))
    pg.add(Sig([signer(pg, "trevino", "Directora de Contabilidad y Adquisiciones", top=[b("ÁREA CONTRATANTE")])],
               per_row=1, size=9))
    witnesses(pg, size=9, after=2)


def doc_contrato_juarez_scan():
    d = scanned_doc("contrato_DCA-TM-222-2020_firmas_escaneado.pdf",
                    "Contrato DCA/TM/222/2020: copia firmada de las cláusulas finales y hoja de firmas (digitalizada)",
                    "contrato", AUTHOR_JUAREZ)
    d.footer = lambda pg: f"Contrato {pg.contract(CONTRACT_JUAREZ)}"
    _scan_p1(contract_page(d, scanned=True), 12)
    _scan_p2(contract_page(d, scanned=True), 12)
    return d


def _scan_p1(pg: Page, s: float):
    pg.add(P([b("NOVENA. LUGAR DE PRESTACIÓN DE LOS SERVICIOS. "), f"Los servicios se prestarán en los módulos de "
              f"atención de la Tesorería Municipal y en la bodega del almacén municipal ubicada en el poblado de "
              f"{pg.unique('Samalayuca')}, donde {pg.vendor('quatro')} instalará el equipo de respaldo de la "
              f"plataforma."], size=s))
    pg.add(P([b("DÉCIMA. MONTO MÁXIMO. "), f"En ningún caso los pagos acumulados podrán rebasar el monto máximo "
              f"de {pg.amount(JUAREZ_MAX, 'plain')}, con el Impuesto al Valor Agregado incluido."], size=s))
    pg.add(P([b("DÉCIMA PRIMERA. RESCISIÓN. "), "\"EL MUNICIPIO\" podrá rescindir administrativamente el presente "
              "contrato en caso de incumplimiento de las obligaciones a cargo de \"EL PROVEEDOR\", sin "
              "necesidad de declaración judicial."], size=s))
    pg.add(P([b("DÉCIMA SEGUNDA. MODIFICACIONES. "), "Cualquier modificación al presente contrato deberá "
              "formalizarse por escrito mediante convenio firmado por ambas partes."], size=s))


def _scan_p2(pg: Page, s: float):
    pg.add(P(f"Leído que fue el presente contrato, se firma en tres tantos, {pg.unique('engargolado')} y "
             f"rubricado al margen de cada una de sus hojas, en Ciudad Juárez, Chihuahua, el "
             f"{pg.date('2020-08-14')}.", size=s, after=20))
    pg.add(Sig([
        signer(pg, "ramirez", "Tesorero Municipal", top=[b("POR \"EL MUNICIPIO\"")]),
        signer(pg, "castaneda", "Representante Legal", top=[b("POR \"EL PROVEEDOR\"")]),
    ], per_row=2, size=11, space=64, after=20))
    witnesses(pg, size=11, space=64)
    pg.add(Stamp(160, 470, 50))
