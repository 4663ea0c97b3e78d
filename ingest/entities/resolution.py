"""Entity resolution: vendor mentions (as the extractors found them, page by page) become
vendors, one per company.

A vendor is keyed by the RFC printed with it where there is one, otherwise by its normalised
name. Table-row numbers and header words glued in front of a name are dropped, buyer bodies
(secretarías, municipios, fiscalías, auditorías) become agencies, lone fragments ("integral",
"honda") are set aside, and spacing, OCR and prose variants ("comercializadoraolmedo quintanar",
"nueva vizcaya y nandu logistica integral") merge into the company they name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from difflib import SequenceMatcher
from typing import Iterable

# The first word of a buyer body: these are never vendors, whatever legal form follows.
AGENCY_HEADS = frozenset((
    "secretaria", "subsecretaria", "municipio", "municipalidad", "ayuntamiento", "h", "fiscalia", "auditoria",
    "comision", "gobierno", "tesoreria", "direccion", "instituto", "poder", "congreso", "tribunal",
    "procuraduria", "consejo", "coordinacion", "dependencia", "organo", "contraloria", "oficialia",
    "ministerio", "sindicatura", "presidencia", "junta", "universidad", "hospital", "estado",
))
# Words a table header or a label glues in front of a name ("Proveedor: ...", "Administración ...").
HEADER_WORDS = frozenset((
    "administracion", "proveedor", "proveedores", "licitante", "licitantes", "razon", "social", "nombre",
    "empresa", "participante", "partida", "no", "num", "numero", "lugar", "posicion", "emisor", "receptor",
    "denominacion", "contratista", "adjudicado", "ganador", "oferente", "ofertas", "propuesta",
))
# Words that alone are no company ("integral", "servicios"): a one-word name made of them is a fragment.
COMMON_WORDS = frozenset((
    "integral", "integrales", "servicios", "servicio", "grupo", "comercial", "comercializadora", "sistemas",
    "soluciones", "tecnologia", "consultores", "constructora", "desarrollo", "corporativo", "industrial",
    "seguridad", "digital", "global", "internacional", "nacional", "mexicana", "mexico", "honda", "ford",
))
_ROW = re.compile(r"^(?:\d+|[ivx]+|[a-z])$")  # "3", "iv", "b": a table row's number or letter
_GLUED_ROW = re.compile(r"^\d{1,3}(?=[a-z]{3,}$)")
FUZZY = 0.92  # OCR variants: "magavei" for "magavel"; short names must match exactly


@dataclass(frozen=True, slots=True)
class Mention:
    """One vendor mention: its normalised value and the RFC printed with it, if any."""

    value: str
    printed: str
    document_id: str
    page: int
    rfc: str | None = None


@dataclass
class Vendor:
    """One company: its key (RFC or name), the name shown, every value it was printed as."""

    key: str
    name: str
    values: list[str] = field(default_factory=list)
    rfcs: list[str] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def pages(self) -> list[tuple[str, int]]:
        return sorted({(m.document_id, m.page) for m in self.mentions})

    @cached_property
    def page_count(self) -> int:
        """How many pages name it (counted once: vendors are ranked by it, and shown with it)."""
        return len({(m.document_id, m.page) for m in self.mentions})

    @property
    def documents(self) -> list[str]:
        return sorted({m.document_id for m in self.mentions})


@dataclass
class Resolution:
    """The stage's result: vendors, agencies (buyer bodies) and the values set aside."""

    vendors: list[Vendor]
    agencies: dict[str, list[Mention]]
    fragments: dict[str, list[Mention]]

    def find(self, typed: str) -> Vendor | None:
        """The vendor whose key, RFC, name or any printed value is exactly what was typed (the
        first such in `vendors`), looked up rather than searched for: every search's vendor facet
        asks this of a dozen values."""
        folded = clean_name(typed) or typed.strip().lower()
        by_rfc, by_key, by_value = self._lookup
        found = [i for i in (by_rfc.get(typed.strip().upper()), by_key.get(folded), by_value.get(folded)) if i is not None]
        return self.vendors[min(found)] if found else None

    @cached_property
    def _lookup(self) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """The position of the first vendor with each RFC, key and printed value."""
        by_rfc: dict[str, int] = {}
        by_key: dict[str, int] = {}
        by_value: dict[str, int] = {}
        for i, v in enumerate(self.vendors):
            for rfc in v.rfcs:
                by_rfc.setdefault(rfc, i)
            by_key.setdefault(v.key.lower(), i)
            for value in v.values:
                by_value.setdefault(value, i)
        return by_rfc, by_key, by_value

    def candidates(self, typed: str) -> list[Vendor]:
        """Vendors whose name holds every word typed (`magavel` -> Servicios Integrales Magavel)."""
        words = (clean_name(typed) or "").split()
        if not words:
            return []
        return [v for v in self.vendors if all(any(w in value.split() or (len(w) >= 4 and w in value)
                                                   for value in v.values) for w in words)]


