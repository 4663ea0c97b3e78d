"""Absolute links that leave the archive (citations, CSV exports, alerts): on the public base
URL when one is configured (EXPEDIENTE_PUBLIC_URL), else on the address the request came to."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request


def public_base(request: Request) -> str:
    """The base of absolute links, without a trailing slash."""
    configured = request.app.state.settings.public_url
    return (configured or str(request.base_url)).rstrip("/")


def page_url(base: str, doc_id: str, page: int, q: str = "") -> str:
    """The page view's address; with the query, so the page comes back with its boxes."""
    return f"{base.rstrip('/')}/documents/{doc_id}/pages/{page}" + (f"?q={quote(q)}" if q.strip() else "")
