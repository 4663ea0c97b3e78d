"""Field filters of the query language (amount:, bid:, vendor:, ...) and the free-text
expansions that let a fact-checker type an amount or a code in any format.

The same FieldFilter values drive both engines and the highlighting of entities.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from expediente.errors import QuerySyntaxError

from .analysis import fold, index_text
from .query import FieldFilter, Node, Or, filter_bounds


INT_MAX = 2**63 - 1  # both engines store amounts, dates and years as signed 64-bit integers


@dataclass(frozen=True)
class FieldSpec:
    name: str
    engine_field: str
    index_kind: str  # "int" (range-able), "keyword" (exact normalised value), "tokens" (words)
    entity_kind: str | None
    normalise: Callable[[str], str]


def _amount(raw: str) -> str:
    cents = _amount_cents(raw)
    if cents is None:
        raise QuerySyntaxError(f"{raw!r} is not an amount: write amount:1023123, amount:>=1000000 or amount:1000000..2000000")
    if cents > INT_MAX:
        raise QuerySyntaxError(f"{raw!r} is too large an amount (at most {INT_MAX // 100:,} pesos)")
    return str(cents)


def _amount_cents(raw: str) -> int | None:
    """Cents of a typed amount written with the digits 0-9 (or in words), else None."""
    from ingest.entities import parse_amount_query

    if any(c.isdigit() and not c.isascii() for c in raw):
        return None
    value = parse_amount_query(raw)
    return int(value * 100) if value is not None else None


def _code(raw: str) -> str:
    from ingest.entities import normalise_code

    return normalise_code(raw)


def _person(raw: str) -> str:
    from ingest.entities import normalise_person

    return index_text(normalise_person(raw) or raw)


def _vendor(raw: str) -> str:
    from ingest.entities import normalise_vendor

    return index_text(normalise_vendor(raw))


_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2}))?(?:-([0-9]{1,2}))?$")


def _date(raw: str) -> str:
    m = _DATE.match(raw.strip())
    if not m:
        raise QuerySyntaxError(f"{raw!r} is not a date: write date:2021-03-15, date:2021 or date:2020-01-01..2020-12-31")
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(y, mo, d)
    except ValueError:
        raise QuerySyntaxError(f"{raw!r} is not a valid date") from None
    return f"{y:04d}{mo:02d}{d:02d}"


def _year(raw: str) -> str:
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 9999:
        raise QuerySyntaxError(f"{raw!r} is not a year: write year:2020 (digits 0-9, at most 4)")
    return str(int(raw))


FIELDS: dict[str, FieldSpec] = {
    "amount": FieldSpec("amount", "amounts", "int", "amount", _amount),
    "bid": FieldSpec("bid", "bids", "keyword", "bid", _code),
    "contract": FieldSpec("contract", "contracts", "keyword", "contract", _code),
    "vendor": FieldSpec("vendor", "vendors", "tokens", "vendor", _vendor),
    "person": FieldSpec("person", "persons", "tokens", "person", _person),
    "rfc": FieldSpec("rfc", "rfcs", "keyword", "rfc", lambda v: v.strip().upper()),
    "date": FieldSpec("date", "dates", "int", "date", _date),
    "year": FieldSpec("year", "years", "int", None, _year),
    "type": FieldSpec("type", "kind", "keyword", None, lambda v: fold(v.strip())),
    "doc": FieldSpec("doc", "doc_id", "keyword", None, lambda v: v.strip().lower()),
}
ALIASES = {
    "monto": "amount", "importe": "amount", "licitacion": "bid", "licitación": "bid", "procedimiento": "bid",
    "contrato": "contract", "persona": "person", "proveedor": "vendor", "empresa": "vendor", "fecha": "date", "año": "year",
    "ano": "year", "tipo": "type", "kind": "type",
}
FIELD_NAMES = frozenset(FIELDS) | frozenset(ALIASES)


def field_spec(name: str) -> FieldSpec:
    return FIELDS[ALIASES.get(name, name)]


def parse_filter(name: str, raw: str) -> FieldFilter:
    """`amount:>=1000000`, `date:2020-01-01..2020-12-31`, `vendor:"quatro desarrollo"`."""
    spec = field_spec(name)
    raw = raw.strip()
    if not raw:
        raise QuerySyntaxError(f"{name}: needs a value, e.g. {name}:{_EXAMPLES.get(spec.name, 'valor')}")
    op, value, upper = "=", raw, None
    if ".." in raw:
        op, (value, upper) = "range", raw.split("..", 1)
    else:
        for candidate in (">=", "<=", ">", "<"):
            if raw.startswith(candidate):
                op, value = candidate, raw[len(candidate):]
                break
    if op != "=" and spec.index_kind != "int":
        raise QuerySyntaxError(f"{name}: takes one value, not a range")
    if spec.name == "date" and op == "=" and len(value.strip()) < 10:
        return _date_span(value)
    lo = spec.normalise(value)
    hi = spec.normalise(upper) if upper is not None else None
    if not lo:
        raise QuerySyntaxError(f"{name}:{raw} has nothing to search for")
    return FieldFilter(spec.name, op, lo, hi)


def _date_span(value: str) -> FieldFilter:
    """date:2021 or date:2021-03 mean the whole year or month."""
    start = _date(value)
    if len(value.strip().split("-")) == 1:
        return FieldFilter("date", "range", start, f"{start[:4]}1231")
    last = calendar.monthrange(int(start[:4]), int(start[4:6]))[1]
    return FieldFilter("date", "range", start, f"{start[:6]}{last:02d}")


_EXAMPLES = {"amount": "1023123", "bid": "EA-IT20-2020", "contract": "DCA/TM/222/2020", "vendor": "magavel",
             "doc": "<sha256>", "rfc": "SIM1508193C1", "person": '"salgado rios"', "date": "2020-01-01..2020-12-31", "year": "2020", "type": "contrato"}

_CODELIKE = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-/._ –]{4,}[A-Za-z0-9]$")


def expand_free_text(raw: str, node: Node) -> Node:
    """A word that reads as an amount or a code also matches the typed entity values."""
    alternatives: list[Node] = [node]
    if sum(c.isdigit() for c in raw) >= 4:  # "2020" may be an amount too; "16" is not worth it
        cents = _amount_cents(raw)
        if cents is not None and 0 < cents <= INT_MAX:  # larger is no amount any document prints
            alternatives.append(FieldFilter("amount", "=", str(cents)))
    if _CODELIKE.match(raw.strip()):
        code = _code(raw)
        alternatives += [FieldFilter("bid", "=", code), FieldFilter("contract", "=", code)]
    return alternatives[0] if len(alternatives) == 1 else Or(tuple(alternatives))


def entity_matches(f: FieldFilter, kind: str, value: str) -> bool:
    """Does a catalog entity satisfy this filter? (for highlighting and boxes)"""
    spec = FIELDS[f.field]
    if spec.entity_kind != kind:
        return False
    if spec.index_kind == "keyword":
        return spec.normalise(value) == f.value
    if spec.index_kind == "tokens":
        return f" {f.value} " in f" {index_text(value)} "
    number = _entity_number(kind, value)
    if number is None:
        return False
    lo, hi, inc_lo, inc_hi = filter_bounds(f)
    return (lo is None or number > lo or (inc_lo and number == lo)) and (hi is None or number < hi or (inc_hi and number == hi))


def _entity_number(kind: str, value: str) -> int | None:
    if kind == "amount":
        from .records import amount_cents

        return amount_cents(value)
    if kind == "date":
        return int(value.replace("-", "")) if value.replace("-", "").isdigit() else None
    return None
