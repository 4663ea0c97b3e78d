"""Saved searches: /saved (and /api/saved) lists each user's saved searches with how many
pages match now and how many are new since the last visit; opening one runs it and marks
it seen. Saving, deleting and opening are the user's own business: readers may do them.
The data of the list comes from `saved_data`, for the page and its JSON twin alike."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from archive.saved import SavedSearches, check_owner_may_hook

from . import pages
from .errors import localise
from .i18n import pick_lang
from .links import public_base
from .search_view import options_from, search_url

html = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])
MAX_QUERY_FIELD = 1000


class SavedIn(BaseModel):
    """A search to save: the query and the options of the search page."""
    name: str = Field(..., max_length=200)
    query: str = Field(..., max_length=MAX_QUERY_FIELD)
    sort: str = Field("relevance", max_length=20)
    group: bool = False
    exact: bool = False
    date_from: str = Field("", max_length=40)
    date_to: str = Field("", max_length=40)
    webhook: str = Field("", max_length=2100, description="optional http(s) URL receiving the new pages after each ingest")


def _owner(request: Request) -> str:
    user = getattr(request.state, "user", None)
    return user.email if user is not None else ""


def _store(request: Request) -> SavedSearches:
    return SavedSearches(request.app.state.archive)


def saved_data(request: Request) -> dict[str, Any]:
    """Each saved search of this user with its pages now and its new pages."""
    store = _store(request)
    lang = pick_lang(request)
    return {"saved": [localise(store.summary(s), lang) for s in store.all(_owner(request))]}


def _save(request: Request, form: SavedIn) -> dict[str, Any]:
    archive = request.app.state.archive
    check_owner_may_hook(getattr(request.state, "user", None), archive.accounts.has_users(), form.webhook)
    opts = options_from(form.sort, form.group, form.exact, form.date_from, form.date_to)
    store = _store(request)
    saved = store.save(_owner(request), form.name, form.query, opts, search_url(form.query, opts),
                       public_base(request), form.webhook)
    return localise(store.summary(saved), pick_lang(request))


@html.get("/saved", response_class=HTMLResponse)
def saved_page(request: Request):
    from .routes_html import _render

    return _render(request, "saved.html", saved_data(request))


@html.post("/saved")
def save_from_page(request: Request, name: str = Form(..., max_length=200), q: str = Form(..., max_length=MAX_QUERY_FIELD),
                   sort: str = Form("relevance", max_length=20), group: bool = Form(False), exact: bool = Form(False),
                   date_from: str = Form("", max_length=40), date_to: str = Form("", max_length=40),
                   webhook: str = Form("", max_length=2100)) -> RedirectResponse:
    _save(request, SavedIn(name=name, query=q, sort=sort, group=group, exact=exact, date_from=date_from,
                           date_to=date_to, webhook=webhook))
    return RedirectResponse("/saved", status_code=303)


@html.get("/saved/{saved_id}")
def open_saved(request: Request, saved_id: int) -> RedirectResponse:
    """Run the saved search (its page, with its options) and mark it seen."""
    saved = _store(request).open(_owner(request), saved_id)
    return RedirectResponse(saved.path, status_code=303)


@html.post("/saved/{saved_id}/delete")
def delete_from_page(request: Request, saved_id: int) -> RedirectResponse:
    _store(request).delete(_owner(request), saved_id)
    return RedirectResponse("/saved", status_code=303)


@api.get("/saved", summary="Your saved searches: pages matching now (`total`) and new since your last visit (`new_pages`)")
def api_saved(request: Request) -> dict[str, Any]:
    return saved_data(request)


@api.post("/saved", status_code=201, summary="Save a search (a name already used is replaced); optional webhook")
def api_save(request: Request, body: SavedIn) -> dict[str, Any]:
    return _save(request, body)


@api.get("/saved/{saved_id}", summary="Open a saved search: its results now, and it is marked seen")
def api_open(request: Request, saved_id: int) -> dict[str, Any]:
    store = _store(request)
    before = localise(store.summary(store.get(_owner(request), saved_id)), pick_lang(request))
    saved = store.open(_owner(request), saved_id)
    from archive.saved import options_of

    search = pages.search_data(request.app.state.archive, saved.query, options=options_of(saved), raise_errors=True)
    search.pop("hit_objects", None)
    return {"saved": before, "search": search}


@api.delete("/saved/{saved_id}", summary="Delete one of your saved searches")
def api_delete(request: Request, saved_id: int) -> dict[str, Any]:
    _store(request).delete(_owner(request), saved_id)
    return {"deleted": saved_id}
