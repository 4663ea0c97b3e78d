"""Batch search: a pasted or uploaded list, one row per term, streamed as it is searched.

The list is posted (it may hold thousands of terms), so the 1,000-character limit of one
query never applies to it; each term is one query. The page, its JSON Lines twin and the
CSV all stream, so a long list never meets a timeout.
"""

from __future__ import annotations

import html
import json
from typing import Iterator
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, StreamingResponse

from archive.batch import read_terms, search_terms
from expediente.errors import UsageError

from . import exports
from .errors import localise
from .i18n import pick_lang, translator
from .links import public_base

html_router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])
MAX_LIST_BYTES = 20_000_000


async def _terms(text: str, upload: UploadFile | None, column: str) -> list[str]:
    if upload is not None and upload.filename:
        raw = await upload.read(MAX_LIST_BYTES + 1)
        if len(raw) > MAX_LIST_BYTES:
            raise UsageError(f"the list is larger than {MAX_LIST_BYTES // 1_000_000} MB: split it", "batch_too_large",
                             mb=MAX_LIST_BYTES // 1_000_000)
        text = raw.decode("utf-8-sig", errors="replace")
    terms = read_terms(text, column.strip() or None)
    if not terms:
        raise UsageError("the list is empty: paste one term per line or upload a CSV", "batch_empty")
    return terms


@html_router.get("/batch", response_class=HTMLResponse)
def batch_form(request: Request):
    from .routes_html import _render

    return _render(request, "batch.html", {"rows": None})


@html_router.post("/batch")
async def batch_page(request: Request, text: str = Form(""), column: str = Form(""),
                     file: UploadFile | None = File(None)) -> StreamingResponse:
    from .routes_html import _render

    terms = await _terms(text, file, column)
    page = bytes(_render(request, "batch.html", {"rows": True, "count": len(terms), "text": text}).body).decode()
    head, tail = page.split("<!--rows-->", 1)
    lang = pick_lang(request)
    t = translator(lang)
    archive = request.app.state.archive

    def chunks() -> Iterator[str]:
        yield head
        for row in search_terms(archive, terms):
            yield _row_html(localise(row, lang), t)
        yield tail
    return StreamingResponse(chunks(), media_type="text/html; charset=utf-8")


def _row_html(row: dict, t) -> str:
    term = html.escape(row["term"])
    link = f'<a href="/?q={quote(row["term"])}">{term}</a>'
    if row["error"]:
        return f'<tr class="failed"><td>{link}</td><td colspan="3">{html.escape(row["error"])}</td></tr>\n'
    first = ", ".join(f'<a href="/documents/{f["document_id"]}/pages/{f["page"]}?q={quote(row["term"])}">'
                      f'{html.escape(f["filename"])} p. {f["page"]}</a>' for f in row["first"])
    return f'<tr><td>{link}</td><td>{row["pages"]:,}</td><td>{row["documents"]:,}</td><td>{first}</td></tr>\n'


@api.post("/batch", summary="Search every term of a list; JSON Lines, one object per term, streamed")
async def batch_api(text: str = Form("", description="one term per line, or CSV"), column: str = Form(""),
                    file: UploadFile | None = File(None), request: Request = None) -> StreamingResponse:  # type: ignore[assignment]
    terms = await _terms(text, file, column)
    lang = pick_lang(request)
    rows = (localise(row, lang) for row in search_terms(request.app.state.archive, terms))
    return StreamingResponse((json.dumps(r, ensure_ascii=False) + "\n" for r in rows), media_type="application/x-ndjson")


@html_router.post("/export/batch.csv")
async def batch_csv(request: Request, text: str = Form(""), column: str = Form(""),
                    file: UploadFile | None = File(None)) -> StreamingResponse:
    terms = await _terms(text, file, column)
    base, lang = public_base(request), pick_lang(request)
    rows = ([r["term"], r["pages"], r["documents"], " | ".join(f"{f['filename']} p. {f['page']}" for f in r["first"]),
             " ".join(f"{base}/documents/{f['document_id']}/pages/{f['page']}" for f in r["first"]), r["error"] or ""]
            for r in (localise(row, lang) for row in search_terms(request.app.state.archive, terms)))
    return StreamingResponse(exports.csv_chunks(["term", "pages", "documents", "first_pages", "urls", "error"], rows),
                             media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": exports.attachment("expediente-lista.csv")})


@html_router.get("/check", response_class=HTMLResponse)
def check_page(request: Request, text: str = Query("", max_length=2000)):
    from archive.claims import check_claim

    from .routes_html import _render

    result = _localised(check_claim(request.app.state.archive, text), pick_lang(request)) if text.strip() else None
    return _render(request, "check.html", {"text": text, "result": result})


@api.get("/check", summary="Check a claim: where its amounts, names, codes and dates are printed, and together")
def check_api(request: Request, text: str = Query(..., max_length=2000)) -> dict:
    from archive.claims import check_claim

    return _localised(check_claim(request.app.state.archive, text), pick_lang(request))


def _localised(result: dict, lang: str) -> dict:
    for el in result.get("elements", []):
        localise(el, lang)
    return result
