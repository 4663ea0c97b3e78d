"""The numbers the corpus is built around: codes, amounts and the line items of the invoices."""
from __future__ import annotations

from decimal import Decimal

from .text import amount_words, money

BID = "EA-IT20-2020"
CONTRACT_MAGAVEL = "CESP/CAF/118/2020"
CONTRACT_JUAREZ = "DCA/TM/222/2020"
CONTRACT_HALCON = "SSP/DGA/045/2021"
BID_HALCON = "LA-917037986-E5-2021"
BID_JUAREZ = "TM-LP-018-2020"


def amounts(subtotal: str, iva: str, total: str, lines) -> tuple:
    """(subtotal, iva, total) as Decimals, checked: 16% IVA, and the lines (qty, price) add up."""
    subtotal, iva, total = money(subtotal), money(iva), money(total)
    assert subtotal + iva == total
    assert money(subtotal * Decimal("0.16")) == iva
    assert sum(money(price) * qty for qty, price in lines) == subtotal
    return subtotal, iva, total


MAGAVEL_ITEMS = [  # (clave SAT, cantidad, clave unidad, unidad, descripcion, precio unitario)
    ("46171610", 24, "H87", "Pieza", "Cámara de monitoreo urbano 4K de 8 MP con analítica biométrica facial", "24150.00"),
    ("43211501", 2, "H87", "Pieza", "Servidor de procesamiento de video con 2 GPU y 96 TB de almacenamiento", "98400.00"),
    ("43232300", 24, "E48", "Licencia", "Licencia de software de analítica de video por 3 años", "2850.00"),
    ("81111800", 1, "E48", "Servicio", "Instalación, configuración y puesta en marcha en sitio", "37202.59"),
]
MAGAVEL_SUBTOTAL, MAGAVEL_IVA, MAGAVEL_TOTAL = amounts("882002.59", "141120.41", "1023123.00",
                                                       [(i[1], i[5]) for i in MAGAVEL_ITEMS])
assert amount_words(MAGAVEL_TOTAL) == "UN MILLÓN VEINTITRÉS MIL CIENTO VEINTITRÉS PESOS 00/100 M.N."

YDOSK_ITEMS = [
    ("43232600", 2, "E48", "Licencia", "Licencia anual de plataforma de análisis de información forense", "105000.00"),
    ("81111500", 1, "E48", "Servicio", "Implementación y configuración de la plataforma en la red institucional", "60000.00"),
    ("86101700", 1, "E48", "Servicio", "Capacitación especializada a personal ministerial y pericial (40 horas)", "48395.69"),
]
YDOSK_SUBTOTAL, YDOSK_IVA, YDOSK_TOTAL = amounts("318395.69", "50943.31", "369339.00",
                                                 [(i[1], i[5]) for i in YDOSK_ITEMS])

HALCON_ITEMS = [("Radio portátil digital con GPS y cifrado", 180, "10350.00"),
                ("Batería de repuesto de alta capacidad", 180, "850.00"),
                ("Programación y alta de los equipos en la red estatal", 1, "8793.10")]
HALCON_SUBTOTAL, HALCON_IVA, HALCON_TOTAL = amounts("2024793.10", "323966.90", "2348760.00",
                                                    [(q, p) for _, q, p in HALCON_ITEMS])

JUAREZ_MIN = money("6667722.00")
JUAREZ_MAX = money("16669305.00")
