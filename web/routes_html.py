"""Server-rendered pages. Thin: each gets its data from web.pages and renders it."""

from __future__ import annotations

from typing import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, StreamingResponse

from . import exports, pages
from .auth import issue_csrf_cookie
from .i18n import pick_lang, translator
from .links import public_base
from .params import ListOffset, PageNumber, SearchOffset
from .render import page_png
from .search_view import Options

router = APIRouter(include_in_schema=False)


def _render(request: Request, template: str, data: dict, status: int = 200) -> HTMLResponse:
    lang = pick_lang(request)
    context = {"t": translator(lang), "lang": lang, "user": getattr(request.state, "user", None), **data}
    csrf_token = getattr(request.state, "csrf_token", None)  # set by web.auth for every request
    if csrf_token is not None:
        context["csrf_token"] = csrf_token
    response = request.app.state.templates.TemplateResponse(request, template, context, status_code=status)
    issue_csrf_cookie(request, response)
    if request.query_params.get("lang") == lang:
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, options: Options, q: str = "", offset: SearchOffset = 0):
    data = pages.search_data(request.app.state.archive, q, offset=offset, options=options, lang=pick_lang(request))
    return _render(request, "search.html", data, status=400 if data["error"] else 200)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, offset: ListOffset = 0):
    archive = request.app.state.archive
    counts = archive.catalog.counts()
    data = {"documents": archive.catalog.documents(100, offset), "counts": counts, "failures": archive.catalog.failures(),
            "next_offset": offset + 100 if offset + 100 < counts["documents"] else None}
    return _render(request, "documents.html", data)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, q: str = ""):
    data = pages.document_data(request.app.state.archive, doc_id, q, pick_lang(request))
    failed = bool(data.get("search", {}).get("error"))
    return _render(request, "document.html", data, status=400 if failed else 200)


@router.get("/documents/{doc_id}/original")
def original(request: Request, doc_id: str):
    archive = request.app.state.archive
    doc = archive.document(doc_id)
    return FileResponse(archive.original_path(doc_id), media_type=doc["media_type"], filename=doc["filename"])


@router.get("/documents/{doc_id}/pages/{number}", response_class=HTMLResponse)
def page_view(request: Request, doc_id: str, number: PageNumber, q: str = ""):
    data = pages.page_data(request.app.state.archive, doc_id, number, q, public_base(request))
    return _render(request, "page.html", data)


@router.get("/documents/{doc_id}/pages/{number}/image")
def page_image(request: Request, doc_id: str, number: PageNumber):
    archive = request.app.state.archive
    doc = archive.document(doc_id)
    archive.page(doc_id, number)  # 404 for a page that does not exist
    path = page_png(archive.original_path(doc_id), doc["media_type"], number, archive.settings.cache_dir, doc_id)
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "max-age=86400"})


@router.get("/cases/{code:path}", response_class=HTMLResponse)
def case_page(request: Request, code: str):
    return _render(request, "case.html", pages.case_data(request.app.state.archive, code, pick_lang(request)))


def _entity_index_routes() -> None:
    """/agencies, /bids, /contracts, /persons, /amounts and their CSV exports."""
    from archive.entity_index import INDEX_KINDS, MAX_ROWS

    def page(index: str):  # type: ignore[no-untyped-def]
        def view(request: Request, q: str = "", sort: str = "", offset: ListOffset = 0):
            data = pages.entity_index_data(request.app.state.archive, index, q, sort, offset)
            return _render(request, "entities.html", data)
        return view

    def csv(index: str):  # type: ignore[no-untyped-def]
        def export(request: Request, q: str = "", sort: str = ""):
            data = pages.entity_index_data(request.app.state.archive, index, q, sort, limit=MAX_ROWS)
            return _csv(exports.entity_index_csv(data["rows"], data["currencies"]), f"expediente-{index}.csv")
        return export

    for index in INDEX_KINDS:
        router.add_api_route(f"/{index}", page(index), response_class=HTMLResponse, methods=["GET"])
        router.add_api_route(f"/export/{index}.csv", csv(index), methods=["GET"])


_entity_index_routes()


@router.get("/vendors", response_class=HTMLResponse)
def vendors_page(request: Request, q: str = "", sort: str = "", offset: ListOffset = 0):
    return _render(request, "vendors.html", pages.vendors_data(request.app.state.archive, q, sort, offset))


@router.get("/export/vendors.csv")
def export_vendors(request: Request, q: str = "", sort: str = ""):
    data = pages.vendors_data(request.app.state.archive, q, sort, limit=None)
    return _csv(exports.vendors_csv(data["vendors"], data["currencies"]), "expediente-vendors.csv")


@router.get("/vendors/{name}", response_class=HTMLResponse)
def vendor_page(request: Request, name: str):
    return _render(request, "vendor.html", request.app.state.archive.vendor(name))


@router.get("/export/search.csv")
def export_search(request: Request, q: str, options: Options):
    chunks = exports.search_csv(request.app.state.archive, q, public_base(request), options)
    return _csv(chunks, "expediente-busqueda.csv")


@router.get("/export/entities.csv")
def export_entities(request: Request, kind: str | None = None):
    chunks = exports.entities_csv(request.app.state.archive, kind, public_base(request))  # checks the kind
    return _csv(chunks, f"expediente-{kind or 'entidades'}.csv")


def _csv(chunks: Iterator[str], filename: str) -> StreamingResponse:
    return StreamingResponse(chunks, media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": exports.attachment(filename)})
