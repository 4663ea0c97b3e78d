"""Reading a page again (re-OCR from the page view): the page's data for the HTML page and
its JSON twin, and the writes, each audited."""

from __future__ import annotations

from typing import Any

from archive import (Archive, Readings, check_options, discard_reading, enqueue_keep, enqueue_reocr, new_batch)


def readings_data(archive: Archive, doc_id: str, number: int) -> dict[str, Any]:
    """The page as the archive holds it now and every alternative reading of it, newest first.
    A document whose kept reading is being indexed (pending for a moment) stays on this page."""
    doc = archive.catalog.document(doc_id, any_status=True)
    if doc is None or doc["status"] == "deleting":
        doc = archive.document(doc_id)  # not found: the archive's own error
    page = archive.page(doc_id, number)
    readings = Readings(archive.catalog).of_page(doc_id, number)
    pending = [j for j in archive.jobs.list(limit=50, status="queued") + archive.jobs.list(limit=50, status="running")
               if j["sha256"] == doc_id and j["kind"] in ("reocr", "keep_reading")]
    return {
        "document": {k: doc[k] for k in ("id", "filename", "title", "page_count")},
        "page": {"number": number, "method": page["method"], "confidence": page["confidence"], "text": page["text"]},
        "readings": readings, "pending_jobs": [j["id"] for j in pending], "active": bool(pending),
    }


def read_again(archive: Archive, doc_id: str, number: int, form: dict[str, Any], user: str | None) -> dict[str, Any]:
    options = check_options(form.get("lang"), int(form.get("rotate") or 0), form.get("dropout"))
    job = enqueue_reocr(archive, doc_id, number, options, new_batch(), user)
    archive.accounts.record(user, "page_reocr", f"{doc_id}:{number}", {"job": job, "options": form})
    return {"job": job}


def keep(archive: Archive, reading_id: int, user: str | None) -> dict[str, Any]:
    job = enqueue_keep(archive, reading_id, new_batch(), user)
    reading = Readings(archive.catalog).get(reading_id)
    archive.accounts.record(user, "reading_keep", f"{reading['document_id']}:{reading['page']}",
                            {"reading": reading_id, "job": job})
    return {"job": job, "reading": reading}


def discard(archive: Archive, reading_id: int, user: str | None) -> dict[str, Any]:
    reading = discard_reading(archive, reading_id, user)
    archive.accounts.record(user, "reading_discard", f"{reading['document_id']}:{reading['page']}",
                            {"reading": reading_id})
    return {"reading": reading}
