"""The web's writes: uploads, deletes and edits become jobs for the indexer; the request
answers at once."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import BinaryIO

from expediente.errors import ExpedienteError, UsageError
from expediente.settings import Settings
from ingest import OcrOptions
from search.doctypes import KINDS as DOCTYPES

from . import originals
from .archive import Archive
from .jobs import NewJob
from .readings import Readings, keep_job, reocr_job

_UNSAFE = re.compile(r"[^\w.\- ()áéíóúüñÁÉÍÓÚÜÑ]")
KINDS = DOCTYPES + ("otro",)


def safe_name(name: str | None) -> str:
    base = PurePath((name or "").replace("\\", "/")).name
    return _UNSAFE.sub("_", base)[:180] or "archivo"


def enqueue_stored(archive: Archive, files: list[tuple[str | None, tuple[str, int] | ExpedienteError]], batch: str,
                   user: str | None = None) -> list[int]:
    """Queue files already in the originals store (an upload kept as it streamed in), or the
    error that refused each; one job each."""
    jobs = []
    for name, stored in files:
        job = NewJob(safe_name(name), "upload")
        if isinstance(stored, ExpedienteError):
            job.error = stored
        else:
            job.sha256, job.size = stored
        jobs.append(job)
    return archive.jobs.add(jobs, batch, user)


def enqueue_delete(archive: Archive, doc_id: str, batch: str, user: str | None = None) -> int:
    """Delete a document everywhere (index, catalog, original, page images), via the indexer."""
    doc = archive.document(doc_id)
    return archive.jobs.add([NewJob(doc["filename"], "delete", sha256=doc_id, kind="delete")], batch, user)[0]


def enqueue_edit(archive: Archive, doc_id: str, batch: str, title: str | None = None, doc_date: str | None = None,
                 kind: str | None = None, user: str | None = None) -> int | None:
    """Correct a document's title, date or kind; the kind and the date are indexed, so a change
    of either reindexes the document."""
    doc = archive.document(doc_id)
    if title is not None and not title.strip():
        raise UsageError("the title cannot be empty", "edit_empty_title")
    if doc_date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc_date):
        raise UsageError("the date must be written YYYY-MM-DD", "edit_bad_date")
    if kind and kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}: one of {', '.join(KINDS)}", "edit_bad_kind", kind=repr(kind)[:40],
                         choices=", ".join(KINDS))
    archive.catalog.edit_document(doc_id, title.strip()[:300] if title else None, doc_date, kind)
    changed_kind = kind is not None and kind != (doc.get("kind") or "")
    if changed_kind or (doc_date is not None and doc_date != (doc.get("doc_date") or "")):
        return archive.jobs.add([NewJob(doc["filename"], "edit", sha256=doc_id, kind="reindex")], batch, user)[0]
    return None


def enqueue_reocr(archive: Archive, doc_id: str, number: int, options: OcrOptions, batch: str,
                  user: str | None = None) -> int:
    """Read one page again with other options; the reading waits as a candidate."""
    doc = archive.document(doc_id)
    archive.page(doc_id, number)  # 404 for a page that does not exist
    return archive.jobs.add([reocr_job(doc, number, options)], batch, user)[0]


def enqueue_keep(archive: Archive, reading_id: int, batch: str, user: str | None = None) -> int:
    """Put a candidate reading in place of its page (and reindex), through the indexer."""
    reading = Readings(archive.catalog).get(reading_id)
    if reading["status"] not in ("candidate", "previous"):
        raise UsageError(f"this reading was already {reading['status']}", "reading_decided", status=reading["status"])
    doc = archive.document(reading["document_id"])
    return archive.jobs.add([keep_job(doc, reading_id)], batch, user)[0]


def discard_reading(archive: Archive, reading_id: int, user: str | None = None) -> dict:
    readings = Readings(archive.catalog)
    if readings.get(reading_id)["status"] != "candidate":
        raise UsageError("only a candidate reading can be discarded", "reading_not_candidate")
    readings.decide(reading_id, "discarded", user)
    return readings.get(reading_id)
