"""What both engines index: one record per page, with its document's metadata and
its entities as typed values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache

from ingest import Document

from .analysis import index_text


@dataclass
class PageRecord:
    document_id: str
    page: int
    filename: str
    title: str
    media_type: str
    text: str  # analysed: folded tokens joined by spaces
    kind: str = "otro"
    amounts: list[int] = field(default_factory=list)  # cents
    bids: list[str] = field(default_factory=list)
    contracts: list[str] = field(default_factory=list)
    vendors: list[str] = field(default_factory=list)
    rfcs: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # ISO yyyy-mm-dd
    persons: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    doc_date: int | None = None  # the document's own date, yyyymmdd (docdate:, the date-range inputs)
    vendor_keys: list[str] = field(default_factory=list)  # each vendor mention's resolution key (see vendor_key)

    @property
    def key(self) -> str:
        return f"{self.document_id}:{self.page}"


def amount_cents(value: str) -> int | None:
    """'1023123.00 MXN' -> 102312300."""
    try:
        return int(Decimal(value.split()[0]) * 100)
    except (ArithmeticError, ValueError, IndexError):
        return None


def records_for(doc: Document, kind: str = "otro", doc_date: str | None = None,
                analysed: bool = False) -> list[PageRecord]:
    """One record per page. The document's date is its own (`doc_date`, else the one ingest read
    from it, else the first date it prints), and its year is every page's year; only a document
    that prints no date at all has no year. `analysed`: a page's `prepared` text, where the
    reader's workers made it, is its `index_text` already."""
    day = _iso_day(doc_date) or _iso_day(doc.metadata.get("doc_date")) or _first_printed_date(doc)
    year = int(day[:4]) if day else None
    records = []
    for page in doc.pages:
        text = page.prepared if page.prepared is not None and analysed else index_text(page.text)
        rec = PageRecord(doc.sha256, page.number, doc.filename, doc.title, doc.media_type, text, kind)
        for ent in page.entities:
            _add_entity(rec, ent.kind, ent.value)
        if year is not None:
            rec.years = [year]
        rec.doc_date = int(day.replace("-", "")) if day else None
        records.append(rec)
    return records


_ISO_DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})")


def _iso_day(value: str | None) -> str | None:
    """'2021-03-15' (or the day of a longer ISO timestamp) when it is a real day, else None."""
    m = _ISO_DAY.match(value or "")
    if not m:
        return None
    try:
        date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return m.group(0)


def _first_printed_date(doc: Document) -> str | None:
    """The first date the document prints (page order, then position on the page)."""
    for page in doc.pages:
        dates = sorted((e.start, e.value) for e in page.entities if e.kind == "date")
        for _start, value in dates:
            day = _iso_day(value)
            if day:
                return day
    return None


@lru_cache(maxsize=4096)  # a document repeats its vendors on every page; reindex asks for each mention
def vendor_key(value: str) -> str:
    """The key a vendor mention is indexed under: its name as entity resolution cleans it (row
    numbers and header words dropped). It depends on the mention alone, so a page's keys never
    change when other documents arrive; `vendor:"KEY"` asks the archive's resolution which of
    these names make up the company (its RFC merges and variants) and filters on exactly those."""
    from ingest.entities.resolution import clean_name

    return clean_name(value) or value


_LISTS = {"bid": "bids", "contract": "contracts", "vendor": "vendors", "rfc": "rfcs", "date": "dates",
          "person": "persons"}


def _add_entity(rec: PageRecord, kind: str, value: str) -> None:
    if kind == "amount":
        if not value.endswith(" MXN") and " " in value:
            return  # `amount:` is in pesos (MXN): guaraníes, dollars and Argentine pesos are never mixed in
        cents = amount_cents(value)
        if cents is not None and cents not in rec.amounts:
            rec.amounts.append(cents)
        return
    if kind == "vendor" and (key := vendor_key(value)) not in rec.vendor_keys:
        rec.vendor_keys.append(key)
    attr = _LISTS.get(kind)
    if attr is not None and value not in (target := getattr(rec, attr)):
        target.append(value)
    if kind == "date" and value[:4].isdigit() and int(value[:4]) not in rec.years:
        rec.years.append(int(value[:4]))
