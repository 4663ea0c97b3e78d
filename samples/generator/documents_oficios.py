"""Oficios about the Juárez contract: the Tesorería to Quatro (TIFF scan) and the state audit office."""
from __future__ import annotations

from .blocks import P, Letterhead, Table, b
from .documents_common import addressee, hdr_juarez, new_page, oficio_head, scanned_doc, sign_off
from .documents_juarez import AUTHOR_JUAREZ
from .facts import BID_JUAREZ, CONTRACT_JUAREZ, JUAREZ_MAX, JUAREZ_MIN
from .model import Doc, Page

TESORERO = "Despacho del Tesorero Municipal"


def doc_oficio_tesoreria_tiff():
    d = scanned_doc("oficio_tesoreria_juarez_quatro_2020.tiff",
                    "Oficio de la Tesorería Municipal de Juárez a Quatro Desarrollo Móvil requiriendo entregables "
                    "(digitalizado, TIFF)", "oficio", AUTHOR_JUAREZ, fmt="tiff")
    d.footer = lambda pg: "Tesorería Municipal"
    _tesoreria_p1(new_page(d, hdr_juarez, TESORERO, size_boost=1.5, scanned=True), 12)
    _tesoreria_p2(new_page(d, hdr_juarez, TESORERO, size_boost=1.5, scanned=True), 12)
    return d


def _tesoreria_p1(pg: Page, s: float):
    oficio_head(pg, "TM/DCA/1187/2020", "Ciudad Juárez, Chihuahua", "2020-11-09", "Requerimiento de entregables",
                size=s)
    addressee(pg, "castaneda", s, vendor="quatro", presente="P r e s e n t e")
    pg.add(P(f"Con relación al contrato abierto No. {pg.contract(CONTRACT_JUAREZ)}, le requiero que en un plazo no "
             f"mayor a cinco días hábiles entregue a esta Tesorería el reporte de instalación de los quioscos de "
             f"pago del módulo de atención de la colonia {pg.unique('Anapra')}, así como las bitácoras de "
             f"disponibilidad de la plataforma correspondientes al mes de octubre.", size=s))
    pg.add(P("Lo anterior, toda vez que dichos entregables son requisito para la validación de la factura "
             "correspondiente, conforme a la cláusula cuarta del contrato.", size=s))


def _tesoreria_p2(pg: Page, s: float):
    pg.add(P(f"Hoja 2 del oficio No. {pg.ref('TM/DCA/1187/2020')}", size=s, after=12))
    pg.add(P(f"Asimismo, deberá informar el avance de la instalación del módulo ubicado en el parque "
             f"{pg.unique('Chamizal')}, cuya puesta en operación estaba prevista para la primera quincena de "
             f"noviembre.", size=s))
    pg.add(P(f"Se le recuerda que el incumplimiento en la entrega dará lugar a la aplicación de las penas "
             f"convencionales pactadas, sin que el total de pagos pueda rebasar el monto máximo de "
             f"{pg.amount(JUAREZ_MAX, 'mn')}.", size=s, after=14))
    sign_off(pg, "ramirez", "Tesorero Municipal", p_size=s, size=s, space=60, after=20)
    pg.add(P(f"c.c.p. {pg.person('trevino')}, Directora de Contabilidad y Adquisiciones.", size=10, after=0))
    pg.add(P("c.c.p. Archivo.", size=10))


def hdr_ase(pg: Page):
    pg.add(Letterhead([("AUDITORÍA SUPERIOR DEL ESTADO DE CHIHUAHUA", "b", 11),
                       ("Auditoría Especial de Fiscalización", "r", 9)], logo="circle"))


def doc_oficio_ase():
    d = Doc("oficio_requerimiento_ASE_chihuahua_juarez.pdf",
            "Oficio de la Auditoría Superior del Estado de Chihuahua requiriendo información del contrato "
            "DCA/TM/222/2020", "oficio", author="Auditoría Superior del Estado de Chihuahua")
    d.footer = lambda pg: "Auditoría Superior del Estado de Chihuahua"
    _ase_p1(new_page(d, hdr_ase))
    _ase_p2(new_page(d, hdr_ase))
    return d


def _ase_p1(pg: Page):
    oficio_head(pg, "ASE/AEF/1342/2021", "Chihuahua, Chihuahua", "2021-05-03",
                "Solicitud de información y documentación", widths=(45, 55), size=10)
    addressee(pg, "ramirez", role="Tesorero Municipal de Juárez, Chihuahua")
    pg.add(P(f"Con fundamento en los artículos 83 bis de la Constitución Política del Estado de Chihuahua y 7 de la "
             f"Ley de Fiscalización Superior del Estado, y en el marco de la auditoría a la Cuenta Pública 2020 del "
             f"Municipio de Juárez, le solicito proporcionar a esta Auditoría Superior, a más tardar el "
             f"{pg.date('2021-05-17')}, la información y documentación relativa al contrato abierto No. "
             f"{pg.contract(CONTRACT_JUAREZ)}, celebrado con "
             f"{pg.vendor('quatro', legal='SA de CV', comma=False, name='Quatro Desarrollo Movil')}, "
             f"por un monto máximo de {pg.amount(JUAREZ_MAX, 'plain')} y un monto mínimo de "
             f"{pg.amount(JUAREZ_MIN, 'plain')}."))
    pg.add(P(f"De acuerdo con los registros contables del Municipio, al cierre del ejercicio se pagaron al "
             f"proveedor {pg.amount('9842117.36', 'plain')}, por lo que se requiere acreditar la prestación de los "
             f"servicios correspondientes."))
    pg.add(P("La documentación deberá entregarse en copia certificada y en formato digital, debidamente "
             "relacionada conforme al listado que se adjunta en la hoja 2 del presente oficio."))


def _ase_p2(pg: Page):
    pg.add(P(f"Hoja 2 del oficio No. {pg.ref('ASE/AEF/1342/2021')}", after=10))
    pg.add(P(b("DOCUMENTACIÓN REQUERIDA"), after=4))
    pg.add(Table([8, 92], [
        ["No.", "Documento"],
        ["1", f"Expediente completo de la licitación No. {pg.bid(BID_JUAREZ)}, incluido el fallo."],
        ["2", f"Contrato {pg.contract(CONTRACT_JUAREZ)} y sus anexos, con las firmas autógrafas de las partes."],
        ["3", "Póliza de fianza de cumplimiento y, en su caso, endosos."],
        ["4", "Comprobantes fiscales (CFDI) emitidos por el proveedor y pólizas de egresos de cada pago."],
        ["5", "Entregables mensuales validados por la Dirección de Contabilidad y Adquisiciones."],
        ["6", "Oficios de requerimiento de entregables y, en su caso, cálculo de penas convencionales."],
    ], size=9.5, aligns=["center", "left"]))
    pg.add(P("Sin otro particular, le envío un cordial saludo.", after=10))
    sign_off(pg, "holguin", "Auditor Especial de Fiscalización")
    pg.add(P(f"c.c.p. {pg.person('trevino')}, Directora de Contabilidad y Adquisiciones del Municipio de "
             f"Juárez.", size=8.5, after=0))
