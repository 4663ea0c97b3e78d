"""What both engines index: one record per page, with its document's metadata and
its entities as typed values."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

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

    @property
    def key(self) -> str:
        return f"{self.document_id}:{self.page}"


def amount_cents(value: str) -> int | None:
    """'1023123.00 MXN' -> 102312300."""
    try:
        return int(Decimal(value.split()[0]) * 100)
    except (ArithmeticError, ValueError, IndexError):
        return None


def records_for(doc: Document, kind: str = "otro", doc_date: str | None = None) -> list[PageRecord]:
    """One record per page. The year is the document's own (`doc_date`, else the one ingest
    read from it); only a document without a date of its own takes the years its pages print."""
    records = []
    own = doc_date or doc.metadata.get("doc_date")
    year = int(own[:4]) if own and own[:4].isdigit() else None
    for page in doc.pages:
        rec = PageRecord(doc.sha256, page.number, doc.filename, doc.title, doc.media_type, index_text(page.text), kind)
        for ent in page.entities:
            _add_entity(rec, ent.kind, ent.value)
        if year is not None:
            rec.years = [year]
        records.append(rec)
    return records


def _add_entity(rec: PageRecord, kind: str, value: str) -> None:
    if kind == "amount":
        cents = amount_cents(value)
        if not value.endswith(" MXN") and " " in value:
            return  # `amount:` is in pesos (MXN): guaraníes, dollars and Argentine pesos are never mixed in
        if cents is not None and cents not in rec.amounts:
            rec.amounts.append(cents)
        return
    target = {"bid": rec.bids, "contract": rec.contracts, "vendor": rec.vendors, "rfc": rec.rfcs, "date": rec.dates,
              "person": rec.persons}.get(kind)
    if target is not None and value not in target:
        target.append(value)
    if kind == "date" and value[:4].isdigit() and int(value[:4]) not in rec.years:
        rec.years.append(int(value[:4]))
