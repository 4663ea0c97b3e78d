"""Bounds of the numbers a URL can carry, shared by the pages and their JSON twins: a
number out of range is a 422 with the reason, never an overflow deeper down."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from archive.entity_index import MAX_ROWS, PAGE_ROWS
from search import MAX_WINDOW

MAX_PAGE = 1_000_000  # no document has more pages; SQLite and PDFium take nothing beyond 64 bits
MAX_LIST_OFFSET = 2**31

SearchOffset = Annotated[int, Query(ge=0, le=MAX_WINDOW, description=f"hits to skip (offset + limit at most {MAX_WINDOW})")]
ListOffset = Annotated[int, Query(ge=0, le=MAX_LIST_OFFSET, description="documents to skip")]
PageNumber = Annotated[int, Path(ge=1, le=MAX_PAGE, description="page number, from 1")]
IndexLimit = Annotated[int, Query(ge=1, le=MAX_ROWS, description=f"rows of an index page ({PAGE_ROWS} unless asked)")]
