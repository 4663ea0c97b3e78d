"""Documents and pages: the blocks to draw and the entities printed on each page."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import letter

from .cast import COMPANIES, PERSONS, RFC
from .text import amount_words, collapse, date_text, fmt_money, fold, money


class Page:
    def __init__(self, doc: "Doc", number: int, scanned: bool = False):
        self.doc = doc
        self.number = number
        self.scanned = scanned
        self.blocks: list = []
        self.entities: list = []  # (kind, printed, value, form)
        self.lines: list[str] = []
        self.ops: list = []
        self.distinctive: list[str] = []

    # -- content
    def add(self, *blocks):
        self.blocks.extend(blocks)
        return self

    def e(self, kind: str, printed: str, value: str, form: str | None = None) -> str:
        self.entities.append((kind, printed, value, form))
        return printed

    def unique(self, word: str) -> str:
        """A word that must appear on this (scanned) page only."""
        self.distinctive.append(word)
        return word

    # -- entities
    def amount(self, x, style: str = "mn", currency: str = "MXN") -> str:
        x = money(x)
        value = f"{x:.2f} {currency}"
        num = fmt_money(x)
        printed = {
            "mn": f"${num} M.N.",
            "sp_mn": f"$ {num} M.N.",
            "plain": f"${num}",
            "sp": f"$ {num}",
            "bare": num,
            "mxn": f"{num} MXN",
            "apos": f"${fmt_money(x, sep=chr(39))}",
            "words": amount_words(x),
        }[style]
        form = {"words": "words", "apos": "apostrophe"}.get(style)
        return self.e("amount", printed, value, form)

    def vendor(self, key: str, legal: str | None = None, upper: bool = False, comma: bool = True,
               name: str | None = None) -> str:
        base, form, _, _ = COMPANIES[key]
        legal = form if legal is None else legal
        n = name or base
        printed = n + ("," if comma else "") + " " + legal
        if upper:
            printed = printed.upper()
        return self.e("vendor", printed, collapse(fold(base)))

    def person(self, key: str, style: str = "title") -> str:
        title, name, _ = PERSONS[key]
        printed = {"title": f"{title} {name}", "plain": name, "upper": f"{title} {name}".upper(),
                   "upper_plain": name.upper()}[style]
        return self.e("person", printed, collapse(fold(name)))

    def rfc(self, key: str) -> str:
        return self.e("rfc", RFC[key], RFC[key])

    def date(self, iso: str, style: str = "long", printed: str | None = None) -> str:
        printed = printed or date_text(iso, style)
        form = "words" if style == "words" else None
        return self.e("date", printed, iso, form)

    @staticmethod
    def _code(code: str) -> str:
        return re.sub(r"[^A-Z0-9]", "", code.upper())

    def bid(self, code: str) -> str:
        return self.e("bid", code, self._code(code))

    def contract(self, code: str) -> str:
        return self.e("contract", code, self._code(code))

    def ref(self, code: str) -> str:
        """Reference number of an oficio / audit: not a bid, not a contract."""
        return self.e("reference", code, self._code(code))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Doc:
    file: str
    title: str
    kind: str
    family: str = "sans"
    pagesize: tuple = letter
    author: str = ""
    footer: str = ""
    fmt: str = "pdf"  # pdf | tiff | jpeg
    pages: list = field(default_factory=list)
    margins: tuple = (62, 42, 62, 58)  # left, top, right, bottom (pt)

    def page(self, scanned: bool = False) -> Page:
        p = Page(self, len(self.pages) + 1, scanned)
        self.pages.append(p)
        return p

    @property
    def source(self) -> str:
        kinds = {p.scanned for p in self.pages}
        return "mixed" if len(kinds) == 2 else ("scanned" if True in kinds else "born-digital")
