"""The activity page's data (the queue, file by file) and the writes that feed the queue;
the HTML routes and their JSON twins share these functions. Every write is audited."""

from __future__ import annotations

from typing import Any

from archive import Archive, bulk_load_deferred, enqueue_delete, enqueue_edit, enqueue_stored, new_batch
from expediente.errors import UsageError

from .i18n import translator
from .upload_stream import Upload

PUBLIC = ("id", "batch", "kind", "status", "result", "filename", "parent", "inner_path", "source", "pages_done",
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
                  limit: int = 200, offset: int = 0) -> dict[str, Any]:
    jobs = [job_view(j, lang) for j in archive.jobs.list(limit=limit, batch=batch, status=status, offset=offset)]
    counts = archive.jobs.counts()
    return {"jobs": jobs, "counts": counts, "batch": batch, "status": status,
            "active": any(j["status"] in ("queued", "running") for j in jobs),
            "bulk_load": bulk_load_deferred(archive.catalog)}


def upload(archive: Archive, upload: Upload, user: str | None, lang: str) -> dict[str, Any]:
    """Keep the files that streamed in and queue them; the answer comes at once, with a job per file."""
    if not upload.files:
        raise UsageError("no file arrived: send one or more in the field 'files'", "upload_no_files")
    batch = new_batch()
    stored = [(p.filename, p.error if p.incoming is None else p.incoming.keep()) for p in upload.files]
    ids = enqueue_stored(archive, stored, batch, user)  # type: ignore[arg-type]
    states = archive.jobs.states(ids)
    archive.accounts.record(user, "upload", batch, {"jobs": ids, "files": [states[i]["filename"] for i in ids]})
    return {"batch": batch, "jobs": [job_view(states[i], lang) for i in ids]}


def retry_job(archive: Archive, job_id: int, user: str | None, lang: str) -> dict[str, Any]:
    archive.jobs.retry(job_id)
    job = archive.jobs.get(job_id)
    archive.accounts.record(user, "job_retry", str(job_id), {"filename": job["filename"]})
    return job_view(job, lang)


def forget_job(archive: Archive, job_id: int, user: str | None) -> dict[str, Any]:
    job = archive.jobs.forget(job_id)
    archive.accounts.record(user, "job_remove", str(job_id), {"filename": job["filename"], "status": job["status"]})
    return {"deleted": job["id"]}


def delete_document(archive: Archive, doc_id: str, user: str | None) -> dict[str, Any]:
    job = enqueue_delete(archive, doc_id, new_batch(), user)
    archive.accounts.record(user, "document_delete", doc_id, {"job": job})
    return {"job": job, "document_id": doc_id}


def edit_document(archive: Archive, doc_id: str, fields: dict[str, str | None], user: str | None) -> dict[str, Any]:
    before = archive.document(doc_id)
    job = enqueue_edit(archive, doc_id, new_batch(), fields.get("title"), fields.get("date"), fields.get("kind"), user)
    after = archive.document(doc_id)
    changes = {k: [before.get(k), after.get(k)] for k in ("title", "doc_date", "kind") if before.get(k) != after.get(k)}
    archive.accounts.record(user, "document_edit", doc_id, {"changes": changes, "job": job})
    return {"document": after, "job": job}
