"""The activity page's data (the queue, file by file) and the writes that feed the queue;
the HTML routes and their JSON twins share these functions."""

from __future__ import annotations

from typing import Any

from archive import Archive, enqueue_delete, enqueue_edit, enqueue_upload, new_batch
from expediente.settings import Settings

from .i18n import translator

PUBLIC = ("id", "batch", "kind", "status", "result", "filename", "inner_path", "source", "pages_done",
          "pages_total", "ocr_pages", "code", "reason", "detail", "user", "created_at", "started_at", "finished_at")


def job_view(job: dict[str, Any], lang: str) -> dict[str, Any]:
    """A job as the UI and the API show it: its reason also in the reader's language."""
    t = translator(lang)
    view = {k: job.get(k) for k in PUBLIC}
    view["method"] = "ocr" if job["ocr_pages"] else ("text" if job["pages_done"] or job["pages_total"] else None)
    view["document_id"] = job["sha256"] if job["result"] in ("ingested", "present") else None
    if job["status"] == "failed":
        key = f"err_{job['code']}"
        localized = t(key)
        view["message"] = localized if localized != key else job["reason"]
    else:
        view["message"] = None
    return view


def activity_data(archive: Archive, lang: str, batch: str | None = None, status: str | None = None,
                  limit: int = 200) -> dict[str, Any]:
    jobs = [job_view(j, lang) for j in archive.jobs.list(limit=limit, batch=batch, status=status)]
    counts = archive.jobs.counts()
    return {"jobs": jobs, "counts": counts, "batch": batch, "status": status,
            "active": any(j["status"] in ("queued", "running") for j in jobs)}


def upload(settings: Settings, archive: Archive, files: list[Any], user: str | None, lang: str) -> dict[str, Any]:
    """Store the files and queue them; the answer comes at once, with a job per file."""
    batch = new_batch()
    ids = enqueue_upload(settings, archive, [(f.filename, f.file) for f in files], batch, user)
    states = archive.jobs.states(ids)
    return {"batch": batch, "jobs": [job_view(states[i], lang) for i in ids]}


def delete_document(archive: Archive, doc_id: str, user: str | None) -> dict[str, Any]:
    job = enqueue_delete(archive, doc_id, new_batch(), user)
    return {"job": job, "document_id": doc_id}


def edit_document(archive: Archive, doc_id: str, fields: dict[str, str | None], user: str | None) -> dict[str, Any]:
    job = enqueue_edit(archive, doc_id, new_batch(), fields.get("title"), fields.get("date"), fields.get("kind"), user)
    return {"document": archive.document(doc_id), "job": job}
