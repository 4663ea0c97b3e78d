"""What to offer when a search finds nothing: the spelling the archive prints ("¿Quiso
decir Núñez?") and, for an amount, the nearest amounts printed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from search import FieldFilter, Fuzzy, Node, Term, positive_leaves, with_forms
from search.analysis import fold
from search.approximate import edit_distance

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


def one_edit_apart(a: str, b: str) -> bool:
    """At most one digit typed wrong, missing, extra, or two swapped (linear: amounts are many)."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i in range(len(short)) if short[i] != long_[i]), len(short))
    return short[i:] == long_[i + 1:]


def nearest_amounts(archive: "Archive", cents: int) -> list[dict[str, Any]]:
    """The printed amounts closest to one that is printed nowhere: a one-digit typo first, then by size."""
    typed = str(cents // 100)
    ranked: list[tuple[int, float, str]] = []
    with archive.catalog.lock:
        values = [r[0] for r in archive.catalog.db.execute("SELECT DISTINCT value FROM entities WHERE kind = 'amount'")]
    for raw in values:
        whole = raw.split(".", 1)[0].split(" ", 1)[0]
        if not whole.isdigit() or abs(len(whole) - len(typed)) > 1:
            continue  # another order of magnitude: no near miss
        typo = 1 if one_edit_apart(whole, typed) else 2
        ranked.append((typo, abs(float(raw.split(" ", 1)[0]) * 100 - cents), raw))
    ranked.sort()
    out = []
    for _typo, _gap, raw in ranked[:MAX_AMOUNTS]:
        row = archive.catalog._rows("SELECT min(printed) AS printed, count(DISTINCT document_id || ':' || page) AS pages "
                                    "FROM entities WHERE kind = 'amount' AND value = ?", (raw,))[0]
        value = amount_value(raw)
        out.append({"kind": "amount", "value": str(value), "printed": row["printed"], "pages": row["pages"],
                    "query": f"amount:{value}"})
    return out
