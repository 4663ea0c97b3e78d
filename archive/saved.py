"""Saved searches: a user's named query with its options, how many pages match it now and
how many are new since the user last opened it.

"New" rests on the catalog's `citable_log`: every document made citable gets the next
sequence number, in the transaction that makes it citable, and numbers are never reused. A
saved search remembers the last number at the user's last visit (`seen_seq`); the new pages
are the pages matching it in the documents logged after that number and still citable. A
deleted document's pages leave the count; a document ingested again is not new.
The alerts after each ingest batch (archive.alerts) use the same arithmetic from
`checked_seq`, the number up to which they have been evaluated.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from expediente.errors import Forbidden, NotFound, UsageError
from search import And, FieldFilter, Node, Or
from search.approximate import approximate

from .organise import SORTS

if TYPE_CHECKING:
    from .archive import Archive, SearchOptions
    from .catalog import Catalog

MAX_NAME = 100
MAX_URL = 2000
DOC_CHUNK = 200  # documents per engine query when counting pages in new documents
LOCAL_OWNER = "(local)"  # the owner of saved searches while the archive has no users


@dataclass
class SavedSearch:
    id: int
    owner: str
    name: str
    query: str
    options: dict[str, Any]
    path: str  # the search page's address with its options, e.g. /?q=magavel&sort=date
    base_url: str
    webhook: str | None
    created_at: str
    seen_at: str | None
    seen_seq: int
    checked_seq: int
    last_new: int
    last_status: str | None
    last_error: str | None
    last_delivery_at: str | None

    @classmethod
    def from_row(cls, row: Any) -> SavedSearch:
        data = dict(row)
        data["options"] = json.loads(data["options"])
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def last_seq(catalog: Catalog) -> int:
    rows = catalog._rows("SELECT coalesce(max(seq), 0) AS n FROM citable_log")
    return int(rows[0]["n"])


def check_webhook(url: str, es_url: str = "") -> str:
    """A webhook must be an http(s) address (and not the search engine's own)."""
    url = url.strip()
    parts = urlsplit(url)
    if len(url) > MAX_URL or parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"the webhook must be an http:// or https:// address, got {url[:80]!r}",
                         "saved_bad_webhook", url=url[:80])
    engine = urlsplit(es_url) if es_url else None
    if engine is not None and (parts.hostname, parts.port) == (engine.hostname, engine.port):
        raise UsageError("the webhook may not be the search engine's own address", "saved_webhook_engine")
    return url


