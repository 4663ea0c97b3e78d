"""Person names in high-precision contexts: titles, legal representatives, signature blocks."""
from __future__ import annotations

import re
from typing import Iterator

from . import personblocks
from .model import Entity
from .nameparts import (CONNECTORS, NAME, NAME_NL, PLACES, STOP, TITLE, TITLES, is_common_word, is_given_name,
                        is_title, starts_new_name)
from .textutil import find_words, fold, needles

# Each rule finds a cheap anchor in the folded text, then reads the name next to it in the original.
_AFTER_TITLE = re.compile(rf"{TITLE}[ \t]+(?P<name>{NAME})")  # preceding char checked in code
_ROLE_NEEDLES = needles("represent", "apoderad", "por conducto de")
_RUBRICA = needles("rubrica")
_ROLE_ANCHOR = re.compile(r"(?:representante|apoderad[oa])(?:\s+legal)?|representad[oa] por|por conducto de")
_NAME_AFTER_ROLE = re.compile(rf"[ \t]*[,:]?[ \t]*(?:(?:el|la|EL|LA|El|La)[ \t]+)?(?:{TITLE}[ \t]+)?(?P<name>{NAME})")
_BEFORE_ROLE_NEEDLES = needles("en su caracter de", "en su calidad de", "como representante", "como apoderad",
                                "quien actua como")
_NAME_BEFORE_ROLE = re.compile(rf"(?<![\w.])(?P<name>{NAME})[ \t]*,?[ \t]*\Z")  # \Z: at the search's endpos
_NAME_BEFORE_RUBRICA = re.compile(rf"(?<![\w.])(?P<name>{NAME_NL})\.?-?\s*\Z")
_REACH = 200  # how far before an anchor a name may start
_WORD = re.compile(r"\S+")
_CP_PREFIX = re.compile(r"^\s*(?:l\.\s?)?c\.\s?p\.(?:\s?c\.)?")  # C.P. / L.C.P. / C.P.C. (contador público)
_MIN_WORDS, _MAX_WORDS = 2, 5
Span = tuple[int, int, str]


def normalise_person(s: str) -> str:
    """Person name -> lower case, accents folded, titles and punctuation removed."""
    f = _CP_PREFIX.sub("", fold(s))
    words = re.sub(r"[^\w\s]|_", " ", f.replace(".", ". ")).split()
    while words and words[0] in TITLES:
        words.pop(0)
    return " ".join(words)


def _full(word: str) -> bool:
    """A word that counts towards a name's length (not a connector, not an initial)."""
    return len(word) > 2 and word.lower() not in CONNECTORS


def _split(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a span holding names side by side ("OLIVAS ING. RODRIGO", "CRUZ JOAQUÍN ALFREDO") into names."""
    words = list(_WORD.finditer(text, start, end))
    part_start, full = start, 0
    for i, w in enumerate(words):
        word = w.group()
        later = sum(_full(x.group()) for x in words[i + 1:i + 4] if not is_title(x.group()))
        title_cut = is_title(word) and (word != "C." or full >= 3)
        name_cut = (full >= 3 and starts_new_name(word) and not is_given_name(words[i - 1].group())
                    and later >= 1)
        if (title_cut or name_cut) and full:
            yield part_start, w.start()
            part_start, full = w.start(), 0
        full += _full(word) and not is_title(word)
    yield part_start, end


def _place_before(text: str, start: int) -> bool:
    """Whether the word before start (same line) makes a place of the name: "Calle", "Av.", "Escuela"."""
    before = text[max(text.rfind("\n", 0, start) + 1, start - 40):start].split()
    while before and is_title(before[-1]):
        before.pop()  # "Av. Lic. Benito Juárez"
    return bool(before) and fold(before[-1].strip(".,:")) in PLACES


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Cut a candidate name at role/stop words; (start, end) of 2-5 real name words, or None."""
    kept: list[re.Match[str]] = []
    for w in _WORD.finditer(text, start, end):
        bare = fold(w.group().strip("."))
        if not kept and bare in PLACES:
            return None  # "Calle Vicente Guerrero", "Escuela Primaria Miguel Hidalgo"
        if not kept and (bare in TITLES or is_title(w.group())):
            continue  # "C. MICHEL ..." when the title was caught inside the name
        if bare in STOP:
            if kept:
                break
            continue  # leading stop words ("Comparece", "Presidente") are skipped
        kept.append(w)
    while kept and (kept[-1].group().lower() in CONNECTORS or kept[-1].group().endswith(".")):
        kept.pop()
    while kept and kept[0].group().lower() in CONNECTORS:
        kept.pop(0)
    if not _MIN_WORDS <= sum(_full(w.group()) for w in kept) <= _MAX_WORDS or _place_before(text, kept[0].start()):
        return None
    return kept[0].start(), kept[-1].end()


def _name_like(printed: str) -> bool:
    """Not a phrase of common words: a candidate holding a common noun or adjective ("Operación
    Policial", "Equipo Técnico Especializado") is a person only if it has a known given name too."""
    words = [w for w in printed.split() if _full(w)]
    return not any(is_common_word(w) for w in words) or any(is_given_name(w) for w in words)


def _titled(text: str) -> Iterator[Span]:
    """Names after a title: "Lic. Ana Ruiz Pérez", "C.P. HÉCTOR RAMÍREZ OLIVAS"."""
    for m in _AFTER_TITLE.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if not (before.isalnum() or before in "._"):  # "S.A. de C.V." is not the title "C."
            yield m.start("name"), m.end("name"), "person-title"


def _around_roles(text: str, folded: str) -> Iterator[Span]:
    """Names after "representado por" / "apoderado legal", before "en su carácter de", before "Rúbrica"."""
    for i in find_words(folded, _ROLE_NEEDLES):
        a = _ROLE_ANCHOR.match(folded, i)
        m = _NAME_AFTER_ROLE.match(text, a.end()) if a else None
        if m:
            yield m.start("name"), m.end("name"), "person-role"
    for i in find_words(folded, _BEFORE_ROLE_NEEDLES):
        lo = max(text.rfind("\n", 0, i) + 1, i - _REACH)  # same line, right before
        found = _NAME_BEFORE_ROLE.search(text, lo, i)
        if found:
            yield found.start("name"), found.end("name"), "person-role"
    for i in find_words(folded, _RUBRICA):
        if folded[i + 7:i + 8].isalpha():
            continue  # "rubricado"
        found = _NAME_BEFORE_RUBRICA.search(text, max(0, i - _REACH), i)
        if found:
            yield found.start("name"), found.end("name"), "person-rubrica"


def _spans(text: str, folded: str) -> Iterator[Span]:
    """Every candidate span, from the phrase rules and the block/list/RFC rules."""
    yield from _titled(text)
    yield from _around_roles(text, folded)
    yield from personblocks.name_lines(text, folded)
    yield from personblocks.listed_names(text, folded)
    if "nombre y firma" in folded:
        yield from personblocks.signature_lines(text, folded)
    yield from personblocks.rfc_named(text, folded)


def extract(text: str, folded: str) -> Iterator[Entity]:
    """Yield person names found after titles, around legal-representative phrases and in signature blocks."""
    for start, end, reason in _spans(text, folded):
        for lo, hi in _split(text, start, end):
            cut = _trim(text, lo, hi)
            if cut and personblocks.gate_ok(reason, text[cut[0]:cut[1]].split()[0]) and _name_like(text[cut[0]:cut[1]]):
                printed = text[cut[0]:cut[1]]
                yield Entity("person", printed, normalise_person(printed), cut[0], cut[1], reason)
