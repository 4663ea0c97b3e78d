"""Re-OCR from the page view: the readings page and its JSON twin, and the writes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel

from . import readings
from .routes_html import _render
from .routes_jobs import _user

PageNo = Annotated[int, Path(ge=1, le=1_000_000)]
ReadingId = Annotated[int, Path(ge=1, le=2**62)]
html = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])


class ReadAgain(BaseModel):
    lang: str | None = None
    rotate: int = 0
    dropout: str | None = "auto"


def _archive(request: Request):
    return request.app.state.archive


@html.get("/documents/{doc_id}/pages/{number}/readings", response_class=HTMLResponse)
def readings_page(request: Request, doc_id: str, number: PageNo):
    return _render(request, "readings.html", readings.readings_data(_archive(request), doc_id, number))


@api.get("/documents/{doc_id}/pages/{number}/readings", summary="The page's text and its alternative readings")
def readings_api(request: Request, doc_id: str, number: PageNo) -> dict[str, Any]:
    return readings.readings_data(_archive(request), doc_id, number)


@html.post("/documents/{doc_id}/pages/{number}/reocr")
def reocr_html(request: Request, doc_id: str, number: PageNo, lang: str = Form("spa+eng"), rotate: int = Form(0),
               dropout: str = Form("auto")):
    form = {"lang": lang, "rotate": rotate, "dropout": dropout}
    readings.read_again(_archive(request), doc_id, number, form, _user(request))
    return RedirectResponse(f"/documents/{doc_id}/pages/{number}/readings", status_code=303)


@api.post("/documents/{doc_id}/pages/{number}/reocr", status_code=202,
          summary="Read the page again with other OCR options (languages, turn, ink dropout); a candidate reading")
def reocr_api(request: Request, doc_id: str, number: PageNo, body: ReadAgain) -> dict[str, Any]:
    return readings.read_again(_archive(request), doc_id, number, body.model_dump(), _user(request))


@html.post("/readings/{reading_id}/keep")
def keep_html(request: Request, reading_id: ReadingId):
    data = readings.keep(_archive(request), reading_id, _user(request))
    r = data["reading"]
    return RedirectResponse(f"/documents/{r['document_id']}/pages/{r['page']}/readings", status_code=303)


@api.post("/readings/{reading_id}/keep", status_code=202, summary="Keep a reading in place of the page (reindexed)")
def keep_api(request: Request, reading_id: ReadingId) -> dict[str, Any]:
    return readings.keep(_archive(request), reading_id, _user(request))


@html.post("/readings/{reading_id}/discard")
def discard_html(request: Request, reading_id: ReadingId):
    r = readings.discard(_archive(request), reading_id, _user(request))["reading"]
    return RedirectResponse(f"/documents/{r['document_id']}/pages/{r['page']}/readings", status_code=303)


@api.post("/readings/{reading_id}/discard", summary="Discard a candidate reading")
def discard_api(request: Request, reading_id: ReadingId) -> dict[str, Any]:
    return readings.discard(_archive(request), reading_id, _user(request))
