"""Whose amounts an audit page observes, and who issued an invoice: reading a page's layout
(its lines, its rows, the labels next to an RFC) rather than everything it prints.

Pure functions over a page's text and the catalog's entity rows.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.entities import fold

OBSERVED_SPAN = 120  # characters before an auditor's amount read for what it is (observed or reviewed)
HEADER_LINES = 40  # lines above a table row searched for its column's header
CODE_SPAN = 600  # an auditor's amount belongs to the code printed last before it, this close
LABEL_SPAN = 80  # characters before an RFC read for "Emisor" / "Receptor"

# A line that opens another row or finding: "3 SSP/...", "Resultado 7.", "Observación 2", "b) ", "• ",
# "Contrato 12-2022 ...", or a row opening with a code the extractors did not read ("SOP-88-2022 ...").
_NEW_ITEM = re.compile(r"\n[ \t]*(?:\d{1,3}[.)-]?[ \t]+[A-ZÁÉÍÓÚÑ0-9]|(?:Resultado|RESULTADO|Observaci[oó]n|OBSERVACI[OÓ]N|"
                       r"Hallazgo|HALLAZGO|Contrato|CONTRATO)\b|[a-z]\)[ \t]|[-•*][ \t]|"
                       r"[A-Z]{1,10}[-/][A-Z0-9]{1,10}[-/][A-Z0-9/-]+)")
# What an auditor's figure is: observed (to be clarified, recovered, paid in excess) or the sample reviewed.
_OBSERVED = re.compile(r"observ|por aclarar|por recuperar|por solventar|pagos? en exceso|pago indebido|dano|perjuicio|pliego|"
                       r"reintegr|resarc|recuperad|duplicad|pagos? sin\b|no (?:se )?(?:acredit|comprob|justific|ejecut|devengad)|"
                       r"sin (?:acreditar|comprobar|justificar|documentacion)|irregular|faltante")
_REVIEWED = re.compile(r"revisad|muestra|universo|seleccionad|fiscalizad|auditad|alcance|ejercid|asignad|"
                       r"presupuest|monto (?:total )?(?:del contrato|contratado)")
# A finding that clears what it names: "no se determinaron observaciones", "lo cual se aclaró".
_CLEARED = re.compile(r"no se (?:determinaron|detectaron|encontraron) (?:observaciones|irregularidades)|sin observaciones|"
                      r"sin irregularidades|se aclar[oa]|quedo aclarad|se solvent[oa]|quedo solventad|no se observ")
_LEGAL_END = re.compile(r"(?:^|\s)(?:[a-z]{1,4}\.)+$")  # a cell wrapped after "S.A. de C.V.", not a sentence's end
_ROW_START = re.compile(r"[ \t]*\d{1,3}[.)-]?[ \t]+$")  # "3 " before a code: the code opens a table row
_TOTAL_LINE = re.compile(r"[ \t]*(?:sub)?total", re.IGNORECASE)
_ISSUER = re.compile(r"emisor|emitid[oa] por|expedid[oa] por|proveedor")
_RECEIVER = re.compile(r"receptor|cliente|facturar? a|adquirente")
# The stamp of a CFDI print-out: "Cadena original del complemento de certificación: ||1.1|UUID|...|SAT970701NN3||"
# names the certifier (the SAT or a PAC), never the issuer.
_CERTIFICATION = re.compile(r"\|\||cadena original|certificaci|rfcprovcertif|proveedor de certificaci|\bpac\b")


def observed(text: str, amounts: list[dict[str, Any]], codes: list[dict[str, Any]],
             case_codes: set[str]) -> list[dict[str, Any]]:
    """An auditor's amounts that belong to one of the case's codes: the code on the amount's own
    line (its table row), else the code printed last before it in the same finding."""
    out, folded = [], fold(text)
    for i, e in enumerate(amounts):
        owner = _line_code(text, e, codes) or _finding_code(text, e, codes)
        if owner is not None and owner["value"] in case_codes and _observes(folded, e, amounts[i - 1] if i else None):
            out.append({"role": "observed", "label": "", "entity": e})
    return out


def finding_observes(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a finding that prints one of these codes (start, end) observes something: its words
    say so ("se observa", "pliego de observaciones", "pagos en exceso") and none clears it ("no se
    determinaron observaciones", "se aclaró"). A finding runs from the item before the code to the next."""
    folded = fold(text)
    items = [m.start() for m in _NEW_ITEM.finditer(text)] + [len(folded)]
    for start, end in spans:
        begin = max((i for i in items if i <= start), default=0)
        finish = min((i for i in items if i >= end), default=len(folded))
        finding = " ".join(folded[begin:finish].split())  # its words, whatever the line breaks
        if _OBSERVED.search(finding) and not _CLEARED.search(finding):
            return True
    return False


