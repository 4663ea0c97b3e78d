"""Set C's two audit reports: a state auditor's (Tlaxcala: C1, C2, C6) and the federal ASF's
(Campeche, FASP funds: C3, C4, C5). Each reviews a sample of contracts; some results observe amounts."""

from __future__ import annotations

from decimal import Decimal

from heldout_c_bids import co
from heldout_c_specs import OBSERVED, P
from heldout_c_words import dec, letters, money

OFS_PIDS = ("C1", "C2", "C6")
ASF_PIDS = ("C3", "C4", "C5")


def ofs() -> list[list[tuple]]:
    c1, c2, c6 = P["C1"], P["C2"], P["C6"]
    sample = [["Ente fiscalizable", "Procedimiento", "Contrato", "Proveedor", "Monto contratado", "Monto revisado"],
              ["OPD Salud de Tlaxcala", c1["bid"], c1["contracts"][0], co("tlahuicole"),
               money(c1["lots"][0]["total"]), money(c1["lots"][0]["total"])],
              ["OPD Salud de Tlaxcala", c1["bid"], c1["contracts"][1], co("rodante"),
               money(c1["lots"][1]["total"]), money("2689460.00")],
              ["SEDIF Tlaxcala", c2["bid"], c2["contracts"][0], co("xicohtencatl"),
               f"Máximo {money(c2['max'])}", money("3795398.60")],
              ["Municipio de Apizaco", c6["bid"], c6["contracts"][0], f"C. {co('xochitiotzi')}",
               f"Máximo {money(c6['max']['total'])}", money("609000.00")]]
    total = dec(sum(Decimal(v) for k, v in OBSERVED.items() if k in OFS_PIDS))
    page1 = [("h", "ÓRGANO DE FISCALIZACIÓN SUPERIOR DEL ESTADO DE TLAXCALA"),
             ("c", "Informe Individual de Auditoría de Cumplimiento Financiero\n"
                   "Revisión de procedimientos de adquisición, Cuenta Pública 2024"),
             ("p", "Objetivo: fiscalizar que los procedimientos de adquisición y contratación de bienes y servicios se "
                   "realizaron conforme a la Ley de Adquisiciones, Arrendamientos y Servicios del Estado de Tlaxcala."),
             ("p", "Muestra revisada de contratos:"),
             ("t", sample, [2.6, 3.0, 3.1, 3.6, 2.5, 2.2], {"shade": True}),
             ("p", "Criterios de selección: importe, relevancia del gasto y recurrencia de proveedores.")]
    page2 = [("h", "RESULTADOS"),
             ("p", f"Resultado 1. Observación. En el contrato {c1['contracts'][0]}, celebrado con {co('tlahuicole')}, "
                   "la segunda entrega de ambulancias se recibió con atraso de 14 días naturales respecto de la fecha "
                   "pactada, sin que se aplicaran las penas convencionales previstas en la cláusula quinta. Se "
                   f"determina un monto observado de {money(OBSERVED['C1'])} ({letters(OBSERVED['C1'])})."),
             ("p", f"Resultado 2. Sin observación. El contrato {c1['contracts'][1]} cuenta con la documentación "
                   "comprobatoria y justificativa del gasto."),
             ("p", f"Resultado 3. Solventado. En el contrato abierto {c2['contracts'][0]} el ente presentó las actas de "
                   "entrega-recepción de las raciones en los planteles durante la etapa de aclaración."),
             ("p", f"Resultado 4. Observación. En el contrato {c6['contracts'][0]} se pagaron servicios de limpieza de "
                   "tres inmuebles que permanecieron cerrados por remodelación, por un importe de "
                   f"{money(OBSERVED['C6'])} ({letters(OBSERVED['C6'])}), IVA incluido."),
             ("t", [["Resultados con observación", "Monto total observado"], ["2", money(total)]], [7, 5]),
             ("p", "Las observaciones se notifican a los entes fiscalizables para su solventación en los plazos de ley.")]
    return [page1, page2]


def asf() -> list[list[tuple]]:
    c3, c4, c5 = P["C3"], P["C4"], P["C5"]
    universe, sample = "16213600.00", "15062600.00"
    page1 = [("h", "AUDITORÍA SUPERIOR DE LA FEDERACIÓN"),
             ("c", "Gobierno del Estado de Campeche\nRecursos del Fondo de Aportaciones para la Seguridad Pública\n"
                   "Auditoría de Cumplimiento: 2024-A-04000-19-0312-2025"),
             ("p", "Criterios de Selección: esta auditoría se seleccionó con base en los criterios establecidos por la "
                   "Auditoría Superior de la Federación para la integración del Programa Anual de Auditorías."),
             ("t", [["", "Importe (pesos)"], ["Universo Seleccionado", money(universe, False)],
                    ["Muestra Auditada", money(sample, False)], ["Representatividad de la Muestra", "92.9%"]],
              [8, 5], {"grid": False}),
             ("p", "Alcance: la revisión comprendió los siguientes procedimientos de contratación:"),
             ("t", [["Núm. de procedimiento", "Contrato", "Proveedor", "Importe pagado revisado"],
                    [c3["bid"], c3["contracts"][0], co("sureste"), money("8057824.00", False)],
                    [c4["bid"], f"Contrato No. {c4['contracts'][0]}", co("maya"), money("4546968.00", False)],
                    [c5["bid"], c5["contracts"][0], co("cognitiva"), money("2457808.00", False)]],
              [4.2, 4.0, 5.0, 3.2])]
    obs = OBSERVED["C4"]
    page2 = [("h", "Resultados"),
             ("p", f"1. Con la revisión del expediente del procedimiento {c3['bid']} se constató que la adquisición "
                   "se adjudicó conforme a la normativa y que los bienes se entregaron en tiempo; sin embargo, uno de "
                   "los comprobantes fiscales fue emitido por un contribuyente distinto del proveedor contratado, lo "
                   "cual se aclaró durante la auditoría."),
             ("p", f"2. Con la revisión del contrato número {c4['contracts'][0]} se constató que 58 cámaras corporales "
                   "pagadas no se localizaron en los almacenes ni en los resguardos del personal operativo."),
             ("p", f"2024-A-04000-19-0312-06-001 Pliego de Observaciones. Se presume un probable daño o perjuicio, o "
                   f"ambos, a la Hacienda Pública Federal por un monto de {money(obs, False)} pesos ({letters(obs, False)}), "
                   "más los rendimientos financieros generados desde su disposición hasta su reintegro, por el pago "
                   "de bienes no entregados."),
             ("p", f"3. Con la revisión del contrato {c5['contracts'][0]}, adjudicado directamente a "
                   f"{co('cognitiva')}, se verificó el dictamen de excepción y la titularidad de los derechos; "
                   "no se determinaron observaciones.")]
    page3 = [("h", "Resumen de Resultados y Acciones"),
             ("p", "Se determinaron 3 resultados, de los cuales en 2 no se detectaron irregularidades y el restante "
                   "generó 1 Pliego de Observaciones."),
             ("t", [["Montos por aclarar", "Importe (pesos)"], ["Pliego de Observaciones", money(obs, False)]],
              [8, 5]),
             ("p", "Dictamen: la entidad fiscalizada cumplió razonablemente con las disposiciones aplicables, excepto "
                   "por los aspectos observados en el presente informe.")]
    return [page1, page2, page3]
