"""Set C's contracts, amending agreements (convenios modificatorios) and the direct-award ruling."""

from __future__ import annotations

from decimal import Decimal

from heldout_c_bids import KIND, buyer, co
from heldout_c_specs import COMPANIES, P
from heldout_c_words import dec, letters, money

GOODS = {"tlahuicole": "cuatro ambulancias de urgencias básicas tipo II (partida 1)",
         "rodante": "dos ambulancias de terapia intensiva (partida 2)",
         "xicohtencatl": "raciones de desayuno escolar modalidad fría, a un precio unitario de $9.70 por ración",
         "sureste": "ocho aeronaves no tripuladas con cámara térmica y la capacitación de seis pilotos",
         "maya": "150 cámaras corporales de solapa, software de gestión de evidencia y 15 bases de carga",
         "cognitiva": "licencias de uso de la plataforma de reconocimiento facial y su implementación",
         "xochitiotzi": "el servicio de limpieza integral de 14 inmuebles del Ayuntamiento"}
SIGNED = {"C1": "15 de abril de 2024", "C2": "5 de febrero de 2024", "C3": "11 de marzo de 2024",
          "C4": "19 de abril de 2024", "C5": "4 de marzo de 2024", "C6": "1 de febrero de 2024"}


def _amount_clause(pid: str, n: int) -> str:
    s = P[pid]
    if pid == "C1":
        lot = s["lots"][n]
        return (f"SEGUNDA. MONTO. El monto total del presente contrato es de {money(lot['total'])} "
                f"({letters(lot['total'])}), que incluye el Impuesto al Valor Agregado por {money(lot['iva'])}.")
    if pid == "C2":
        return ("SEGUNDA. CONTRATO ABIERTO. Las partes convienen que el presente contrato es abierto, con un "
                f"monto mínimo de {money(s['min'])} ({letters(s['min'])}) y un monto máximo de {money(s['max'])} "
                f"({letters(s['max'])}). Los bienes se encuentran gravados a la tasa del 0% de IVA.")
    if pid == "C6":
        lo, hi = s["min"], s["max"]
        return ("SEGUNDA. MONTO. Contrato abierto. El Municipio se obliga a ejercer un monto mínimo de "
                f"{money(lo['sub'])} más IVA, que da un total de {money(lo['total'])}, y hasta un monto máximo de "
                f"{money(hi['sub'])} más IVA, que asciende a {money(hi['total'])} ({letters(hi['total'])}).")
    lot = s["lot"]
    if pid == "C4":
        return (f"SEGUNDA.- IMPORTE DEL CONTRATO: {money(lot['sub'])} M.N. más el I.V.A. por {money(lot['iva'])}, "
                f"resultando un importe total de {money(lot['total'])} M.N. ({letters(lot['total'])}).")
    return (f"SEGUNDA. PRECIO. El precio total de los bienes y servicios objeto del presente contrato asciende a la "
            f"cantidad de {money(lot['total'])} ({letters(lot['total'])}), IVA incluido.")


def _origin(pid: str) -> str:
    s = P[pid]
    if pid == "C5":
        return (f"mediante el procedimiento de adjudicación directa {s['bid']}, con fundamento en el supuesto de "
                "excepción a la licitación por tratarse de bienes con derechos exclusivos")
    return f"mediante el procedimiento de {KIND[pid]} número {s['bid']}"


def contract(pid: str, n: int = 0) -> list[list[tuple]]:
    s = P[pid]
    code, vendor = s["contracts"][n], s["winners"][n]
    name, rfc = COMPANIES[vendor][0], COMPANIES[vendor][1]
    party = (f"la C. {name}, por su propio derecho, con Registro Federal de Contribuyentes {rfc}"
             if vendor == "xochitiotzi" else
             f"{name}, con R.F.C. {rfc}, representada por su apoderado legal")
    title = ("CONTRATO ABIERTO DE PRESTACIÓN DE SERVICIOS" if pid == "C6" else
             "CONTRATO ABIERTO DE ADQUISICIÓN" if pid == "C2" else "CONTRATO DE ADQUISICIÓN DE BIENES")
    head = f"CONTRATO No. {code}" if pid == "C4" else f"Contrato número: {code}"
    page1 = [("h", title), ("r", head),
             ("p", f"{title.capitalize()} que celebran, por una parte, la {buyer(pid)}, a quien en lo sucesivo se "
                   f"le denominará \"LA CONTRATANTE\", y por la otra {party}, a quien en lo sucesivo se le "
                   "denominará \"EL PROVEEDOR\", al tenor de las siguientes declaraciones y cláusulas:"),
             ("h", "DECLARACIONES"),
             ("p", f"I.1. Que la adjudicación del presente contrato se realizó {_origin(pid)}."),
             ("p", f"II.1. Que EL PROVEEDOR cuenta con la capacidad técnica, económica y legal para obligarse, y "
                   f"que su Registro Federal de Contribuyentes es {rfc}."),
             ("h", "CLÁUSULAS"),
             ("p", f"PRIMERA. OBJETO. EL PROVEEDOR se obliga a suministrar {GOODS[vendor]}, conforme al anexo técnico."),
             ("p", _amount_clause(pid, n))]
    page2 = [("p", "TERCERA. FORMA DE PAGO. El pago se realizará dentro de los veinte días naturales posteriores a la "
                   "presentación del CFDI correspondiente, previa validación del área requirente."),
             ("p", "CUARTA. GARANTÍA. EL PROVEEDOR otorgará garantía de cumplimiento por el 10% del monto del "
                   "contrato, sin incluir el IVA, mediante póliza de fianza."),
             ("p", "QUINTA. PENAS CONVENCIONALES. Por atraso en la entrega se aplicará una pena del 1% por cada día "
                   "natural de atraso sobre el valor de lo no entregado oportunamente."),
             ("p", f"Leído que fue el presente contrato {code} y enteradas las partes de su contenido y alcance, lo "
                   f"firman de conformidad el {SIGNED[pid]}."),
             ("t", [["POR LA CONTRATANTE", "POR EL PROVEEDOR"], ["Titular del área de adquisiciones", name]],
              [8, 8], {"grid": False})]
    return [page1, page2]


