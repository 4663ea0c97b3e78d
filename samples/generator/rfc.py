"""RFC (Registro Federal de Contribuyentes) with the SAT check digit."""
from __future__ import annotations

import random

_RFC_DICT = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"
_HOMOCLAVE = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ"


def rfc_check_digit(base: str) -> str:
    """SAT check digit for the first 11 (persona moral) or 12 (persona física) chars."""
    s = base.upper().rjust(12)  # personas morales are padded with one leading space
    total = sum(_RFC_DICT.index(ch) * (13 - i) for i, ch in enumerate(s))
    r = total % 11
    if r == 0:
        return "0"
    d = 11 - r
    return "A" if d == 10 else str(d)


def rfc_is_valid(rfc: str) -> bool:
    return len(rfc) in (12, 13) and rfc_check_digit(rfc[:-1]) == rfc[-1]


def make_rfc(letters: str, yymmdd: str, seed: str) -> str:
    rng = random.Random("rfc:" + seed)
    base = letters + yymmdd + rng.choice(_HOMOCLAVE) + rng.choice(_HOMOCLAVE)
    return base + rfc_check_digit(base)
