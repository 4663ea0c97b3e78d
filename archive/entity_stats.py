"""The figures of an entity index row: pages, documents, first and last document date, and the
amounts printed near the entity, totalled per currency.

An entity's amounts are the amounts printed on its pages within `NEAR` characters of one of its
mentions (the rule the vendor page uses for "amounts next to it"): a bid's budget, a vendor's
award, a person's invoice. Each printed amount counts once for an entity however many of its
mentions are near it. Amounts are never added across currencies: one total per currency.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterable

from .catalog import Catalog
from .organise import OWN_DATE

NEAR = 400  # characters, as archive.vendors.NEAR
Where = tuple[str, int]  # (document_id, page)


@dataclass
class Group:
    """The mentions of one value (or of one company's values)."""

    printed: Counter = field(default_factory=Counter)
    spans: dict[Where, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, e: Any) -> None:  # a catalog row or a dict with the same keys
        self.printed[e["printed"]] += 1
        self.spans[(e["document_id"], e["page"])].append((e["start"], e["end"]))

    @property
    def documents(self) -> set[str]:
        return {doc for doc, _ in self.spans}


_OF_KIND = ("SELECT e.document_id, e.page, e.start, e.end, e.value, e.printed FROM entities e "
            "JOIN documents d ON d.id = e.document_id WHERE e.kind = ? AND d.status = 'indexed'")


def group_mentions(catalog: Catalog, kind: str) -> dict[str, Group]:
    """Every value of a kind in citable documents, with where it is printed."""
    groups: dict[str, Group] = defaultdict(Group)
    for e in catalog._rows(_OF_KIND, (kind,)):
        groups[e["value"]].add(e)
    return groups


def amounts_by_page(catalog: Catalog) -> dict[Where, list[tuple[int, int, str]]]:
    """Each page's printed amounts: (start, end, value with currency)."""
    out: dict[Where, list[tuple[int, int, str]]] = defaultdict(list)
    for e in catalog._rows(_OF_KIND, ("amount",)):
        out[(e["document_id"], e["page"])].append((e["start"], e["end"], e["value"]))
    return out


class IndexCache:
    """The rows of each entity index, built once per change of the catalog's documents (by the
    indexer, an edit, a deletion) instead of once per request; filtering and sorting stay per request."""

    def __init__(self) -> None:
        self.key: tuple | None = None
        self.rows: dict[str, Any] = {}

    def get(self, catalog: Catalog, name: str, build: Callable[[], Any]) -> Any:
        key = catalog.fingerprint()
        if key != self.key:
            self.key, self.rows = key, {}
        if name not in self.rows:
            self.rows[name] = build()
        return self.rows[name]


def near_totals(spans: dict[Where, list[tuple[int, int]]],
                amounts: dict[Where, list[tuple[int, int, str]]]) -> dict[str, Decimal]:
    """Per currency, the sum of the amounts printed within NEAR characters of a mention."""
    sums: dict[str, Decimal] = {}
    for where, mentions in spans.items():
        for start, end, value in amounts.get(where, ()):
            if any(start - NEAR <= b and a <= end + NEAR for a, b in mentions):
                number, currency = split_amount(value)
                sums[currency] = sums.get(currency, Decimal(0)) + number
    return sums


def split_amount(value: str) -> tuple[Decimal, str]:
    """"1023123.00 MXN" -> (Decimal, "MXN"); a value without currency is MXN (older catalogs)."""
    number, _, currency = value.partition(" ")
    try:
        return Decimal(number), currency or "MXN"
    except InvalidOperation:
        return Decimal(0), currency or "MXN"


def totals_list(sums: dict[str, Decimal]) -> list[dict[str, str]]:
    """[{"value": "1023123.00", "currency": "MXN"}, ...], largest first."""
    return [{"value": f"{v:.2f}", "currency": c} for c, v in sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))]


def totals_text(totals: list[dict[str, str]]) -> str:
    """"1,023,123.00 MXN · 26,620,000.00 PYG" (never one sum of two currencies)."""
    return " · ".join(f"{Decimal(t['value']):,.2f} {t['currency']}" for t in totals)


def date_range(documents: Iterable[str], dates: dict[str, str]) -> tuple[str | None, str | None]:
    known = sorted(d for d in (dates.get(doc) for doc in documents) if d)
    return (known[0], known[-1]) if known else (None, None)


def own_dates(catalog: Catalog) -> dict[str, str]:
    """Each citable document's own date: the one a person set, else the one ingest read."""
    rows = catalog._rows(f"SELECT id, {OWN_DATE} AS d FROM documents WHERE status = 'indexed'")
    return {row["id"]: row["d"] for row in rows if row["d"]}


def figures(group: Group, dates: dict[str, str], amounts: dict[Where, list[tuple[int, int, str]]] | None,
            ) -> dict[str, Any]:
    """The common columns of a row: pages, documents, totals by currency, first and last date."""
    first, last = date_range(group.documents, dates)
    totals = totals_list(near_totals(group.spans, amounts)) if amounts is not None else []
    return {"pages": len(group.spans), "documents": len(group.documents), "totals": totals,
            "total": totals_text(totals), "first_date": first, "last_date": last}
