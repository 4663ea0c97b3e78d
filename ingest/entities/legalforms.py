"""Mexican legal forms of companies ("S.A. de C.V.", "S.A.P.I.B. de C.V.", "S. en C.", "A.C.") and
the canonical form of a company name (its legal form removed)."""
from __future__ import annotations

import re
from typing import Iterator

from .textutil import find_all, find_words, fold, needles


def _abbr(letters: str, dot: str = r"\.") -> str:
    """Regex for an abbreviation written with or without dots/spaces: S.A., S. A., SA."""
    return (dot + r"?\s?").join(letters) + dot + "?"


def _forms(case: str) -> list[str]:
    """Abbreviated legal forms (longest first) with letters in the given case ('upper'/'lower')."""
    # In a form with "de", OCR's comma for a dot ("S,A. DE C,V.") is no risk: "A, C" alone would be.
    a = (lambda x: _abbr(x.lower(), "[.,]")) if case == "lower" else (lambda x: _abbr(x, "[.,]"))
    bare = (lambda x: _abbr(x.lower())) if case == "lower" else _abbr
    de = r"\s{0,3}(?:de|DE|De)\s{0,3}"  # up to " \n ": the form may wrap at a line break
    en = r"\s?(?:en|EN|En)\s?"
    cv = de + a("CV")
    sofom = r"(?:,?\s?(?:SOFOM|sofom|Sofom)(?:,?\s?" + bare("ENR") + r"|,?\s?" + bare("ER") + ")?)?"
    return [a("SAPIB") + cv, a("SAPI") + cv, a("SAB") + cv, a("SA") + cv + sofom,
            a("S") + de + a("RL") + f"(?:{cv})?", a("SC") + de + a("RL"), a("SPR") + de + a("RL") + f"(?:{cv})?",
            bare("S") + en + bare("C") + f"(?:\\s?(?:por|POR)\\s?{bare('A')})?", bare("SAS") + f"(?:{cv})?",
            bare("IAP"), bare("SAPIB"), bare("SAPI"), bare("SAB"), bare("SA"), bare("SC"), bare("AC")]


# Three passes keep each regex cheap: upper-case abbreviations (the common case), lower-case ones
# (only when the page has "s.a"-like text) and spelled-out forms (only when it says "sociedad").
# A form never starts inside a word or right after a dot: the lookbehind rejects those positions
# before any alternative is tried (a third of the scan's time on a dense page).
_LEGAL = re.compile(r"(?<![\w.])(?:" + "|".join(_forms("upper")) + r")(?!\w)")
_LEGAL_LOWER = re.compile(r"(?<![\w.])(?:" + "|".join(_forms("lower")) + r")(?!\w)")
# The same, matched only where a form's first letter (A, I or S) stands after no word character or
# dot: a scan for the letters finds those places, and the regex is tried there (the lookbehind above,
# tried at every position, blocks the regex engine's own fast scan for a first letter: 3x the time).
_LEGAL_AT = re.compile(r"(?:" + "|".join(_forms("upper")) + r")(?!\w)")
_LEGAL_FIRST = re.compile("[" + "".join(sorted({form[0] for form in _forms("upper")})) + "]")
_LEGAL_SPELLED = re.compile(r"(?:sociedad an[oó]nima(?: de capital variable)?|sociedad civil|"
                            r"asociaci[oó]n civil|sociedad de responsabilidad limitada"
                            r"(?: de capital variable)?)(?!\w)", re.IGNORECASE)
# OCR mixes the case of a dotted form's letters ("s. A. DE C. v."): read in any case, dots required. The
# lookbehind follows the first letter, so the scan skips to the S's (2.8x faster than before it).
_LEGAL_MIXED = re.compile(r"[Ss](?<![\w.][Ss])[.,]\s?(?:[Aa][.,]\s?(?:[Pp][.,]\s?[Ii][.,]\s?)?)?(?:de|DE|De)\s{0,3}"
                          r"(?:[Cc][.,]\s?[Vv][.,]?|[Rr][.,]\s?[Ll][.,]?(?:\s?(?:de|DE|De)\s{0,3}[Cc][.,]\s?[Vv][.,]?)?)(?!\w)")
