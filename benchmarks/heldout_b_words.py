"""Set B's writing helpers: money in figures and in Spanish words, dates in words, IVA, and
the folding the measures compare names with. Written for set B alone."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")
_UNITS = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
          "quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés "
          "veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve").split()
_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta",
         9: "noventa"}
_HUNDREDS = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos", 5: "quinientos",
             6: "seiscientos", 7: "setecientos", 8: "ochocientos", 9: "novecientos"}


def fold(text: str) -> str:
    """Lower case, no accents, one space between words (how names are compared)."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    return " ".join(plain.replace(",", " ").replace(".", " ").split())


def money(value: Decimal) -> str:
    """12,345.60"""
    return f"{value.quantize(CENT):,.2f}"


def iva(sub: Decimal, rate: Decimal = Decimal("0.16")) -> Decimal:
    return (sub * rate).quantize(CENT, ROUND_HALF_UP)


def with_iva(sub: Decimal, rate: Decimal = Decimal("0.16")) -> Decimal:
    return sub + iva(sub, rate)


def _below_thousand(n: int) -> str:
    if n < 30:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f" y {_UNITS[unit]}" if unit else "")
    if n == 100:
        return "cien"
    hundreds, rest = divmod(n, 100)
    return _HUNDREDS[hundreds] + (f" {_below_thousand(rest)}" if rest else "")


def _apocope(words: str) -> str:
    """'veintiuno mil' -> 'veintiún mil', 'uno millones' never happens (handled by caller)."""
    if words.endswith("veintiuno"):
        return words[:-len("veintiuno")] + "veintiún"
    if words.endswith("uno"):
        return words[:-3] + "un"
    return words


def number_words(n: int) -> str:
    """An integer in Spanish words: 4870000 -> 'cuatro millones ochocientos setenta mil'."""
    if n == 0:
        return "cero"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("un millón" if millions == 1 else f"{_apocope(number_words(millions))} millones")
    if thousands:
        parts.append("mil" if thousands == 1 else f"{_apocope(_below_thousand(thousands))} mil")
    if units:
        parts.append(_below_thousand(units))
    return " ".join(parts)


def pesos_words(value: Decimal, upper: bool = True) -> str:
    """'CUATRO MILLONES ... PESOS 00/100 M.N.' ('DE PESOS' after an exact million)."""
    whole = int(value)
    cents = int((value - whole) * 100)
    words = _apocope(number_words(whole))
    joiner = " de pesos" if whole and whole % 1_000_000 == 0 else (" peso" if whole == 1 else " pesos")
    text = f"{words}{joiner} {cents:02d}/100 M.N."
    return text.upper() if upper else text


def date_long(day: date) -> str:
    """'7 de marzo de 2023'"""
    return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def date_words(day: date) -> str:
    """'siete días del mes de marzo del año dos mil veintitrés'"""
    days = "un día" if day.day == 1 else f"{_apocope(number_words(day.day))} días"
    return f"{days} del mes de {MONTHS[day.month - 1]} del año {number_words(day.year)}"


def date_num(day: date, sep: str = "/") -> str:
    """'07/03/2023'"""
    return f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}"
