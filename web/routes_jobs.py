"""Uploads, the activity page, retries, deletes and edits: pages and their JSON twins.

Every write here queues work for the archive's indexer and answers at once.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel

from . import activity
from .auth import check_streamed_token
from .upload_stream import receive_upload
from .i18n import pick_lang
from .routes_html import _render

JobId = Annotated[int, Path(ge=1, le=2**62, description="the job's number")]
html = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])


def _archive(request: Request):
    return request.app.state.archive


def _user(request: Request) -> str | None:
    user = getattr(request.state, "user", None)
    return getattr(user, "email", None)


# -- uploads ------------------------------------------------------------------------


@html.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request):
    return _render(request, "upload.html", {})


async def _upload(request: Request) -> dict[str, Any]:
    """Read the files as they stream in, check the form's token, then keep and queue them."""
    upload = await receive_upload(request, request.app.state.settings)
    try:
        check_streamed_token(request, upload.fields)
        return await run_in_threadpool(activity.upload, _archive(request), upload, _user(request), pick_lang(request))
    except BaseException:
        upload.discard()
        raise


@html.post("/upload")
async def upload_html(request: Request):
    data = await _upload(request)
    return RedirectResponse(f"/activity?batch={data['batch']}", status_code=303)


_UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"],
    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}}}


@api.post("/upload", status_code=202, summary="Upload files (PDF, images, CFDI XML, ZIP); one queued job per file",
          openapi_extra=_UPLOAD_BODY)
async def upload_api(request: Request) -> dict[str, Any]:
    return await _upload(request)


# -- the activity page ----------------------------------------------------------------


@html.get("/activity", response_class=HTMLResponse)
def activity_page(request: Request, batch: str | None = Query(None, max_length=40),
                  status: str | None = Query(None, pattern="^(queued|running|done|failed)$")):
    return _render(request, "activity.html", activity.activity_data(_archive(request), pick_lang(request), batch, status))


@api.get("/jobs", summary="The ingest queue, newest first: each file's state, pages done / total, result")
def jobs_api(request: Request, batch: str | None = Query(None, max_length=40),
             status: str | None = Query(None, pattern="^(queued|running|done|failed)$"),
             limit: int = Query(200, ge=1, le=1000), offset: int = Query(0, ge=0, le=2**62)) -> dict[str, Any]:
    return activity.activity_data(_archive(request), pick_lang(request), batch, status, limit, offset)


@api.get("/jobs/{job_id}", summary="One job")
def job_api(request: Request, job_id: JobId) -> dict[str, Any]:
    return activity.job_view(_archive(request).jobs.get(job_id), pick_lang(request))


@html.post("/jobs/{job_id}/retry")
def retry_html(request: Request, job_id: JobId):
    activity.retry_job(_archive(request), job_id, _user(request), pick_lang(request))
    return RedirectResponse("/activity", status_code=303)


@api.post("/jobs/{job_id}/retry", summary="Queue a failed file again")
def retry_api(request: Request, job_id: JobId) -> dict[str, Any]:
    return activity.retry_job(_archive(request), job_id, _user(request), pick_lang(request))


@html.post("/jobs/{job_id}/delete")
def forget_html(request: Request, job_id: JobId):
    activity.forget_job(_archive(request), job_id, _user(request))
    return RedirectResponse("/activity", status_code=303)


@api.delete("/jobs/{job_id}", summary="Remove a finished or failed job from the list")
def forget_api(request: Request, job_id: JobId) -> dict[str, Any]:
    return activity.forget_job(_archive(request), job_id, _user(request))


# -- deleting and editing documents ---------------------------------------------------


class DocumentEdit(BaseModel):
    title: str | None = None
    date: str | None = None
    kind: str | None = None


@html.post("/documents/{doc_id}/delete")
def delete_html(request: Request, doc_id: str):
    activity.delete_document(_archive(request), doc_id, _user(request))
    return RedirectResponse("/activity", status_code=303)


@api.delete("/documents/{doc_id}", status_code=202, summary="Delete a document: index, catalog, original, page images")
def delete_api(request: Request, doc_id: str) -> dict[str, Any]:
    return activity.delete_document(_archive(request), doc_id, _user(request))


@html.post("/documents/{doc_id}/edit")
def edit_html(request: Request, doc_id: str, title: str = Form(""), date: str = Form(""), kind: str = Form("")):
    activity.edit_document(_archive(request), doc_id, {"title": title or None, "date": date, "kind": kind}, _user(request))
    return RedirectResponse(f"/documents/{doc_id}", status_code=303)


@api.patch("/documents/{doc_id}", summary="Correct a document's title, date (YYYY-MM-DD) or kind")
def edit_api(request: Request, doc_id: str, body: DocumentEdit) -> JSONResponse:
    data = activity.edit_document(_archive(request), doc_id, body.model_dump(), _user(request))
    return JSONResponse(data)