def convenio(pid: str) -> list[list[tuple]]:
    s = P[pid]
    code, vendor = s["contracts"][0], s["winners"][0]
    more = s["more"]
    if pid == "C6":
        base, share = s["max"], Decimal(more["sub"]) / Decimal(s["max"]["sub"])
        new_sub, new_total = dec(Decimal(base["sub"]) + Decimal(more["sub"])), dec(Decimal(base["total"]) + Decimal(more["total"]))
        clause = (f"PRIMERA. Se amplía el monto máximo del contrato en {money(more['sub'])} más IVA "
                  f"({money(more['total'])} con IVA), equivalente al {share * 100:.0f}% del monto máximo original, "
                  f"para quedar en un monto máximo de {money(new_sub)} más IVA, es decir {money(new_total)}.")
    else:
        base = s["lot"]
        share = Decimal(more["sub"]) / Decimal(base["sub"])
        new_total = dec(Decimal(base["total"]) + Decimal(more["total"]))
        clause = (f"PRIMERA. Las partes convienen en incrementar el monto del contrato en {money(more['total'])} "
                  f"({letters(more['total'])}), IVA incluido, lo que representa el {share * 100:.1f}% del monto "
                  f"originalmente pactado de {money(base['total'])}, por lo que el monto total modificado asciende a "
                  f"{money(new_total)}.")
    return [[("h", "CONVENIO MODIFICATORIO No. 1"), ("c", f"al contrato {code}"),
             ("p", f"Que celebran la {buyer(pid)} y {co(vendor)}, con fundamento en la normativa que permite "
                   "modificar los contratos vigentes, siempre que el monto total de las modificaciones no rebase, "
                   "en conjunto, el veinte por ciento de los conceptos y volúmenes establecidos originalmente."),
             ("p", "ANTECEDENTES. Que el área requirente justificó, mediante dictamen, la necesidad de ampliar el "
                   "monto del contrato por requerimientos adicionales de las unidades operativas."),
             ("p", clause),
             ("p", "SEGUNDA. EL PROVEEDOR se obliga a ampliar la garantía de cumplimiento en la misma proporción."),
             ("p", "TERCERA. Las demás cláusulas del contrato original subsisten en sus términos.")]]


def dictamen() -> list[list[tuple]]:
    s, lot = P["C5"], P["C5"]["lot"]
    rows = [["Proveedor consultado", "Importe cotizado (sin IVA)", "Observación"],
            [co("cognitiva"), money(lot["sub"]), "Titular de los derechos; cumple"],
            [co("visual"), money("2735000.00"), "No acredita integración con base AFIS"],
            [co("forense"), money("2980500.00"), "Distribuidor no autorizado"]]
    return [[("h", "DICTAMEN DE PROCEDENCIA DE ADJUDICACIÓN DIRECTA"),
             ("c", f"Expediente {s['bid']}"),
             ("p", "Área requirente: Dirección de Servicios Periciales, "
                   f"{buyer('C5')}."),
             ("p", "Objeto: adquisición de licencias de uso de una plataforma de reconocimiento facial forense y "
                   "su implementación en los laboratorios de identificación."),
             ("p", "Resultado de la investigación de mercado:"),
             ("t", rows, [6.4, 4.2, 5.8], {"shade": True}),
             ("p", "Fundamento: excepción a la licitación pública por tratarse de bienes cuya contratación sólo puede "
                   "realizarse con una determinada persona por ser titular de derechos exclusivos."),
             ("p", f"DICTAMEN: Es procedente adjudicar directamente a {co('cognitiva')}, RFC {COMPANIES['cognitiva'][1]}, "
                   f"por un importe de {money(lot['sub'])} más IVA, total de {money(lot['total'])} "
                   f"({letters(lot['total'])})."),
             ("p", "San Francisco de Campeche, Campeche, a 26 de febrero de 2024.")]]
