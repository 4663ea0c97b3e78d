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
from .query import FieldFilter, Node, Or, Phrase, filter_bounds


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
        raise QuerySyntaxError(f"{raw!r} is not an amount: write amount:1023123, amount:>=1000000 or amount:1000000..2000000",
                               "query_not_amount", value=repr(raw))
    if cents > INT_MAX:
        raise QuerySyntaxError(f"{raw!r} is too large an amount (at most {INT_MAX // 100:,} pesos)",
                               "query_amount_too_large", value=repr(raw), max=f"{INT_MAX // 100:,}")
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
_MONTH_YEAR = re.compile(r"^(?:([0-9]{1,2})[/.\-]([0-9]{4})|([a-z]+),?\s+(?:(?:de|del)\s+)?([0-9]\.?[0-9]{3}))$")
_DATE_HELP = "write date:2021-03-15, date:15/03/2021, date:\"15 de marzo de 2021\", date:2021-03, date:2021 or date:2020-01-01..2020-12-31"


def date_bounds(raw: str) -> tuple[str, str]:
    """First and last day (yyyymmdd) a typed date means: a day, a month or a year, typed as
    people type them (2021-03-15, 15/03/2021, 15-03-2021, "15 de marzo de 2021", "marzo 2021", 03/2021)."""
    from ingest.entities import normalise_date
    from ingest.entities.dates import ABBR, MONTHS

    text = fold(raw.strip())
    if not text.isascii() or any(c.isdigit() and not c.isascii() for c in raw):
        raise _not_a_date(raw)
    m = _DATE.match(text)
    if m:
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        _check(raw, y, int(mo or 1), int(d or 1))
        if d:
            return (f"{y:04d}{int(mo):02d}{int(d):02d}",) * 2
        return _span(y, int(mo) if mo else None)
    iso = normalise_date(text)
    if iso:
        return (iso.replace("-", ""),) * 2
    m = _MONTH_YEAR.match(text)
    if m:
        month = int(m.group(1)) if m.group(1) else MONTHS.get(m.group(3)) or ABBR.get(m.group(3)) or _EN_MONTHS.get(m.group(3))
        year = int((m.group(2) or m.group(4)).replace(".", ""))
        if month:
            _check(raw, year, month, 1)
            return _span(year, month)
    if re.match(r"^[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{2,4}$", text):
        raise _invalid_date(raw)
    raise _not_a_date(raw)


_EN_MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
              "september": 9, "october": 10, "november": 11, "december": 12}


def _check(raw: str, y: int, mo: int, d: int) -> None:
    try:
        date(y, mo, d)
    except ValueError:
        raise _invalid_date(raw) from None


def _not_a_date(raw: str) -> QuerySyntaxError:
    return QuerySyntaxError(f"{raw!r} is not a date: {_DATE_HELP}", "query_not_date", value=repr(raw))


def _invalid_date(raw: str) -> QuerySyntaxError:
    return QuerySyntaxError(f"{raw!r} is not a valid date", "query_invalid_date", value=repr(raw))


def _span(year: int, month: int | None) -> tuple[str, str]:
    if month is None:
        return f"{year:04d}0101", f"{year:04d}1231"
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}{month:02d}01", f"{year:04d}{month:02d}{last:02d}"


def _date(raw: str) -> str:
    return date_bounds(raw)[0]


def _date_filter(op: str, value: str, upper: str | None, name: str = "date") -> FieldFilter:
    """A date filter (`date`: dates printed on the page; `docdate`: the document's own date)
    whose bounds are whole days, months or years as typed."""
    lo, hi = date_bounds(value)
    if op == "range":
        return FieldFilter(name, "range", lo, date_bounds(upper or value)[1])
    if op == "=":
        return FieldFilter(name, "=", lo) if lo == hi else FieldFilter(name, "range", lo, hi)
    return FieldFilter(name, op, lo if op in (">=", "<") else hi)


def date_range(date_from: str, date_to: str) -> FieldFilter:
    """The filter of a form's "from" and "to" dates (either may be empty), in any form date: takes:
    pages of documents whose own date is in that range (docdate:)."""
    if date_from and date_to:
        return _date_filter("range", date_from, date_to, "docdate")
    if date_from:
        return _date_filter(">=", date_from, None, "docdate")
    return _date_filter("<=", date_to, None, "docdate")


def date_words(raw: str) -> Node:
    """A date typed in words in free text ("15 de marzo de 2021", "marzo 2021"): the words as
    printed, or any page printing that date (or a date of that month) in any form."""
    toks = tuple(t for t in index_text(raw).split())
    phrases: list[Node] = [Phrase(toks)]
    if "de" not in toks and "del" not in toks and len(toks) == 2:
        phrases.append(Phrase((toks[0], "de", toks[1])))
    try:
        return Or((*phrases, _date_filter("=", raw, None)))
    except QuerySyntaxError:
        return phrases[0] if len(phrases) == 1 else Or(tuple(phrases))


def _vendor_key(raw: str) -> str:
    from ingest.entities import normalise_vendor

    from .records import vendor_key

    return vendor_key(normalise_vendor(raw))


def _year(raw: str) -> str:
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 9999:
        raise QuerySyntaxError(f"{raw!r} is not a year: write year:2020 (digits 0-9, at most 4)", "query_not_year",
                               value=repr(raw))
    return str(int(raw))


