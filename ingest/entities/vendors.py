"""Company names with a Mexican legal form: "Servicios Integrales Magavel, S.A. de C.V."."""
from __future__ import annotations

import re
from typing import Iterator

from .model import Entity
from .textutil import find_all, fold


def _abbr(letters: str) -> str:
    """Regex for an abbreviation written with or without dots/spaces: S.A., S. A., SA."""
    return r"\.?\s?".join(letters) + r"\.?"


def _forms(case: str) -> list[str]:
    """Abbreviated legal forms (longest first) with letters in the given case ('upper'/'lower')."""
    a = (lambda x: _abbr(x.lower())) if case == "lower" else _abbr
    de = r"\s?(?:de|DE|De)\s?"
    cv = de + a("CV")
    return [a("SAPI") + cv, a("SAB") + cv, a("SA") + cv, a("S") + de + a("RL") + f"(?:{cv})?",
            a("SC") + de + a("RL"), a("SPR") + de + a("RL") + f"(?:{cv})?", a("SAS") + f"(?:{cv})?",
            a("IAP"), a("SA"), a("SC"), a("AC")]


# Three passes keep each regex cheap: upper-case abbreviations (the common case), lower-case ones
# (only when the page has "s.a"-like text) and spelled-out forms (only when it says "sociedad").
# A form never starts inside a word or right after a dot: the lookbehind rejects those positions
# before any alternative is tried (a third of the scan's time on a dense page).
_LEGAL = re.compile(r"(?<![\w.])(?:" + "|".join(_forms("upper")) + r")(?!\w)")
_LEGAL_LOWER = re.compile(r"(?<![\w.])(?:" + "|".join(_forms("lower")) + r")(?!\w)")
_LEGAL_SPELLED = re.compile(r"(?:sociedad an[oó]nima(?: de capital variable)?|sociedad civil|"
                            r"asociaci[oó]n civil|sociedad de responsabilidad limitada"
                            r"(?: de capital variable)?)(?!\w)", re.IGNORECASE)
_LOWER_HINTS = ("s.a", "s. a", "s. de", "s.c", "a.c", "s.p.r", "i.a.p")
_FORM_TAIL = re.compile(
    r"(?:^| )(?:s ?a ?p ?i de c ?v|s ?a ?b de c ?v|s ?a de c ?v|s de r ?l(?: de c ?v)?|s ?c de r ?l|"
    r"s ?p ?r de r ?l(?: de c ?v)?|s ?a ?s(?: de c ?v)?|sociedad anonima(?: de capital variable)?|"
    r"sociedad civil|asociacion civil|sociedad de responsabilidad limitada(?: de capital variable)?|"
    r"i ?a ?p|s ?a|s ?c|a ?c)$")

_DE = re.compile(r"(?<![A-Za-z])de(?![A-Za-z])")
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”«»]+|[,;:()\[\]\"“”«»]")
_CAPITAL = re.compile(r"[A-ZÁÉÍÓÚÜÑ0-9&][\w&'’.\-]*")
_CONNECTORS = frozenset({"de", "del", "la", "las", "los", "el", "e", "y"})  # "Tecnología y Seguridad Tlahuica"
_UPPER_CONNECTORS = frozenset({"DE", "DEL", "LA", "LAS", "LOS", "EL", "Y", "E"})
_AND = frozenset({"y", "e", "Y", "E"})
# An article right before a name joined by "y" means prose about two parties: "la Comisión y Magavel, S.A."
_ARTICLES = frozenset({"la", "el", "los", "las", "del", "al"})
_STOP = frozenset(fold(w) for w in (
    "con", "entre", "por", "que", "proveedor", "proveedora", "empresa", "contratista", "denominada",
    "nombre", "emisor", "receptor", "razon", "social", "licitante", "moral", "persona", "arrendador",
    "prestador", "participante", "adjudicada", "ganador", "ganadora", "rfc", "a", "al", "se", "su", "para",
    "oferente", "concursante", "adjudicado", "adjudicataria", "testigo", "favor", "otra", "parte"))
