"""Text helpers, and numbers, amounts and dates written the Mexican way."""
from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal


def fold(s: str) -> str:
    """Lower case, accents removed (NFKD, combining marks dropped)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def collapse(s: str) -> str:
    return " ".join(s.split())


def find_word(hay: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``hay`` not preceded/followed by a letter or digit."""
    out, i = [], hay.find(needle)
    while i >= 0:
        before = hay[i - 1] if i > 0 else " "
        j = i + len(needle)
        after = hay[j] if j < len(hay) else " "
        if not before.isalnum() and not after.isalnum():
            out.append(i)
        i = hay.find(needle, i + 1)
    return out



_UNITS = ["", "UN", "DOS", "TRES", "CUATRO", "CINCO", "SEIS", "SIETE", "OCHO", "NUEVE", "DIEZ",
          "ONCE", "DOCE", "TRECE", "CATORCE", "QUINCE", "DIECISÉIS", "DIECISIETE", "DIECIOCHO",
          "DIECINUEVE", "VEINTE", "VEINTIÚN", "VEINTIDÓS", "VEINTITRÉS", "VEINTICUATRO",
          "VEINTICINCO", "VEINTISÉIS", "VEINTISIETE", "VEINTIOCHO", "VEINTINUEVE"]
_TENS = {3: "TREINTA", 4: "CUARENTA", 5: "CINCUENTA", 6: "SESENTA", 7: "SETENTA", 8: "OCHENTA",
         9: "NOVENTA"}
_HUNDREDS = {1: "CIENTO", 2: "DOSCIENTOS", 3: "TRESCIENTOS", 4: "CUATROCIENTOS", 5: "QUINIENTOS",
             6: "SEISCIENTOS", 7: "SETECIENTOS", 8: "OCHOCIENTOS", 9: "NOVECIENTOS"}


def _hundreds(n: int) -> str:
    if n == 100:
        return "CIEN"
    c, r = divmod(n, 100)
    parts = [_HUNDREDS[c]] if c else []
    if r:
        if r < 30:
            parts.append(_UNITS[r])
        else:
            d, u = divmod(r, 10)
            parts.append(_TENS[d] + (" Y " + _UNITS[u] if u else ""))
    return " ".join(parts)


def int_words(n: int) -> str:
    """Cardinal in upper case with apocopated 'UN' (as used before PESOS / MIL)."""
    if n == 0:
        return "CERO"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("UN MILLÓN" if millions == 1 else _hundreds(millions) + " MILLONES")
    if thousands:
        parts.append("MIL" if thousands == 1 else _hundreds(thousands) + " MIL")
    if units:
        parts.append(_hundreds(units))
    return " ".join(parts)


def amount_words(amount: Decimal) -> str:
    whole = int(amount)
    cents = int((amount - whole) * 100)
    words = int_words(whole)
    de = " DE" if whole >= 1_000_000 and whole % 1_000_000 == 0 else ""
    return f"{words}{de} PESOS {cents:02d}/100 M.N."


def cardinal_lower(n: int) -> str:
    w = int_words(n).lower()
    if w.endswith("veintiún"):
        w = w[:-len("veintiún")] + "veintiuno"
    elif w.endswith(" un") or w == "un":
        w = w + "o"
    return w


MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]


def date_text(iso: str, style: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    if style == "long":
        return f"{d} de {MONTHS[m - 1]} de {y}"
    if style == "long_del":
        return f"{d} de {MONTHS[m - 1]} del {y}"
    if style == "upper":
        return f"{d} DE {MONTHS[m - 1].upper()} DE {y}"
    if style == "slash":
        return f"{d:02d}/{m:02d}/{y}"
    if style == "iso":
        return iso
    if style == "words":
        return f"{cardinal_lower(d)} días del mes de {MONTHS[m - 1]} de {cardinal_lower(y)}"
    raise ValueError(style)


def money(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fmt_money(x: Decimal, sep: str = ",") -> str:
    s = f"{x:,.2f}"
    if sep == "'":  # old Mexican style: apostrophe for millions, comma for thousands
        whole, dec = s.split(".")
        groups = whole.split(",")
        if len(groups) > 2:
            whole = ",".join(groups[:-2]) + "'" + ",".join(groups[-2:])
        s = whole + "." + dec
    return s
