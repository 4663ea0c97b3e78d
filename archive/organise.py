"""Organised results: pages sorted by document date or amount, and grouped by document.

Both work on the ranked page keys the engine gives (up to its window), with the catalog's
data, so every engine sorts and groups the same way.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Iterable

from .catalog import Catalog
from .entity_pages import each_page, own_connection

Key = tuple[str, int]
# The largest amount of a page's entity values ("1023123.00 MXN" -> 1023123.0), in SQL.
_PAGE_MAX_AMOUNT = ("max(CAST(CASE WHEN instr(value, ' ') > 0 THEN substr(value, 1, instr(value, ' ') - 1) "
                    "ELSE value END AS REAL))")
SORTS = ("relevance", "date", "-date", "amount", "-amount")  # date: newest first; -date: oldest first


class SortValues:
    """The values pages sort by (largest amount per page, first date per document), computed
    for the whole archive once per change of the catalog instead of once per search, in one pass
    over the amounts and dates as stored (archive.entity_pages), on a connection of its own."""

    def __init__(self, amounts: dict[str, dict[int, float]], first_dates: dict[str, str]) -> None:
        self.amounts = amounts  # document -> page -> its largest amount
        self.first_dates = first_dates

    @classmethod
    def read(cls, catalog: Catalog) -> SortValues:
        with own_connection(catalog) as apart:
            return cls(*each_page(apart, ("amount", "date"), lambda: ({}, {}), _sort_values))

    def amount(self, key: Key) -> float | None:
        return self.amounts.get(key[0], {}).get(key[1])


def _sort_values(state: tuple[dict[str, dict[int, float]], dict[str, str]], doc_id: str, rows: list[tuple]) -> None:
    amounts, first_dates = state
    numbers = [n for n in (_number(r[3]) for r in rows if r[2] == "amount") if n is not None]
    if numbers:
        amounts.setdefault(doc_id, {})[rows[0][1]] = max(numbers)
    if doc_id not in first_dates:  # pages come in order: the first page with a date has the first one
        dates = [r for r in rows if r[2] == "date"]
        if dates:
            first_dates[doc_id] = min(dates, key=lambda r: r[5])[3]


def _number(value: str) -> float | None:
    """"1023123.00 MXN" -> 1023123.0 (None for a value that is no number)."""
    try:
        return float(value.partition(" ")[0])
    except ValueError:
        return None


def sort_keys(catalog: Catalog, keys: list[Key], sort: str, cache: SortValues | None = None) -> list[Key]:
    """The keys in the order asked; pages without the value keep their rank, after the others."""
    if sort == "relevance" or not keys:
        return keys
    if cache is None:  # else the archive's, as of the last build (archive.view_cache)
        cache = SortValues.read(catalog)
    if sort.lstrip("-") == "date":
        dates = {**cache.first_dates, **_own_dates(catalog, {k[0] for k in keys})}
        values: dict[Key, object] = {k: dates.get(k[0]) for k in keys}
    else:
        values = {k: cache.amount(k) for k in keys}
    have = [k for k in keys if values[k] is not None]
    have.sort(key=lambda k: values[k], reverse=not sort.startswith("-"))  # type: ignore[arg-type,return-value]
    return have + [k for k in keys if values[k] is None]


OWN_DATE = "coalesce(nullif(doc_date, ''), json_extract(metadata, '$.doc_date'))"


def _own_dates(catalog: Catalog, doc_ids: set[str]) -> dict[str, str]:
    """The date a person set, else the one ingest read from the document (as the index's docdate: has it)."""
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(doc_ids)):
        marks = ",".join("?" * len(chunk))
        for row in catalog._rows(f"SELECT id, {OWN_DATE} AS d FROM documents WHERE id IN ({marks}) "
                                 f"AND {OWN_DATE} IS NOT NULL AND {OWN_DATE} != ''", tuple(chunk)):
            out[row["id"]] = row["d"]
    return out


def group_keys(keys: Iterable[Key]) -> list[tuple[str, list[int]]]:
    """Documents in the order of their first page in `keys`, each with its pages in that order."""
    groups: dict[str, list[int]] = {}
    for doc_id, page in keys:
        groups.setdefault(doc_id, []).append(page)
    return list(groups.items())


def document_dates(catalog: Catalog, doc_ids: set[str]) -> dict[str, str]:
    """Each document's date: the one a person set, else the one ingest read, else the first date it prints."""
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(doc_ids)):
        marks = ",".join("?" * len(chunk))
        for row in catalog._rows(f"SELECT document_id, value FROM entities INDEXED BY entities_by_page "
                                 f"WHERE document_id IN ({marks}) AND kind = 'date' ORDER BY page, start", tuple(chunk)):
            out.setdefault(row["document_id"], row["value"])
    out.update(_own_dates(catalog, doc_ids))
    return out


def page_amounts(catalog: Catalog, keys: list[Key]) -> dict[Key, float]:
    """The largest amount printed on each page (aggregated in SQLite, through the per-page index)."""
    wanted = set(keys)
    out: dict[Key, float] = {}
    for chunk in _chunks(sorted({k[0] for k in keys})):
        marks = ",".join("?" * len(chunk))
        rows = catalog._rows(
            f"SELECT document_id, page, {_PAGE_MAX_AMOUNT} AS v FROM entities INDEXED BY entities_by_page "
            f"WHERE document_id IN ({marks}) "
            "AND kind = 'amount' GROUP BY document_id, page", tuple(chunk))
        for row in rows:
            key = (row["document_id"], row["page"])
            if key in wanted and row["v"] is not None:
                out[key] = row["v"]
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