class SavedSearches:
    """One user's saved searches over a reader's archive."""

    def __init__(self, archive: Archive) -> None:
        self.archive, self.catalog = archive, archive.catalog

    def all(self, owner: str | None) -> list[SavedSearch]:
        """One user's saved searches (everyone's with None: the CLI on the data folder)."""
        if owner is None:
            rows = self.catalog._rows("SELECT * FROM saved_searches ORDER BY owner, name, id")
        else:
            rows = self.catalog._rows("SELECT * FROM saved_searches WHERE owner = ? ORDER BY name, id", (owner or LOCAL_OWNER,))
        return [SavedSearch.from_row(r) for r in rows]

    def get(self, owner: str, saved_id: int) -> SavedSearch:
        rows = self.catalog._rows("SELECT * FROM saved_searches WHERE id = ? AND owner = ?", (saved_id, owner or LOCAL_OWNER))
        if not rows:
            raise NotFound(f"no saved search {saved_id}: see /saved", "saved_not_found", id=saved_id)
        return SavedSearch.from_row(rows[0])

    def save(self, owner: str, name: str, query: str, options: SearchOptions, path: str, base_url: str,
             webhook: str = "") -> SavedSearch:
        """Save (or replace, by name) a search; what is already in the archive is not new."""
        name = " ".join(name.split())
        if not 1 <= len(name) <= MAX_NAME:
            raise UsageError(f"a saved search needs a name of 1 to {MAX_NAME} characters", "saved_bad_name", n=MAX_NAME)
        if options.sort not in SORTS:
            raise UsageError(f"sort must be one of {', '.join(SORTS)} (got {options.sort[:20]!r})", "search_bad_sort",
                             choices=", ".join(SORTS), got=repr(options.sort[:20]))
        self.archive.compile_query(query, None, options)  # a malformed query is refused now, not at each ingest
        hook = check_webhook(webhook, self.archive.settings.es_url) if webhook.strip() else None
        seq = last_seq(self.catalog)
        with self.catalog.transaction() as db:
            db.execute("DELETE FROM saved_searches WHERE owner = ? AND name = ?", (owner or LOCAL_OWNER, name))
            cur = db.execute(
                "INSERT INTO saved_searches (owner, name, query, options, path, base_url, webhook, created_at, seen_at, "
                "seen_seq, checked_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (owner or LOCAL_OWNER, name, query, json.dumps(asdict(options)), path, base_url.rstrip("/"), hook,
                 now(), now(), seq, seq))
        return self.get(owner, int(cur.lastrowid or 0))

    def delete(self, owner: str, saved_id: int) -> None:
        self.get(owner, saved_id)
        with self.catalog.transaction() as db:
            db.execute("DELETE FROM saved_searches WHERE id = ?", (saved_id,))

    def open(self, owner: str, saved_id: int) -> SavedSearch:
        """The user opens it: what matches now is no longer new."""
        saved = self.get(owner, saved_id)
        with self.catalog.transaction() as db:
            db.execute("UPDATE saved_searches SET seen_seq = ?, seen_at = ? WHERE id = ?",
                       (last_seq(self.catalog), now(), saved_id))
        return saved

    def summary(self, saved: SavedSearch) -> dict[str, Any]:
        """The saved search with how many pages match it now and how many are new."""
        out = saved.to_dict()
        opts = options_of(saved)
        try:
            out["total"] = self.archive.search(saved.query, limit=1, options=opts).total
            out["new_pages"] = new_matches(self.archive, saved, saved.seen_seq, 0)[0]
            out["error"], out["error_code"], out["error_params"] = None, None, None
        except UsageError as exc:  # the grammar changed since it was saved
            out["total"], out["new_pages"], out["error"] = 0, 0, exc.message
            out["error_code"], out["error_params"] = exc.detail_code, exc.params
        return out


def options_of(saved: SavedSearch) -> SearchOptions:
    from .archive import SearchOptions

    known = SearchOptions.__dataclass_fields__
    return SearchOptions(**{k: v for k, v in saved.options.items() if k in known})


def check_owner_may_hook(user: Any, has_users: bool, webhook: str) -> None:
    """Webhooks make the server post to an address: editors and admins only (once users exist)."""
    if webhook.strip() and has_users and (user is None or not user.can("editor")):
        raise Forbidden("only editors may set a webhook", "saved_webhook_role")


def new_matches(archive: Archive, saved: SavedSearch, after_seq: int, want_hits: int,
                upto_seq: int | None = None) -> tuple[int, list[tuple[str, int]]]:
    """Pages matching the saved search in documents made citable after `after_seq` (up to
    `upto_seq`) and still citable: their number and the first `want_hits` (document, page)."""
    sql = ("SELECT DISTINCT l.document_id AS id FROM citable_log l JOIN documents d ON d.id = l.document_id "
           "WHERE l.seq > ? AND l.seq <= ? AND d.status = 'indexed' ORDER BY l.document_id")
    docs = [r["id"] for r in archive.catalog._rows(sql, (after_seq, upto_seq if upto_seq is not None else 2**62))]
    if not docs:
        return 0, []
    query = _matching(archive, saved)
    total, hits = 0, list[tuple[str, int]]()
    for i in range(0, len(docs), DOC_CHUNK):
        chunk = [FieldFilter("doc", "=", d) for d in docs[i:i + DOC_CHUNK]]
        within: Node = chunk[0] if len(chunk) == 1 else Or(tuple(chunk))
        found = archive.engine.search(And((query, within)), limit=max(1, want_hits - len(hits)))
        total += found.total
        hits += [(h.document_id, h.page) for h in found.hits][:max(0, want_hits - len(hits))]
    return total, hits


def _matching(archive: Archive, saved: SavedSearch) -> Node:
    """The engine query of a saved search: as compiled for the search page, with its
    OCR-tolerant alternatives for codes when the search allows them."""
    opts = options_of(saved)
    query = archive.compile_query(saved.query, None, opts)
    widened = approximate(query) if opts.approximate and not opts.exact else None
    return widened if widened is not None else query
