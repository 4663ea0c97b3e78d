"""Morelos, the audit report of the state audit office (A4) on the public-security fund."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4

from .blocks import P, Letterhead, Sig, Table, b
from .documents_common import new_page, sections, signer
from .facts import BID, BID_HALCON, CONTRACT_HALCON, CONTRACT_MAGAVEL, HALCON_TOTAL, MAGAVEL_TOTAL
from .model import Doc, Page


def hdr_esaf(pg: Page):
    pg.add(Letterhead([("CONGRESO DEL ESTADO DE MORELOS", "b", 11),
                       ("ENTIDAD SUPERIOR DE AUDITORÍA Y FISCALIZACIÓN", "b", 10),
                       ("Auditoría Especial de Cumplimiento Financiero", "r", 9)], logo="circle"))


def doc_auditoria():
    d = Doc("informe_auditoria_seguridad_publica_morelos.pdf",
            "Informe individual de auditoría al gasto en seguridad pública del Estado de Morelos", "auditoria",
            pagesize=A4, author="Entidad Superior de Auditoría y Fiscalización del Estado de Morelos")
    d.footer = lambda pg: f"Informe individual de auditoría {pg.ref('ESAF/AECF/2020/117')}"
    _auditoria_p1(new_page(d, hdr_esaf))
    _auditoria_p2(new_page(d, hdr_esaf))
    _auditoria_p3(new_page(d, hdr_esaf))
    return d


def _auditoria_p1(pg: Page):
    pg.add(P(b("INFORME INDIVIDUAL DE AUDITORÍA"), size=14, align="center", after=4))
    pg.add(P("Cuenta Pública 2020 y seguimiento al ejercicio 2021", size=11, align="center", after=12))
    pg.add(Table([35, 65], [
        ["Dato", "Contenido"],
        ["Auditoría", f"De cumplimiento financiero No. {pg.ref('ESAF/AECF/2020/117')}"],
        ["Ente fiscalizado", "Comisión Estatal de Seguridad Pública"],
        ["Fondo revisado", "Fondo de Aportaciones para la Seguridad Pública (FASP)"],
        ["Universo seleccionado", pg.amount("48732519.44", "plain")],
        ["Muestra auditada", pg.amount("21904338.17", "plain")],
        ["Representatividad de la muestra", "44.9%"],
    ], size=9.5))
    sections(pg, [
        ("1. OBJETIVO",
         "Fiscalizar la gestión de los recursos del FASP transferidos al Gobierno del Estado de Morelos, a fin "
         "de verificar que su ejercicio y aplicación se realizaron de conformidad con lo establecido en la Ley "
         "de Coordinación Fiscal, los lineamientos del fondo y las demás disposiciones jurídicas aplicables."),
        ("2. ALCANCE",
         "La revisión comprendió la evaluación del control interno, la transferencia de los recursos, su "
         "registro contable y presupuestal, el destino de los recursos, las adquisiciones realizadas y la "
         "transparencia en el ejercicio del gasto. Se revisaron los expedientes de contratación, los "
         "comprobantes fiscales y la evidencia de la entrega de los bienes y servicios."),
        ("3. CRITERIOS DE SELECCIÓN",
         "La auditoría se seleccionó con base en la importancia relativa de los recursos, la recurrencia de "
         "observaciones en ejercicios anteriores y las denuncias ciudadanas recibidas respecto de la "
         "adquisición de equipamiento tecnológico para el C5."),
    ])


def _auditoria_p2(pg: Page):
    pg.add(P(b("4. RESULTADOS"), after=6))
    pg.add(P([b("Resultado 1. Control interno. "), "Se determinó que la Comisión carece de un manual de "
              "procedimientos actualizado para las adquisiciones financiadas con recursos federales, lo que "
              "representa un riesgo medio para el cumplimiento de sus objetivos."]))
    pg.add(P([b("Resultado 2. Transferencia de recursos. "), f"La Secretaría de Hacienda del Estado recibió "
              f"{pg.amount('152618400.00', 'plain')} del FASP 2020 y los transfirió en tiempo a las instancias "
              f"ejecutoras, sin observaciones."]))
    pg.add(P([b("Resultado 3. Registro contable. "), f"Se constató que los egresos se registraron contable y "
              f"presupuestalmente; sin embargo, se identificaron pólizas sin documentación soporte por "
              f"{pg.amount('214906.12', 'plain')}, que fueron aclaradas durante la auditoría."]))
    pg.add(P([b("Resultado 4. Servicios personales. "), f"Se revisaron las nóminas pagadas con recursos del fondo "
              f"por {pg.amount('6380442.90', 'plain')}; los pagos se ajustaron a los tabuladores autorizados y "
              f"no se identificaron pagos a personal dado de baja."]))
    pg.add(P(b("Cuadro 1. Adquisiciones revisadas por capítulo de gasto"), size=9.5, after=4))
    pg.add(Table([50, 25, 25], [
        ["Capítulo de gasto", "Ejercido", "Revisado"],
        ["2000 Materiales y suministros", pg.amount("9412003.55", "plain"), pg.amount("3104228.00", "plain")],
        ["3000 Servicios generales", pg.amount("14220871.03", "plain"), pg.amount("5088716.44", "plain")],
        ["5000 Bienes muebles e intangibles", pg.amount("25099644.86", "plain"),
         pg.amount("13711393.73", "plain")],
        [b("Total"), b(pg.amount("48732519.44", "plain")), b(pg.amount("21904338.17", "plain"))],
    ], size=9, aligns=["left", "right", "right"]))


def _auditoria_p3(pg: Page):
    pg.add(P([b("Resultado 5. Adquisición de equipo de monitoreo para el C5. "),
              f"Con recursos del FASP 2020 la Comisión adjudicó a {pg.vendor('magavel')} el contrato "
              f"{pg.contract(CONTRACT_MAGAVEL)}, derivado de la licitación No. {pg.bid(BID)}, por un monto de "
              f"{pg.amount(MAGAVEL_TOTAL, 'apos')}. Se constató el pago de {pg.amount(MAGAVEL_TOTAL, 'mxn')} "
              f"mediante transferencia del {pg.date('2021-01-19')}; no obstante, en la inspección física "
              f"realizada el {pg.date('2021-09-08')} se identificaron 6 cámaras sin operar, por lo que se "
              f"recomienda a la Comisión acreditar su funcionamiento."]))
    pg.add(P([b("Resultado 6. Adquisición de radios de comunicación. "),
              f"Con recursos del ejercicio 2021 se formalizó el contrato {pg.contract(CONTRACT_HALCON)} con "
              f"{pg.vendor('halcon', legal='S. A. de C. V.')}, derivado de la licitación pública nacional "
              f"electrónica No. {pg.bid(BID_HALCON)}, por {pg.amount(HALCON_TOTAL, 'plain')}. Se observó un pago "
              f"en exceso de {pg.amount('312480.00', 'plain')} por radios no entregados a la fecha de la "
              f"revisión, monto que se incluye en el pliego de observaciones."]))
    pg.add(P(b("Cuadro 2. Contratos revisados"), size=9.5, after=4))
    pg.add(Table([23, 53, 24], [
        ["Contrato", "Proveedor", "Importe"],
        [pg.contract(CONTRACT_MAGAVEL), pg.vendor("magavel"), pg.amount(MAGAVEL_TOTAL, "mxn")],
        [pg.contract(CONTRACT_HALCON), pg.vendor("halcon", legal="S. A. de C. V."), pg.amount(HALCON_TOTAL, "mxn")],
    ], size=8.5, aligns=["left", "left", "right"]))
    pg.add(P(b("5. DICTAMEN"), after=4))
    pg.add(P("Con base en los resultados, se concluye que la Comisión Estatal de Seguridad Pública realizó, en "
             "general, una gestión razonable de los recursos del fondo, excepto por las áreas de oportunidad "
             "señaladas en los resultados 5 y 6.", after=12))
    pg.add(P(f"Cuernavaca, Morelos, {pg.date('2022-02-14')}.", align="center", after=4))
    pg.add(Sig([signer(pg, "aguilar", "Auditora Especial de Cumplimiento Financiero")], per_row=1))
