"""Whose amounts an audit page observes, and who issued an invoice: reading a page's layout
(its lines, its rows, the labels next to an RFC) rather than everything it prints.

Pure functions over a page's text and the catalog's entity rows.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.entities import fold

CODE_SPAN = 600  # an auditor's amount belongs to the code printed last before it, this close
LABEL_SPAN = 80  # characters before an RFC read for "Emisor" / "Receptor"

# A line that opens another row or finding: "3 SSP/...", "Resultado 7.", "Observación 2", "b) ", "• ",
# "Contrato 12-2022 ...", or a row opening with a code the extractors did not read ("SOP-88-2022 ...").
_NEW_ITEM = re.compile(r"\n[ \t]*(?:\d{1,3}[.)-]?[ \t]+[A-ZÁÉÍÓÚÑ0-9]|(?:Resultado|RESULTADO|Observaci[oó]n|OBSERVACI[OÓ]N|"
                       r"Hallazgo|HALLAZGO|Contrato|CONTRATO)\b|[a-z]\)[ \t]|[-•*][ \t]|"
                       r"[A-Z]{1,10}[-/][A-Z0-9]{1,10}[-/][A-Z0-9/-]+)")
_ROW_START = re.compile(r"[ \t]*\d{1,3}[.)-]?[ \t]+$")  # "3 " before a code: the code opens a table row
_TOTAL_LINE = re.compile(r"[ \t]*(?:sub)?total", re.IGNORECASE)
_ISSUER = re.compile(r"emisor|emitid[oa] por|expedid[oa] por|proveedor")
_RECEIVER = re.compile(r"receptor|cliente|facturar? a|adquirente")


def observed(text: str, amounts: list[dict[str, Any]], codes: list[dict[str, Any]],
             case_codes: set[str]) -> list[dict[str, Any]]:
    """An auditor's amounts that belong to one of the case's codes: the code on the amount's own
    line (its table row), else the code printed last before it in the same finding."""
    out = []
    for e in amounts:
        owner = _line_code(text, e, codes) or _finding_code(text, e, codes)
        if owner is not None and owner["value"] in case_codes:
            out.append({"role": "observed", "label": "", "entity": e})
    return out


def _line_code(text: str, e: dict[str, Any], codes: list[dict[str, Any]]) -> dict[str, Any] | None:
    start = text.rfind("\n", 0, e["start"]) + 1
    end = text.find("\n", e["end"])
    end = len(text) if end < 0 else end
    on_line = [c for c in codes if c["start"] >= start and c["end"] <= end]
    before = [c for c in on_line if c["end"] <= e["start"]]
    if before:
        return max(before, key=lambda c: c["end"])
    return min(on_line, key=lambda c: c["start"]) if on_line else None


def _finding_code(text: str, e: dict[str, Any], codes: list[dict[str, Any]]) -> dict[str, Any] | None:
    before = [c for c in codes if c["end"] <= e["start"] and e["start"] - c["end"] <= CODE_SPAN]
    if not before:
        return None
    last = max(before, key=lambda c: c["end"])
    line_start = text.rfind("\n", 0, e["start"]) + 1
    if line_start <= last["start"]:
        return last
    if _NEW_ITEM.search(text[last["end"]:e["start"]]) or _TOTAL_LINE.match(text, line_start):
        return None  # another row, finding or the table's total
    code_line = text.rfind("\n", 0, last["start"]) + 1
    return None if _ROW_START.match(text, code_line, last["start"]) else last  # a table row ends with its line


def issuer_rfc(text: str, rfcs: list[dict[str, Any]]) -> str | None:
    """An invoice's issuer RFC: the one labelled Emisor (or Proveedor), else the first not labelled
    Receptor, else the first printed."""
    folded = fold(text)
    unlabelled = []
    for e in sorted(rfcs, key=lambda r: r["start"]):
        label = _label(folded[max(0, e["start"] - LABEL_SPAN):e["start"]])
        if label == "issuer":
            return str(e["value"])
        if label is None:
            unlabelled.append(e)
    pick = unlabelled or sorted(rfcs, key=lambda r: r["start"])
    return str(pick[0]["value"]) if pick else None


def _label(before: str) -> str | None:
    """The label named closest before an RFC: issuer or receiver."""
    found = [(m.end(), "issuer") for m in _ISSUER.finditer(before)]
    found += [(m.end(), "receiver") for m in _RECEIVER.finditer(before)]
    return max(found)[1] if found else None
