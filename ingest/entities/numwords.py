"""Spanish number words <-> integers (for amounts and dates written in letters)."""
from __future__ import annotations

import re

from .textutil import fold

_UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
          "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
          "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés",
          "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve"]
_TENS = {30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta", 70: "setenta",
         80: "ochenta", 90: "noventa"}
_HUNDREDS = {100: "ciento", 200: "doscientos", 300: "trescientos", 400: "cuatrocientos",
             500: "quinientos", 600: "seiscientos", 700: "setecientos", 800: "ochocientos",
             900: "novecientos"}

# folded word -> value; multipliers handled separately
SMALL: dict[str, int] = {fold(w): i for i, w in enumerate(_UNITS)}
SMALL.update({v: k for k, v in _TENS.items()})
SMALL.update({v: k for k, v in _HUNDREDS.items()})
SMALL.update({v.replace("ientos", "ientas"): k for k, v in _HUNDREDS.items() if k > 100})
SMALL.update({"un": 1, "una": 1, "veintiun": 21, "veintiuna": 21, "cien": 100,
              "quinientas": 500})
MULTIPLIERS = {"mil": 10**3, "millon": 10**6, "millones": 10**6, "billon": 10**12, "billones": 10**12}

WORD_RE = "|".join(sorted(list(SMALL) + list(MULTIPLIERS), key=len, reverse=True))
_TOKEN = re.compile(r"[a-z]+")


def _fits(value: int, last: int) -> bool:
    """Whether a small number word may follow the previous one ("ciento" "veinte" "tres", not "tres dos")."""
    if last == 0:
        return True
    if last >= 100:
        return value < 100 and last % 100 == 0
    return last % 10 == 0 and last >= 10 and value < 10


def words_to_number(words: str) -> int | None:
    """Parse Spanish number words ("dos millones trescientos mil") -> int; None if not a number."""
    total = chunk = group = last = 0
    prev = ""
    for tok in _TOKEN.findall(fold(words)):
        if tok == "y" and prev:
            continue
        if tok in SMALL:
            if not _fits(SMALL[tok], last):
                return None
            group += SMALL[tok]
            last = SMALL[tok]
        elif tok == "mil" and prev != "mil":
            chunk += (group or 1) * 1000
            group = last = 0
        elif tok in ("millon", "millones"):
            total += ((chunk + group) or 1) * 10**6
            chunk = group = last = 0
        elif tok in ("billon", "billones"):
            total = ((total + chunk + group) or 1) * 10**12
            chunk = group = last = 0
        else:
            return None
        prev = tok
    return total + chunk + group if prev else None


def _below_thousand(n: int) -> list[str]:
    """Words for 1..999 (apocopated 'un'/'veintiún' form, as in amounts)."""
    out: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        out.append("cien" if n == 100 else _HUNDREDS[hundreds * 100])
    if rest >= 30:
        tens, unit = divmod(rest, 10)
        out.append(_TENS[tens * 10])
        if unit:
            out += ["y", "un" if unit == 1 else _UNITS[unit]]
    elif rest:
        out.append({1: "un", 21: "veintiún"}.get(rest, _UNITS[rest]))
    return out


def number_to_words(n: int) -> str:
    """Spanish words for 0 <= n < 10**15, e.g. 1023123 -> 'un millón veintitrés mil ciento veintitrés'."""
    if n < 0 or n >= 10**15:
        raise ValueError("out of range")
    if n == 0:
        return "cero"
    words: list[str] = []
    billions, rest = divmod(n, 10**12)
    millions, rest = divmod(rest, 10**6)
    thousands, units = divmod(rest, 1000)
    if billions:
        words += _below_thousand(billions) + ["billón" if billions == 1 else "billones"]
    if millions:
        words += _thousands_words(millions) + ["millón" if millions == 1 else "millones"]
    if thousands:
        words += _thousands_words(thousands * 1000)
    words += _below_thousand(units)
    return " ".join(words)


def _thousands_words(n: int) -> list[str]:
    """Words for 1..999_999 ('mil', not 'un mil')."""
    high, low = divmod(n, 1000)
    out: list[str] = []
    if high:
        out += ([] if high == 1 else _below_thousand(high)) + ["mil"]
    return out + _below_thousand(low)
