"""Our query language, parsed into a small tree that each engine compiles.

    palabra otra            both words (AND)
    "frase exacta"          adjacent words in order
    uno OR otro             either
    -palabra, -"frase"      exclusion (also NOT palabra)
    prefij*                 prefix (at least 2 characters)
    contrato~               singular and plural (contrato, contratos)
    ( ... )                 grouping
    EA-IT20-2020            a code is matched as printed: its parts, adjacent, in order
    campo:valor             field filters (see search.fields)

User input never reaches an engine's own parser, so nothing typed can crash it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from expediente.errors import QuerySyntaxError

from .analysis import tokens

MAX_QUERY = 1000
_CURRENCY = {"mn", "mxn", "pesos", "usd", "dolares", "mxp"}
MAX_CLAUSES = 64
MAX_DEPTH = 16  # nested parentheses and negations: deeper is a typo or an attack, and recursion has a limit


@dataclass(frozen=True)
class Term:
    token: str


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class Prefix:
    prefix: str
    before: tuple[str, ...] = ()  # "EA-IT2*": tokens that must precede the prefix


@dataclass(frozen=True)
class Fuzzy:
    """A token within `distance` edits (1 or 2): never typed, built for suggestions and
    OCR-tolerant matching."""
    token: str
    distance: int = 1


@dataclass(frozen=True)
class FieldFilter:
    field: str
    op: str  # "=", ">=", "<=", ">", "<", "range"
    value: str
    upper: str | None = None


@dataclass(frozen=True)
class And:
    items: tuple["Node", ...]


@dataclass(frozen=True)
class Or:
    items: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    item: "Node"


Node = Term | Phrase | Prefix | Fuzzy | FieldFilter | And | Or | Not

_MONTH = ("(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
          "|january|february|march|april|june|july|august|september|october|november|december)")
# "15 de marzo de 2021", "marzo de 2021", "marzo 2021": a date people type in words is one lexeme
_DATE_WORDS = (r"(?:\d{1,2}(?:o|º|°)?\.?\s+de\s+)?" + _MONTH + r",?\s+(?:(?:de|del)\s+)?\d\.?\d{3}(?![\w.])")
_LEX = re.compile(
    r'(?P<ws>\s+)|(?P<lp>\()|(?P<rp>\))|(?P<neg>-(?=\S))'
    r'|(?P<field>[A-Za-zÁÉÍÓÚáéíóúñÑ_]+:(?:"[^"]*"?|(?:[<>]=?)?' + _DATE_WORDS + r'|[^\s()]*))'
    r'|(?P<date>' + _DATE_WORDS + r')'
    r'|(?P<phrase>"[^"]*"?)|(?P<word>[^\s()"]+)', re.IGNORECASE
)


def parse(text: str) -> Node:
    """Parse a user query; raises QuerySyntaxError with a message fit for the user."""
    from .fields import FIELD_NAMES  # fields builds on this module's nodes

    if len(text) > MAX_QUERY:
        raise QuerySyntaxError(f"the query is too long (over {MAX_QUERY} characters)", "query_too_long", n=MAX_QUERY)
    parser = _Parser(list(_lex(text, FIELD_NAMES)))
    node = parser.expression()
    if parser.peek() is not None:
        raise QuerySyntaxError("unbalanced parenthesis: a ')' has no matching '('", "query_unbalanced_close")
    if node is None:
        raise QuerySyntaxError("the query is empty: type a word, a \"phrase\", a code or a field filter", "query_empty")
    if _count(node) > MAX_CLAUSES:
        raise QuerySyntaxError(f"the query has too many parts (over {MAX_CLAUSES})", "query_too_many_parts", n=MAX_CLAUSES)
    return node


def field_parts(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, field, value) of each field filter typed in a query: what a filter chip removes."""
    from .fields import FIELD_NAMES

    out = []
    for m in _LEX.finditer(text):
        if m.lastgroup == "field":
            name, _, raw = m.group().partition(":")
            if name.lower() in FIELD_NAMES:
                out.append((m.start(), m.end(), name.lower(), raw.strip('"')))
    return out


def _lex(text: str, fields: frozenset[str]):
    for m in _LEX.finditer(text):
        kind, value = m.lastgroup, m.group()
        if kind == "ws":
            continue
        if kind == "field":
            name, _, raw = value.partition(":")
            if name.lower() not in fields:
                kind = "word"  # "hora:10" is text, not a filter
            else:
                yield ("field", (name.lower(), raw.strip('"')))
                continue
        if kind == "word" and value.upper() in ("OR", "|"):
            yield ("or", value)
        elif kind == "word" and value.upper() in ("AND", "&&"):
            continue
        elif kind == "word" and value.upper() == "NOT":
            yield ("neg", value)
        else:
            yield (kind, value)


