"""What a procurement document says about money, read from one page's text and entities:
the kind of document, and each amount's role (awarded, contracted, invoiced, observed).

Pure functions over plain dicts (the catalog's entity rows), so the case view and its tests
share them.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.entities import fold

from search.doctypes import case_kind

from .case_audit import observed

__all__ = ["amount_number", "award_scopes", "award_vendors", "case_kind", "invoice_ids", "page_roles"]

AWARD_SPAN = 1200  # at most this many characters after "se adjudica" belong to its sentence
NEAR = 70  # characters before an amount that say what it is
CLAUSE = 130  # characters before an amount read for what a convenio does to the contract
AFTER = 90  # characters after an amount (and its words) that may say "más IVA"
ECHO_GAP = 6  # an amount repeated this close after itself (its words in parentheses) is one amount

_IVA = r"(?:iva|i\.\s?v\.\s?a\.?|impuesto al valor agregado)"
_WITHOUT_IVA = re.compile(rf"antes del? (?:impuesto|{_IVA})|sin (?:incluir )?(?:el )?(?:impuesto|{_IVA})|subtotal")
# Said after the figure: "$1,580,000.00 más IVA", "(...) más el Impuesto al Valor Agregado", "I.V.A. no incluido".
_WITHOUT_AFTER = re.compile(rf"^[^;\n]{{0,30}}?(?:(?:\bmas\b|\+)\s*(?:el\s+)?(?:correspondiente\s+)?{_IVA}|"
                            rf"(?:\bsin\b|\bantes\s+del?)\s+(?:incluir\s+)?(?:el\s+)?(?:impuesto|{_IVA})|"
                            rf"{_IVA}\s*(?:\(?16\s?%\)?\s*)?no\s+incluid|no\s+incluye\s+(?:el\s+)?(?:impuesto|{_IVA}))")
# Said after the figure: "$3,692,280.00 con IVA incluido" (whatever the words before it said of the previous one).
_WITH_AFTER = re.compile(rf"^[^;\n]{{0,30}}?(?:con (?:el )?{_IVA} incluido|{_IVA} incluido|incluye (?:el )?{_IVA}|con {_IVA}\b)")
_IVA_ITSELF = re.compile(rf"{_IVA}(?: traslad\w*)? ?(?:\(?16 ?%\)?)?[ :$]*$")
_MINIMUM = re.compile(r"minimo")
_MAXIMUM = re.compile(r"maximo")
_TOTAL = re.compile(r"monto total|importe total|precio total|monto del contrato|por un monto|por la cantidad|"
                    r"cantidad de|importe de|monto de|por un importe|valor total|total de")
_NOT_CONTRACT = re.compile(r"%|fianza|garantia|pena|anticipo")
# A figure restating the one just before it, with or without IVA: "$1,050,000.00 más IVA ($1,218,000.00 con IVA)",
# "más IVA, es decir $2,436,000.00", "que da un total de": it takes the same role.
RESTATE_GAP = 45
_RESTATES = re.compile(r"\(|es decir|esto es|que da|asciende|hace un total|con (?:el )?(?:iva|i\.v\.a)")
# What a convenio does to the contract's amount: the family named closest to the figure wins.
_CONVENIO_WORDS = (
    ("amended", re.compile(r"nuevo (?:monto|importe)|(?:monto|importe) (?:total )?(?:modificado|actualizado|resultante)|"
                           r"ascender[aá]?|asciende|resultando|quedando|quedar? (?:en|un|por|de)|para un (?:monto|importe) total|"
                           r"(?:monto|importe) total (?:del contrato )?(?:sera|es) de")),
    ("increase", re.compile(r"ampli[ao]|ampliaci|increment|aument|adicional")),
    ("total", re.compile(r"\boriginal|inicial|celebraron|se celebro|suscrito|contrato principal")),
)
_FROM_TO = re.compile(r"[\s,.)]*(?:m\.n\.\)?)?[\s,]*a\s+(?:la cantidad de\s+|un total de\s+)?")  # "de $X a $Y"
_ADJUDICA = re.compile(r"adjudica")
# "se adjudica", "adjudicado a", "adjudicar directamente a", "adjudicar el contrato abierto a la C. ...", "resulta ganadora"
_AWARDED_TO = re.compile(r"\bse adjudica|\bresulta(?:n|ron)?\s+ganador|\badjudica(?:do|da|r|ndo)?(?:\s+directamente)?"
                         r"(?:\s+(?:el|la|los|las)\s+[a-z]+(?:\s+[a-z]+){0,2}?)?\s+(?:a|al)\s")
# A bids table's verdict column: "Ganador", "Adjudicado", "Adjudicada" (not "adjudicado a/por", a sentence).
_ROW_VERDICT = re.compile(r"\bganador[a]?\b|\badjudicad[oa]s?\b(?!\s+(?:a|al|en|por|mediante|el|la)\b)")
_LOSING = re.compile(r"no es la mas\s+baja|desechad|no solvente|insolvente|no cumple|no adjudicad|descalificad|no (?:resulto |fue )?(?:el |la )?ganador|no gano|perdedor")
_BREAKDOWN_LINE = re.compile(r"[ \t]*\n?[ \t]*(?:importe|monto|subtotal|sub-total|total|iva|i\.v\.a|impuesto|precio)\b"
                             r"[^\n$]{0,60}\$?\s*\d[\d,.]*[^\n]{0,40}(?=\n|$)")
_FULL_STOP = re.compile(r"[.;](?=\s+[A-ZÁÉÍÓÚÑ¿¡]|\s*$)|\.(?=\s*\n)")
_ABBREVIATION = re.compile(r"(?:[A-Za-z]{1,4}\.)+[A-Za-z]{0,4}|[A-Za-z]{1,2}")  # "S.A", "C.V", "R.F.C", "No"
_ABBREVIATIONS = frozenset({"lic", "ing", "arq", "dr", "dra", "mtro", "mtra", "sr", "sra", "no", "num", "art", "fracc", "c",
                            "cp", "lae", "gral", "profr", "profra", "ntra", "op", "mr"})
_AWARD_LABEL = re.compile(r"(?:total|monto|importe) (?:total )?adjudicad|adjudicad[oa] (?:por|en)")
_INVOICE_TOTAL = re.compile(r"(?<!sub)total\b[^\n]{0,20}$")


def _before(folded: str, e: dict[str, Any], stop: int, span: int = NEAR) -> str:
    """The words just before an amount, not reaching back past the previous amount."""
    return folded[max(stop, e["start"] - span):e["start"]]


def _distinct(folded: str, amounts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The amounts without their echoes ("$1,169,500.00 (UN MILLÓN ... M.N.)" is one amount), each with
    `tail`: where the text after it (and its echo) begins."""
    out: list[dict[str, Any]] = []
    for e in sorted(amounts, key=lambda a: a["start"]):
        last = out[-1] if out else None
        gap = folded[last["tail"]:e["start"]] if last else ""
        if last and last["value"] == e["value"] and len(gap) <= ECHO_GAP and not re.search(r"[a-z0-9]", gap):
            last["tail"] = e["end"]
            continue
        out.append({**e, "tail": e["end"]})
    return out


