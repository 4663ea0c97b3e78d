"""Organised results: pages sorted by document date or amount, and grouped by document.

Both work on the ranked page keys the engine gives (up to its window), with the catalog's
data, so every engine sorts and groups the same way.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Iterable

from .catalog import Catalog

Key = tuple[str, int]
SORTS = ("relevance", "date", "-date", "amount", "-amount")  # date: newest first; -date: oldest first


def sort_keys(catalog: Catalog, keys: list[Key], sort: str) -> list[Key]:
    """The keys in the order asked; pages without the value keep their rank, after the others."""
    if sort == "relevance" or not keys:
        return keys
    if sort.lstrip("-") == "date":
        dates = document_dates(catalog, {k[0] for k in keys})
        values: dict[Key, object] = {k: dates.get(k[0]) for k in keys}
    else:
        amounts = page_amounts(catalog, keys)
        values = {k: amounts.get(k) for k in keys}
    have = [k for k in keys if values[k] is not None]
    have.sort(key=lambda k: values[k], reverse=not sort.startswith("-"))  # type: ignore[arg-type,return-value]
    return have + [k for k in keys if values[k] is None]


def group_keys(keys: Iterable[Key]) -> list[tuple[str, list[int]]]:
    """Documents in the order of their first page in `keys`, each with its pages in that order."""
    groups: dict[str, list[int]] = {}
    for doc_id, page in keys:
        groups.setdefault(doc_id, []).append(page)
    return list(groups.items())


def document_dates(catalog: Catalog, doc_ids: set[str]) -> dict[str, str]:
    """Each document's date: the one a person set, else the first date it prints."""
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(doc_ids)):
        marks = ",".join("?" * len(chunk))
        for row in catalog._rows(f"SELECT document_id, value FROM entities WHERE kind = 'date' AND document_id IN ({marks}) "
                                 "ORDER BY page, start", tuple(chunk)):
            out.setdefault(row["document_id"], row["value"])
        for row in catalog._rows(f"SELECT id, doc_date FROM documents WHERE id IN ({marks}) AND doc_date IS NOT NULL "
                                 "AND doc_date != ''", tuple(chunk)):
            out[row["id"]] = row["doc_date"]
    return out


def page_amounts(catalog: Catalog, keys: list[Key]) -> dict[Key, Decimal]:
    """The largest amount printed on each page."""
    wanted = set(keys)
    out: dict[Key, Decimal] = {}
    for chunk in _chunks(sorted({k[0] for k in keys})):
        marks = ",".join("?" * len(chunk))
        for row in catalog._rows(f"SELECT document_id, page, value FROM entities WHERE kind = 'amount' "
                                 f"AND document_id IN ({marks})", tuple(chunk)):
            key = (row["document_id"], row["page"])
            if key in wanted:
                value = amount_value(row["value"])
                if value is not None and (key not in out or value > out[key]):
                    out[key] = value
    return out


def amount_value(value: str) -> Decimal | None:
    """'1023123.00 MXN' -> Decimal('1023123.00')."""
    try:
        return Decimal(value.split()[0])
    except (InvalidOperation, IndexError):
        return None


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
