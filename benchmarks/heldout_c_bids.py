"""Set C's bidding documents: calls for bids, clarification meetings and award rulings (fallos),
each agency in its own words and table layout."""

from __future__ import annotations

from heldout_c_specs import BUYERS, COMPANIES, P
from heldout_c_words import letters, money


def co(key: str) -> str:
    return COMPANIES[key][0]


def buyer(pid: str) -> str:
    return BUYERS[P[pid]["buyer"]][0]


OBJECT = {"C1": "la adquisición de ambulancias de urgencias básicas y de terapia intensiva, con equipamiento médico",
          "C2": "la adquisición de insumos alimentarios para el Programa de Desayunos Escolares modalidad fría 2024",
          "C3": "la adquisición de aeronaves no tripuladas (drones) con cámara térmica y capacitación de pilotos, "
                "con recursos del Fondo de Aportaciones para la Seguridad Pública (FASP) 2024",
          "C4": "la adquisición de cámaras corporales de solapa para personal operativo y su software de gestión",
          "C6": "la contratación del servicio de limpieza integral de inmuebles del Ayuntamiento"}
KIND = {"C1": "Licitación Pública Nacional Electrónica", "C2": "Licitación Pública Nacional Presencial",
        "C3": "Licitación Pública Nacional Electrónica", "C4": "Invitación a Cuando Menos Tres Personas Electrónica",
        "C6": "Licitación Pública Municipal"}
DATES = {"C1": ("12 de marzo", "19 de marzo", "4 de abril"), "C2": ("8 de enero", "15 de enero", "29 de enero"),
         "C3": ("6 de febrero", "13 de febrero", "1 de marzo"), "C4": ("22 de marzo", "27 de marzo", "10 de abril"),
         "C6": ("5 de enero", "11 de enero", "24 de enero")}


def convocatoria(pid: str) -> list[list[tuple]]:
    s, (pub, junta, fallo) = P[pid], DATES[pid]
    word = "INVITACIÓN" if pid == "C4" else "CONVOCATORIA"
    page = [("h", buyer(pid).upper()), ("h", f"{word} A LA {KIND[pid].upper()}"),
            ("c", f"No. {s['bid']}"),
            ("p", f"De conformidad con la normativa aplicable en materia de adquisiciones, la {buyer(pid)} "
                  f"convoca a las personas físicas y morales interesadas a participar en el procedimiento "
                  f"{KIND[pid]} número {s['bid']}, para {OBJECT[pid]}, conforme a lo siguiente:"),
            ("t", [["Evento", "Fecha"], ["Publicación", f"{pub} de 2024"], ["Junta de aclaraciones", f"{junta} de 2024, 10:00 horas"],
                   ["Presentación y apertura de proposiciones", "cinco días hábiles después de la junta"],
                   ["Fallo", f"{fallo} de 2024, 13:00 horas"]], [8, 7]),
            ("p", "El criterio de evaluación será binario; se adjudicará a la proposición solvente cuyo precio sea "
                  "el más bajo. Ninguna de las condiciones contenidas en la convocatoria podrá ser negociada."),
            ("p", "Los licitantes deberán acreditar su existencia legal, presentar constancia de situación fiscal "
                  "y opinión de cumplimiento de obligaciones fiscales en sentido positivo.")]
    if pid in ("C2", "C6"):
        page.append(("p", "El contrato que se derive del presente procedimiento será abierto, con montos mínimo y "
                          "máximo, de conformidad con el artículo relativo a contratos abiertos."))
    return [page]


QUESTIONS = {
    "C1": [("¿Se aceptan ambulancias con chasis modelo 2023?", "No. El chasis deberá ser modelo 2024 o posterior."),
           ("¿La partida 3 puede cotizarse parcialmente?", "No, cada partida se adjudica completa.")],
    "C2": [("¿La leche debe ser entera o semidescremada?", "Semidescremada, conforme a los Lineamientos EIASADC."),
           ("¿El precio por ración incluye el flete a los planteles?", "Sí, el precio es puesto en plantel.")],
    "C3": [("¿Se acepta autonomía de vuelo de 38 minutos?", "La autonomía mínima es de 40 minutos."),
           ("¿La capacitación puede impartirse en Mérida?", "No, será en la Ciudad de San Francisco de Campeche.")],
    "C4": [("¿La resolución mínima de video es 1080p?", "Sí, 1080p a 30 cuadros por segundo."),
           ("¿Cuántas bases de carga se requieren?", "Quince bases de diez puertos cada una.")],
    "C6": [("¿El personal de limpieza debe estar dado de alta en el IMSS?", "Sí, sin excepción."),
           ("¿Los insumos de limpieza corren a cargo del prestador?", "Sí, incluidos en el precio mensual.")],
}


def junta(pid: str) -> list[list[tuple]]:
    s, (_, day, _) = P[pid], DATES[pid]
    rows = [["No.", "Licitante", "Pregunta", "Respuesta de la convocante"]]
    bidders = s["winners"] + s["losers"]
    for n, (q, a) in enumerate(QUESTIONS[pid], 1):
        rows.append([str(n), co(bidders[n % len(bidders)]), q, a])
    return [[("h", "ACTA DE LA JUNTA DE ACLARACIONES"),
             ("c", f"{KIND[pid]} No. {s['bid']}"),
             ("p", f"Siendo las 10:00 horas del día {day} de 2024, en las instalaciones de la {buyer(pid)}, se "
                   "reunieron los servidores públicos y licitantes cuyos nombres y firmas aparecen al final de la "
                   "presente acta, con objeto de dar respuesta a las solicitudes de aclaración recibidas."),
             ("t", rows, [1.0, 4.6, 5.2, 5.6]),
             ("p", "Las respuestas forman parte integrante de la convocatoria. No habiendo otro asunto que tratar, "
                   "se da por concluido el acto, firmando al margen y al calce quienes en él intervinieron.")]]


