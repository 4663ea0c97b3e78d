"""Mexican RFC (tax id): 12 chars for companies, 13 for persons, SAT check digit."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Iterator

from .model import Entity

_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"
_VALUES = {c: i for i, c in enumerate(_ALPHABET)}
# Generic RFCs (público en general, extranjeros) and the SAT's public test-certificate RFC,
# whose check digits do not follow the algorithm but which appear on real/sample CFDIs.
SPECIAL_RFCS = frozenset({"XAXX010101000", "XEXX010101000", "AAA010101AAA"})

_SHAPE = re.compile(r"([A-ZÑ&]{3,4})(\d{2})(\d{2})(\d{2})([A-Z0-9]{2}[0-9A])")
# Printed right before an RFC: "R.F.C.", "RFC emisor:", "Registro Federal de Contribuyentes", "RFC No.",
# or "R. F." where OCR lost the C.
# A labelled RFC is kept when its check digit fails: the printed identifier is a typo, not noise.
_LABEL = re.compile(r"(?:\br\.?\s?f\.?\s?(?:c\.?)?|registro federal de contribuyentes)(?:\s+(?:del?\s+)?(?:la\s+)?"
                    r"(?:emisor|receptor|proveedor|contribuyente))?\s*(?:no\.?|num\.?|numero)?\s*[:.=#-]?\s*[\"']?\s*$")
LABEL_SPAN = 45
_RFC = re.compile(
    r"([A-ZÑ&](?<![A-Za-zÑñ&0-9][A-ZÑ&])[A-ZÑ&]{2,3})[ \-]?(\d{6})[ \-]?([A-Z0-9]{2}[0-9A])(?![A-Za-zÑñ&0-9])")


def check_digit(rfc_without_digit: str) -> str:
    """SAT check digit for the first 11 (company) or 12 (person) characters."""
    padded = rfc_without_digit.rjust(12)  # companies are padded with one leading space
    total = sum(_VALUES.get(c, 0) * (13 - i) for i, c in enumerate(padded))
    return _ALPHABET[(11 - total % 11) % 11]  # remainder 0 -> "0", 11 - r == 10 -> "A"


def _date_ok(yy: str, mm: str, dd: str) -> bool:
    """True when yymmdd is a real date in the 1900s or 2000s."""
    for century in (1900, 2000):
        try:
            date(century + int(yy), int(mm), int(dd))
            return True
        except ValueError:
            continue
    return False


def rfc_is_valid(rfc: str) -> bool:
    """True for a well-formed RFC with a correct SAT check digit (or a known generic/test RFC)."""
    r = re.sub(r"[\s\-]", "", rfc.upper())
    if r in SPECIAL_RFCS:
        return True
    m = _SHAPE.fullmatch(r)
    if not m or not _date_ok(m.group(2), m.group(3), m.group(4)):
        return False
    return check_digit(r[:-1]) == r[-1]


def extract(text: str, folded: str, keep_bad_check: bool = False) -> Iterator[Entity]:
    """Yield RFCs with a valid date part. A bad check digit is kept where a label names the RFC
    ('rfc-unverified'), else dropped (or kept as 'rfc-bad-check' on request)."""
    yield from _found(text, folded, keep_bad_check) if keep_bad_check else _page_rfcs(text, folded)


@lru_cache(maxsize=8)
def _page_rfcs(text: str, folded: str) -> tuple[Entity, ...]:
    """A page's RFCs, found once for the RFC extractor and the persons' RFC-named lines."""
    return tuple(_found(text, folded, False))


def _found(text: str, folded: str, keep_bad_check: bool) -> Iterator[Entity]:
    for m in _RFC.finditer(text):
        value = (m.group(1) + m.group(2) + m.group(3)).upper()
        if not _SHAPE.fullmatch(value) or not _date_ok(value[-9:-7], value[-7:-5], value[-5:-3]):
            continue
        if rfc_is_valid(value):
            reason = "rfc" if value not in SPECIAL_RFCS else "rfc-generic"
        elif _LABEL.search(folded[max(0, m.start() - LABEL_SPAN):m.start()]):
            reason = "rfc-unverified"
        elif keep_bad_check:
            reason = "rfc-bad-check"
        else:
            continue
        yield Entity("rfc", m.group(0), value, m.start(), m.end(), reason)
