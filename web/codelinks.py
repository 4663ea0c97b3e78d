"""Bid and contract numbers as links to their case (/cases/{code}) inside rendered text: search
snippets and the page view's text. The codes are the ones ingest extracted from the page (with
the context that tells a bid from a contract), never guessed from a cut-off snippet.

Templates get (text, highlighted, case code or None) pieces and render them escaped; the code
only goes into an href through `urlencode`, so a hostile page's text cannot inject markup.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from fastapi import Request

CODE_KINDS = ("bid", "contract")
Piece = tuple[str, bool, str | None]
Span = tuple[int, int, str]  # start, end, normalised code


def split_at_codes(segments: Iterable[tuple[str, bool]], codes: list[Span]) -> list[Piece]:
    """Cut (text, highlighted) segments where a code starts or ends; each piece inside a code
    carries the code's value."""
    out: list[Piece] = []
    pos = 0
    for text, marked in segments:
        end = pos + len(text)
        cuts = sorted({pos, end, *(x for a, b, _ in codes for x in (a, b) if pos < x < end)})
        for lo, hi in zip(cuts, cuts[1:]):
            code = next((v for a, b, v in codes if a <= lo and hi <= b), None)
            out.append((text[lo - pos:hi - pos], marked, code))
        pos = end
    return out


def find_printed(text: str, printed: dict[str, str]) -> list[Span]:
    """Where each printed code occurs in `text` (whitespace runs may differ), not inside a longer token."""
    spans: list[Span] = []
    for shown, value in sorted(printed.items(), key=lambda kv: -len(kv[0])):
        words = shown.split()
        if not words:
            continue
        pattern = r"(?<![\w/-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w/])"
        for m in re.finditer(pattern, text):
            if not any(a < m.end() and m.start() < b for a, b, _ in spans):
                spans.append((m.start(), m.end(), value))
    return sorted(spans)


def snippet_pieces(request: Request, hit: Any) -> list[Piece]:
    """A search hit's snippet with the bid and contract numbers of its page linked."""
    segments = hit.snippet.segments()
    ents = request.app.state.archive.catalog.entities(hit.document_id, hit.page)
    printed = {e["printed"]: e["value"] for e in ents if e["kind"] in CODE_KINDS}
    if not printed:
        return [(text, marked, None) for text, marked in segments]
    return split_at_codes(segments, find_printed(hit.snippet.text, printed))


def page_pieces(segments: list[tuple[str, bool]], entities: list[dict[str, Any]]) -> list[Piece]:
    """The page view's text with its bid and contract numbers linked (the entities' own spans)."""
    codes = [(e["start"], e["end"], e["value"]) for e in entities if e["kind"] in CODE_KINDS]
    return split_at_codes(segments, codes)