class _Parser:
    def __init__(self, items: list[tuple[str, object]]) -> None:
        self.items, self.pos, self.depth = items, 0, 0

    def peek(self) -> str | None:
        return self.items[self.pos][0] if self.pos < len(self.items) else None

    def take(self) -> tuple[str, object]:
        self.pos += 1
        return self.items[self.pos - 1]

    def _currency_next(self) -> bool:
        if self.pos >= len(self.items) or self.items[self.pos][0] != "word":
            return False
        return "".join(tokens(str(self.items[self.pos][1]))) in _CURRENCY

    def expression(self) -> Node | None:
        alternatives = [self.conjunction()]
        while self.peek() == "or":
            self.take()
            alternatives.append(self.conjunction())
        present = [a for a in alternatives if a is not None]
        return _simplify(Or, present)

    def conjunction(self) -> Node | None:
        parts: list[Node] = []
        while self.peek() not in (None, "or", "rp"):
            node = self.unary()
            if node is not None:
                parts.append(node)
        return _simplify(And, parts)

    def unary(self) -> Node | None:
        kind, value = self.take()
        if kind in ("neg", "lp"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QuerySyntaxError(f"the query nests parentheses or negations too deeply (over {MAX_DEPTH} levels)",
                                       "query_too_deep", n=MAX_DEPTH)
            try:
                return self._nested(kind)
            finally:
                self.depth -= 1
        if kind == "rp":
            raise QuerySyntaxError("unbalanced parenthesis: a ')' has no matching '('", "query_unbalanced_close")
        return self._leaf(kind, value)

    def _nested(self, kind: str) -> Node | None:
        if kind == "neg":
            if self.peek() in (None, "or", "rp"):
                return None  # a dangling "-" is punctuation
            inner = self.unary()
            return Not(inner) if inner is not None else None
        inner = self.expression()
        if self.peek() != "rp":
            raise QuerySyntaxError("unbalanced parenthesis: a '(' is never closed", "query_unclosed")
        self.take()
        return inner

    def _leaf(self, kind: str, value: object) -> Node | None:
        if kind == "field":
            from .fields import parse_filter  # field syntax lives beside the field list (import cycle)

            name, raw_value = cast(tuple[str, str], value)
            return parse_filter(name, raw_value)
        raw = str(value).strip('"')
        if kind == "date":
            from .fields import date_words

            return date_words(raw)
        if kind == "word" and any(c.isdigit() for c in raw) and self._currency_next():
            raw = f"{raw} {self.take()[1]}"  # "$1,023,123.00 M.N." is one amount
        if kind == "phrase" and raw.rstrip().endswith("*"):
            return _word(raw.rstrip())  # "comisión estatal de seg*": the phrase, its last word a prefix
        if kind == "phrase" and len(tokens(raw)) == 1:
            return Phrase(tuple(tokens(raw)))  # a quoted word stays exact: no plural forms
        node = _words(tokens(raw)) if kind == "phrase" else _word(raw)
        if node is None or isinstance(node, (Prefix, Or)):
            return node
        from .fields import expand_free_text

        return expand_free_text(raw, node)


def _word(value: str) -> Node | None:
    if value.endswith("~") and len(tokens(value)) == 1:
        return forms(tokens(value)[0])
    if value.endswith("*"):
        toks = tokens(value.rstrip("*"))
        if not toks:
            return None
        if len(toks[-1]) < 2:
            raise QuerySyntaxError(f"a prefix needs at least 2 letters before '*': {value!r}", "query_short_prefix",
                                   value=repr(value))
        return Prefix(toks[-1], tuple(toks[:-1]))
    return _words(tokens(value))


def forms(word: str) -> Or:
    """contrato~ -> contrato OR contratos; licitación~ -> ... licitaciones; luz~ -> luces.
    Spanish singular and plural only: no stemming, so nothing unexpected matches."""
    stems = {word}
    if word.endswith("ces") and len(word) > 4:
        stems.add(word[:-3] + "z")
    elif word.endswith("es") and len(word) > 4:
        stems.add(word[:-2])
    if word.endswith("s") and len(word) > 3:
        stems.add(word[:-1])
    found = set()
    for stem in stems:
        found |= {stem, stem + "s", stem + "es"}
        if stem.endswith("z"):
            found.add(stem[:-1] + "ces")
    return Or(tuple(Term(f) for f in [word, *sorted(found - {word})]))  # the typed form first


def _words(toks: list[str]) -> Node | None:
    if not toks:
        return None
    return Term(toks[0]) if len(toks) == 1 else Phrase(tuple(toks))


def _simplify(kind: type, items: list[Node]) -> Node | None:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return kind(tuple(items))


def _count(node: Node) -> int:
    if isinstance(node, (And, Or)):
        return sum(_count(i) for i in node.items)
    if isinstance(node, Not):
        return _count(node.item)
    return 1


def positive_leaves(node: Node) -> list[Node]:
    """The leaves that must or may match (not the excluded ones): what to highlight."""
    if isinstance(node, (And, Or)):
        return [leaf for item in node.items for leaf in positive_leaves(item)]
    if isinstance(node, Not):
        return []
    return [node]


def filter_bounds(f: FieldFilter) -> tuple[int | None, int | None, bool, bool]:
    """Integer bounds (lower, upper, include_lower, include_upper) of a numeric filter."""
    value = int(f.value)
    if f.op == "=":
        return value, value, True, True
    if f.op == "range":
        return value, int(f.upper or value), True, True
    return {
        ">=": (value, None, True, True), ">": (value, None, False, True),
        "<=": (None, value, True, True), "<": (None, value, True, False),
    }[f.op]
