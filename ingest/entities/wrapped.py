"""The first half of a company name wrapped inside a table cell, found on the line above.

A text layer reads a wrapped cell in one of two ways: cell by cell ("1 Hidráulica Cañaveral del" /
"Pacífico, S.A. de C.V." / "$1,200,000.00 ...") or row by row, the first half of the name followed
by the row's other cells ("1 Hidráulica Cañaveral del $1,200,000.00 ... Solvente;" / "Pacífico,
S.A. de C.V. adjudicada"). Either way the head is the run of name words ending the line above (its
amounts cut off), after the row's number or codes.
"""
from __future__ import annotations

import re

from .legalforms import has_legal_form
from .textutil import fold
from .vendorwords import (CONNECTORS, MAX_WORDS, ROLES, STOP, TITLE_WORDS, TOKEN, UPPER_CONNECTORS, CAPITAL,
                          is_amount, is_cell, is_upper)

_DE = frozenset({"de", "del", "DE", "DEL"})


def _name_word(word: str) -> bool:
    """A word that may be part of a name on the line above (capitalised, or a connector)."""
    if word in CONNECTORS or word in UPPER_CONNECTORS:
        return True
    f = fold(word)
    if f in STOP or f in TITLE_WORDS or f in ROLES or is_cell(word) or word.endswith("."):
        return False
    return CAPITAL.fullmatch(word) is not None and any(c.isalpha() for c in word)


def _run(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """The name words ending a list of tokens, in text order."""
    i = len(tokens)
    while i > 0 and _name_word(tokens[i - 1].group()):
        i -= 1
    return tokens[i:]


def _first_amount(tokens: list[re.Match[str]]) -> int:
    """Where the row's amounts begin ("$1,200.00", "1,200.00": a comma is a token of its own)."""
    for i in range(1, len(tokens)):
        word = tokens[i].group()
        if is_amount(word) or (word.isdigit() and i + 1 < len(tokens) and tokens[i + 1].group() == ","):
            return i
    return len(tokens)


def _agency(word: str) -> bool:
    from .resolution import AGENCY_HEADS

    return fold(word) in AGENCY_HEADS


def _plausible(text: str, head: list[re.Match[str]], words: list[re.Match[str]]) -> bool:
    """A head of real words, not too long together with the rest, holding no company of its own."""
    if not head or head[0].group() in CONNECTORS or head[0].group() in UPPER_CONNECTORS or _agency(head[0].group()):
        return False
    if len(head) + len(words) > MAX_WORDS + 1:
        return False
    return not has_legal_form(text, head[0].start(), head[-1].end())


def _introduced(before: list[re.Match[str]]) -> bool:
    """Nothing, or a word introducing a company ("con", "empresa"), before a head ending in "de"."""
    return not before or fold(before[-1].group()) in STOP


def wrapped_head(text: str, line_start: int, words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words of the name's first half on the line above, backwards (as _name_start collects
    them), or [] when the line above is no part of it. `words` is the rest, backwards too.

    A head in capitals joins a rest in capitals; a head in mixed case needs a table around it
    (a row number or a code before it, amounts after it) or to end in "de"/"del"."""
    if line_start < 2 or not words:
        return []
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    tokens = [t for t in TOKEN.finditer(text, prev_start, line_start - 1) if t.group() != "|"]  # OCR's rules
    cut = _first_amount(tokens)
    head = _run(tokens[:cut])
    before = tokens[:cut - len(head)]
    if not _plausible(text, head, words):
        return []
    table = bool(before) and is_cell(before[-1].group()) or "|" in text[prev_start:line_start]
    if is_upper([t.group() for t in head + words]):
        ok = not before or table
    else:
        ok = table or (not before and cut < len(tokens)) or (head[-1].group() in _DE and _introduced(before))
    return list(reversed(head)) if ok else []
