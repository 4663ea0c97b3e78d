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

    def __reduce__(self) -> tuple[type[Entity], tuple[str, str, str, int, int, str]]:
        """Pickled as the constructor's arguments: a worker sends every entity it finds to the
        indexer, and the state dataclasses give a frozen slots class costs a `fields()` call on
        each side (8 and 12 us an entity against 1.3 and 1.3; at a million pages, about a seventh of
        the indexer's main thread)."""
        return (Entity, (self.kind, self.printed, self.value, self.start, self.end, self.reason))
