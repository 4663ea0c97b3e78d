"""The words of a company name: tokens, connectors, stop, title and role words, table cells."""
from __future__ import annotations

import re

from .textutil import fold

TOKEN = re.compile(r"[^\s,;:()\[\]\"“”«»]+|[,;:()\[\]\"“”«»]")
CAPITAL = re.compile(r"[A-ZÁÉÍÓÚÜÑ0-9&][\w&'’.\-]*")
CONNECTORS = frozenset({"de", "del", "la", "las", "los", "el", "e", "y"})  # "Tecnología y Seguridad Tlahuica"
UPPER_CONNECTORS = frozenset({"DE", "DEL", "LA", "LAS", "LOS", "EL", "Y", "E"})
AND = frozenset({"y", "e", "Y", "E"})
# An article right before a name joined by "y" means prose about two parties: "la Comisión y Magavel, S.A."
ARTICLES = frozenset({"la", "el", "los", "las", "del", "al"})
STOP = frozenset(fold(w) for w in (
    "con", "entre", "por", "que", "proveedor", "proveedora", "empresa", "contratista", "denominada",
    "nombre", "emisor", "receptor", "razon", "social", "licitante", "moral", "persona", "arrendador",
    "prestador", "participante", "adjudicada", "ganador", "ganadora", "rfc", "a", "al", "se", "su", "para",
    "oferente", "concursante", "adjudicado", "adjudicataria", "testigo", "favor", "otra", "parte"))
# Words of a title, a table header or a result cell: a line holding one is not the first half of a wrapped name.
TITLE_WORDS = frozenset((
    "acta", "fallo", "licitantes", "participantes", "proveedores", "propuesta", "propuestas", "relacion",
    "anexo", "tabla", "resultado", "resultados", "empresas", "empresa", "partida", "partidas", "junta",
    "evaluacion", "dictamen", "contrato", "convocatoria", "oferta", "ofertas", "importe", "total", "monto",
    "solvente", "desechada", "desechado", "adjudicada", "adjudicado", "descalificada", "cumple", "entidad",
    "procedimiento", "subtotal", "iva", "licitacion", "numero", "no", "lugar"))
# Role words: "Representante Legal de Quatro Desarrollo Móvil, S.A. de C.V." names the company only.
# After a role word, its qualifiers ("Legal", "General", "Único") are dropped as well; elsewhere they
# may belong to a name ("Asesoría Legal Integral, S.C.").
ROLES = frozenset({"representante", "representantes", "apoderado", "apoderada", "director", "directora",
                   "administrador", "administradora", "gerente", "titular", "socio", "socia", "accionista"})
ROLE_QUALIFIERS = frozenset({"legal", "legales", "general", "unico", "unica", "comercial", "juridico"})
ABBREVIATIONS = frozenset({"hnos.", "cia.", "hermanos."})
MAX_WORDS = 8
ROW_NUMBER = re.compile(r"\d{1,3}\.?|[IVX]{1,4}\.")
# A row number printed against the name's first word ("2Maquinados Teotlalco"): digits, then a word.
GLUED_ROW = re.compile(r"\d{1,3}\.?(?=[A-ZÁÉÍÓÚÜÑ][a-záéíóúüñA-ZÁÉÍÓÚÜÑ]{2,}(?![\w]*\d))")
# Another table cell: a bid or contract code ("LA-929007998-E12-2021", "CT/045/2021") or an amount.
_AMOUNT = re.compile(r"\$.*|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+\.\d{2}")
_VOWELS = frozenset("aeiouyáéíóúü")


def is_code(word: str) -> bool:
    """A code or reference cell, never a word of a name."""
    return ("-" in word or "/" in word) and any(c.isdigit() for c in word)  # the cheap test first


def is_cell(word: str) -> bool:
    """Another cell of a table row: a row number, a code, an amount or an OCR'd rule ("|")."""
    return bool(word == "|" or ROW_NUMBER.fullmatch(word) or is_code(word) or _AMOUNT.fullmatch(word) or word.isdigit())


def is_amount(word: str) -> bool:
    return _AMOUNT.fullmatch(word) is not None


def is_upper(words: list[str]) -> bool:
    """Every word with letters is in capitals."""
    return all(w.isupper() or not w.isalpha() for w in words)


def reliable_shape(words: list[str]) -> bool:
    """A company name, not OCR debris: a real word (3+ letters with a vowel), no vowel-less run of
    letters outside an acronym ("HSBC"), and not mostly one- and two-letter scraps."""
    bare = [w.strip(".,'’&-") for w in words if w not in CONNECTORS and w not in UPPER_CONNECTORS]
    bare = [w for w in bare if w]
    if not bare or not any(len(w) >= 3 and w.isalpha() and set(w.lower()) & _VOWELS for w in bare):
        return False
    if any(len(w) >= 4 and w.isalpha() and not w.isupper() and not set(w.lower()) & _VOWELS for w in bare):
        return False
    short = sum(1 for w in bare if len(w) <= 2)
    return short * 2 <= len(bare) or len(bare) == 1
