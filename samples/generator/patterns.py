"""What looks like an entity: every match on a page must be a marked entity."""
from __future__ import annotations

import random
import re

from .text import MONTHS

_FLAG_PATTERNS = None


def flag_patterns():
    """Regexes for things that look like entities; every match must be a marked entity."""
    global _FLAG_PATTERNS
    if _FLAG_PATTERNS is None:
        months = "|".join(MONTHS)
        _FLAG_PATTERNS = [
            ("amount", re.compile(r"\$\s?\d[\d,'.]*\d")),
            ("amount", re.compile(r"\d{1,3}(?:[,']\d{3})+\.\d{2}")),
            ("amount", re.compile(r"\b\d+\.\d{2}\b")),
            ("amount", re.compile(r"PESOS \d{2}/100", re.I)),
            ("rfc", re.compile(r"\b[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}\b")),
            ("date", re.compile(rf"\b\d{{1,2}}\s+(?:de\s+)?(?:{months})\b", re.I)),
            ("date", re.compile(rf"\b(?:{months})\s+(?:de|del)\s+\d{{4}}", re.I)),
            ("date", re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")),
            ("date", re.compile(r"\b\d{4}-\d{2}-\d{2}")),
            ("date", re.compile(r"días del mes de", re.I)),
            ("code", re.compile(r"\b[A-Z]{2,}(?:[/-][A-Z0-9]+){2,}\b")),
            ("person", re.compile(r"(?:\b(?:Lic|Ing|Mtro|Mtra|Dr|Dra|Arq|LIC|ING|MTRO)\.|\bC\.P\.(?:C\.)?|"
                                  r"(?<![\w.])C\.)\s+[A-ZÁÉÍÓÚÑ]")),
            ("vendor", re.compile(r"S\.\s?A\.(?:\s?P\.\s?I\.)?\s(?:de|DE)\s(?:C\.\s?V\.)|\bSA de CV\b|"
                                  r"S\.\s?de\s?R\.\s?L\.", re.I)),
        ]
    return _FLAG_PATTERNS


def looks_like_entity(s: str) -> bool:
    return any(rx.search(s) for _, rx in flag_patterns())


def clean_random(rng: random.Random, make):
    """Draw random strings (UUIDs, seals) until none of them looks like an entity."""
    while True:
        v = make(rng)
        if not looks_like_entity(v):
            return v
