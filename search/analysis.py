"""Text analysis shared by every engine: fold accents and case in Python, then split.

Both engines index the output of `index_text` with a plain whitespace tokenizer, so
"Ramírez" and "RAMIREZ" are the same token everywhere, and Elasticsearch needs no
optional analysis module. Folding is one character in, one character out, so offsets
found in the folded text are offsets in the original (snippets and word boxes rely on it).
The one `fold` lives in ingest.entities (entity matching uses the same folding).
"""

from __future__ import annotations

import re

from ingest.entities import fold

__all__ = ["MAX_TOKEN", "fold", "index_text", "tokens"]

MAX_TOKEN = 40
_TOKEN = re.compile(r"[0-9a-z]+")


def tokens(text: str) -> list[str]:
    """The searchable tokens of a text: runs of ASCII letters and digits after folding."""
    return [t for t in _TOKEN.findall(fold(text)) if len(t) <= MAX_TOKEN]


def index_text(text: str) -> str:
    """What engines index: the tokens joined by single spaces (positions = token order)."""
    return " ".join(tokens(text))
