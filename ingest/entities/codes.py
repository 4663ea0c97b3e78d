"""Procedure (bid), contract and reference numbers: LA-012000999-E34-2021, DCA/TM/222/2020, oficio ASE/AEF/1342/2021."""
from __future__ import annotations

import re
from typing import Iterator

from .model import Entity
from .textutil import find_words, line_before, needles

# OCR may space a separator or double a hyphen: "LPE- 56064001- -011- 23" (a doubled one: see classify).
_SEP = r"[ ]?[\-–—/](?:[ ]?[\-–—])?[ ]?"
# An agency acronym may mix in lower case after its digits ("C5i", "C2i"); never a plain word.
_MIXED = r"[A-Z]{0,4}[0-9]{1,2}[a-z]{1,2}"  # after a first capital
# A state's or an office's short name inside a code ("SEDIF-Tlax/CA/019/2024", "PMA/Serv/027/2024"): never
# the first segment or the last, always followed by another separator.
_TITLE = r"[A-Z][a-z]{1,5}(?=[ ]?[\-–—/])"
_SEGMENT = rf"(?:[0-9][A-Z0-9]{{0,11}}|[A-Z](?:[A-Z0-9]{{0,11}}|{_MIXED})|{_TITLE})(?![a-z])"
_CODE = re.compile(rf"[A-Z](?<![\w/\-–—.][A-Z])(?:[A-Z0-9]{{0,11}}|{_MIXED})(?![a-z])(?:{_SEP}{_SEGMENT}){{1,7}}"
                   r"(?!\w|[\-–—/]{1,2}\w)")
