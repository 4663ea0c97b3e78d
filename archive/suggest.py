"""What to offer when a search finds nothing: the spelling the archive prints ("¿Quiso
decir Núñez?") and, for an amount, the nearest amounts printed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable

from search import FieldFilter, Fuzzy, Node, Term, positive_leaves, with_forms
from search.analysis import fold
from search.approximate import edit_distance

from .catalog import Catalog, amount_is
from .entity_stats import plain_cents
from .organise import amount_value

if TYPE_CHECKING:
    from .archive import Archive

MAX_AMOUNTS = 5
_TOKEN = re.compile(r"[0-9a-z]+")


def suggestions(archive: "Archive", text: str, query: Node) -> list[dict[str, Any]]:
    """Suggestions for a query that found nothing, best first."""
    out: list[dict[str, Any]] = []
    spelled = spelling(archive, text, query)
    if spelled:
        out.append(spelled)
    for leaf in positive_leaves(query):
        if isinstance(leaf, FieldFilter) and leaf.field == "amount" and leaf.op == "=":
            out += nearest_amounts(archive, int(leaf.value))
            break
    return out


def spelling(archive: "Archive", text: str, query: Node) -> dict[str, Any] | None:
    """The query with each word the archive never prints replaced by the nearest word it does."""
    corrected, changed = text, []
    for leaf in positive_leaves(query):
        if not (isinstance(leaf, Term) and leaf.token.isalpha() and len(leaf.token) >= 4):
            continue
        if archive.engine.search(with_forms(leaf), limit=1).total:
            continue
        best = _nearest_printed(archive, leaf.token)
        if best is not None:
            corrected = _replace_word(corrected, leaf.token, best)
            changed.append(best)
    if not changed or archive.engine.search(archive.compile_query(corrected), limit=1).total == 0:
        return None
    return {"kind": "spelling", "query": corrected, "words": changed}


def _nearest_printed(archive: "Archive", token: str) -> str | None:
    """The printed form (accents, case as printed) of the closest word on the pages a fuzzy search finds."""
    distance = 2 if len(token) >= 6 else 1
    found = archive.engine.search(Fuzzy(token, distance), limit=30)
    texts = archive.catalog.page_texts([(h.document_id, h.page) for h in found.hits])
    counts: dict[str, tuple[int, int, str]] = {}
    for page_text in texts.values():
        folded = fold(page_text)
        for m in _TOKEN.finditer(folded):
            word = m.group()
            if word == token or abs(len(word) - len(token)) > distance:
                continue
            d = edit_distance(word, token)
            if d <= distance:
                d0, n, printed = counts.get(word, (d, 0, page_text[m.start():m.end()]))
                counts[word] = (d0, n + 1, printed)
    if not counts:
        return None
    _d, _n, printed = min(counts.values(), key=lambda v: (v[0], -v[1]))
    return printed.capitalize() if printed.isupper() else printed


def _replace_word(text: str, token: str, printed: str) -> str:
    pattern = re.compile(r"(?<![0-9a-z])" + re.escape(token) + r"(?![0-9a-z])")
    m = pattern.search(fold(text))  # folding keeps offsets: the span is the typed word's
    return text if m is None else text[:m.start()] + printed + text[m.end():]


def _parsed(values: Iterable[str]) -> list[tuple[int, str]]:
    """(cents, value) of each printed amount ("1023123.00 MXN") that is a plain number."""
    return [(cents, raw) for raw in values if (cents := plain_cents(raw)) is not None]


def _with_whole(catalog: Catalog, whole: str) -> list[tuple[int, str]]:
    """The printed amounts whose whole part is `whole` (through the index of amounts by number)."""
    return _parsed(r[0] for r in catalog._rows("SELECT DISTINCT value FROM entities WHERE kind = 'amount' "
                                               "AND CAST(value AS REAL) >= ? AND CAST(value AS REAL) < ? "
                                               "AND value >= ? AND value < ?", (float(whole), float(int(whole) + 1),
                                                                                whole + ".", whole + "/")))


def _closest_in_size(catalog: Catalog, cents: int, n: int) -> list[tuple[int, str]]:
    """Up to n printed amounts on each side of `cents`, by number (the partial index of amounts)."""
    by_number = catalog.indexed_by("entities_by_amount")
    sql = (f"SELECT DISTINCT CAST(value AS REAL) AS number, value FROM entities {by_number} "
           "WHERE kind = 'amount' AND CAST(value AS REAL) {} ? ORDER BY CAST(value AS REAL) {}, value LIMIT ?")
    below = catalog._rows(sql.format("<", "DESC"), (cents / 100, n))
    above = catalog._rows(sql.format(">=", "ASC"), (cents / 100, n))
    return sorted(_parsed(r["value"] for r in (*below, *above)))


def _one_edit_variants(digits: str) -> set[str]:
    """Every number one digit typed wrong, missing, extra, or two swapped away (and itself)."""
    out = {digits}
    for i in range(len(digits) + 1):
        for d in "0123456789":
            out.add(digits[:i] + d + digits[i:])
            if i < len(digits):
                out.add(digits[:i] + d + digits[i + 1:])
        if i < len(digits):
            out.add(digits[:i] + digits[i + 1:])
        if i + 1 < len(digits):
            out.add(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:])
    return {v for v in out if v and (v == "0" or not v.startswith("0"))}


def nearest_amounts(archive: "Archive", cents: int) -> list[dict[str, Any]]:
    """The printed amounts closest to one that is printed nowhere: a one-digit typo first, then by size."""
    typed = str(cents // 100)
    catalog = archive.catalog
    ranked: list[tuple[int, float, str]] = []
    for whole in _one_edit_variants(typed):  # a typo: looked up, not searched for among every amount
        ranked += [(1, abs(c - cents), raw) for c, raw in _with_whole(catalog, whole)]
    near = _closest_in_size(catalog, cents, 4 * MAX_AMOUNTS)  # the closest in size, both sides
    seen = {raw for _t, _g, raw in ranked}
    ranked += [(2, abs(c - cents), raw) for c, raw in near
               if raw not in seen and abs(len(str(c // 100)) - len(typed)) <= 1]  # another order of magnitude: no near miss
    ranked.sort()
    out = []
    for _typo, _gap, raw in ranked[:MAX_AMOUNTS]:
        row = archive.catalog._rows("SELECT min(printed) AS printed, count(DISTINCT document_id || ':' || page) AS pages "
                                    f"FROM entities e WHERE {amount_is('e')}", (raw, raw))[0]
        value = amount_value(raw)
        out.append({"kind": "amount", "value": str(value), "printed": row["printed"], "pages": row["pages"],
                    "query": f"amount:{value}"})
    return out