# Words of a title or a table header: a capitals line holding one is not the first half of a wrapped name.
_TITLE_WORDS = frozenset((
    "acta", "fallo", "licitantes", "participantes", "proveedores", "propuesta", "propuestas", "relacion",
    "anexo", "tabla", "resultado", "resultados", "empresas", "empresa", "partida", "partidas", "junta",
    "evaluacion", "dictamen", "contrato", "convocatoria", "oferta", "ofertas", "importe", "total", "monto"))
# Role words: "Representante Legal de Quatro Desarrollo Móvil, S.A. de C.V." names the company only.
# After a role word, its qualifiers ("Legal", "General", "Único") are dropped as well; elsewhere they
# may belong to a name ("Asesoría Legal Integral, S.C.").
_ROLES = frozenset({"representante", "representantes", "apoderado", "apoderada", "director", "directora",
                    "administrador", "administradora", "gerente", "titular", "socio", "socia", "accionista"})
_ROLE_QUALIFIERS = frozenset({"legal", "legales", "general", "unico", "unica", "comercial", "juridico"})
_ABBREVIATIONS = frozenset({"hnos.", "cia.", "hermanos."})
_MAX_WORDS = 8
_ROW_NUMBER = re.compile(r"\d{1,3}\.?|[IVX]{1,4}\.")


def normalise_vendor(s: str) -> str:
    """Company name -> canonical: legal form removed, accents folded, lower case, no punctuation."""
    f = fold(s).replace(".", "")
    f = " ".join(re.sub(r"[^\w\s]|_", " ", f).split())
    return _FORM_TAIL.sub("", f).strip()


def _form_ok(form: str) -> bool:
    """Bare lower-case 'sa'/'ac'/'sc' are ordinary words; dotted or upper-case forms ("SA de CV") are legal forms."""
    return "." in form or _DE.sub("", form).isupper() or len(form) > 12


