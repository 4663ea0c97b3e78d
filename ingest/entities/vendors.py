"""Company names with a Mexican legal form: "Servicios Integrales Magavel, S.A. de C.V."."""
from __future__ import annotations

import re
from typing import Iterator

from .legalforms import form_at, has_legal_form, legal_forms, normalise_vendor
from .model import Entity
from .textutil import fold
from .vendorwords import (ABBREVIATIONS, AND, ARTICLES, CAPITAL, CONNECTORS, GLUED_ROW, MAX_WORDS, ROLE_QUALIFIERS,
                          ROLES, STOP, TOKEN, UPPER_CONNECTORS, is_cell, is_code, reliable_shape)
from .wrapped import wrapped_head

__all__ = ["extract", "has_legal_form", "issuer_names", "normalise_vendor"]


def _walk(tokens: list[re.Match[str]]) -> tuple[list[re.Match[str]], bool, bool]:
    """The name's words before a legal form, backwards (last = first word); whether a role word
    stopped the walk; whether every token was taken."""
    words: list[re.Match[str]] = []
    for tok in reversed(tokens):
        if not _accept(tok.group(), words):
            return words, fold(tok.group()) in ROLES, False
        words.append(tok)
        if len(words) >= MAX_WORDS:
            return words, False, len(words) == len(tokens)
    return words, False, True


def _opens_line(tokens: list[re.Match[str]], words: list[re.Match[str]]) -> bool:
    """The name opens its line, or only a row's number or codes come before it."""
    return all(is_cell(t.group()) for t in tokens[:len(tokens) - len(words)])


def _name_words(text: str, form_start: int) -> list[re.Match[str]] | None:
    """The capitalised name's words just before a legal form, backwards, or None."""
    line_start = text.rfind("\n", 0, form_start) + 1
    if line_start > 1 and not text[line_start:form_start].strip():  # the form opens its line: the name is above
        form_start, line_start = line_start - 1, text.rfind("\n", 0, line_start - 1) + 1
    lo = max(line_start, form_start - 160)
    tokens = list(TOKEN.finditer(text, lo, form_start))
    if tokens and tokens[-1].group() == ",":
        tokens.pop()
    if tokens and tokens[-1].group() in "\"“”»":
        tokens.pop()
    words, after_role, _ = _walk(tokens)
    while words and (is_cell(words[-1].group()) and len(words) > 1 or is_code(words[-1].group())):
        words.pop()  # a row number or a code cell before the name ("2 Maquinados Teotlalco")
    opens = lo == line_start and not after_role and _opens_line(tokens, words)
    if opens:
        head = wrapped_head(text, line_start, words)
        if not head and words and _connector(words[-1].group()):
            return None  # the rest of a wrapped name whose first half is not readable above
        words += head
    while words and (_connector(words[-1].group()) or (after_role and fold(words[-1].group()) in ROLE_QUALIFIERS)):
        words.pop()  # a name does not start with a connector, nor with the rest of a role
    words = _after_other_party(text, lo, words)
    if not words or not any(len(w.group()) > 1 and w.group()[0].isalpha() for w in words):
        return None
    return words if reliable_shape([w.group() for w in words]) else None


def _connector(word: str) -> bool:
    return word in CONNECTORS or word in UPPER_CONNECTORS


def _name_start(text: str, form_start: int) -> tuple[int, str] | None:
    """Start offset of the capitalised name just before a legal form (a row number printed against
    its first word left out) and the name as read, or None. A name wrapped in a table row read row
    by row has other cells between its halves: its span starts on the form's line, its name is whole."""
    words = _name_words(text, form_start)
    if words is None:
        return None
    first = words[-1]
    glued = GLUED_ROW.match(first.group()) if len(words) > 1 or first.group()[-1].isalpha() else None
    start = first.start() + (glued.end() if glued else 0)
    kept = {w.start() for w in words} | {start}
    between = [t for t in TOKEN.finditer(text, start, form_start) if t.start() not in kept and t.group() != ","]
    if not between:
        return start, text[start:form_start]
    line_start = text.rfind("\n", 0, form_start) + 1
    here = [w for w in words if w.start() >= line_start]
    if not here:
        return None
    return here[-1].start(), " ".join(text[w.start() + (glued.end() if glued and w is first else 0):w.end()]
                                      for w in reversed(words))


