"""The Entity record shared by every extractor."""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("amount", "bid", "contract", "reference", "vendor", "agency", "rfc", "date", "person")


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity found in a page: what was printed, its normalised value and where."""

    kind: str  # one of KINDS; "reference" = oficio/audit/expediente numbers
    printed: str  # exactly text[start:end]
    value: str  # normalised value
    start: int  # character offsets in the page text
    end: int
    reason: str = ""  # short name of the pattern/rule that matched
