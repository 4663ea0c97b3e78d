"""Text analysis shared by every engine: fold accents and case in Python, then split.

Both engines index the output of `index_text` with a plain whitespace tokenizer, so
"Ramírez" and "RAMIREZ" are the same token everywhere, and Elasticsearch needs no
optional analysis module. Folding is one character in, one character out, so offsets
found in the folded text are offsets in the original (snippets and word boxes rely on it).
The one `fold` lives in ingest.entities (entity matching uses the same folding).
"""

from __future__ import annotations

from itertools import islice

from ingest.entities import fold

__all__ = ["MAX_TOKEN", "fold", "index_text", "pair_text", "phrase_pairs", "tokens"]

MAX_TOKEN = 40
# Every byte that is not an ASCII digit or lower-case letter becomes a space: the folded text,
# encoded (a character folding to none of them is "?"), translated and split gives the runs
# the regex `[0-9a-z]+` finds, at a fraction of a regex's cost per character.
_SEPARATE = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))


def tokens(text: str) -> list[str]:
    """The searchable tokens of a text: runs of ASCII letters and digits after folding."""
    found = fold(text).encode("ascii", "replace").translate(_SEPARATE).decode("ascii").split()
    if max(map(len, found), default=0) > MAX_TOKEN:  # rare: only then filter token by token (reindex's hot loop)
        return [t for t in found if len(t) <= MAX_TOKEN]
    return found


def index_text(text: str) -> str:
    """What engines index: the tokens joined by single spaces (positions = token order)."""
    return " ".join(tokens(text))


def phrase_pairs(words: list[str] | tuple[str, ...]) -> list[str]:
    """Each two neighbouring tokens as one pair token ("agua potable" -> "agua_potable"):
    tokens are letters and digits only, so "_" never makes two pairs the same."""
    return list(_pairs(words))


def _pairs(words: list[str] | tuple[str, ...]) -> map[str]:
    # "_".join over zip with islice: no list copy, no Python frame a pair (20% less time than
    # [a + "_" + b for a, b in zip(words, words[1:])] on dense pages)
    return map("_".join, zip(words, islice(words, 1, None)))


def pair_text(indexed: str) -> str:
    """The pair tokens of an `index_text` output, joined by spaces: the tantivy engine indexes
    them so that a phrase is one look-up instead of a walk through the positions of its words."""
    return " ".join(_pairs(indexed.split()))