def clean_name(value: str) -> str:
    """A normalised vendor value without row numbers and header words in front."""
    from .vendors import normalise_vendor

    tokens = normalise_vendor(value).split()
    while tokens and (_ROW.match(tokens[0]) or tokens[0] in HEADER_WORDS):
        tokens.pop(0)
    if tokens and _GLUED_ROW.match(tokens[0]):  # "2maquinados": a row number printed against the name
        tokens[0] = _GLUED_ROW.sub("", tokens[0])
    return " ".join(tokens)


def classify(name: str) -> str:
    """'agency' for a buyer body, 'fragment' for a lone common word, else 'vendor'."""
    tokens = name.split()
    if not tokens:
        return "fragment"
    if tokens[0] in AGENCY_HEADS:
        return "agency"
    if len(tokens) == 1 and (tokens[0] in COMMON_WORDS or len(tokens[0]) < 4):
        return "fragment"
    return "vendor"


def resolve_vendors(mentions: Iterable[Mention]) -> Resolution:
    """Group vendor mentions into companies (the stage the vendor pages and indexes read)."""
    agencies: dict[str, list[Mention]] = {}
    fragments: dict[str, list[Mention]] = {}
    by_name: dict[str, list[Mention]] = {}
    named: dict[str, tuple[str, str]] = {}  # a value printed a million times is cleaned once
    for m in mentions:
        if m.value not in named:
            name = clean_name(m.value)
            named[m.value] = (name, classify(name))
        name, kind = named[m.value]
        target = {"agency": agencies, "fragment": fragments}.get(kind, by_name)
        target.setdefault(name or m.value, []).append(m)
    names = sorted(by_name, key=lambda n: (-len(by_name[n]), n))
    parent = {n: n for n in names}
    rfcs = {n: _own_rfc(by_name[n]) for n in names}  # per root: the RFCs its company was printed with

    def root(n: str) -> str:
        while parent[n] != n:
            n = parent[n]
        return n

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra == rb or (rfcs[ra] and rfcs[rb] and not rfcs[ra] & rfcs[rb]):
            return  # two companies with RFCs of their own stay two, however alike their names
        keep, drop = sorted((ra, rb), key=lambda n: (-len(by_name[n]), n))
        parent[drop] = keep
        rfcs[keep] = rfcs[keep] | rfcs[drop]

    _merge_by_rfc(by_name, join)
    _merge_variants(names, join)
    _merge_single_words(names, by_name, fragments, join, root)
    groups: dict[str, list[str]] = {}
    for n in names:
        if n in by_name:
            groups.setdefault(root(n), []).append(n)
    vendors = [_vendor(members, by_name) for members in groups.values()]
    vendors.sort(key=lambda v: (-v.page_count, v.name))
    return Resolution(vendors, agencies, fragments)


