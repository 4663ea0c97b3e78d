"""What the index gets for a document: its page records, with the kind a person set
(or the one guessed from its text)."""

from __future__ import annotations

from ingest import Document
from search import PageRecord, guess_kind, records_for

from .catalog import Catalog


def document_records(catalog: Catalog, doc_id: str, document: Document | None = None) -> list[PageRecord]:
    """The records of a document, read back from the catalog unless given (without its word
    boxes: records never need them)."""
    doc = document or catalog.load_document(doc_id, any_status=True, words=False)
    row = catalog.document(doc_id, any_status=True)
    kind = (row or {}).get("kind") or guess_kind(doc)
    return records_for(doc, kind, (row or {}).get("doc_date"))


def fresh_records(document: Document) -> list[PageRecord]:
    """The records of a document just read: what `document_records` gives once it is in the
    catalog, where a new document has no kind or date set by a person yet. Its pages' text was
    analysed for the index by the reader's workers (the indexer's `Reader(prepare=index_text)`)."""
    return records_for(document, guess_kind(document), analysed=True)
