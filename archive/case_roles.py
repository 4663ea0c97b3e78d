"""What a procurement document says about money, read from one page's text and entities:
the kind of document, and each amount's role (awarded, contracted, invoiced, observed).

Pure functions over plain dicts (the catalog's entity rows), so the case view and its tests
share them.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.entities import fold

# Checked in order on the title, then on the first page: the first keyword found wins.
CASE_KINDS = (
    ("convenio", ("convenio modificatorio", "convenio de modificacion", "convenio de ampliacion")),
    ("junta", ("junta de aclaraciones",)),
    ("fallo", ("fallo",)),
    ("convocatoria", ("convocatoria", "bases de licitacion", "llamado a licitacion")),
    ("factura", ("factura", "cfdi", "comprobante fiscal")),
    ("acta", ("acta de entrega", "entrega-recepcion", "entrega recepcion")),
    ("oficio", ("oficio", "acuse", "contrarrecibo")),
    ("auditoria", ("auditoria", "informe individual", "informe del auditor")),
    ("contrato", ("contrato",)),
    ("expediente", ("expediente",)),
)
AWARD_SPAN = 1200  # characters after "se adjudica" where the award's amounts are printed
NEAR = 70  # characters before an amount that say what it is
CODE_SPAN = 600  # an auditor's amount belongs to the code printed last before it, this close

_WITHOUT_IVA = re.compile(r"antes del? (?:impuesto|iva)|sin (?:el )?(?:impuesto|iva)|subtotal|mas (?:el )?iva")
_IVA_ITSELF = re.compile(r"(?:impuesto al valor agregado|iva)(?: traslad\w*)? ?(?:\(?16 ?%\)?)?[ :$]*$")
_MINIMUM = re.compile(r"minimo")
_MAXIMUM = re.compile(r"maximo")
_TOTAL = re.compile(r"monto total|importe total|precio total|monto del contrato|por un monto|por la cantidad|"
                    r"cantidad de|importe de|monto de|por un importe|valor total|total de")
_NOT_CONTRACT = re.compile(r"%|fianza|garantia|es decir|pena|anticipo")
_AMENDED = re.compile(r"ampliaci|incremento|increment|adicional")
_INVOICE_TOTAL = re.compile(r"(?<!sub)total\b[^\n]{0,20}$")


def case_kind(title: str, first_page: str) -> str:
    """A document's kind in a procurement: convocatoria, junta, fallo, contrato, convenio, ..."""
    for source in (fold(title), fold(first_page[:1500])):
        for kind, words in CASE_KINDS:
            if any(w in source for w in words):
                return kind
    return "otro"


def _before(folded: str, e: dict[str, Any], stop: int) -> str:
    """The words just before an amount, not reaching back past the previous amount."""
    return folded[max(stop, e["start"] - NEAR):e["start"]]


def page_roles(kind: str, text: str, ents: list[dict[str, Any]], case_codes: set[str]) -> list[dict[str, Any]]:
    """The amounts of one page with a role: {"role", "label", "entity"}."""
    folded = fold(text)
    amounts = [e for e in ents if e["kind"] == "amount"]
    if kind == "fallo":
        return _awarded(folded, amounts)
    if kind in ("contrato", "convenio"):
        return _contracted(folded, amounts, kind)
    if kind == "factura":
        return _invoiced(folded, amounts)
    if kind == "auditoria":
        return _observed(amounts, [e for e in ents if e["kind"] in ("bid", "contract")], case_codes)
    return []


def _awarded(folded: str, amounts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    at = folded.find("adjudica")
    if at < 0:
        return []
    out, stop = [], at
    for e in amounts:
        if not at <= e["start"] <= at + AWARD_SPAN:
            continue
        near = _before(folded, e, stop)
        stop = e["end"]
        without = _WITHOUT_IVA.search(near)
        if _NOT_CONTRACT.search(near) or (not without and _IVA_ITSELF.search(near) and "total" not in near):
            continue  # a guarantee, a percentage, the tax itself
        out.append({"role": "awarded", "label": "without_iva" if without else "with_iva", "entity": e})
    return out


def _contracted(folded: str, amounts: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    out, stop = [], 0
    for e in amounts:
        near = _before(folded, e, stop)
        stop = e["end"]
        if _NOT_CONTRACT.search(near):
            continue
        if _MINIMUM.search(near):
            label = "minimum"
        elif _MAXIMUM.search(near):
            label = "maximum"
        elif kind == "convenio" and _AMENDED.search(near):
            label = "increase"
        elif _TOTAL.search(near):
            label = "amended" if kind == "convenio" else "total"
        else:
            continue
        out.append({"role": "contracted", "label": label, "entity": e})
    return out


def _invoiced(folded: str, amounts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An invoice's total: the amount labelled Total (not Subtotal), else its largest."""
    labelled = [e for e in amounts if _INVOICE_TOTAL.search(folded[max(0, e["start"] - 30):e["start"]])]
    pick = labelled or amounts
    if not pick:
        return []
    best = max(pick, key=lambda e: amount_number(e["value"]))
    return [{"role": "invoiced", "label": "total", "entity": best}]


def _observed(amounts: list[dict[str, Any]], codes: list[dict[str, Any]], case_codes: set[str]) -> list[dict[str, Any]]:
    """An auditor's amounts that sit under one of the case's codes (the code printed last before them)."""
    out = []
    for e in amounts:
        before = [c for c in codes if c["end"] <= e["start"] and e["start"] - c["end"] <= CODE_SPAN]
        if before and max(before, key=lambda c: c["end"])["value"] in case_codes:
            out.append({"role": "observed", "label": "", "entity": e})
    return out


def amount_number(value: str) -> float:
    try:
        return float(value.split()[0])
    except (ValueError, IndexError):
        return 0.0


_UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
_FOLIO = re.compile(r"(?i)serie(?::|\s+y\s+folio:)?\s*([A-Z0-9]{1,10})\s+(?:folio:?\s*)?([0-9]{1,12})\b")


def invoice_ids(text: str) -> dict[str, str]:
    """An invoice's identity: its CFDI UUID and its series + folio, where printed."""
    out = {}
    m = _UUID.search(text)
    if m:
        out["uuid"] = m.group(0).upper()
    f = _FOLIO.search(text)
    if f:
        out["folio"] = f"{f.group(1)}-{f.group(2)}".upper()
    return out