def fallo(pid: str) -> list[list[tuple]]:
    s, (_, _, day) = P[pid], DATES[pid]
    top = [("h", "ACTA DE FALLO" if pid != "C4" else "ACTA DE NOTIFICACIÓN DE FALLO"),
           ("c", f"{KIND[pid]} {s['bid']}"),
           ("p", f"En cumplimiento de la normativa aplicable, el día {day} de 2024 la {buyer(pid)} da a conocer el "
                 f"resultado de la evaluación de las proposiciones presentadas para {OBJECT[pid]}.")]
    if pid == "C1":
        a, b = s["lots"]
        rows = [["Partida", "Descripción", "Licitante", "Subtotal", "IVA", "Total", "Resultado"],
                ["1", "4 ambulancias de urgencias básicas", co("tlahuicole"), money(a["sub"]), money(a["iva"]), money(a["total"]), "Ganador"],
                ["1", "4 ambulancias de urgencias básicas", co("huamantla"), money("6120000.00"), money("979200.00"), money("7099200.00"), "Solvente, no ganador"],
                ["2", "2 ambulancias de terapia intensiva", co("rodante"), money(b["sub"]), money(b["iva"]), money(b["total"]), "Ganador"],
                ["2", "2 ambulancias de terapia intensiva", co("huamantla"), "", "", "", "Desechada"],
                ["3", "1 unidad de traslado neonatal", "Sin propuestas solventes", "", "", "", "Desierta"]]
        body = [("t", rows, [1.3, 3.0, 4.0, 2.3, 1.9, 2.3, 2.0]),
                ("p", f"Se adjudica la partida 1 a {co('tlahuicole')} por un importe total de {money(a['total'])} "
                      f"({letters(a['total'])}), IVA incluido, y la partida 2 a {co('rodante')} por "
                      f"{money(b['total'])} ({letters(b['total'])}), IVA incluido. La partida 3 se declara desierta."),
                ("p", f"La propuesta de {co('huamantla')} para la partida 2 se desecha por no acreditar la "
                      "experiencia mínima requerida.")]
    elif pid == "C2":
        rows = [["Licitante", "Evaluación técnica", "Precio por ración (tasa 0% IVA)", "Dictamen"],
                [co("xicohtencatl"), "Cumple", money(s["ration"]), "Solvente - Se adjudica"],
                [co("malinche"), "No cumple (ficha técnica de cereal)", money("9.45"), "No solvente"],
                [co("proveedora"), "Cumple", money("10.35"), "Solvente, precio no conveniente"]]
        body = [("t", rows, [5.6, 3.6, 3.6, 3.6], {"shade": True}),
                ("p", f"Con base en lo anterior, se adjudica el contrato abierto a {co('xicohtencatl')}, por un monto "
                      f"mínimo de {money(s['min'])} ({letters(s['min'])}) y un monto máximo de {money(s['max'])} "
                      f"({letters(s['max'])}), a tasa 0% del Impuesto al Valor Agregado.")]
    elif pid == "C3":
        lot = s["lot"]
        rows = [["Importe total c/IVA", "Licitante", "Resultado"],
                [money(lot["total"]), co("sureste"), "ADJUDICADO"],
                [money("8912400.00"), co("kanan"), "NO SOLVENTE"]]
        body = [("t", rows, [4.0, 8.5, 3.5], {"grid": False}),
                ("p", f"Se determina adjudicar el contrato a la empresa {co('sureste')}, por haber presentado la "
                      f"proposición solvente más baja, por un importe de {money(lot['sub'])} más el Impuesto al "
                      f"Valor Agregado, que asciende a la cantidad total de {money(lot['total'])} "
                      f"({letters(lot['total'])}).")]
    elif pid == "C4":
        lot = s["lot"]
        rows = [["No.", "Empresa", "Monto propuesto sin IVA", "Estatus"],
                ["1", co("maya"), money(lot["sub"]), "GANADOR"],
                ["2", co("champoton"), money("3498700.00"), "NO SOLVENTE"],
                ["3", co("golfo"), money("3077500.00"), "DESECHADA"]]
        body = [("t", rows, [1.2, 7.8, 4.0, 3.2]),
                ("p", f"La proposición de {co('golfo')} se desecha por no presentar la carta del fabricante. "
                      f"Resulta ganadora {co('maya')}, con un monto de {money(lot['sub'])} antes de IVA; "
                      f"{money(lot['total'])} con IVA incluido.")]
    else:  # C6
        lo, hi = s["min"], s["max"]
        rows = [["Participante", "Monto mensual ofertado", "Resultado"],
                [f"C. {co('xochitiotzi')}", money("175000.00"), "Adjudicado"],
                [co("tlaxco"), money("168900.00"), "No solvente: sin registro patronal vigente"],
                [co("calpulalpan"), money("189300.00"), "Solvente, precio más alto"]]
        body = [("t", rows, [6.6, 4.0, 5.8]),
                ("p", f"El Comité de Adquisiciones acuerda adjudicar el contrato abierto a la C. {co('xochitiotzi')}, "
                      f"persona física con actividad empresarial, por un monto mínimo de {money(lo['sub'])} más IVA "
                      f"({money(lo['total'])} con IVA) y un monto máximo de {money(hi['sub'])} más IVA, es decir "
                      f"{money(hi['total'])} ({letters(hi['total'])}), con vigencia al 31 de diciembre de 2024.")]
    end = [("p", "Los licitantes adjudicados deberán presentarse a firmar el contrato dentro de los quince días "
                 "naturales siguientes a la notificación del presente fallo.")]
    return [top + body + end]