_SPLIT = re.compile(r"\s*(?:[\-–—/]\s*)+")
_DOUBLED = re.compile(r"[\-–—/] ?[\-–—]")
_UUID = re.compile(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")
_COMPRANET = re.compile(r"([LIA][AOS])([0-9OI]{9})([A-Z])([0-9OI]{5,8})")
_YEAR_TAIL = re.compile(r"(?:19|2[0O])[0-9OI]{2}$")
_YEAR = re.compile(r"(?:19|2[0O])[0-9OI]{2}")
_SHORT_YEAR = re.compile(r"[0-3][0-9]|9[0-9]")  # "LPE-56064001-011-23": 2023
_INTERVENING = re.compile(r"\w ?[\-–—/] ?\w")
_OCR_DIGITS = str.maketrans("OI", "01")
BID_PREFIXES = frozenset({"LA", "LO", "LS", "IA", "IO", "IS", "AA", "AO", "AS", "EA", "EO", "ES",
                          "LP", "LPE", "LPN", "LPI", "LPA", "IR", "ITP", "IE", "IN"})
# Procedure-type segments of municipal/state bid numbers: TM-LP-018-2020, SA-IR-003-2021, DA-AD-12-2019.
PROCEDURE_SEGMENTS = frozenset({"LP", "LPN", "LPE", "LPI", "LPA", "IR", "ITP", "I3P", "AD", "CI"})
# A procedure type alone before numbers and a year: LPE-56064001-011-23, AD-023-2021.
NUMBERED_PREFIXES = frozenset({"LP", "LPE", "LPN", "LPI", "LPA", "IR", "ITP", "AD"})
# Run on the folded text; OCR may read an o as 0 ("Contrat0 N0.", "Licitaci0n").
_KEYWORDS = re.compile(r"(?<![a-z])(?:(?P<bid>licitaci[o0]n|invitacion|procedimiento|concurso|convocatoria|"
                       r"adjudicacion|cotizacion)|(?P<contract>c[o0]ntrat[o0]|pedido|convenio|orden de compra)|"
                       r"(?P<reference>oficio|auditoria|expediente|folio|referencia|memorandum))")
# A short number-year ("Contrato No. 12-2022", "CONTRATO NÚM. 07/2021", "al contrato 045/2024") is a contract
# only right after "contrato" (a few words may qualify it before its number sign: "contrato abierto No.");
# bare, "12-2022" is anything (a page range, a date, a quantity). Run on the folded text.
_SHORT_CONTRACT = re.compile(r"(?<![a-z])c[o0]ntrat[o0](?:(?:\s+[a-z]+){0,4}?\s+(?:n[o0]|num|numero|n°|nro)\.?\s*:?\s*|\s+)"
                             r"(?!(?:19|20)\d\d\s?[\-–/])"  # "contrato 2023-2024": a span of years
                             r"(?P<code>\d(?<![\w/\-.]\d)\d{0,3}\s?[\-–/]\s?(?:19|20)\d{2})(?![\w/\-–]|\.\d)")
_WINDOW = 70  # how far before a code its keyword may be
_SHORT_LEAD = 16  # a code this close to its line start may take its keyword from the line above


def normalise_code(s: str) -> str:
    """Upper case, separators and spaces removed, O/I read as 0/1 where a digit must be."""
    compact = re.sub(r"[^0-9A-Za-zÑñ&]", "", s).upper()
    m = _COMPRANET.fullmatch(compact)
    if m:
        return m.group(1) + m.group(2).translate(_OCR_DIGITS) + m.group(3) + m.group(4).translate(_OCR_DIGITS)
    tail = _YEAR_TAIL.search(compact)
    if tail and len(compact) > 4:
        compact = compact[: tail.start()] + tail.group(0).translate(_OCR_DIGITS)
    return compact


def _context(folded: str, start: int) -> str | None:
    """Kind named by the nearest procurement keyword shortly before start (same line, or the lines above
    when the code opens its line: "Oficio número:\nFGE/DGA/0458/2021", a title's wrapped last word)."""
    window = line_before(folded, start, _WINDOW)
    lead, added = start - len(window), window
    for _hop in range(2):  # a heading wrapped over lines: "CONTRATO DE OBRA ... Y TIEMPO\nDETERMINADO\nNo. X"
        if len(added.strip()) > _SHORT_LEAD or lead <= 0 or folded[lead - 1] != "\n":
            break
        added = line_before(folded, lead - 1, _WINDOW)
        window, lead = added + " " + window, lead - 1 - len(added)
    last = None
    for last in _KEYWORDS.finditer(window):
        pass
    if last is None or _INTERVENING.search(window, last.end()):
        return None  # another code sits between the keyword and this one
    return last.lastgroup


def _reference_ok(segments: list[str]) -> bool:
    """Oficio/audit numbers have three parts, or two with a real prefix (not an invoice series "A-2291")."""
    return len(segments) >= 3 or len(segments[0]) >= 2


def _numbered_procedure(segments: list[str]) -> bool:
    """A procedure type, then numbers only, then a year: AD-023-2021, or LPE-56064001-011-23 (a two-digit
    year only after an entity number and a sequence number)."""
    if len(segments) < 3 or segments[0] not in NUMBERED_PREFIXES or not all(s.isdigit() for s in segments[1:]):
        return False
    return bool(_YEAR.fullmatch(segments[-1]) or (len(segments) >= 4 and _SHORT_YEAR.fullmatch(segments[-1])))


def _shape(segments: list[str], printed: str) -> tuple[str, str] | None:
    """(kind, reason) from the code's own shape, without context."""
    if _numbered_procedure(segments):
        return "bid", "bid-numbered"
    if len(segments) < 3 or not _YEAR.fullmatch(segments[-1]):
        return None
    if segments[0] in BID_PREFIXES:
        return "bid", "bid-prefix"
    inner = segments[1:-1]
    if len(segments) >= 4 and any(s.isdigit() for s in inner) and any(s in PROCEDURE_SEGMENTS for s in inner):
        return "bid", "bid-procedure"
    if "/" in printed and not segments[0].isdigit():
        return "contract", "contract-slash"
    return None


def classify(printed: str, folded: str, start: int) -> tuple[str, str] | None:
    """(kind, reason) for a code-shaped match, or None when it is not a bid/contract/reference number."""
    segments = _SPLIT.split(printed.upper())
    compact = "".join(segments)
    if _UUID.fullmatch(printed) or not any(c.isdigit() for c in compact):
        return None
    if len(segments) == 4 and _COMPRANET.fullmatch(compact):
        return "bid", "bid-compranet"
    found = _kind(segments, printed, _context(folded, start))
    if found and _DOUBLED.search(printed) and found[0] not in ("bid", "contract"):
        return None  # a doubled hyphen is OCR damage, read only as a bid or contract number
    return found


def _kind(segments: list[str], printed: str, context: str | None) -> tuple[str, str] | None:
    """The keyword's kind, else the shape's; a bid-shaped number stays a bid after a reference keyword."""
    shape = _shape(segments, printed)
    if context == "reference":  # "Expediente EA-IT20-2020"
        if shape and shape[0] == "bid":
            return shape
        return ("reference", "reference-context") if _reference_ok(segments) else shape
    return (context, f"{context}-context") if context else shape


_CONTRACT_WORDS = needles("contrat", "c0ntrat")


def short_contracts(text: str, folded: str) -> Iterator[Entity]:
    """Yield number-year contract numbers printed right after "contrato No." ("Contrato Núm. 12-2022")."""
    for at in find_words(folded, _CONTRACT_WORDS):
        m = _SHORT_CONTRACT.match(folded, at)
        if m is None:
            continue
        start, end = m.span("code")
        yield Entity("contract", text[start:end], normalise_code(text[start:end]), start, end, "contract-number-year")


def extract(text: str, folded: str) -> Iterator[Entity]:
    """Yield bid, contract and reference numbers (each code is exactly one of them)."""
    for m in _CODE.finditer(text):
        found = classify(m.group(0), folded, m.start())
        if found:
            kind, reason = found
            yield Entity(kind, m.group(0), normalise_code(m.group(0)), m.start(), m.end(), reason)
    yield from short_contracts(text, folded)
