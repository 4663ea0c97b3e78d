"""JSON API under /api: the same data functions as the HTML pages."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from . import pages
from .i18n import pick_lang
from .links import page_url, public_base
from .params import PAGE_ROWS, IndexLimit, ListOffset, PageNumber, SearchOffset
from .search_view import Options

router = APIRouter(prefix="/api", tags=["api"])


def _archive(request: Request):
    return request.app.state.archive


@router.get("/search", summary="Search pages; every hit cites document and page")
def api_search(request: Request, options: Options, q: str = Query(..., description="query in Expediente's syntax"),
               limit: int = Query(20, ge=1, le=200), offset: SearchOffset = 0,
               doc: str | None = Query(None, description="only pages of this document (its sha256)")) -> dict[str, Any]:
    """Grouped (`group=true`), `limit` and `offset` count documents and each hit lists its `pages`."""
    data = pages.search_data(_archive(request), q, offset=offset, limit=limit, within=doc, options=options, raise_errors=True)
    data.pop("hit_objects", None)
    base = public_base(request)
    for hit in data["hits"]:
        hit["url"] = page_url(base, hit["document_id"], hit["page"], q)  # the page, its boxes, on the public address
    return data


@router.get("/documents", summary="Documents in the archive, newest first")
def api_documents(request: Request, limit: int = Query(100, ge=1, le=1000), offset: ListOffset = 0) -> dict[str, Any]:
    archive = _archive(request)
    return {"counts": archive.catalog.counts(), "documents": archive.catalog.documents(limit, offset)}


@router.get("/documents/{doc_id}", summary="One document: metadata, pages, entities; q= searches within it")
def api_document(request: Request, doc_id: str, q: str = "") -> dict[str, Any]:
    data = pages.document_data(_archive(request), doc_id, q, pick_lang(request))
    if "search" in data:
        data["search"].pop("hit_objects", None)
    return data


@router.get("/documents/{doc_id}/pages/{number}", summary="One page: text, method, boxes, citation")
def api_page(request: Request, doc_id: str, number: PageNumber, q: str = "") -> dict[str, Any]:
    data = pages.page_data(_archive(request), doc_id, number, q, public_base(request))
    data.pop("text_segments")
    return data


@router.get("/cases/{code:path}", summary="A procurement: its documents, amounts by role (each citing file and page), vendors, flags")
def api_case(request: Request, code: str) -> dict[str, Any]:
    return pages.case_data(_archive(request), code, pick_lang(request))


def _entity_index_routes() -> None:
    from archive.entity_index import INDEX_KINDS

    def api(index: str):  # type: ignore[no-untyped-def]
        def view(request: Request, q: str = "", sort: str = "", offset: ListOffset = 0,
                 limit: IndexLimit = PAGE_ROWS) -> dict[str, Any]:
            return pages.entity_index_data(_archive(request), index, q, sort, offset, limit)
        return view

    for index, kind in INDEX_KINDS.items():
        router.add_api_route(f"/{index}", api(index), methods=["GET"],
                             summary=f"Every {kind} value: pages, documents, first and last document date")


_entity_index_routes()


@router.get("/vendors", summary="Vendors, one per company (keyed by RFC or name), with agencies and fragments set aside")
def api_vendors(request: Request, q: str = "", sort: str = "", offset: ListOffset = 0,
                limit: IndexLimit = PAGE_ROWS) -> dict[str, Any]:
    return pages.vendors_data(_archive(request), q, sort, offset, limit)


@router.get("/vendors/{name}", summary="A vendor: pages naming it, RFCs, amounts next to it, bids")
def api_vendor(request: Request, name: str) -> dict[str, Any]:
    return _archive(request).vendor(name)


@router.get("/failures", summary="Files that could not be ingested, with reasons")
def api_failures(request: Request) -> dict[str, Any]:
    return {"failures": _archive(request).catalog.failures()}