def _observes(folded: str, e: dict[str, Any], previous: dict[str, Any] | None) -> bool:
    """Whether an auditor's amount is observed: by the words closest before it ("se observa el importe
    de", "monto revisado"), else by its table column's header; observed when neither says."""
    stop = max(previous["end"] if previous else 0, e["start"] - OBSERVED_SPAN)
    said = _family(folded[stop:e["start"]])
    if said is None:
        said = _header_family(folded, e["start"])
    return said != "reviewed"


def _family(words: str) -> str | None:
    found = [(m.end(), "observed") for m in _OBSERVED.finditer(words)]
    found += [(m.end(), "reviewed") for m in _REVIEWED.finditer(words)]
    return max(found)[1] if found else None


def _header_family(folded: str, at: int) -> str | None:
    """What the header of the table an amount sits in calls its column: the nearest line above
    that holds no figure, up to the paragraph that introduces the table (a line ending in "." or ":")."""
    end = folded.rfind("\n", 0, at)
    for _ in range(HEADER_LINES):
        if end <= 0:
            return None
        start = folded.rfind("\n", 0, end) + 1
        line = folded[start:end].strip()
        if line.endswith(":") or (line.endswith(".") and not _LEGAL_END.search(line)):
            return None  # the paragraph that introduces the table
        if not re.search(r"\d[\d,]*\.\d\d\b", line):
            said = _family(line)
            if said is not None:
                return said
        end = start - 1
    return None


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
    if _TOTAL_LINE.match(text, line_start):
        return None  # the table's total
    item = _NEW_ITEM.search(text, last["end"], e["start"])
    if item is not None:  # another row or finding, unless the findings name no code and the header does
        return last if _header_owns(text, item.start(), codes) else None
    code_line = text.rfind("\n", 0, last["start"]) + 1
    return None if _ROW_START.match(text, code_line, last["start"]) else last  # a table row ends with its line


def _header_owns(text: str, item: int, codes: list[dict[str, Any]]) -> bool:
    """A page whose codes are all printed in its header, before its first finding or row ("Contrato:
    SS/DGA/CP/201/2021 ... Observación 1. ... $916,400.00"): its findings are about them."""
    first = _NEW_ITEM.search("\n" + text)  # a page may open with its first finding
    at = first.start() - 1 if first is not None else len(text)
    return at <= item and all(c["end"] <= at for c in codes)


def issuer_rfc(text: str, rfcs: list[dict[str, Any]]) -> str | None:
    """An invoice's issuer RFC: the one labelled Emisor (or Proveedor), else the first not labelled
    Receptor, else the first printed."""
    folded = fold(text)
    unlabelled = []
    rfcs = [e for e in rfcs if not _certifier(folded, e)]
    for e in sorted(rfcs, key=lambda r: r["start"]):
        label = _label(folded[max(0, e["start"] - LABEL_SPAN):e["start"]])
        if label == "issuer":
            return str(e["value"])
        if label is None:
            unlabelled.append(e)
    pick = unlabelled or sorted(rfcs, key=lambda r: r["start"])
    return str(pick[0]["value"]) if pick else None


def _certifier(folded: str, e: dict[str, Any]) -> bool:
    """An RFC printed in the certification stamp of a CFDI print-out: between its pipes, or on a line
    (or after a line) that says so."""
    if folded[e["start"] - 1:e["start"]] == "|" or folded[e["end"]:e["end"] + 1] == "|":
        return True
    start = folded.rfind("\n", 0, max(0, folded.rfind("\n", 0, e["start"]))) + 1
    return bool(_CERTIFICATION.search(folded[start:e["start"]]))


def _label(before: str) -> str | None:
    """The label named closest before an RFC: issuer or receiver."""
    found = [(m.end(), "issuer") for m in _ISSUER.finditer(before)]
    found += [(m.end(), "receiver") for m in _RECEIVER.finditer(before)]
    return max(found)[1] if found else None