def _after(folded: str, amounts: list[dict[str, Any]], i: int) -> str:
    """The words after an amount and its echo, not reaching the next amount."""
    e = amounts[i]
    stop = amounts[i + 1]["start"] if i + 1 < len(amounts) else len(folded)
    return folded[e["tail"]:min(stop, e["tail"] + AFTER)]


def _plain(e: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in e.items() if k != "tail"}


ROLE_KINDS = ("fallo", "dictamen", "contrato", "convenio", "factura", "auditoria")  # the documents that give amounts a role


def page_roles(kind: str, text: str, ents: list[dict[str, Any]], case_codes: set[str]) -> list[dict[str, Any]]:
    """The amounts of one page with a role: {"role", "label", "entity"}."""
    if kind not in ROLE_KINDS:
        return []  # an oficio, a convocatoria, an acta: its amounts have no role, its text is not read
    folded = fold(text)
    amounts = _distinct(folded, [e for e in ents if e["kind"] == "amount"])
    if kind in ("fallo", "dictamen"):
        out = _awarded(text, folded, amounts, kind)
    elif kind in ("contrato", "convenio"):
        out = _contracted(folded, amounts, kind)
    elif kind == "factura":
        out = _invoiced(folded, amounts)
    elif kind == "auditoria":
        out = observed(text, amounts, [e for e in ents if e["kind"] in ("bid", "contract")], case_codes)
    else:
        out = []
    return [{**r, "entity": _plain(r["entity"])} for r in out]


