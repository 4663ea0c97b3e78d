"""Person names without a title or role phrase around them: signature blocks, attendee lists,
"Nombre y firma" lines and names next to a person RFC. Each yields (start, end, reason) spans;
spans whose reason is in GATED count only when they start with a known given name."""
from __future__ import annotations

import re
from typing import Iterator

from .nameparts import CONN, NAME, TITLE, W, is_given_name
from .rfc import extract as extract_rfcs
from .textutil import find_words, needles
from .vendors import has_legal_form

GATED = frozenset({"person-block", "person-list", "person-por-parte", "person-label"})
Span = tuple[int, int, str]

_WHOLE_LINE = re.compile(rf"[ \t]*(?:(?:{TITLE})[ \t]+)?(?P<name>{NAME})[ \t]*\r?")
_LABELLED_LINE = re.compile(rf"(?:[^\n:]{{0,30}}:[ \t]*)?(?P<name>{NAME})[ \t]*\r?")
# A line made only of (titled) names: "LIC. JORGE ALBERTO SALGADO RÍOS ING. MARTHA ELENA OCAMPO".
_NAME_LINE = re.compile(rf"^[ \t]*(?:{TITLE}[ \t]+)?{W}(?:[ \t]+(?:{CONN}[ \t]+)*(?:{TITLE}[ \t]+)?{W})+[ \t]*\r?$",
                        re.MULTILINE)
# Lines that frame a signature block: a role under a name, a party/role header above names.
_ROLE_LINE = re.compile(
    r"[ \t]*(?:por[ \t]|(?:el|la)[ \t]+)?[ \t]*(?:director|directora|subdirector|subdirectora|coordinador|"
    r"coordinadora|jefe|jefa|titular|secretari[oa]|subsecretari[oa]|tesorer[oa]|representante|apoderad[oa]|"
    r"administrador|administradora|auditor|auditora|contralor|contralora|president[ea]|regidor|regidora|"
    r"sindic[oa]|testigos?|gerente|encargad[oa]|enlace|supervisor|supervisora|residente|delegad[oa]|"
    r"comisari[oa]|oficial|fiscal|notario|vocal|asesor|asesora|organo|area|licitantes?|asistentes|participantes|"
    r"invitados|proveedor|convocante|entrega|recibe|servidores|nombre|por)(?:e?s)?(?![a-z])")
_LIST_NEEDLES = needles("asistentes", "asistieron", "presentes", "participantes", "integrantes", "intervinieron")
_NOMBRE, _POR_PARTE_DE = needles("nombre"), needles("por parte de")
_LIST_HEADER = re.compile(r"[a-z]+[ \t]*:")  # checked at each needle
_LIST_NAME = re.compile(rf"(?<![\w.])(?:{TITLE}[ \t]+)?(?P<name>{NAME})")
_LIST_ITEM = re.compile(rf"[ \t]*(?:[-•*·]|\d{{1,2}}[.)])?[ \t]*(?:{TITLE}[ \t]+)?{NAME}")  # a line opening with a name
# "Nombre: Juan Pérez López", "Nombre del representante legal: ..." (one line)
_LABEL = re.compile(r"nombre(?: completo| del [a-z ]{3,40})?[ \t]*:[ \t]*")
_LABELLED_NAME = re.compile(rf"(?:{TITLE}[ \t]+)?(?P<name>{NAME})")
# right after "por parte de"
_POR_PARTE = re.compile(rf"[ \t]+(?:(?:la|el|LA|EL|La|El)[ \t]+)?(?:{TITLE}[ \t]+)?(?P<name>{NAME})")
_LIST_LINES = 40


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line holding pos, without its line break."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _frames_block(text: str, folded: str, start: int, end: int) -> bool:
    """A role/party line or a company line: what sits above or below names in a signature block."""
    return start < end and (_ROLE_LINE.match(folded, start, end) is not None or has_legal_form(text, start, end))


def name_lines(text: str, folded: str) -> Iterator[Span]:
    """Lines of names framed by role, party or company lines; consecutive name lines chain."""
    previous_end = -2
    for m in _NAME_LINE.finditer(text):
        above = _line_bounds(text, m.start() - 1) if m.start() else (0, 0)
        below = _line_bounds(text, m.end() + 1) if m.end() < len(text) else (0, 0)
        chained = previous_end == m.start() - 1
        if chained or _frames_block(text, folded, *above) or _frames_block(text, folded, *below):
            previous_end = m.end()
            yield m.start(), m.end(), "person-block"


def _list_lines(text: str, header_end: int) -> Iterator[tuple[int, int]]:
    """The rest of a list header's line, then each following line that opens with a name."""
    lo, hi = header_end, _line_bounds(text, header_end)[1]
    yield lo, hi
    for _ in range(_LIST_LINES):
        if hi >= len(text):
            return
        lo, hi = _line_bounds(text, hi + 1)
        if not _LIST_ITEM.match(text, lo, hi):
            return
        yield lo, hi


def listed_names(text: str, folded: str) -> Iterator[Span]:
    """Names in lists after "Asistentes:", after "Nombre:" and after "por parte de"."""
    for i in find_words(folded, _LIST_NEEDLES):
        header = _LIST_HEADER.match(folded, i)
        if header is None or (i and folded[i - 1].isalpha()):
            continue
        for lo, hi in _list_lines(text, header.end()):
            for m in _LIST_NAME.finditer(text, lo, hi):
                yield m.start("name"), m.end("name"), "person-list"
    for i in find_words(folded, _NOMBRE):
        label = _LABEL.match(folded, i)
        named = _LABELLED_NAME.match(text, label.end()) if label else None
        if named:
            yield named.start("name"), named.end("name"), "person-label"
    for i in find_words(folded, _POR_PARTE_DE):
        party = _POR_PARTE.match(text, i + len("por parte de"))
        if party:
            yield party.start("name"), party.end("name"), "person-por-parte"


def _initials_match(name: str, rfc: str) -> bool:
    """A person's RFC is built from the surname and given-name initials."""
    initials = {w[0] for w in name.upper().split() if w.lower() not in ("de", "del", "la", "los", "y")}
    return {rfc[0], rfc[2], rfc[3]} <= initials


def rfc_named(text: str, folded: str) -> Iterator[Span]:
    """Name lines followed (same or next line) by a matching 13-char person RFC."""
    for r in extract_rfcs(text, folded):
        if len(r.value) != 13:
            continue
        line_start = text.rfind("\n", 0, r.start) + 1
        prev_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        for lo, hi in ((line_start, r.start), (prev_start, max(line_start - 1, prev_start))):
            m = _LABELLED_LINE.match(text, lo, hi) if lo < hi else None
            if m and _initials_match(folded[m.start("name"):m.end("name")], r.value):
                yield m.start("name"), m.end("name"), "person-rfc"
                break


def signature_lines(text: str, folded: str) -> Iterator[Span]:
    """Whole-line names just above or below a 'Nombre y firma' line."""
    for hit in re.finditer(r"nombre y firma", folded):
        line_start, line_end = _line_bounds(text, hit.start())
        above = _line_bounds(text, line_start - 1) if line_start else (0, 0)
        below = _line_bounds(text, line_end + 1) if line_end < len(text) else (0, 0)
        for lo, hi in (above, below):
            m = _WHOLE_LINE.fullmatch(text, lo, hi) if lo < hi else None
            if m:
                yield m.start("name"), m.end("name"), "person-signature"


def gate_ok(reason: str, first_word: str) -> bool:
    """Untitled names from blocks and lists must start with a known given name."""
    return reason not in GATED or is_given_name(first_word)