def _after_other_party(text: str, lo: int, words: list[re.Match[str]]) -> list[re.Match[str]]:
    """Drop "la Comisión y" from "entre la Comisión y Magavel": words run backwards (last = first word)."""
    ands = [i for i, w in enumerate(words) if w.group() in AND]
    if not ands:
        return words
    prev = list(TOKEN.finditer(text, lo, words[-1].start()))
    if not prev or prev[-1].group().lower() not in ARTICLES:
        return words
    return words[:min(ands)]


def _accept(word: str, words_after: list[re.Match[str]]) -> bool:
    """Whether a word (seen walking backwards) still belongs to the company name."""
    f = fold(word)
    if word in UPPER_CONNECTORS and words_after and all(w.group().isupper() or not w.group().isalpha()
                                                        for w in words_after):
        return True  # "DE" inside a name in capitals
    if word in AND and word.islower():
        return bool(words_after) and CAPITAL.fullmatch(words_after[-1].group()) is not None
    if f in STOP or f in ROLES or (word.endswith(".") and f not in ABBREVIATIONS and len(word) > 2):
        return False
    if word in CONNECTORS:
        return bool(words_after)
    return bool(CAPITAL.fullmatch(word)) and not is_code(word)


# "Emisor: DISTRIBUIDORA MEDICA DEL SUR" (a CFDI 4.0 prints the issuer's name without its legal form).
_ISSUER_LABEL = re.compile(r"(?m)^[ \t]*(?:(?:nombre|razon social|denominacion)(?: o razon social)?(?: del?)?[ \t]+)?"
                           r"emisor[ \t]*:[ \t]*")
_NAME_END = re.compile(r"[ \t]{2,}|\t|\||\s+rfc\b|\s*$", re.MULTILINE)
_PERSON_RFC = re.compile(r"(?<![A-Za-z0-9])[A-ZÑ&]{4}[ \-]?\d{6}[ \-]?[A-Z0-9]{3}(?![A-Za-z0-9])")


def issuer_names(text: str, folded: str) -> Iterator[Entity]:
    """Yield the company named after an "Emisor:" label, legal form or not (a person's name, told by
    the 13-character RFC printed with it, is not a company)."""
    if "emisor" not in folded:
        return
    for m in _ISSUER_LABEL.finditer(folded):
        stop = _NAME_END.search(folded, m.end())  # "\s*$" always matches
        end = stop.start() if stop else len(text)
        words = text[m.end():end].split()
        if not 2 <= len(words) <= MAX_WORDS + 2 or has_legal_form(text, m.end(), end):
            continue  # a legal form is found by extract's own rule
        if not all(CAPITAL.fullmatch(w) or w in CONNECTORS or w in UPPER_CONNECTORS for w in words):
            continue
        if _PERSON_RFC.search("\n".join(text[end:end + 240].split("\n")[:2])):  # this line and the next
            continue
        value = normalise_vendor(text[m.end():end])
        if value:
            yield Entity("vendor", text[m.end():end], value, m.end(), end, "vendor-issuer-label")


def extract(text: str, folded: str) -> Iterator[Entity]:
    """Yield vendors: capitalised words followed by a Mexican legal form, and the issuer an invoice names."""
    yield from issuer_names(text, folded)
    for m in legal_forms(text, folded):
        if not form_at(text, m):
            continue
        found = _name_start(text, m.start())
        if found is None:
            continue
        start, name = found
        value = normalise_vendor(name + " " + m.group(0))
        if value:
            yield Entity("vendor", text[start:m.end()], value, start, m.end(), "vendor-legal-form")
