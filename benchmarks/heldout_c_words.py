"""Set C's small text helpers: folding for the truth's company keys, Mexican money formats and
amounts written out in words (as "pesos NN/100 M.N.")."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

UNITS = ("", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
         "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
         "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro",
         "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve")
TENS = ("", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
HUNDREDS = ("", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos",
            "seiscientos", "setecientos", "ochocientos", "novecientos")
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")


def fold(text: str) -> str:
    """Lower case, no accents, whitespace runs (line breaks too) as one space."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text.lower()).strip()


def dec(value: str | int | float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def money(value: str | Decimal, sign: bool = True) -> str:
    """1234567.8 -> '$1,234,567.80'."""
    text = f"{dec(value):,.2f}"
    return f"${text}" if sign else text


def _below_thousand(n: int) -> str:
    if n == 100:
        return "cien"
    hundreds, rest = divmod(n, 100)
    words = [HUNDREDS[hundreds]] if hundreds else []
    if rest < 30:
        words.append(UNITS[rest])
    else:
        tens, unit = divmod(rest, 10)
        words.append(TENS[tens] + (f" y {UNITS[unit]}" if unit else ""))
    return " ".join(w for w in words if w)


def integer_words(n: int) -> str:
    if n == 0:
        return "cero"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("un millón" if millions == 1 else f"{_below_thousand(millions)} millones")
    if thousands:
        parts.append("mil" if thousands == 1 else f"{_below_thousand(thousands)} mil")
    if units:
        parts.append(_below_thousand(units))
    text = " ".join(parts)
    return re.sub(r"uno (mil|millones)", r"un \1", re.sub(r"veintiuno (mil|millones)", r"veintiún \1", text))


def letters(value: str | Decimal, upper: bool = True) -> str:
    """'(UN MILLÓN DOSCIENTOS MIL PESOS 50/100 M.N.)' style words, without the brackets."""
    amount = dec(value)
    whole = int(amount)
    cents = int((amount - whole) * 100)
    words = integer_words(whole)
    words = re.sub(r"(?<![a-z])uno$", "un", words)
    de = " de" if whole and whole % 1_000_000 == 0 else ""
    text = f"{words}{de} pesos {cents:02d}/100 M.N."
    return text.upper() if upper else text


def long_date(day: int, month: int, year: int) -> str:
    return f"{day} de {MONTHS[month - 1]} de {year}"


def vat(subtotal: str | Decimal, rate: str = "0.16") -> tuple[Decimal, Decimal]:
    """(IVA, total) of a subtotal."""
    tax = dec(dec(subtotal) * Decimal(rate))
    return tax, dec(subtotal) + tax
