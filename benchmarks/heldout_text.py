"""Spanish wording helpers for the held-out procurement set: money, numbers and dates in words.

Written for benchmarks/procurement_heldout.py, independently of the product's extractors.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

UNITS = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
         "quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós "
         "veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho "
         "veintinueve").split()
TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta",
        8: "ochenta", 9: "noventa"}
HUNDREDS = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos",
            5: "quinientos", 6: "seiscientos", 7: "setecientos", 8: "ochocientos",
            9: "novecientos"}
MONTHS = ("enero febrero marzo abril mayo junio julio agosto septiembre octubre "
          "noviembre diciembre").split()
CENT = Decimal("0.01")
IVA = Decimal("1.16")


def money(value: Decimal) -> str:
    """1023123 -> '1,023,123.00'."""
    return f"{value.quantize(CENT, ROUND_HALF_UP):,.2f}"


def with_iva(value: Decimal) -> Decimal:
    """The value plus 16 % IVA, to the cent."""
    return (value * IVA).quantize(CENT, ROUND_HALF_UP)


def _below_thousand(n: int) -> str:
    if n < 30:
        return UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return TENS[tens] + (f" y {UNITS[unit]}" if unit else "")
    if n == 100:
        return "cien"
    hundreds, rest = divmod(n, 100)
    return HUNDREDS[hundreds] + (f" {_below_thousand(rest)}" if rest else "")


def number_words(n: int) -> str:
    """An integer below a thousand million, in Spanish words ('veintiún' not applied)."""
    if n < 1000:
        return _below_thousand(n)
    if n < 1_000_000:
        thousands, rest = divmod(n, 1000)
        head = "mil" if thousands == 1 else f"{_below_thousand(thousands)} mil"
        return head + (f" {_below_thousand(rest)}" if rest else "")
    millions, rest = divmod(n, 1_000_000)
    head = "un millón" if millions == 1 else f"{number_words(millions)} millones"
    if rest == 0:
        return head + " de"
    return f"{head} {number_words(rest)}"


def money_words(value: Decimal) -> str:
    """'(UN MILLÓN VEINTITRÉS MIL CIENTO VEINTITRÉS PESOS 00/100 M.N.)'."""
    value = value.quantize(CENT, ROUND_HALF_UP)
    pesos = int(value)
    cents = int((value - pesos) * 100)
    words = number_words(pesos).replace("uno mil", "un mil")
    words = words[:-3] + "un" if words.endswith(" uno") else words
    return f"({words.upper()} PESOS {cents:02d}/100 M.N.)"


def date_words(day: dt.date) -> str:
    """'quince de marzo de dos mil veintitrés'."""
    return f"{number_words(day.day)} de {MONTHS[day.month - 1]} de {number_words(day.year)}"


def date_long(day: dt.date) -> str:
    """'15 de marzo de 2023'."""
    return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: for comparing printed names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())