# A page worth the lower-case pass holds one of "s.a", "s. a", "s. de", "s.c", "s.p.r", "s. en" (told at
# the "s." that the mixed pass finds anyway: six scans of the page fewer), "a.c", "i.a.p", "sapi" or "sab de".
_LOWER_AFTER_S = ("a", " a", " de", "c", "p.r", " en")
_LOWER_HINTS = ("a.c", "i.a.p", "sapi", "sab de")
_FORM_TAIL = re.compile(
    r"(?:^| )(?:s ?a ?p ?i ?b ?de ?c ?v|s ?a ?p ?i ?de ?c ?v|s ?a ?b ?de ?c ?v|s ?a ?de ?c ?v(?: sofom(?: e ?n ?r| e ?r)?)?|"
    r"s ?de ?r ?l(?: ?de ?c ?v)?|s ?c ?de ?r ?l|s ?p ?r ?de ?r ?l(?: ?de ?c ?v)?|s en c(?: por a)?|s ?a ?s(?: ?de ?c ?v)?|"
    r"sociedad anonima(?: de capital variable)?|sociedad civil|asociacion civil|"
    r"sociedad de responsabilidad limitada(?: de capital variable)?|i ?a ?p|s ?a ?p ?i ?b|s ?a ?p ?i|s ?a ?b|"
    r"s ?a|s ?c|a ?c)$")
_DE = re.compile(r"(?<![A-Za-z])(?:de|en|por)(?![A-Za-z])")


def normalise_vendor(s: str) -> str:
    """Company name -> canonical: legal form removed, accents folded, lower case, no punctuation."""
    f = fold(s).replace(".", "")
    f = " ".join(re.sub(r"[^\w\s]|_", " ", f).split())
    return _FORM_TAIL.sub("", f).strip()


def _form_ok(form: str) -> bool:
    """Bare lower-case 'sa'/'ac'/'sc' are ordinary words; dotted or upper-case forms ("SA de CV") are legal forms."""
    return "." in form or _DE.sub("", form).replace(",", "").isupper() or len(form) > 12


_MIXED_STARTS = ("S.", "s.", "S,", "s,")  # every _LEGAL_MIXED match starts with one of these
_SPELLED_WORDS = needles("sociedad", "asociacion")


def _mixed_forms(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What `_LEGAL_MIXED.finditer(text)` finds, tried only at `starts`, where str.find saw an S and
    a dot (a regex scan stops at every s of Spanish prose: 2x the time)."""
    end = 0
    for at in starts:
        if at >= end:
            m = _LEGAL_MIXED.match(text, at)
            if m:
                end = m.end()
                yield m


def _lower_hinted(text: str, starts: list[int]) -> bool:
    """Whether the page holds a lower-case legal form's start (`starts`: where "S." "s." "S," "s," are)."""
    return (any(text.startswith(_LOWER_AFTER_S, at + 2) for at in starts if text.startswith("s.", at))
            or any(h in text for h in _LOWER_HINTS))


def _upper_forms(text: str) -> Iterator[re.Match[str]]:
    """What `_LEGAL.finditer(text)` finds (\\w: a letter, digit or underscore, as str.isalnum)."""
    end = 0
    for first in _LEGAL_FIRST.finditer(text):
        at = first.start()
        if at < end or (at and (text[at - 1].isalnum() or text[at - 1] in "._")):
            continue
        m = _LEGAL_AT.match(text, at)
        if m:
            end = m.end()
            yield m


def legal_forms(text: str, folded: str) -> Iterator[re.Match[str]]:
    """Legal-form matches from the passes worth running on this page."""
    yield from _upper_forms(text)
    starts = find_all(text, _MIXED_STARTS)
    if _lower_hinted(text, starts):
        yield from _LEGAL_LOWER.finditer(text)
    for mixed in _mixed_forms(text, starts):
        letters = re.sub(r"(?i)\bde\b|[^A-Za-z]", "", mixed.group(0))
        if not (letters.isupper() or letters.islower()):
            yield mixed
    for start in find_words(folded, _SPELLED_WORDS):  # matched where spelled, not scanned for
        m = _LEGAL_SPELLED.match(text, start)
        if m:
            yield m


def form_at(text: str, m: re.Match[str]) -> bool:
    """A legal-form match that stands alone ("S.A.", not the end of "RÍOS C.") and is written as one."""
    before = text[m.start() - 1] if m.start() else " "
    return not (before.isalnum() or before in "._") and _form_ok(m.group(0))


def has_legal_form(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a company legal form (a company line in a signature block)."""
    if any(form_at(text, m) for m in _LEGAL.finditer(text, start, end)):
        return True
    return any(form_at(text, m) for m in _LEGAL_LOWER.finditer(text, start, end))