def _own_rfc(mentions: list[Mention]) -> frozenset[str]:
    """The RFC a name was printed with most often (one misplaced link does not make it another
    company's), or none."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.rfc:
            counts[m.rfc] = counts.get(m.rfc, 0) + 1
    return frozenset(sorted(counts, key=lambda r: (-counts[r], r))[:1])


def _merge_by_rfc(by_name: dict[str, list[Mention]], join) -> None:  # type: ignore[no-untyped-def]
    """Names printed with the same company RFC (each name's own, its most frequent) are one company."""
    first: dict[str, str] = {}
    for name, ms in by_name.items():
        for rfc in _own_rfc(ms):
            join(first.setdefault(rfc, name), name)


def _merge_variants(names: list[str], join) -> None:  # type: ignore[no-untyped-def]
    """Spacing and OCR variants, and prose glued in front of a known name of 2+ words."""
    compact = {n: n.replace(" ", "") for n in names}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            ca, cb = compact[a], compact[b]
            if ca == cb or _tail_of(a, b) or _tail_of(b, a):
                join(a, b)
            elif min(len(ca), len(cb)) >= 10 and SequenceMatcher(None, ca, cb).ratio() >= FUZZY:
                join(a, b)


def _tail_of(short: str, long: str) -> bool:
    """'nandu logistica integral' ends 'nueva vizcaya y nandu logistica integral'."""
    return short.count(" ") >= 1 and long.endswith(" " + short)


def _merge_single_words(names: list[str], by_name: dict[str, list[Mention]],
                        fragments: dict[str, list[Mention]], join, root) -> None:  # type: ignore[no-untyped-def]
    """A one-word name inside exactly one longer name belongs to it; inside none and without an
    RFC it is a fragment. One printed with an RFC of its own, where every longer name holding it
    was printed with other RFCs, is a company of its own ("Magavel" beside "Magavel Servicios
    Integrales")."""
    for n in [n for n in names if " " not in n]:
        holders = {m for m in names if " " in m and n in m.split()}
        if holders and _other_company(by_name[n], _groups_of(holders, names, by_name, root)):
            continue
        if len(holders) == 1:
            join(holders.pop(), n)
        elif holders or not any(m.rfc for m in by_name[n]):
            fragments.setdefault(n, []).extend(by_name.pop(n))


def _groups_of(holders: set[str], names: list[str], by_name: dict[str, list[Mention]],
               root) -> list[list[Mention]]:  # type: ignore[no-untyped-def]
    """The mentions of each company (as merged so far) that a holder belongs to."""
    wanted = {root(h) for h in holders}
    groups: dict[str, list[Mention]] = {r: [] for r in wanted}
    for n in names:
        if n in by_name and root(n) in wanted:
            groups[root(n)].extend(by_name[n])
    return list(groups.values())


def _other_company(word: list[Mention], holders: list[list[Mention]]) -> bool:
    """The RFCs say so: the word has one, and each holder has others, none of the word's."""
    own = {m.rfc for m in word if m.rfc}
    theirs = [{m.rfc for m in ms if m.rfc} for ms in holders]
    return bool(own) and all(rfcs and not rfcs & own for rfcs in theirs)


def _vendor(members: list[str], by_name: dict[str, list[Mention]]) -> Vendor:
    mentions = [m for n in members for m in by_name[n]]
    rfc_counts: dict[str, int] = {}
    for m in mentions:
        if m.rfc:
            rfc_counts[m.rfc] = rfc_counts.get(m.rfc, 0) + 1
    rfcs = sorted(rfc_counts, key=lambda r: (-rfc_counts[r], r))
    # The name shown: the value printed most often among the plain (no glued words) ones.
    name = min(members, key=lambda n: (-sum(1 for m in by_name[n]), n.count(" ") > 4, n))
    # The forms shown: whole names first (not the second half of one wrapped in a table cell, whose
    # mention holds the whole value), then the most printed; each on one line.
    printed: dict[str, int] = {}
    whole: dict[str, bool] = {}
    for m in mentions:
        shown = " ".join(m.printed.split())
        printed[shown] = printed.get(shown, 0) + 1
        whole[shown] = whole.get(shown, False) or clean_name(shown) == clean_name(m.value)
    return Vendor(rfcs[0] if rfcs else name, name, sorted(set(members)), rfcs,
                  sorted(printed, key=lambda p: (not whole[p], -printed[p])), mentions)
