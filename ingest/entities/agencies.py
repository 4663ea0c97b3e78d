"""Buyer bodies (agencies, dependencias): "Secretaría de Seguridad Pública", "Fiscalía General del
Estado de Nayarit", "Municipio de Juárez", "Auditoría Superior del Estado de Chihuahua"."""
from __future__ import annotations

import re
from typing import Iterator

from .model import Entity
from .textutil import fold, needles, word_spans

_HEADS = needles("secretaria", "subsecretaria", "fiscalia", "comision", "municipio", "municipalidad", "ayuntamiento",
          "tesoreria", "auditoria superior", "entidad superior", "gobierno", "instituto", "direccion general",
          "procuraduria", "contraloria", "congreso", "tribunal", "consejo", "coordinacion general", "ministerio",
          "oficialia mayor", "poder")
_WORD = re.compile(r"[^\W\d_][\w'’]*(?:[.-][^\W\d_][\w'’]*)*", re.UNICODE)  # "Hacienda.----" is "Hacienda"
_CONNECTORS = frozenset({"de", "del", "la", "las", "los", "y", "e", "para", "el", "en"})
_MAX_WORDS = 10
_STOP = frozenset({"pagina", "hoja", "no", "num", "rfc", "por", "con", "que", "oficio", "contrato", "licitacion"})


def extract(text: str, folded: str) -> Iterator[Entity]:
    """Yield agencies: a head word written capitalised, then capitalised words and connectors
    on the same line, ending on a capitalised word."""
    for start, stop in _heads(folded):
        if not text[start].isupper():
            continue
        # Every possible end, longest first: where a vendor takes the tail ("... de Administración y
        # Servicios Integrales Magavel, S.A."), the overlap resolution keeps the shorter agency.
        for end in reversed(_ends(text, stop)):
            printed = text[start:end]
            yield Entity("agency", printed, normalise_agency(printed), start, end, "agency-head")


def _heads(folded: str) -> list[tuple[int, int]]:
    """Spans of the head words standing as words in the folded text (from the page's shared scan
    for declared words: several times faster than one regex alternation scanning every position)."""
    return [(i, end) for i, end in word_spans(folded, _HEADS)
            if not (i and "a" <= folded[i - 1] <= "z") and not (end < len(folded) and "a" <= folded[end] <= "z")]


def _ends(text: str, pos: int) -> list[int]:
    """Ends of the capitalised words that may close the name after its head word."""
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    ends: list[int] = []
    words, i = 0, pos
    for w in _WORD.finditer(text, pos, line_end):
        if text[i:w.start()].strip():
            break  # punctuation between words ends the name
        token = w.group()
        if fold(token) in _STOP:
            break
        if token.lower() in _CONNECTORS:
            pass  # "de", "DE": inside a name, never its end
        elif token[0].isupper():
            ends.append(w.end())
        else:
            break
        words += 1
        i = w.end()
        if words >= _MAX_WORDS:
            break
    return ends


def normalise_agency(s: str) -> str:
    """Lower case, accents folded, single spaces."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", fold(s)).split())
