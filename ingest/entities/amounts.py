"""Money amounts: "$1,023,123.00", "1.023.123,00", "USD 12,500.00", amounts in words."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from .model import Entity
from .numwords import WORD_RE, words_to_number
from .textutil import fold

_CENT = Decimal("0.01")
# All patterns run on fold(text), which has the same length as text.
_PRE = r"(?P<pre>(?<![a-z])(?:u\.?s\.?\s?\$|usd|mxn|eur|gs\.?)(?![a-z])|\$|€)"
_PRE_BEFORE = re.compile(_PRE + r"[ \t\u00a0]{0,2}$")
# Digit first (so the regex engine can skip quickly), then "not preceded by a word char or separator".
_NUM = (r"(?P<num>\d(?<![\w.,'’/\-]\d)(?:\d{0,2}(?:[,'’]\d{3})+(?:\.\d{1,2})?"
        r"|\d{0,2}(?:\.\d{3})+(?:,\d{1,2})?|\d{0,14}(?:[.,]\d{1,2})?))(?!\d|[.,'’/]\d|\s?%)")
_SUF = r"(?P<suf>m\.\s?n\.?|mn|mxn|usd|pesos?|dolares|dlls?\.?|euros?)(?![a-z])"
_SP = r"[ \t\u00a0]{0,2}"
_NUMERIC = re.compile(rf"{_NUM}(?:{_SP}{_SUF})?")
_FULL = re.compile(rf"(?:{_PRE}{_SP})?{_NUM}(?:{_SP}{_SUF})?")

_W = rf"(?:{WORD_RE})(?![a-z])"
_CUR_WORD = r"(?:pesos?|dolares?|euros?)(?![a-z])"
_WORDS = re.compile(
    rf"(?<![a-z])(?:(?P<cur_pre>{_CUR_WORD})\s+)?(?P<words>{_W}(?:(?:\s+y\s+|\s+){_W})*)"
    rf"(?:\s+(?:de\s+)?(?P<cur>{_CUR_WORD}))?"
    r"(?:\s+(?:con\s+)?(?P<cents>\d{1,2})\s?/\s?100(?:\s+centavos)?)?"
    r"(?:\s*(?P<suf>m\.\s?n\.?|mn(?![a-z])|mxn|usd|moneda nacional))?")

_GROUPED_2DEC = re.compile(r"\d{1,3}(?:[,'’.]\d{3})+[.,]\d\d")
# "153,000.00" / "1'023,123.00": comma (or apostrophe) thousands and two decimals is money in these documents.
_US_GROUPED = re.compile(r"\d{1,3}(?:[,'’]\d{3})+\.\d\d")
_PLAIN_2DEC = re.compile(r"\d{1,9}\.\d\d")  # "850.00": money only in a priced table
_MONEY_CONTEXT = re.compile(
    r"(?<![a-z])(?:importe|monto|total|subtotal|iva|precio|costo|presupuesto|valor|pago|cantidad|"
    r"suma|saldo|anticipo|tarifa|cuota|retenid|trasladad|descuento|fianza|garantia|pliego)")
_MONEY_HEADER = re.compile(r"(?<![a-z])(?:precios?|importes?|subtotal|total(?:es)?|montos?|costos?)(?![a-z])")
_TWO_DECIMALS = re.compile(r"(?<![\d.,])\d[\d,'’]*\.\d\d(?![\d.,]\d)")
_HEADER_WINDOW = 300
# "Tasa 0.16", "versión 3.30", "numeral 4.25": labelled plain decimals that are rates or section numbers.
_NOT_MONEY_LABEL = re.compile(r"(?<![a-z])(?:tasa|factor|tipo de cambio|porcentaje|coeficiente|version|numeral|"
                              r"articulo|art\.|inciso|fraccion|punto|apartado|seccion)[ \t.:]*$")
_UNIT_AFTER = re.compile(r"[ \t\u00a0]?(?:%|m[23²³]|m(?![a-z.])|mts?\.?|kg|kgs|km|km2|ton|toneladas?|lts?|"
                         r"l(?![a-z.])|litros?|ml|metros?|cm|mm|hectareas?|pzas?|piezas?|unidades|hrs?|horas?|"
                         r"dias|kw|kwh|gb|tb|mb|gramos?|kilos?|kilogramos?|kilometros?)(?![a-z])")
# OCR opens a space after a separator: "$5, 498,400. 00". Read only after "$" and with cents.
_SPACED = re.compile(r"\$[ \t]?(?P<num>\d{1,3}(?:[,'’] ?\d{3})+[.,] ?\d\d)(?![\d.,]\d)")
_DEC_TAIL = re.compile(r"[.,](\d{1,2})$")


def number_value(num: str) -> Decimal:
    """Digits with thousands/decimal separators (US, European or apostrophe style) -> Decimal."""
    m = _DEC_TAIL.search(num)
    frac = m.group(1) if m else ""
    whole = num[: m.start()] if m else num
    digits = re.sub(r"[^\d]", "", whole)
    return Decimal(f"{digits}.{frac or '0'}").quantize(_CENT)


def currency_of(*markers: str | None) -> str:
    """Currency code from the printed markers (prefix/suffix); MXN by default."""
    for mark in markers:
        if not mark:
            continue
        m = mark.replace(".", "").replace(" ", "")
        if m.startswith(("us", "dol", "dl")):
            return "USD"
        if m.startswith(("eur", "€")):
            return "EUR"
        if m.startswith("gs"):
            return "PYG"
    return "MXN"


def _words_value(m: re.Match[str]) -> tuple[int, Decimal] | None:
    """(start, value) of a words amount; leading words that break the number ("dos UN MIL") are dropped."""
    if m.group("cur_pre"):
        starts = [m.start("words")]
    else:
        starts = [m.start("words") + w.start() for w in re.finditer(r"(?<![a-z])[a-z]", m.group("words"))]
    for start in starts:
        n = words_to_number(m.string[start:m.end("words")])
        if n is not None:
            value = (Decimal(n) + Decimal(int(m.group("cents") or 0)) / 100).quantize(_CENT)
            return (m.start() if m.group("cur_pre") else start), value
    return None


def _anchored(m: re.Match[str]) -> bool:
    """Number words are an amount only next to a currency word or an "NN/100" cents mark."""
    return bool(m.group("cur") or m.group("cur_pre") or m.group("cents"))


def _in_price_table(folded: str, start: int, end: int) -> bool:
    """A money header earlier on the same line, or in the table header above a row with another price."""
    line_start = folded.rfind("\n", 0, start) + 1
    if _NOT_MONEY_LABEL.search(folded, max(line_start, start - 25), start):
        return False
    if _MONEY_HEADER.search(folded, line_start, start):
        return True
    if not _MONEY_HEADER.search(folded, max(0, start - _HEADER_WINDOW), line_start):
        return False
    line_end = folded.find("\n", end)
    line_end = len(folded) if line_end < 0 else line_end
    return any(p.start() != start for p in _TWO_DECIMALS.finditer(folded, line_start, line_end))


def _numeric_ok(m: re.Match[str], folded: str, pre: re.Match[str] | None) -> str | None:
    """Reason string when a numeric match is an amount, else None."""
    if pre or m.group("suf"):
        return "amount-currency"
    num = m.group("num")
    if _UNIT_AFTER.match(folded, m.end()):
        return None
    if _US_GROUPED.fullmatch(num):
        return "amount-grouped"
    if _GROUPED_2DEC.fullmatch(num) and _MONEY_CONTEXT.search(folded, max(0, m.start() - 80), m.start()):
        return "amount-context"
    if _PLAIN_2DEC.fullmatch(num) and _in_price_table(folded, m.start(), m.end()):
        return "amount-table"
    return None


def extract(text: str, folded: str) -> Iterator[Entity]:
    """Yield amount entities (numeric with currency or money context, and amounts in words)."""
    spaced = [m for m in _SPACED.finditer(folded) if " " in m.group("num")]
    for m in spaced:
        value = number_value(m.group("num").replace(" ", ""))
        yield Entity("amount", text[m.start():m.end()], f"{value} MXN", m.start(), m.end(), "amount-ocr-spaced")
    for m in _NUMERIC.finditer(folded):
        if any(s.start() <= m.start() < s.end() for s in spaced):
            continue
        pre = _PRE_BEFORE.search(folded, max(0, m.start() - 8), m.start())
        reason = _numeric_ok(m, folded, pre)
        if reason:
            start = pre.start() if pre else m.start()
            value = number_value(m.group("num"))
            cur = currency_of(m.group("suf"), pre.group("pre") if pre else None)
            yield Entity("amount", text[start:m.end()], f"{value} {cur}", start, m.end(), reason)
    if "peso" in folded or "dolar" in folded or "euro" in folded or "/100" in folded:
        for m in _WORDS.finditer(folded):
            found = _words_value(m) if _anchored(m) else None
            if found is not None:
                start, value = found
                cur = currency_of(m.group("cur"), m.group("cur_pre"), m.group("suf"))
                yield Entity("amount", text[start:m.end()], f"{value} {cur}", start, m.end(), "amount-words")


def normalise_amount(s: str) -> tuple[Decimal, str] | None:
    """Printed amount (numeric in any style, or in words) -> (Decimal with 2 places, currency)."""
    f = fold(s.strip()).strip("()").strip()
    f = re.sub(r"[.\-]+$", "", f) if not f.endswith(("m.n.", "mn.")) else f
    m = _FULL.fullmatch(f) or _FULL.fullmatch(f + ".")
    if m:
        return number_value(m.group("num")), currency_of(m.group("suf"), m.group("pre"))
    m = _WORDS.fullmatch(f) or _WORDS.fullmatch(f + ".")
    found = _words_value(m) if m and _anchored(m) else None
    if m and found and found[0] == m.start():
        return found[1], currency_of(m.group("cur"), m.group("cur_pre"), m.group("suf"))
    return None


def parse_amount_query(s: str) -> Decimal | None:
    """A fact-checker's typed amount ("$1,023,123.00", "1.023.123,00", "1023123") -> Decimal."""
    s = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", "", s.strip())
    parsed = normalise_amount(s)
    return parsed[0] if parsed else None
