"""Facts of a whole document, read from its pages and their entities: its own date (the
signature or issue date, not any date it cites) and the currency its bare `$` means.

A stage after extraction: `document_date(pages)` and `apply_currency(pages)` take the
(text, entities) of every page.
"""
from __future__ import annotations

import re
from typing import Sequence

from .model import Entity
from .textutil import fold

PageEntities = tuple[str, Sequence[Entity]]

# "Cuernavaca, Morelos, a 15 de marzo de 2020", "Fecha de emisión: 2020-11-30", "firmado el 3 de ...":
# a date right after one of these is the document's own.
_OWN_DATE = re.compile(r"(?:,\s*(?:a(?:\s+los)?)?|horas\s+del\s+dia|"
                       r"fecha\s*:|fecha\s+(?:y\s+hora\s+)?de\s+(?:emision|expedicion|firma|elaboracion|certificacion)\s*:?|"
                       r"firmad[oa]s?\s+(?:el|en)|suscrit[oa]s?\s+el|emitid[oa]\s+el)\s*$")
_BEFORE = 60  # characters before a date searched for those words
# Context that makes a bare `$` mean another country's currency.
_PYG = re.compile(r"(?<![a-z])(?:gs\.|guaranies|republica del paraguay|asuncion|ruc\s*n?)")
_ARS = re.compile(r"(?<![a-z])(?:republica argentina|provincia de buenos aires|pesos argentinos|cuit|"
                  r"municipalidad de|partido de)")
# Markers that name one currency whatever the country; "pesos", "M.N." and "moneda nacional" mean the
# document's own (Argentine pesos in an Argentine document).
_EXPLICIT = re.compile(r"(?<![a-z])(?:mxn|usd|dls?|dolares|eur|euros?|gs\.?|guaranies|u\.?s\.?)(?![a-z])")


def document_date(pages: Sequence[PageEntities]) -> str | None:
    """The document's own date (ISO): the first date printed after "a", "fecha", "firmado el"...;
    otherwise the first date of its first page; None when it prints none."""
    first: str | None = None
    for text, ents in pages:
        for e in ents:
            if e.kind != "date":
                continue
            first = first or e.value
            if _OWN_DATE.search(fold(text[max(0, e.start - _BEFORE):e.start])):  # fold keeps offsets
                return e.value
    return first


def context_currency(pages: Sequence[PageEntities]) -> str:
    """What a bare `$` means in this document: PYG in a Paraguayan one, ARS in an Argentine one."""
    head = fold(" ".join(text[:4000] for text, _ in pages[:3]))
    if _PYG.search(head):
        return "PYG"
    if _ARS.search(head) and "mexic" not in head:
        return "ARS"
    return "MXN"


def apply_currency(pages: Sequence[PageEntities]) -> list[list[Entity]]:
    """Each page's entities, amounts without a printed currency marked with the document's."""
    currency = context_currency(pages)
    out = []
    for _text, ents in pages:
        out.append([_with_currency(e, currency) for e in ents])
    return out


def _with_currency(e: Entity, currency: str) -> Entity:
    if e.kind != "amount" or currency == "MXN" or _EXPLICIT.search(fold(e.printed)):
        return e
    number, _, _old = e.value.partition(" ")
    return Entity(e.kind, e.printed, f"{number} {currency}", e.start, e.end, e.reason)


def amount_currency(value: str) -> tuple[str, str]:
    """'1023123.00 MXN' -> ('1023123.00', 'MXN')."""
    number, _, currency = value.partition(" ")
    return number, currency or "MXN"