def award_scopes(text: str, folded: str, amounts: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """Where a page says the award, as (start, end, "row" | "sentence"): a table row whose verdict
    says so ("$X $Y $Z Solvente; se adjudica", "Ganador"), that row's line only; a sentence ("se
    adjudica el contrato a ... por un importe de ..."), up to its end, a loser's row or AWARD_SPAN."""
    scopes: list[tuple[int, int, str]] = []
    for m in list(_AWARDED_TO.finditer(folded)) + list(_ROW_VERDICT.finditer(folded)):
        line_start = folded.rfind("\n", 0, m.start()) + 1
        line_end = _line_end(folded, m.end())
        on_line = [e for e in amounts if line_start <= e["start"] < line_end]
        bare = _ROW_VERDICT.fullmatch(m.group(0)) is not None
        if any(e["end"] <= m.start() for e in on_line) or (bare and on_line):
            if not _LOSING.search(folded, line_start, line_end):  # not "Solvente, no ganador"
                scopes.append((line_start, line_end, "row"))
        elif not bare:
            end = _sentence_end(text, folded, m.end(), m.start() + AWARD_SPAN)
            scopes.append((m.start(), _breakdown_end(folded, end), "sentence"))
    return sorted(set(scopes))


def award_vendors(text: str, ents: list[dict[str, Any]]) -> list[str]:
    """The vendors a page says won: in a sentence of award, the first named in it; in a bids table,
    the one named in the winning row (the last name before the row's amounts, after the row above)."""
    folded = fold(text)
    amounts = _distinct(folded, [e for e in ents if e["kind"] == "amount"])
    vendors = sorted((e for e in ents if e["kind"] == "vendor"), key=lambda e: e["start"])
    out = []
    for start, end, kind in award_scopes(text, folded, amounts):
        if kind == "sentence":
            found = [v for v in vendors if start <= v["start"] < end][:1]
        else:
            first = min(e["start"] for e in amounts if start <= e["start"] < end)
            above = max((e["end"] for e in amounts if e["end"] <= start), default=0)
            found = [v for v in vendors if above <= v["start"] < first][-1:]
        out += [v["value"] for v in found]
    return out


def _breakdown_end(folded: str, end: int) -> int:
    """A sentence of award followed by its breakdown ("Importe antes de IVA $1,000.00", "IVA $160.00",
    "Total $1,160.00" each on its line) takes those lines in."""
    while (m := _BREAKDOWN_LINE.match(folded, end)) is not None:
        end = m.end()
    return end


def _line_end(folded: str, at: int) -> int:
    end = folded.find("\n", at)
    return len(folded) if end < 0 else end


def _sentence_end(text: str, folded: str, start: int, limit: int) -> int:
    """The end of the sentence opened before `start`: a full stop before a capital or a line's end
    (not "S.A.", "C.V.", "No."), the line of a losing bid, or `limit`."""
    end = min(limit, len(text))
    for m in _FULL_STOP.finditer(text, start, end):
        token = text[text.rfind(" ", 0, m.start()) + 1:m.start()].strip("(«\"'")
        if not _ABBREVIATION.fullmatch(token) and fold(token) not in _ABBREVIATIONS:
            end = m.end()
            break
    loser = _LOSING.search(folded, start, end)
    if loser is None:
        return end
    line = folded.rfind("\n", 0, loser.start()) + 1
    return line if line > start else loser.start()


def _in_scopes(e: dict[str, Any], scopes: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    return next((sc for sc in scopes if sc[0] <= e["start"] < sc[1]), None)


def _tax_column(amounts: list[dict[str, Any]]) -> dict[int, str]:
    """In a row of a bids table, `net IVA gross` where net + IVA = gross, or `net gross` at 16 %: the
    labels by position ("without_iva", "iva", "with_iva"); empty when the row holds neither."""
    values = [amount_number(e["value"]) for e in amounts]
    for i in range(len(values) - 2):
        net, tax, gross = values[i:i + 3]
        if gross > 0 and abs(net + tax - gross) <= 0.011 and tax < net:
            return {i: "without_iva", i + 1: "iva", i + 2: "with_iva"}
    for i in range(len(values) - 1):  # "net gross" at 16 %
        if values[i] > 0 and abs(values[i + 1] - values[i] * 1.16) <= 0.011:
            return {i: "without_iva", i + 1: "with_iva"}
    return {}


def _awarded(text: str, folded: str, amounts: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """A fallo's amounts in the rows and sentences that say the award (not the other bids, not the
    tax column, not a zero); a direct award's amounts labelled as awarded ("Total adjudicado",
    "se adjudica ... por un monto de")."""
    scopes = award_scopes(text, folded, amounts)
    rows: dict[tuple[int, int, str], list[dict[str, Any]]] = {}
    for e in amounts:
        scope = _in_scopes(e, scopes)
        if scope is not None and scope[2] == "row":
            rows.setdefault(scope, []).append(e)
    columns = {id(e): label for row in rows.values() for i, label in _tax_column(row).items() for e in [row[i]]}
    out, stop = [], 0
    for i, e in enumerate(amounts):
        near, wide = _before(folded, e, stop), _before(folded, e, stop, CLAUSE)
        stop = e["tail"]
        if amount_number(e["value"]) <= 0 or columns.get(id(e)) == "iva":
            continue
        labelled = _AWARD_LABEL.search(near[near.rfind("\n") + 1:])  # "Total adjudicado $ ..." on its own line
        said = kind == "dictamen" and _ADJUDICA.search(wide) and _TOTAL.search(near)  # "se adjudica ... por un monto de"
        if not (_in_scopes(e, scopes) or labelled or said):
            continue
        after = _after(folded, amounts, i)
        without = (_WITHOUT_IVA.search(near) or _WITHOUT_AFTER.search(after)) and not _WITH_AFTER.search(after)
        if id(e) not in columns and (_NOT_CONTRACT.search(near) or (not without and _IVA_ITSELF.search(near)
                                                                     and "total" not in near)):
            continue  # a guarantee, a percentage, the tax itself
        label = columns.get(id(e)) or ("without_iva" if without else "with_iva")
        out.append({"role": "awarded", "label": label, "entity": e})
    return out


def _contracted(folded: str, amounts: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    stop = 0
    for i, e in enumerate(amounts):
        near, clause = _before(folded, e, stop), _before(folded, e, stop, CLAUSE)
        stop = e["tail"]
        if _blocked(near, kind):
            continue  # a guarantee, a penalty, an advance, a percentage
        label = _restated(folded, amounts, i, out)
        if label is None and kind == "convenio":
            label = _convenio_role(folded, amounts, i, near, clause, bool(out))
        if label is None:
            if _MINIMUM.search(near):
                label = "minimum"
            elif _MAXIMUM.search(near):
                label = "maximum"
            elif _TOTAL.search(near):
                label = "amended" if kind == "convenio" else "total"
            else:
                continue
        out.append({"role": "contracted", "label": label, "entity": e})
    return out


def _restated(folded: str, amounts: list[dict[str, Any]], i: int, out: list[dict[str, Any]]) -> str | None:
    """The label of the figure just before, when this one restates it (see _RESTATES)."""
    if i == 0 or not out or out[-1]["entity"] is not amounts[i - 1]:
        return None
    gap = folded[amounts[i - 1]["tail"]:amounts[i]["start"]]
    return out[-1]["label"] if len(gap) <= RESTATE_GAP and _RESTATES.search(gap) else None


def _convenio_role(folded: str, amounts: list[dict[str, Any]], i: int, near: str, clause: str, after_one: bool) -> str | None:
    """What a convenio's figure is: the new total ("de $X a $Y": Y), the original (X), the increase,
    or, by the words closest before it, any of them; None leaves it to minimum/maximum/total."""
    if after_one and _FROM_TO.fullmatch(near):
        return "amended"
    nxt = amounts[i + 1] if i + 1 < len(amounts) else None
    if nxt is not None and _FROM_TO.fullmatch(folded[amounts[i]["tail"]:nxt["start"]]) and re.search(r"\bde\s*$", near):
        return None if _MINIMUM.search(near) or _MAXIMUM.search(near) else "total"
    change = _convenio_label(clause)
    if change == "total" and (_MINIMUM.search(near) or _MAXIMUM.search(near)):
        return None
    return change


def _convenio_label(clause: str) -> str | None:
    """amended (the new total), increase, or total (the original), by the words named closest."""
    found = [(m.end(), label) for label, p in _CONVENIO_WORDS for m in p.finditer(clause)]
    return max(found)[1] if found else None


def _blocked(near: str, kind: str) -> bool:
    """Words saying the amount is not the contract's; in a convenio, unless a change of the
    contract's amount is named after them ("el 27.5 % del monto original, por lo que asciende a")."""
    hits = [m.end() for m in _NOT_CONTRACT.finditer(near)]
    if not hits or kind != "convenio":
        return bool(hits)
    changes = [m.end() for _label, p in _CONVENIO_WORDS for m in p.finditer(near)]
    return max(changes, default=-1) < max(hits)


def _invoiced(folded: str, amounts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An invoice's total: the amount labelled Total (not Subtotal), else its largest."""
    labelled = [e for e in amounts if _INVOICE_TOTAL.search(folded[max(0, e["start"] - 30):e["start"]])]
    pick = labelled or amounts
    if not pick:
        return []
    best = max(pick, key=lambda e: amount_number(e["value"]))
    return [{"role": "invoiced", "label": "total", "entity": best}]


def amount_number(value: str) -> float:
    try:
        return float(value.split()[0])
    except (ValueError, IndexError):
        return 0.0


# A UUID as printed, or as OCR reads it: spaces after its hyphens, "S" for 5, "O" for 0, "G" for 6.
_UUID = re.compile(r"(?<![0-9A-Za-z])([0-9A-Za-z]{8}) ?- ?([0-9A-Za-z]{4}) ?- ?([0-9A-Za-z]{4}) ?- ?([0-9A-Za-z]{4}) ?- ?"
                   r"([0-9A-Za-z]{12})(?![0-9A-Za-z])")
_OCR_HEX = str.maketrans("OQILSGZT", "00115627")
_FOLIO = re.compile(r"(?i)serie(?::|\s+y\s+folio:)?\s*([A-Z0-9]{1,10})\s+(?:folio:?\s*)?([0-9]{1,12})\b")


def invoice_ids(text: str) -> dict[str, str]:
    """An invoice's identity: its CFDI UUID and its series + folio, where printed."""
    out = {}
    for m in _UUID.finditer(text):
        uuid = "-".join(m.groups()).upper().translate(_OCR_HEX)
        if re.fullmatch(r"[0-9A-F-]{36}", uuid):
            out["uuid"] = uuid
            break
    f = _FOLIO.search(text)
    if f:
        out["folio"] = f"{f.group(1)}-{f.group(2)}".upper()
    return out