def _wrapped_head(text: str, line_start: int, words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The first half of a name in capitals wrapped inside a table cell ("SISTEMAS ALBATROS DE" /
    "OCCIDENTE, S.A. DE C.V."): the line above, when it is capitals only (a row number aside), holds
    no title or header word and ends without punctuation. Words run backwards, as in _name_start."""
    if line_start < 2 or not words or not all(w.group().isupper() or not w.group().isalpha() for w in words):
        return []
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    tokens = list(_TOKEN.finditer(text, prev_start, line_start - 1))
    if not tokens or len(tokens) + len(words) > _MAX_WORDS + 1:
        return []
    head = tokens[1:] if _ROW_NUMBER.fullmatch(tokens[0].group()) else tokens
    if not head or not all(_CAPITAL.fullmatch(t.group()) and t.group().isupper() or t.group() in _UPPER_CONNECTORS
                           for t in head):
        return []
    if any(fold(t.group()) in _STOP or fold(t.group()) in _TITLE_WORDS for t in head) or not head[-1].group()[-1].isalnum():
        return []
    if head[0].group() in _UPPER_CONNECTORS or not any(c.isalpha() for t in head for c in t.group()):
        return []
    return list(reversed(head))


def _name_start(text: str, form_start: int) -> int | None:
    """Start offset of the capitalised name just before a legal form, or None."""
    line_start = text.rfind("\n", 0, form_start) + 1
    lo = max(line_start, form_start - 160)
    tokens = list(_TOKEN.finditer(text, lo, form_start))
    if tokens and tokens[-1].group() == ",":
        tokens.pop()
    if tokens and tokens[-1].group() in "\"“”»":
        tokens.pop()
    words: list[re.Match[str]] = []
    after_role = False
    for tok in reversed(tokens):
        if not _accept(tok.group(), words):
            after_role = fold(tok.group()) in _ROLES
            break
        words.append(tok)
        if len(words) >= _MAX_WORDS:
            break
    else:
        if lo == line_start and len(words) == len(tokens):  # the name opens its line: wrapped?
            words += _wrapped_head(text, line_start, words)
    while words and (words[-1].group() in _CONNECTORS or words[-1].group() in _UPPER_CONNECTORS
                     or (after_role and fold(words[-1].group()) in _ROLE_QUALIFIERS)):
        words.pop()  # a name does not start with a connector, nor with the rest of a role
    words = _after_other_party(text, lo, words)
    if not words or not any(len(w.group()) > 1 and w.group()[0].isalpha() for w in words):
        return None
    return words[-1].start()


def _after_other_party(text: str, lo: int, words: list[re.Match[str]]) -> list[re.Match[str]]:
    """Drop "la Comisión y" from "entre la Comisión y Magavel": words run backwards (last = first word)."""
    ands = [i for i, w in enumerate(words) if w.group() in _AND]
    if not ands:
        return words
    prev = list(_TOKEN.finditer(text, lo, words[-1].start()))
    if not prev or prev[-1].group().lower() not in _ARTICLES:
        return words
    return words[:min(ands)]


def _accept(word: str, words_after: list[re.Match[str]]) -> bool:
    """Whether a word (seen walking backwards) still belongs to the company name."""
    f = fold(word)
    upper_name = bool(words_after) and all(w.group().isupper() or not w.group().isalpha() for w in words_after)
    if word in _UPPER_CONNECTORS and upper_name and words_after:
        return True
    if word in _AND and word.islower():
        return bool(words_after) and _CAPITAL.fullmatch(words_after[-1].group()) is not None
    if f in _STOP or f in _ROLES or (word.endswith(".") and f not in _ABBREVIATIONS and len(word) > 2):
        return False
    if word in _CONNECTORS:
        return bool(words_after)
    return bool(_CAPITAL.fullmatch(word))


def _legal_forms(text: str, folded: str) -> Iterator[re.Match[str]]:
    """Legal-form matches from the passes worth running on this page."""
    yield from _LEGAL.finditer(text)
    if any(h in text for h in _LOWER_HINTS):
        yield from _LEGAL_LOWER.finditer(text)
    for start in find_all(folded, ("sociedad", "asociacion")):  # matched where spelled, not scanned for
        m = _LEGAL_SPELLED.match(text, start)
        if m:
            yield m


def _form_at(text: str, m: re.Match[str]) -> bool:
    """A legal-form match that stands alone ("S.A.", not the end of "RÍOS C.") and is written as one."""
    before = text[m.start() - 1] if m.start() else " "
    return not (before.isalnum() or before in "._") and _form_ok(m.group(0))


def has_legal_form(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a company legal form (a company line in a signature block)."""
    if any(_form_at(text, m) for m in _LEGAL.finditer(text, start, end)):
        return True
    return any(_form_at(text, m) for m in _LEGAL_LOWER.finditer(text, start, end))


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
        if not 2 <= len(words) <= _MAX_WORDS + 2 or has_legal_form(text, m.end(), end):
            continue  # a legal form is found by extract's own rule
        if not all(_CAPITAL.fullmatch(w) or w in _CONNECTORS or w in _UPPER_CONNECTORS for w in words):
            continue
        if _PERSON_RFC.search("\n".join(text[end:end + 240].split("\n")[:2])):  # this line and the next
            continue
        value = normalise_vendor(text[m.end():end])
        if value:
            yield Entity("vendor", text[m.end():end], value, m.end(), end, "vendor-issuer-label")


def extract(text: str, folded: str) -> Iterator[Entity]:
    """Yield vendors: capitalised words followed by a Mexican legal form, and the issuer an invoice names."""
    yield from issuer_names(text, folded)
    for m in _legal_forms(text, folded):
        if not _form_at(text, m):
            continue
        start = _name_start(text, m.start())
        if start is None:
            continue
        printed = text[start:m.end()]
        value = normalise_vendor(printed)
        if value:
            yield Entity("vendor", printed, value, start, m.end(), "vendor-legal-form")