FIELDS: dict[str, FieldSpec] = {
    "amount": FieldSpec("amount", "amounts", "int", "amount", _amount),
    "bid": FieldSpec("bid", "bids", "keyword", "bid", _code),
    "contract": FieldSpec("contract", "contracts", "keyword", "contract", _code),
    "vendor": FieldSpec("vendor", "vendors", "tokens", "vendor", _vendor),
    "person": FieldSpec("person", "persons", "tokens", "person", _person),
    "rfc": FieldSpec("rfc", "rfcs", "keyword", "rfc", lambda v: v.strip().upper()),
    "date": FieldSpec("date", "dates", "int", "date", _date),
    "docdate": FieldSpec("docdate", "doc_date", "int", None, _date),
    "year": FieldSpec("year", "years", "int", None, _year),
    "type": FieldSpec("type", "kind", "keyword", None, lambda v: fold(v.strip())),
    "doc": FieldSpec("doc", "doc_id", "keyword", None, lambda v: v.strip().lower()),
}
ALIASES = {
    "monto": "amount", "importe": "amount", "licitacion": "bid", "licitación": "bid", "procedimiento": "bid",
    "contrato": "contract", "persona": "person", "proveedor": "vendor", "empresa": "vendor", "fecha": "date", "año": "year",
    "ano": "year", "tipo": "type", "kind": "type", "fechadoc": "docdate", "emitido": "docdate",
}
# Not typed by users: what the archive turns `vendor:"KEY"` into once it has resolved the vendor
# (its names, matched exactly against each page's vendor keys; see search.records.vendor_key).
VENDOR_KEY = FieldSpec("vendor_key", "vendor_keys", "keyword", "vendor", _vendor_key)
FIELD_NAMES = frozenset(FIELDS) | frozenset(ALIASES)


def field_spec(name: str) -> FieldSpec:
    return VENDOR_KEY if name == VENDOR_KEY.name else FIELDS[ALIASES.get(name, name)]


def parse_filter(name: str, raw: str) -> FieldFilter:
    """`amount:>=1000000`, `date:2020-01-01..2020-12-31`, `vendor:"quatro desarrollo"`."""
    spec = field_spec(name)
    raw = raw.strip()
    if not raw:
        example = f"{name}:{_EXAMPLES.get(spec.name, 'valor')}"
        raise QuerySyntaxError(f"{name}: needs a value, e.g. {example}", "query_field_empty", field=name, example=example)
    op, value, upper = "=", raw, None
    if ".." in raw:
        op, (value, upper) = "range", raw.split("..", 1)
    else:
        for candidate in (">=", "<=", ">", "<"):
            if raw.startswith(candidate):
                op, value = candidate, raw[len(candidate):]
                break
    if op != "=" and spec.index_kind != "int":
        raise QuerySyntaxError(f"{name}: takes one value, not a range", "query_field_no_range", field=name)
    if spec.name in ("date", "docdate"):
        return _date_filter(op, value, upper, spec.name)
    lo = spec.normalise(value)
    hi = spec.normalise(upper) if upper is not None else None
    if not lo:
        raise QuerySyntaxError(f"{name}:{raw} has nothing to search for", "query_field_nothing", filter=f"{name}:{raw}")
    return FieldFilter(spec.name, op, lo, hi)


_EXAMPLES = {"amount": "1023123", "bid": "EA-IT20-2020", "contract": "DCA/TM/222/2020", "vendor": "magavel",
             "doc": "<sha256>", "rfc": "SIM1508193C1", "person": '"salgado rios"', "date": "2020-01-01..2020-12-31",
             "docdate": "2021-03", "year": "2020", "type": "contrato"}

_CODELIKE = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-/._ –]{4,}[A-Za-z0-9]$")


_DAY_LIKE = re.compile(r"^[0-9]{1,4}[/.\-][0-9A-Za-z]{1,3}[/.\-][0-9]{2,4}$")


def expand_free_text(raw: str, node: Node) -> Node:
    """A word that reads as an amount or a code also matches the typed entity values."""
    alternatives: list[Node] = [node]
    if sum(c.isdigit() for c in raw) >= 4:  # "2020" may be an amount too; "16" is not worth it
        cents = _amount_cents(raw)
        if cents is not None and 0 < cents <= INT_MAX:  # larger is no amount any document prints
            alternatives.append(FieldFilter("amount", "=", str(cents)))
    if _DAY_LIKE.match(raw.strip()):
        from ingest.entities import normalise_date

        iso = normalise_date(raw.strip())
        if iso:  # 15/03/2021, 15-03-2021, 2021-03-15: any page printing that day in any form
            alternatives.append(FieldFilter("date", "=", iso.replace("-", "")))
    if _CODELIKE.match(raw.strip()):
        code = _code(raw)
        alternatives += [FieldFilter("bid", "=", code), FieldFilter("contract", "=", code)]
    return alternatives[0] if len(alternatives) == 1 else Or(tuple(alternatives))


def entity_kinds(filters: list[FieldFilter]) -> set[str]:
    """The catalog entity kinds these filters can match (what `entity_matches` may accept)."""
    return {kind for kind in (field_spec(f.field).entity_kind for f in filters) if kind}


def entity_matches(f: FieldFilter, kind: str, value: str) -> bool:
    """Does a catalog entity satisfy this filter? (for highlighting and boxes)"""
    spec = field_spec(f.field)
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
