"""Dates: "15 de marzo de 2021", "1o. de abril de 2020", "15/03/2021", "15-mar-21", "2021-03-15"."""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from .model import Entity
from .numwords import WORD_RE, words_to_number
from .textutil import find_words, fold, needles

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
# Day or year in words: "el día siete de junio de dos mil veintiuno", "primero de julio de 2022".
# Kept only when one of them is in words (the digit-only form is _LONG's).
_MONTH_NAMES = needles(*MONTHS)
_DE_BEFORE = re.compile(r"\sde\s+$")
_DAY_WORDS, _YEAR_WORDS = 40, 80  # longest day ("veintinueve de") and year ("mil novecientos ...") in words
_SPELLED = re.compile(rf"(?<![\w.])(?P<d>\d{{1,2}}|primero|{_W}(?:\s+y\s+{_W})?)(?:\s?(?:o|º|°)\.?)?\s+de\s+"
                      rf"(?P<m>{_MONTH_RE}),?\s+(?:de|del)\s+(?:(?:ano|año)\s+)?"
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
    """Digits or Spanish number words -> int ("primero" is the first day of a month)."""
    return int(s) if s.isdigit() else 1 if s == "primero" else words_to_number(s)


def _spelled(folded: str) -> Iterator[re.Match[str]]:
    """_SPELLED's matches, looked for only around a month followed by a year in words or a day in
    words before it (a scan of every word start costs as much as all the other patterns)."""
    for at in find_words(folded, _MONTH_NAMES):  # a tenth of a regex scan's time
        if not _DE_BEFORE.search(folded, max(0, at - 6), at):
            continue
        for m in _SPELLED.finditer(folded, max(0, at - _DAY_WORDS), at + _YEAR_WORDS):
            if m.start("m") == at:
                yield m
                break


def _year(m: re.Match[str]) -> tuple[int | None, int]:
    """A year in digits or words and where it ends: words that do not continue the number are
    not the year's ("dos mil veintiuno y dos copias")."""
    printed = m.group("y")
    if printed.isdigit():
        return int(printed), m.end("y")
    words = list(re.finditer(r"[a-z]+", printed))
    for last in range(len(words), 0, -1):
        if words[last - 1].group() == "y":
            continue
        value = words_to_number(printed[:words[last - 1].end()])
        if value is not None and value >= 1000:  # "dos" is no year ("de dos copias")
            return value, m.start("y") + words[last - 1].end()
    return None, m.end("y")


def _parts(m: re.Match[str], reason: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a match of one of the date patterns."""
    if reason in _IN_WORDS:
        if reason == "date-spelled" and m.group("d").isdigit() and m.group("y").isdigit():
            return None  # all digits: _LONG's
        d, y = _number(m.group("d")), _year(m)[0]
        return None if d is None or y is None else (y, MONTHS[m.group("m")], d)
    month = m.group("m")
    month_n = MONTHS.get(month) or ABBR.get(month) or int(month)
    return int(m.group("y").replace(".", "")), month_n, int(m.group("d"))


_IN_WORDS = ("date-words", "date-spelled")
_PATTERNS = ((_LONG, "date-long"), (_ISO, "date-iso"), (_NUMERIC, "date-numeric"),
             (_ABBREV, "date-abbrev"), (_WORDS, "date-words"), (_SPELLED, "date-spelled"))


# The four patterns above that start with a day or year in digits start where _STARTS matches:
# one scan finds those places and each pattern is tried there (four scans of the page cost 2.5x).
_STARTS = re.compile(r"\d(?<![\w./\-]\d)")
_AT_DIGITS = _PATTERNS[:4]  # _LONG, _ISO, _NUMERIC, _ABBREV


def _at_digits(folded: str) -> Iterator[tuple[re.Match[str], str]]:
    """What `finditer` of each digit-led pattern finds (no match starts inside the previous one)."""
    ends = [0] * len(_AT_DIGITS)
    for start in [s.start() for s in _STARTS.finditer(folded)]:
        for i, (pattern, reason) in enumerate(_AT_DIGITS):
            if start >= ends[i]:
                m = pattern.match(folded, start)
                if m:
                    ends[i] = m.end()
                    yield m, reason


def _matches(folded: str) -> Iterator[tuple[re.Match[str], str]]:
    yield from _at_digits(folded)
    if "del mes de" in folded:
        yield from ((m, "date-words") for m in _WORDS.finditer(folded))
    yield from ((m, "date-spelled") for m in _spelled(folded))


def extract(text: str, folded: str) -> Iterator[Entity]:
    """Yield dates as ISO values; impossible dates are skipped."""
    for m, reason in _matches(folded):
        parts = _parts(m, reason)
        iso = _iso(*parts) if parts else None
        if iso:
            start, end = m.start(), (_year(m)[1] if reason in _IN_WORDS else m.end())
            if reason == "date-long":
                day = _WEEKDAY_BEFORE.search(folded, max(0, start - 14), start)
                start = day.start() if day else start
            yield Entity("date", text[start:end], iso, start, end, reason)


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
