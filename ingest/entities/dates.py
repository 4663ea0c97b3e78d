"""Dates: "15 de marzo de 2021", "1o. de abril de 2020", "15/03/2021", "15-mar-21", "2021-03-15"."""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from .model import Entity
from .numwords import WORD_RE, words_to_number
from .textutil import fold

MONTHS = {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
          "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12}
ABBR = {"ene": 1, "jan": 1, "feb": 2, "mar": 3, "abr": 4, "apr": 4, "may": 5, "jun": 6, "jul": 7,
        "ago": 8, "aug": 8, "sep": 9, "sept": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12, "dec": 12}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_ABBR_RE = "|".join(sorted(ABBR, key=len, reverse=True))
_WEEKDAY = re.compile(r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo),?\s+")
_WEEKDAY_BEFORE = re.compile(rf"(?<![a-z]){_WEEKDAY.pattern}$")
_DAY = r"(?P<d>\d(?<![\w./\-]\d)\d?)"  # digit first: lets the regex engine skip ahead fast
_YEAR = r"(?P<y>\d\.?\d{3})(?![\d.]\d)"

# All patterns run on fold(text).
_LONG = re.compile(rf"{_DAY}(?:\s?(?:o|º|°)\.?)?\s+de\s+(?P<m>{_MONTH_RE})"
                   rf",?\s+(?:de|del)\s+(?:(?:ano|año)\s+)?{_YEAR}")
_NUMERIC = re.compile(rf"{_DAY}(?P<s>[/.\-])(?P<m>\d{{1,2}})(?P=s)"
                      r"(?P<y>\d{4}|\d{2})(?![\w/]|[.\-]\d)")
_ABBREV = re.compile(rf"{_DAY}(?P<s>[/\- ])(?P<m>{_ABBR_RE})\.?(?P=s)"
                     r"(?P<y>\d{4}|\d{2})(?![\w/]|[.\-]\d)")
_ISO = re.compile(r"(?P<y>\d(?<![\w./\-]\d)\d{3})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d/]|[.\-]\d)")
_W = rf"(?:{WORD_RE})(?![a-z])"
_WORDS = re.compile(rf"(?<![\w.])(?P<d>\d{{1,2}}|{_W}(?:\s+y\s+{_W})?)\s+dias?\s+del\s+mes\s+de\s+"
                    rf"(?P<m>{_MONTH_RE})\s+(?:de|del)\s+(?:ano\s+)?"
                    rf"(?P<y>\d{{4}}(?!\d)|{_W}(?:\s+(?:y\s+)?{_W}){{0,4}})")


def _iso(y: int, m: int, d: int) -> str | None:
    """ISO string for a real date between 1900 and 2100, else None."""
    if y < 100:
        y += 2000 if y < 70 else 1900
    if not 1900 <= y <= 2100:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _number(s: str) -> int | None:
    """Digits or Spanish number words -> int."""
    return int(s) if s.isdigit() else words_to_number(s)


def _parts(m: re.Match[str], reason: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a match of one of the date patterns."""
    if reason == "date-words":
        d, y = _number(m.group("d")), _number(m.group("y"))
        return None if d is None or y is None else (y, MONTHS[m.group("m")], d)
    month = m.group("m")
    month_n = MONTHS.get(month) or ABBR.get(month) or int(month)
    return int(m.group("y").replace(".", "")), month_n, int(m.group("d"))


_PATTERNS = ((_LONG, "date-long"), (_ISO, "date-iso"), (_NUMERIC, "date-numeric"),
             (_ABBREV, "date-abbrev"), (_WORDS, "date-words"))


def extract(text: str, folded: str) -> Iterator[Entity]:
    """Yield dates as ISO values; impossible dates are skipped."""
    has_words = "del mes de" in folded
    for pattern, reason in _PATTERNS:
        if reason == "date-words" and not has_words:
            continue
        for m in pattern.finditer(folded):
            parts = _parts(m, reason)
            iso = _iso(*parts) if parts else None
            if iso:
                start = m.start()
                if reason == "date-long":
                    day = _WEEKDAY_BEFORE.search(folded, max(0, start - 14), start)
                    start = day.start() if day else start
                yield Entity("date", text[start:m.end()], iso, start, m.end(), reason)


def normalise_date(s: str) -> str | None:
    """Printed date in any supported format -> ISO string, None if not a (real) date."""
    f = fold(s.strip())
    weekday = _WEEKDAY.match(f)
    f = f[weekday.end():] if weekday else f
    for pattern, reason in _PATTERNS:
        m = pattern.fullmatch(f)
        if m:
            parts = _parts(m, reason)
            return _iso(*parts) if parts else None
    return None
