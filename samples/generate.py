#!/usr/bin/env python3
"""Deterministic generator of the Expediente sample corpus.

Usage (from the repository root):

    .venv/bin/python samples/generate.py            # write samples/ and tests/resources/ (bad inputs)
    .venv/bin/python samples/generate.py --check    # ... then verify the outputs (pdfium)
    .venv/bin/python samples/generate.py --check --ocr   # ... and OCR every scanned page

Every document is described once, as Python data (blocks of lines per page).  The
same data is laid out and drawn either with reportlab (born-digital pages, real text
layer) or with Pillow (scanned pages: a 300 dpi raster with noise and skew, no text
layer), and the same data yields the answer key (``samples/answer_key.json``): the
exact text of each page, the entities printed on it, and the (file, page) hits of
the search queries.  All randomness comes from ``random.Random`` instances seeded with
fixed strings, and reportlab runs with ``invariant=1``, so two runs produce
byte-identical files.

The people, most companies, addresses, RFCs, UUIDs and every other detail are
fictional.  Only the three facts at the centre of the sample investigation (bid
EA-IT20-2020 won by Servicios Integrales Magavel for $1,023,123.00; contract
DCA/TM/222/2020 of the Municipio de Juárez with Quatro Desarrollo Móvil, minimum
$6,667,722.00 and maximum $16,669,305.00; the $369,339.00 invoice of Soluciones
Integrales YDOSK to the Fiscalía General del Estado de Nayarit) come from public
reporting.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
import uuid
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from statistics import NormalDist

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESOURCES = ROOT / "tests" / "resources"
TTF_DIR = Path("/usr/share/fonts/truetype/liberation")

SCAN_DPI = 300
PHOTO_DPI = 250

# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------


def fold(s: str) -> str:
    """Lower case, accents removed (NFKD, combining marks dropped)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def collapse(s: str) -> str:
    return " ".join(s.split())


def find_word(hay: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``hay`` not preceded/followed by a letter or digit."""
    out, i = [], hay.find(needle)
    while i >= 0:
        before = hay[i - 1] if i > 0 else " "
        j = i + len(needle)
        after = hay[j] if j < len(hay) else " "
        if not before.isalnum() and not after.isalnum():
            out.append(i)
        i = hay.find(needle, i + 1)
    return out


# --------------------------------------------------------------------------------------
# Numbers and dates in Spanish
# --------------------------------------------------------------------------------------

_UNITS = ["", "UN", "DOS", "TRES", "CUATRO", "CINCO", "SEIS", "SIETE", "OCHO", "NUEVE", "DIEZ",
          "ONCE", "DOCE", "TRECE", "CATORCE", "QUINCE", "DIECISÉIS", "DIECISIETE", "DIECIOCHO",
          "DIECINUEVE", "VEINTE", "VEINTIÚN", "VEINTIDÓS", "VEINTITRÉS", "VEINTICUATRO",
          "VEINTICINCO", "VEINTISÉIS", "VEINTISIETE", "VEINTIOCHO", "VEINTINUEVE"]
_TENS = {3: "TREINTA", 4: "CUARENTA", 5: "CINCUENTA", 6: "SESENTA", 7: "SETENTA", 8: "OCHENTA",
         9: "NOVENTA"}
_HUNDREDS = {1: "CIENTO", 2: "DOSCIENTOS", 3: "TRESCIENTOS", 4: "CUATROCIENTOS", 5: "QUINIENTOS",
             6: "SEISCIENTOS", 7: "SETECIENTOS", 8: "OCHOCIENTOS", 9: "NOVECIENTOS"}


def _hundreds(n: int) -> str:
    if n == 100:
        return "CIEN"
    c, r = divmod(n, 100)
    parts = [_HUNDREDS[c]] if c else []
    if r:
        if r < 30:
            parts.append(_UNITS[r])
        else:
            d, u = divmod(r, 10)
            parts.append(_TENS[d] + (" Y " + _UNITS[u] if u else ""))
    return " ".join(parts)


def int_words(n: int) -> str:
    """Cardinal in upper case with apocopated 'UN' (as used before PESOS / MIL)."""
    if n == 0:
        return "CERO"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("UN MILLÓN" if millions == 1 else _hundreds(millions) + " MILLONES")
    if thousands:
        parts.append("MIL" if thousands == 1 else _hundreds(thousands) + " MIL")
    if units:
        parts.append(_hundreds(units))
    return " ".join(parts)


def amount_words(amount: Decimal) -> str:
    whole = int(amount)
    cents = int((amount - whole) * 100)
    words = int_words(whole)
    de = " DE" if whole >= 1_000_000 and whole % 1_000_000 == 0 else ""
    return f"{words}{de} PESOS {cents:02d}/100 M.N."


def cardinal_lower(n: int) -> str:
    w = int_words(n).lower()
    if w.endswith("veintiún"):
        w = w[:-len("veintiún")] + "veintiuno"
    elif w.endswith(" un") or w == "un":
        w = w + "o"
    return w


MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]


def date_text(iso: str, style: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    if style == "long":
        return f"{d} de {MONTHS[m - 1]} de {y}"
    if style == "long_del":
        return f"{d} de {MONTHS[m - 1]} del {y}"
    if style == "upper":
        return f"{d} DE {MONTHS[m - 1].upper()} DE {y}"
    if style == "slash":
        return f"{d:02d}/{m:02d}/{y}"
    if style == "iso":
        return iso
    if style == "words":
        return f"{cardinal_lower(d)} días del mes de {MONTHS[m - 1]} de {cardinal_lower(y)}"
    raise ValueError(style)


def money(x) -> Decimal:
    return Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fmt_money(x: Decimal, sep: str = ",") -> str:
    s = f"{x:,.2f}"
    if sep == "'":  # old Mexican style: apostrophe for millions, comma for thousands
        whole, dec = s.split(".")
        groups = whole.split(",")
        if len(groups) > 2:
            whole = ",".join(groups[:-2]) + "'" + ",".join(groups[-2:])
        s = whole + "." + dec
    return s


# --------------------------------------------------------------------------------------
# RFC (Registro Federal de Contribuyentes) with the SAT check digit
# --------------------------------------------------------------------------------------

_RFC_DICT = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"
_HOMOCLAVE = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ"


def rfc_check_digit(base: str) -> str:
    """SAT check digit for the first 11 (persona moral) or 12 (persona física) chars."""
    s = base.upper().rjust(12)  # personas morales are padded with one leading space
    total = sum(_RFC_DICT.index(ch) * (13 - i) for i, ch in enumerate(s))
    r = total % 11
    if r == 0:
        return "0"
    d = 11 - r
    return "A" if d == 10 else str(d)


def rfc_is_valid(rfc: str) -> bool:
    return len(rfc) in (12, 13) and rfc_check_digit(rfc[:-1]) == rfc[-1]


def make_rfc(letters: str, yymmdd: str, seed: str) -> str:
    rng = random.Random("rfc:" + seed)
    base = letters + yymmdd + rng.choice(_HOMOCLAVE) + rng.choice(_HOMOCLAVE)
    return base + rfc_check_digit(base)


# --------------------------------------------------------------------------------------
# The cast: companies, public bodies, people
# --------------------------------------------------------------------------------------

COMPANIES = {  # key: (name, legal form, RFC letters, incorporation yymmdd)
    "magavel": ("Servicios Integrales Magavel", "S.A. de C.V.", "SIM", "150819"),
    "tlahuica": ("Tecnología y Seguridad Tlahuica", "S.A. de C.V.", "TST", "110504"),
    "vigia": ("Grupo Vigía Digital del Centro", "S. de R.L. de C.V.", "GVD", "170228"),
    "opticos": ("Sistemas Ópticos Cuernavaca", "S.A. de C.V.", "SOC", "090917"),
    "quatro": ("Quatro Desarrollo Móvil", "S.A. de C.V.", "QDM", "140312"),
    "ydosk": ("Soluciones Integrales YDOSK", "S.A. de C.V.", "SIY", "160705"),
    "halcon": ("Comercializadora Halcón Sistemas", "S.A. de C.V.", "CHS", "120126"),
}
PUBLIC_BODIES = {  # RFC only: public bodies are not vendors
    "cesp": ("CES", "130402"),
    "juarez": ("MJU", "850101"),
    "fge_nay": ("FGE", "141218"),
}
PERSONS = {  # key: (title, full name, RFC letters + birth date or None)
    "salgado": ("Lic.", "Jorge Alberto Salgado Ríos", None),
    "ocampo": ("Ing.", "Martha Elena Ocampo Villalobos", None),
    "quintero": ("C.P.", "Raúl Esteban Quintero Bahena", None),
    "velasco": ("C.", "María Guadalupe Velasco Arriaga", ("VEAM", "820915")),
    "figueroa": ("Ing.", "Pablo César Figueroa Nava", None),
    "mendoza": ("Lic.", "Andrea Paola Mendoza Cruz", None),
    "rebolledo": ("C.", "Joaquín Alfredo Rebolledo Díaz", None),
    "ramirez": ("C.P.", "Héctor Manuel Ramírez Olivas", None),
    "trevino": ("Lic.", "Ana Sofía Treviño Carrasco", None),
    "castaneda": ("Ing.", "Rodrigo Iván Castañeda Lugo", ("CALR", "780412")),
    "portillo": ("Lic.", "Daniel Alejandro Portillo Quezada", None),
    "lozano": ("C.", "Verónica Ivonne Lozano Terrazas", None),
    "partida": ("Mtro.", "Ernesto Javier Partida Robles", None),
    "dominguez": ("Lic.", "Karla Patricia Domínguez Ochoa", ("DOOK", "860621")),
    "ibarra": ("C.", "Lucía Fernanda Ibarra Solís", None),
    "aguilar": ("C.P.C.", "Silvia Renata Aguilar Montes", None),
    "benitez": ("C.", "Óscar Daniel Benítez Salas", ("BESO", "750203")),
    "holguin": ("Mtro.", "Arturo Gilberto Holguín Meléndez", None),
    "navarrete": ("Ing.", "Samuel Eduardo Navarrete Pliego", None),
}

RFC = {}
for _k, (_n, _f, _l, _d) in COMPANIES.items():
    RFC[_k] = make_rfc(_l, _d, _k)
for _k, (_l, _d) in PUBLIC_BODIES.items():
    RFC[_k] = make_rfc(_l, _d, _k)
for _k, (_t, _n, _r) in PERSONS.items():
    if _r:
        RFC[_k] = make_rfc(_r[0], _r[1], _k)
RFC["sat"] = "SAT970701NN3"  # RFC of the SAT itself, printed in every CFDI certification
assert all(rfc_is_valid(v) for v in RFC.values()), RFC

# --------------------------------------------------------------------------------------
# Document model
# --------------------------------------------------------------------------------------

NBSP = "\x01"  # protects spaces inside entities from line wrapping


def b(text: str):
    return (text, "b")


@dataclass
class P:
    runs: object  # str | list[str | (text, weight)]
    size: float = 10
    align: str = "left"
    indent: float = 0
    after: float = 5
    leading: float = 1.3
    family: str | None = None


@dataclass
class Table:
    widths: list
    rows: list
    size: float = 9
    header: bool = True
    aligns: list | None = None
    grid: bool = True
    after: float = 8
    pad: float = 3
    family: str | None = None


@dataclass
class Cols:
    cols: list  # each: list of runs (one entry = one paragraph, wrapped in the column)
    widths: list | None = None
    size: float = 9
    aligns: list | None = None
    after: float = 6
    box: bool = False
    family: str | None = None


@dataclass
class Sig:
    people: list  # each: {"top": [runs...], "lines": [runs...]}
    per_row: int = 2
    size: float = 9
    space: float = 38
    after: float = 10
    family: str | None = None


@dataclass
class Space:
    h: float


@dataclass
class Rule:
    width: float = 0.8
    after: float = 6
    gray: float = 0.35


@dataclass
class Letterhead:
    lines: list  # (text, weight, size)
    logo: str | None = "shield"
    after: float = 4


@dataclass
class QR:
    data: str
    size: float
    lines: list  # (runs, family, size)
    after: float = 6


@dataclass
class Stamp:  # ink stamp without text (scanned pages only)
    x: float
    y: float
    r: float


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


# --------------------------------------------------------------------------------------
# Layout (shared by the reportlab and the Pillow renderers)
# --------------------------------------------------------------------------------------

FONT_RL = {("sans", "r"): "Helvetica", ("sans", "b"): "Helvetica-Bold", ("sans", "i"): "Helvetica-Oblique",
           ("serif", "r"): "Times-Roman", ("serif", "b"): "Times-Bold", ("serif", "i"): "Times-Italic",
           ("mono", "r"): "Courier", ("mono", "b"): "Courier-Bold", ("mono", "i"): "Courier-Oblique"}
# Liberation fonts are metric-compatible with Helvetica / Times / Courier.
FONT_TTF = {("sans", "r"): "LiberationSans-Regular.ttf", ("sans", "b"): "LiberationSans-Bold.ttf",
            ("sans", "i"): "LiberationSans-Italic.ttf", ("serif", "r"): "LiberationSerif-Regular.ttf",
            ("serif", "b"): "LiberationSerif-Bold.ttf", ("serif", "i"): "LiberationSerif-Italic.ttf",
            ("mono", "r"): "LiberationMono-Regular.ttf", ("mono", "b"): "LiberationMono-Bold.ttf",
            ("mono", "i"): "LiberationMono-Italic.ttf"}


class RLMeasure:
    def width(self, text, family, weight, size):
        return stringWidth(text, FONT_RL[(family, weight)], size)


class PILMeasure:
    def __init__(self, dpi):
        self.scale = dpi / 72.0
        self.cache = {}

    def font(self, family, weight, size):
        key = (family, weight, size)
        if key not in self.cache:
            self.cache[key] = ImageFont.truetype(str(TTF_DIR / FONT_TTF[(family, weight)]),
                                                 max(1, round(size * self.scale)))
        return self.cache[key]

    def width(self, text, family, weight, size):
        return self.font(family, weight, size).getlength(text) / self.scale


def norm_runs(runs):
    if isinstance(runs, str):
        return [(runs, "r")]
    if isinstance(runs, tuple):
        return [runs]
    out = []
    for r in runs:
        out.append((r, "r") if isinstance(r, str) else r)
    return out


def protect(text: str, protected: list[str]) -> str:
    for s in sorted(protected, key=len, reverse=True):
        if " " in s and s in text:
            text = text.replace(s, s.replace(" ", NBSP))
    return text


class Layout:
    def __init__(self, page: Page, meas, family: str):
        self.page = page
        self.meas = meas
        self.family = family
        f = page.doc.footer
        self.footer_text = f(page) if callable(f) else f  # may register entities on the page
        self.protected = [e[1] for e in page.entities]
        w, h = page.doc.pagesize
        self.W, self.H = w, h
        self.ml, self.mt, self.mr, self.mb = page.doc.margins
        self.avail = w - self.ml - self.mr
        self.y = self.mt
        self.ops: list = []
        self.lines: list[str] = []

    # -- text primitives
    def width(self, text, weight, size, family=None):
        return self.meas.width(text.replace(NBSP, " "), family or self.family, weight, size)

    def wrap(self, runs, width, size, family=None):
        """Greedy wrap; returns a list of lines, each a list of (text, weight) segments."""
        family = family or self.family
        atoms, cur = [], None
        for text, w in norm_runs(runs):
            parts = protect(text, self.protected).split(" ")
            for i, part in enumerate(parts):
                if i > 0 and cur:
                    atoms.append(cur)
                    cur = None
                if part:
                    cur = (cur or []) + [(part, w)]
        if cur:
            atoms.append(cur)

        def aw(atom):
            return sum(self.width(t, w, size, family) for t, w in atom)

        fixed = []
        for atom in atoms:  # an entity wider than the line may break after all
            if aw(atom) > width and any(NBSP in t for t, _ in atom):
                for t, w in atom:
                    fixed.extend([(piece, w)] for piece in t.split(NBSP) if piece)
            else:
                fixed.append(atom)
        atoms = fixed
        space = self.width(" ", "r", size, family)
        lines, line, lw = [], [], 0.0
        for atom in atoms:
            a = aw(atom)
            if a > width + 0.01:
                raise ValueError(f"{self.page.doc.file} p{self.page.number}: too wide: {atom}")
            if line and lw + space + a > width:
                lines.append(line)
                line, lw = [], 0.0
            line.append(atom)
            lw += (space if len(line) > 1 else 0) + a
        if line:
            lines.append(line)
        out = []
        for line in lines:
            segs = []
            for k, atom in enumerate(line):
                for j, (t, w) in enumerate(atom):
                    t = t.replace(NBSP, " ")
                    if k > 0 and j == 0:
                        if segs:
                            segs[-1] = (segs[-1][0] + " ", segs[-1][1])
                    if segs and segs[-1][1] == w:
                        segs[-1] = (segs[-1][0] + t, w)
                    else:
                        segs.append((t, w))
            out.append(segs)
        return out

    def line_width(self, segs, size, family=None):
        return sum(self.width(t, w, size, family) for t, w in segs)

    def draw_line(self, segs, x, baseline, size, family=None, gray=0.0):
        family = family or self.family
        for t, w in segs:
            self.ops.append(("text", x, baseline, t, family, w, size, gray))
            x += self.width(t, w, size, family)

    def need(self, h):
        if self.y + h > self.H - self.mb - 14:
            raise ValueError(f"{self.page.doc.file} p{self.page.number}: page overflow at y={self.y:.0f}")

    # -- blocks
    def para(self, blk: P):
        fam = blk.family or self.family
        lh = blk.size * blk.leading
        width = self.avail - blk.indent
        for segs in self.wrap(blk.runs, width, blk.size, fam):
            self.need(lh)
            lw = self.line_width(segs, blk.size, fam)
            x = self.ml + blk.indent
            if blk.align == "center":
                x = self.ml + (self.avail - lw) / 2
            elif blk.align == "right":
                x = self.ml + self.avail - lw
            self.draw_line(segs, x, self.y + blk.size, blk.size, fam)
            self.lines.append("".join(t for t, _ in segs))
            self.y += lh
        self.y += blk.after

    def _grid_lines(self, cells_lines, widths, size, aligns, fam, x0, y0, pad, lh, row_h, fill=None,
                    grid=True):
        if fill is not None:
            self.ops.append(("rect", x0, y0, sum(widths), row_h, fill, None))
        lefts = [x0 + sum(widths[:ci]) for ci in range(len(widths))]
        for li in range(max((len(cl) for cl in cells_lines), default=0)):  # row-major: content order = reading order
            for ci, cl in enumerate(cells_lines):
                if li >= len(cl):
                    continue
                segs = cl[li]
                lw = self.line_width(segs, size, fam)
                al = (aligns[ci] if aligns else None) or "left"
                tx = lefts[ci] + pad
                if al == "right":
                    tx = lefts[ci] + widths[ci] - pad - lw
                elif al == "center":
                    tx = lefts[ci] + (widths[ci] - lw) / 2
                self.draw_line(segs, tx, y0 + pad + li * lh + size * 0.92, size, fam)
        if grid:
            self.ops.append(("rect", x0, y0, sum(widths), row_h, None, 0.5))
            x = x0
            for wdt in widths[:-1]:
                x += wdt
                self.ops.append(("line", x, y0, x, y0 + row_h, 0.5, 0.0))
        n = max(len(cl) for cl in cells_lines)
        for li in range(n):
            parts = ["".join(t for t, _ in cl[li]) for cl in cells_lines if li < len(cl)]
            self.lines.append(" ".join(p for p in parts if p))

    def table(self, blk: Table):
        fam = blk.family or self.family
        tot = sum(blk.widths)
        widths = [self.avail * w / tot for w in blk.widths]
        lh = blk.size * 1.22
        for ri, row in enumerate(blk.rows):
            header = blk.header and ri == 0
            cells_lines = []
            for ci, cell in enumerate(row):
                runs = norm_runs(cell if isinstance(cell, list) else [cell])
                if header:
                    runs = [(t, "b") for t, _ in runs]
                cells_lines.append(self.wrap(runs, widths[ci] - 2 * blk.pad, blk.size, fam) if
                                   any(t for t, _ in runs) else [])
            n = max(1, max(len(c) for c in cells_lines))
            row_h = n * lh + 2 * blk.pad
            self.need(row_h)
            self._grid_lines(cells_lines, widths, blk.size, None if header else blk.aligns, fam,
                             self.ml, self.y, blk.pad, lh, row_h, fill=0.86 if header and blk.grid else None,
                             grid=blk.grid)
            self.y += row_h
        self.y += blk.after

    def cols(self, blk: Cols):
        fam = blk.family or self.family
        ws = blk.widths or [1] * len(blk.cols)
        tot = sum(ws)
        widths = [self.avail * w / tot for w in ws]
        lh = blk.size * 1.28
        pad = 4 if blk.box else 0
        cells_lines = []
        for ci, col in enumerate(blk.cols):
            cl = []
            for runs in col:
                cl.extend(self.wrap(runs, widths[ci] - 2 * pad - 4, blk.size, fam))
            cells_lines.append(cl)
        n = max(len(c) for c in cells_lines)
        h = n * lh + 2 * pad
        self.need(h)
        self._grid_lines(cells_lines, widths, blk.size, blk.aligns, fam, self.ml, self.y, pad, lh, h,
                         grid=blk.box)
        self.y += h + blk.after

    def sig(self, blk: Sig):
        fam = blk.family or self.family
        colw = self.avail / blk.per_row
        for start in range(0, len(blk.people), blk.per_row):
            group = blk.people[start:start + blk.per_row]
            offset = (self.avail - colw * len(group)) / 2
            size = blk.size
            for p in group:  # shrink the block so that no name or company is broken over two lines
                for r in p.get("top", []) + p["lines"]:
                    segs = norm_runs(r)
                    joined = "".join(t for t, _ in segs)
                    if any(e in joined for e in self.protected):
                        w = self.line_width(segs, blk.size, fam)
                        if w > colw - 10:
                            size = min(size, blk.size * (colw - 10) / w)
            tops = [[s for r in p.get("top", []) for s in self.wrap(r, colw - 8, size, fam)] for p in group]
            bottoms = [[s for r in p["lines"] for s in self.wrap(r, colw - 8, size, fam)] for p in group]
            lh = size * 1.28
            ntop = max(len(t) for t in tops)
            nbot = max(len(t) for t in bottoms)
            self.need(ntop * lh + blk.space + nbot * lh)
            for li in range(ntop):
                parts = []
                for gi, t in enumerate(tops):
                    if li < len(t):
                        x0 = self.ml + offset + gi * colw
                        lw = self.line_width(t[li], size, fam)
                        self.draw_line(t[li], x0 + (colw - lw) / 2, self.y + size, size, fam)
                        parts.append("".join(s for s, _ in t[li]))
                self.lines.append(" ".join(parts))
                self.y += lh
            for gi in range(len(group)):
                x0 = self.ml + offset + gi * colw
                self.ops.append(("sign", x0 + colw * 0.2, self.y + 2, colw * 0.6, blk.space - 6,
                                 f"{self.page.doc.file}:{self.page.number}:{self.y:.0f}:{gi}"))
                self.ops.append(("line", x0 + colw * 0.12, self.y + blk.space, x0 + colw * 0.88,
                                 self.y + blk.space, 0.7, 0.0))
            self.y += blk.space + 3
            for li in range(nbot):
                parts = []
                for gi, t in enumerate(bottoms):
                    if li < len(t):
                        x0 = self.ml + offset + gi * colw
                        lw = self.line_width(t[li], size, fam)
                        self.draw_line(t[li], x0 + (colw - lw) / 2, self.y + size, size, fam)
                        parts.append("".join(s for s, _ in t[li]))
                self.lines.append(" ".join(parts))
                self.y += lh
            self.y += blk.after

    def letterhead(self, blk: Letterhead):
        y0 = self.y
        if blk.logo:
            self.ops.append(("logo", self.ml, y0, 46, blk.logo))
        for text, weight, size in blk.lines:
            segs = [(text, weight)]
            lw = self.line_width(segs, size)
            self.draw_line(segs, self.ml + (self.avail - lw) / 2, self.y + size, size)
            self.lines.append(text)
            self.y += size * 1.3
        self.y = max(self.y, y0 + 50) + 4
        self.ops.append(("line", self.ml, self.y, self.W - self.mr, self.y, 1.2, 0.25))
        self.y += 3
        self.ops.append(("line", self.ml, self.y, self.W - self.mr, self.y, 0.4, 0.25))
        self.y += 10 + blk.after

    def qr(self, blk: QR):
        y0 = self.y
        self.ops.append(("qr", self.ml, y0, blk.size, blk.data))
        x = self.ml + blk.size + 10
        width = self.avail - blk.size - 10
        for runs, fam, size in blk.lines:
            for segs in self.wrap(runs, width, size, fam):
                self.need(size * 1.25)
                self.draw_line(segs, x, self.y + size, size, fam)
                self.lines.append("".join(t for t, _ in segs))
                self.y += size * 1.25
        self.y = max(self.y, y0 + blk.size) + blk.after

    def footer(self, n, total):
        y = self.H - self.mb + 18
        self.ops.append(("line", self.ml, y - 11, self.W - self.mr, y - 11, 0.4, 0.4))
        parts = []
        size = 7.5
        if self.footer_text:
            self.draw_line([(self.footer_text, "r")], self.ml, y, size)
            parts.append(self.footer_text)
        right = f"Página {n} de {total}"
        self.draw_line([(right, "r")], self.W - self.mr - self.line_width([(right, "r")], size), y, size)
        parts.append(right)
        self.lines.append(" ".join(parts))

    def run(self):
        for blk in self.page.blocks:
            if isinstance(blk, P):
                self.para(blk)
            elif isinstance(blk, Table):
                self.table(blk)
            elif isinstance(blk, Cols):
                self.cols(blk)
            elif isinstance(blk, Sig):
                self.sig(blk)
            elif isinstance(blk, Space):
                self.y += blk.h
            elif isinstance(blk, Rule):
                self.ops.append(("line", self.ml, self.y, self.W - self.mr, self.y, blk.width, blk.gray))
                self.y += blk.after
            elif isinstance(blk, Letterhead):
                self.letterhead(blk)
            elif isinstance(blk, QR):
                self.qr(blk)
            elif isinstance(blk, Stamp):
                self.ops.append(("stamp", blk.x, blk.y, blk.r))
            else:
                raise TypeError(blk)
        self.footer(self.page.number, len(self.page.doc.pages))
        return self.ops, self.lines


# --------------------------------------------------------------------------------------
# Renderers
# --------------------------------------------------------------------------------------


def rl_logo(c, x, y, size, kind, H):
    c.saveState()
    c.setStrokeGray(0.25)
    c.setFillGray(0.85)
    cx, cy = x + size / 2, H - (y + size / 2)
    if kind == "shield":
        p = c.beginPath()
        p.moveTo(cx - size * 0.4, cy + size * 0.45)
        p.lineTo(cx + size * 0.4, cy + size * 0.45)
        p.lineTo(cx + size * 0.4, cy - size * 0.05)
        p.curveTo(cx + size * 0.4, cy - size * 0.3, cx + size * 0.1, cy - size * 0.45, cx, cy - size * 0.5)
        p.curveTo(cx - size * 0.1, cy - size * 0.45, cx - size * 0.4, cy - size * 0.3, cx - size * 0.4,
                  cy - size * 0.05)
        p.close()
        c.setLineWidth(1.4)
        c.drawPath(p, stroke=1, fill=1)
        c.setFillGray(0.35)
        c.circle(cx, cy + size * 0.05, size * 0.15, stroke=0, fill=1)
    else:
        c.setLineWidth(1.4)
        c.circle(cx, cy, size * 0.46, stroke=1, fill=1)
        c.circle(cx, cy, size * 0.36, stroke=1, fill=0)
        c.setFillGray(0.35)
        pts = []
        for k in range(10):
            r = size * (0.28 if k % 2 == 0 else 0.12)
            a = math.pi / 2 + k * math.pi / 5
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        p = c.beginPath()
        p.moveTo(*pts[0])
        for pt in pts[1:]:
            p.lineTo(*pt)
        p.close()
        c.drawPath(p, stroke=0, fill=1)
    c.restoreState()


def render_pdf(pages_ops, pagesize, title, author, subject="") -> bytes:
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(subject)
    c.setCreator("Expediente samples/generate.py")
    W, H = pagesize
    for ops in pages_ops:
        for op in ops:
            kind = op[0]
            if kind == "text":
                _, x, base, t, fam, w, size, gray = op
                c.setFillGray(gray)
                c.setFont(FONT_RL[(fam, w)], size)
                c.drawString(x, H - base, t)
            elif kind == "line":
                _, x1, y1, x2, y2, lw, gray = op
                c.setStrokeGray(gray)
                c.setLineWidth(lw)
                c.line(x1, H - y1, x2, H - y2)
            elif kind == "rect":
                _, x, y, w, h, fill, stroke = op
                if fill is not None:
                    c.setFillGray(fill)
                    c.rect(x, H - y - h, w, h, stroke=0, fill=1)
                if stroke:
                    c.setStrokeGray(0)
                    c.setLineWidth(stroke)
                    c.rect(x, H - y - h, w, h, stroke=1, fill=0)
            elif kind == "logo":
                rl_logo(c, op[1], op[2], op[3], op[4], H)
            elif kind == "qr":
                _, x, y, size, data = op
                wdg = QrCodeWidget(data, barLevel="M")
                bx = wdg.getBounds()
                d = Drawing(size, size, transform=[size / (bx[2] - bx[0]), 0, 0, size / (bx[3] - bx[1]), 0, 0])
                d.add(wdg)
                renderPDF.draw(d, c, x, H - y - size)
            elif kind in ("sign", "stamp"):
                pass  # born-digital documents carry no handwritten marks
        c.showPage()
    c.save()
    return buf.getvalue()


def pil_logo(d, x, y, size, kind, s, ink):
    cx, cy, r = (x + size / 2) * s, (y + size / 2) * s, size / 2 * s
    if kind == "shield":
        pts = [(cx - 0.8 * r, cy - 0.9 * r), (cx + 0.8 * r, cy - 0.9 * r), (cx + 0.8 * r, cy + 0.1 * r),
               (cx + 0.45 * r, cy + 0.7 * r), (cx, cy + r), (cx - 0.45 * r, cy + 0.7 * r),
               (cx - 0.8 * r, cy + 0.1 * r)]
        d.polygon(pts, fill=215, outline=ink, width=max(2, int(1.4 * s)))
        d.ellipse([cx - 0.3 * r, cy - 0.4 * r, cx + 0.3 * r, cy + 0.2 * r], fill=90)
    else:
        d.ellipse([cx - 0.92 * r, cy - 0.92 * r, cx + 0.92 * r, cy + 0.92 * r], fill=215, outline=ink,
                  width=max(2, int(1.4 * s)))
        d.ellipse([cx - 0.72 * r, cy - 0.72 * r, cx + 0.72 * r, cy + 0.72 * r], outline=ink, width=2)
        pts = []
        for k in range(10):
            rr = r * (0.56 if k % 2 == 0 else 0.24)
            a = -math.pi / 2 + k * math.pi / 5
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        d.polygon(pts, fill=90)


def pil_signature(d, x, y, w, h, seed, s):
    """A cursive-looking scribble: a looping curve drifting left to right, plus a flourish."""
    rng = random.Random("sign:" + seed)
    loops = rng.randint(4, 8)
    r = w / (loops * math.pi) * rng.uniform(0.9, 1.5)
    amp = h * rng.uniform(0.22, 0.34)
    phase = rng.uniform(0, 2 * math.pi)
    tilt = rng.uniform(-0.15, 0.15)
    wob = [(rng.uniform(0.5, 2.5), rng.uniform(0, 6.3), rng.uniform(0.05, 0.2)) for _ in range(3)]
    pts = []
    n = 420
    for k in range(n + 1):
        t = k / n
        om = 2 * math.pi * loops * t + phase
        env = math.sin(math.pi * min(1.0, t * 1.15)) ** 0.6
        px = x + w * 0.05 + w * 0.85 * t + r * math.cos(om) * env
        py = (y + h * 0.55 + amp * math.sin(om) * env * (1 + sum(a * math.sin(2 * math.pi * f * t + p)
                                                               for f, p, a in wob))
              + tilt * (px - x - w / 2))
        pts.append((px * s, py * s))
    d.line(pts, fill=50, width=max(3, int(1.0 * s)), joint="curve")
    fx0, fx1 = x + w * rng.uniform(0.0, 0.2), x + w * rng.uniform(0.8, 1.05)
    fy = y + h * rng.uniform(0.8, 0.95)
    flo = []
    for k in range(61):
        t = k / 60
        flo.append(((fx0 + (fx1 - fx0) * t) * s, (fy - h * 0.12 * math.sin(math.pi * t)) * s))
    d.line(flo, fill=65, width=max(2, int(0.8 * s)), joint="curve")


def pil_stamp(d, cx, cy, rr, seed):
    """An ink seal: two rings, the band filled with tick marks in place of lettering, a star."""
    rng = random.Random("stamp:" + seed)
    ink = 120
    d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], outline=ink, width=6)
    d.ellipse([cx - rr * 0.7, cy - rr * 0.7, cx + rr * 0.7, cy + rr * 0.7], outline=ink, width=4)
    for k in range(72):
        if rng.random() < 0.2:
            continue
        a = 2 * math.pi * k / 72
        r1, r2 = rr * 0.76, rr * rng.uniform(0.84, 0.92)
        d.line([(cx + r1 * math.cos(a), cy + r1 * math.sin(a)), (cx + r2 * math.cos(a), cy + r2 * math.sin(a))],
               fill=ink + 15, width=3)
    pts = []
    for k in range(10):
        r = rr * (0.4 if k % 2 == 0 else 0.17)
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    d.polygon(pts, outline=ink, width=3)


def render_raster(ops, pagesize, dpi) -> Image.Image:
    s = dpi / 72.0
    W, H = round(pagesize[0] * s), round(pagesize[1] * s)
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    meas = PILMeasure(dpi)
    ink = 28
    for op in ops:
        kind = op[0]
        if kind == "text":
            _, x, base, t, fam, w, size, gray = op
            d.text((x * s, base * s), t, font=meas.font(fam, w, size), fill=ink + int(gray * 200), anchor="ls")
        elif kind == "line":
            _, x1, y1, x2, y2, lw, gray = op
            d.line([(x1 * s, y1 * s), (x2 * s, y2 * s)], fill=ink + int(gray * 150), width=max(1, round(lw * s)))
        elif kind == "rect":
            _, x, y, w, h, fill, stroke = op
            box = [x * s, y * s, (x + w) * s, (y + h) * s]
            if fill is not None:
                d.rectangle(box, fill=int(fill * 255))
            if stroke:
                d.rectangle(box, outline=ink, width=max(1, round(stroke * s)))
        elif kind == "logo":
            pil_logo(d, op[1], op[2], op[3], op[4], s, ink)
        elif kind == "sign":
            pil_signature(d, op[1], op[2], op[3], op[4], op[5], s)
        elif kind == "stamp":
            _, x, y, r = op
            pil_stamp(d, x * s, y * s, r * s, f"{x}:{y}")
        elif kind == "qr":
            raise ValueError("QR codes are only drawn on born-digital pages")
    return img


_ND = NormalDist()


def _gauss_lut(sigma):
    return [max(0, min(255, round(128 + sigma * _ND.inv_cdf((i + 0.5) / 256)))) for i in range(256)]


def degrade(img: Image.Image, seed: str, skew: float, noise: float = 2.0) -> Image.Image:
    """Make a clean raster look scanned: blur, grey paper, texture, skew, specks, noise."""
    rng = random.Random("scan:" + seed)
    W, H = img.size
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    bg = rng.randint(228, 238)
    img = img.point(lambda v: round(v * bg / 255))
    tw, th = W // 48, H // 48
    tex = Image.frombytes("L", (tw, th), rng.randbytes(tw * th)).point(_gauss_lut(3.0))
    tex = tex.resize((W, H), Image.Resampling.BICUBIC)
    img = ImageChops.add(img, tex, 1.0, -128)
    img = img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=bg)
    d = ImageDraw.Draw(img)
    for _ in range(rng.randint(25, 45)):  # dust specks
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        r = rng.uniform(1.0, 3.5)
        d.ellipse([x - r, y - r * rng.uniform(0.6, 1.4), x + r, y + r], fill=rng.randint(40, 130))
    # a faint shadow along one edge of the scanner glass
    edge = rng.choice(["left", "right"])
    for k in range(18):
        x = k if edge == "left" else W - 1 - k
        d.line([(x, 0), (x, H)], fill=max(0, bg - 60 + k * 3))
    nz = Image.frombytes("L", (W, H), rng.randbytes(W * H)).point(_gauss_lut(noise))
    return ImageChops.add(img, nz, 1.0, -128)


def jpeg_bytes(img: Image.Image, quality: int = 62, dpi: int = SCAN_DPI) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


def pdf_from_jpegs(jpegs: list[bytes], pagesize, title, author) -> bytes:
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("Expediente samples/generate.py (simulated scan)")
    for data in jpegs:
        c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width=pagesize[0], height=pagesize[1])
        c.showPage()
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------------------
# Shared pieces of the documents
# --------------------------------------------------------------------------------------

BID = "EA-IT20-2020"
CONTRACT_MAGAVEL = "CESP/CAF/118/2020"
CONTRACT_JUAREZ = "DCA/TM/222/2020"
CONTRACT_HALCON = "SSP/DGA/045/2021"
BID_HALCON = "LA-917037986-E5-2021"
BID_JUAREZ = "TM-LP-018-2020"

MAGAVEL_TOTAL = money("1023123.00")
MAGAVEL_SUBTOTAL = money("882002.59")
MAGAVEL_IVA = money("141120.41")
assert MAGAVEL_SUBTOTAL + MAGAVEL_IVA == MAGAVEL_TOTAL
assert money(MAGAVEL_SUBTOTAL * Decimal("0.16")) == MAGAVEL_IVA
MAGAVEL_ITEMS = [  # (clave SAT, cantidad, clave unidad, unidad, descripcion, precio unitario)
    ("46171610", 24, "H87", "Pieza", "Cámara de monitoreo urbano 4K de 8 MP con analítica biométrica facial", "24150.00"),
    ("43211501", 2, "H87", "Pieza", "Servidor de procesamiento de video con 2 GPU y 96 TB de almacenamiento", "98400.00"),
    ("43232300", 24, "E48", "Licencia", "Licencia de software de analítica de video por 3 años", "2850.00"),
    ("81111800", 1, "E48", "Servicio", "Instalación, configuración y puesta en marcha en sitio", "37202.59"),
]
assert sum(money(i[5]) * i[1] for i in MAGAVEL_ITEMS) == MAGAVEL_SUBTOTAL

YDOSK_TOTAL = money("369339.00")
YDOSK_SUBTOTAL = money("318395.69")
YDOSK_IVA = money("50943.31")
assert YDOSK_SUBTOTAL + YDOSK_IVA == YDOSK_TOTAL
assert money(YDOSK_SUBTOTAL * Decimal("0.16")) == YDOSK_IVA
YDOSK_ITEMS = [
    ("43232600", 2, "E48", "Licencia", "Licencia anual de plataforma de análisis de información forense", "105000.00"),
    ("81111500", 1, "E48", "Servicio", "Implementación y configuración de la plataforma en la red institucional", "60000.00"),
    ("86101700", 1, "E48", "Servicio", "Capacitación especializada a personal ministerial y pericial (40 horas)", "48395.69"),
]
assert sum(money(i[5]) * i[1] for i in YDOSK_ITEMS) == YDOSK_SUBTOTAL

JUAREZ_MIN = money("6667722.00")
JUAREZ_MAX = money("16669305.00")
HALCON_TOTAL = money("2348760.00")
HALCON_SUBTOTAL = money("2024793.10")
HALCON_IVA = money("323966.90")
HALCON_ITEMS = [("Radio portátil digital con GPS y cifrado", 180, "10350.00"),
                ("Batería de repuesto de alta capacidad", 180, "850.00"),
                ("Programación y alta de los equipos en la red estatal", 1, "8793.10")]
assert HALCON_SUBTOTAL + HALCON_IVA == HALCON_TOTAL
assert money(HALCON_SUBTOTAL * Decimal("0.16")) == HALCON_IVA
assert sum(money(p) * q for _, q, p in HALCON_ITEMS) == HALCON_SUBTOTAL

assert amount_words(MAGAVEL_TOTAL) == "UN MILLÓN VEINTITRÉS MIL CIENTO VEINTITRÉS PESOS 00/100 M.N."


def hdr_morelos(pg: Page, area="Coordinación de Administración y Finanzas", size_boost=0.0):
    pg.add(Letterhead([("GOBIERNO DEL ESTADO DE MORELOS", "b", 11 + size_boost),
                       ("COMISIÓN ESTATAL DE SEGURIDAD PÚBLICA", "b", 10 + size_boost),
                       (area, "r", 9 + size_boost)], logo="shield"))


def hdr_juarez(pg: Page, area="Dirección de Contabilidad y Adquisiciones", size_boost=0.0):
    pg.add(Letterhead([("MUNICIPIO DE JUÁREZ, CHIHUAHUA", "b", 11 + size_boost),
                       ("TESORERÍA MUNICIPAL", "b", 10 + size_boost),
                       (area, "r", 9 + size_boost)], logo="circle"))


def hdr_nayarit(pg: Page, area="Dirección General de Administración", size_boost=0.0):
    pg.add(Letterhead([("FISCALÍA GENERAL DEL ESTADO DE NAYARIT", "b", 11 + size_boost),
                       (area, "r", 9.5 + size_boost)], logo="shield"))


def bid_line(pg: Page, size=10.5):
    pg.add(P([b("LICITACIÓN PÚBLICA NACIONAL PRESENCIAL No. "), b(pg.bid(BID))], size=size, align="center",
             after=2))


_FLAG_PATTERNS = None


def flag_patterns():
    """Regexes for things that look like entities; every match must be a marked entity."""
    global _FLAG_PATTERNS
    if _FLAG_PATTERNS is None:
        months = "|".join(MONTHS)
        _FLAG_PATTERNS = [
            ("amount", re.compile(r"\$\s?\d[\d,'.]*\d")),
            ("amount", re.compile(r"\d{1,3}(?:[,']\d{3})+\.\d{2}")),
            ("amount", re.compile(r"\b\d+\.\d{2}\b")),
            ("amount", re.compile(r"PESOS \d{2}/100", re.I)),
            ("rfc", re.compile(r"\b[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}\b")),
            ("date", re.compile(rf"\b\d{{1,2}}\s+(?:de\s+)?(?:{months})\b", re.I)),
            ("date", re.compile(rf"\b(?:{months})\s+(?:de|del)\s+\d{{4}}", re.I)),
            ("date", re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")),
            ("date", re.compile(r"\b\d{4}-\d{2}-\d{2}")),
            ("date", re.compile(r"días del mes de", re.I)),
            ("code", re.compile(r"\b[A-Z]{2,}(?:[/-][A-Z0-9]+){2,}\b")),
            ("person", re.compile(r"(?:\b(?:Lic|Ing|Mtro|Mtra|Dr|Dra|Arq|LIC|ING|MTRO)\.|\bC\.P\.(?:C\.)?|"
                                  r"(?<![\w.])C\.)\s+[A-ZÁÉÍÓÚÑ]")),
            ("vendor", re.compile(r"S\.\s?A\.(?:\s?P\.\s?I\.)?\s(?:de|DE)\s(?:C\.\s?V\.)|\bSA de CV\b|"
                                  r"S\.\s?de\s?R\.\s?L\.", re.I)),
        ]
    return _FLAG_PATTERNS


def looks_like_entity(s: str) -> bool:
    return any(rx.search(s) for _, rx in flag_patterns())


def clean_random(rng: random.Random, make):
    """Draw random strings (UUIDs, seals) until none of them looks like an entity."""
    while True:
        v = make(rng)
        if not looks_like_entity(v):
            return v


def cfdi_page(pg: Page, *, emisor: str, emisor_addr: str, cp: str, receptor: str, receptor_rfc: str,
              serie: str, folio: str, fecha: str, fecha_cert: str, items, subtotal, iva, total,
              total_style: str, uso: str, seed: str, note: str | None = None):
    rng = random.Random("cfdi:" + seed)
    uid = clean_random(rng, lambda r: str(uuid.UUID(int=r.getrandbits(128), version=4)).upper())
    cert_emisor = "00001000000" + "".join(rng.choice("0123456789") for _ in range(9))
    cert_sat = "00001000000" + "".join(rng.choice("0123456789") for _ in range(9))
    sello_cfdi = clean_random(rng, lambda r: base64.b64encode(r.randbytes(256)).decode())
    sello_sat = clean_random(rng, lambda r: base64.b64encode(r.randbytes(256)).decode())
    size = 8.5
    pg.add(Cols([
        [[b(pg.vendor(emisor, upper=True))], f"RFC: {pg.rfc(emisor)}",
         "Régimen fiscal: 601 - General de Ley Personas Morales", emisor_addr, f"Lugar de expedición: {cp}"],
        [[b("FACTURA")], f"Serie: {serie}   Folio: {folio}", "Folio fiscal (UUID):", uid,
         f"Fecha y hora de emisión: {pg.date(fecha[:10], printed=fecha)}",
         f"No. de certificado del emisor: {cert_emisor}", "Tipo de comprobante: I - Ingreso   Versión: 3.3"],
    ], widths=[56, 44], size=size, box=True, after=6))
    pg.add(Cols([[["Receptor: ", b(receptor)], f"RFC: {pg.rfc(receptor_rfc)}", f"Uso del CFDI: {uso}"]],
                size=size, box=True, after=8))
    rows = [["Clave SAT", "Cant.", "Unidad", "Descripción", "Valor unitario", "Importe"]]
    for clave, qty, cu, unit, desc, price in items:
        price = money(price)
        rows.append([clave, str(qty), f"{cu} {unit}", desc, pg.amount(price, "bare"), pg.amount(price * qty, "bare")])
    pg.add(Table([11, 6, 13, 40, 15, 15], rows, size=8, aligns=["left", "center", "left", "left", "right", "right"]))
    pg.add(Cols([
        ["Moneda: MXN - Peso Mexicano", "Forma de pago: 03 - Transferencia electrónica de fondos",
         "Método de pago: PUE - Pago en una sola exhibición"] + ([note] if note else []),
        [f"Subtotal: {pg.amount(subtotal, 'plain')}", f"IVA Traslado 16%: {pg.amount(iva, 'plain')}",
         [b("Total: " + pg.amount(total, total_style))]],
    ], widths=[60, 40], aligns=["left", "right"], size=size, after=4))
    pg.add(P([b("Importe con letra: "), pg.amount(total, "words")], size=size, after=8))
    mono = 6.3
    per_line = int((pg.doc.pagesize[0] - sum(pg.doc.margins[::2]) - 96 - 10) / (0.6 * mono)) - 1

    def chunks(s):
        return [s[i:i + per_line] for i in range(0, len(s), per_line)]

    lines = [([b("Sello digital del CFDI:")], "sans", 7)] + [(c, "mono", mono) for c in chunks(sello_cfdi)]
    lines += [([b("Sello digital del SAT:")], "sans", 7)] + [(c, "mono", mono) for c in chunks(sello_sat)]
    lines += [([b("Cadena original del complemento de certificación digital del SAT:")], "sans", 7)]
    lines += [(f"||1.1|{uid}|{pg.date(fecha_cert[:10], printed=fecha_cert)}|{pg.rfc('sat')}|", "mono", mono)]
    lines += [(c, "mono", mono) for c in chunks(sello_cfdi)] + [(f"|{cert_sat}||", "mono", mono)]
    lines += [(f"No. de serie del certificado del SAT: {cert_sat}", "sans", 7),
              (f"Fecha y hora de certificación: {pg.date(fecha_cert[:10], printed=fecha_cert)}", "sans", 7)]
    qr_data = (f"https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id={uid}&re={RFC[emisor]}"
               f"&rr={RFC[receptor_rfc]}&tt={total:017.6f}&fe={sello_cfdi[-8:]}")
    pg.add(QR(qr_data, 96, lines))
    pg.add(P("Este documento es una representación impresa de un CFDI.", size=7.5, align="center", after=0))
    return uid


# --------------------------------------------------------------------------------------
# Morelos: bid EA-IT20-2020 won by Servicios Integrales Magavel
# --------------------------------------------------------------------------------------

OBJ_C5 = ("ADQUISICIÓN DE EQUIPAMIENTO TECNOLÓGICO PARA EL CENTRO DE COORDINACIÓN, COMANDO, CONTROL, "
          "COMUNICACIONES Y CÓMPUTO (C5)")
LEY_MOR = ("Ley sobre Adquisiciones, Enajenaciones, Arrendamientos y Prestación de Servicios del Poder "
           "Ejecutivo del Estado Libre y Soberano de Morelos")


def doc_convocatoria():
    d = Doc("convocatoria_EA-IT20-2020_morelos.pdf", "Convocatoria de la licitación pública nacional EA-IT20-2020",
            "convocatoria", author="Comisión Estatal de Seguridad Pública de Morelos")
    d.footer = lambda pg: f"Convocatoria {pg.bid(BID)}"
    pg = d.page()
    hdr_morelos(pg)
    pg.add(P(b("CONVOCATORIA"), size=14, align="center", after=4))
    bid_line(pg)
    pg.add(P(OBJ_C5, size=9, align="center", after=10))
    pg.add(P(f"En observancia a lo dispuesto por el artículo 134 de la Constitución Política de los Estados "
             f"Unidos Mexicanos y de conformidad con la {LEY_MOR}, la Comisión Estatal de Seguridad Pública "
             f"convoca a las personas físicas y morales de nacionalidad mexicana que no se encuentren en los "
             f"supuestos del artículo 39 de dicha Ley, a participar en la licitación pública nacional presencial "
             f"No. {pg.bid(BID)}, relativa a la adquisición de equipamiento tecnológico para el Centro de "
             f"Coordinación, Comando, Control, Comunicaciones y Cómputo (C5), conforme a lo siguiente:"))
    pg.add(P(b("1. DESCRIPCIÓN GENERAL DE LOS BIENES"), after=4))
    pg.add(Table([8, 62, 12, 18], [
        ["Partida", "Descripción", "Cantidad", "Unidad de medida"],
        ["1", "Cámara de monitoreo urbano 4K de 8 MP con analítica biométrica facial", "24", "Pieza"],
        ["2", "Servidor de procesamiento de video con 2 GPU y 96 TB de almacenamiento", "2", "Pieza"],
        ["3", "Licencia de software de analítica de video por 3 años", "24", "Licencia"],
        ["4", "Instalación, configuración y puesta en marcha en sitio", "1", "Servicio"],
    ], aligns=["center", "left", "center", "left"]))
    pg.add(P(b("2. CALENDARIO DE EVENTOS"), after=4))
    pg.add(Table([38, 30, 12, 20], [
        ["Evento", "Fecha", "Hora", "Lugar"],
        ["Publicación de la convocatoria", pg.date("2020-11-23", "slash"), "-", "Periódico Oficial"],
        ["Venta de bases", f"del {pg.date('2020-11-23', 'slash')} al {pg.date('2020-11-27', 'slash')}",
         "9:00 a 15:00", "Caja general"],
        ["Junta de aclaraciones", pg.date("2020-11-30", "slash"), "10:00", "Sala de juntas"],
        ["Presentación y apertura de proposiciones", pg.date("2020-12-07", "slash"), "10:00", "Sala de juntas"],
        ["Fallo", pg.date("2020-12-15", "slash"), "12:00", "Sala de juntas"],
    ]))
    pg.add(P("Los actos se celebrarán en la sala de juntas de la Coordinación de Administración y Finanzas, "
             "ubicada en Avenida Teopanzolco No. 412, colonia Reforma, C.P. 62260, Cuernavaca, Morelos. "
             "Podrán asistir como observadores, sin necesidad de adquirir las bases, las personas físicas y "
             "morales que lo deseen, previo registro de su asistencia."))

    pg = d.page()
    hdr_morelos(pg)
    bid_line(pg)
    pg.add(Space(6))
    pg.add(P(b("3. COSTO Y FORMA DE PAGO DE LAS BASES"), after=4))
    pg.add(P(f"Las bases tendrán un costo de {pg.amount(2500, 'plain')} ({pg.amount(2500, 'words')}), no "
             f"reembolsable, que deberá cubrirse mediante depósito bancario a favor de la Secretaría de Hacienda "
             f"del Gobierno del Estado de Morelos o en la caja general de la Comisión Estatal de Seguridad "
             f"Pública."))
    pg.add(P(b("4. ORIGEN DE LOS RECURSOS"), after=4))
    pg.add(P("Fondo de Aportaciones para la Seguridad Pública de los Estados y del Distrito Federal (FASP), "
             "ejercicio fiscal 2020, partida presupuestal 5651."))
    pg.add(P(b("5. LUGAR, PLAZO Y CONDICIONES DE ENTREGA"), after=4))
    pg.add(P("Los bienes se entregarán en el almacén del C5, en un plazo no mayor a 10 días naturales contados "
             "a partir de la firma del contrato, debidamente instalados y en operación. El proveedor otorgará "
             "una garantía mínima de 24 meses contra defectos de fabricación y vicios ocultos."))
    pg.add(P(b("6. CONDICIONES DE PAGO"), after=4))
    pg.add(P("El pago se realizará en moneda nacional, mediante transferencia electrónica, dentro de los 20 días "
             "hábiles posteriores a la presentación del Comprobante Fiscal Digital por Internet (CFDI) "
             "correspondiente, previa validación del área requirente. No se otorgarán anticipos."))
    pg.add(P(b("7. CRITERIO DE EVALUACIÓN"), after=4))
    pg.add(P("Las proposiciones se evaluarán mediante el criterio binario: se adjudicará el contrato al "
             "licitante cuya proposición resulte solvente por cumplir con los requisitos legales, técnicos y "
             "económicos establecidos en la convocatoria y haya ofertado el precio más bajo."))
    pg.add(P("Ninguna de las condiciones contenidas en la convocatoria, así como en las proposiciones "
             "presentadas por los licitantes, podrá ser negociada.", after=14))
    pg.add(P(f"Cuernavaca, Morelos, a {pg.date('2020-11-23')}.", align="center", after=6))
    pg.add(Sig([{"lines": [[b(pg.person("salgado", "upper"))], "Coordinador de Administración y Finanzas"]}],
               per_row=1))
    return d


def doc_junta():
    d = Doc("acta_junta_aclaraciones_EA-IT20-2020_morelos.pdf",
            "Acta de la junta de aclaraciones de la licitación EA-IT20-2020", "acta",
            author="Comisión Estatal de Seguridad Pública de Morelos")
    d.footer = lambda pg: f"Junta de aclaraciones {pg.bid(BID)}"
    pg = d.page()
    hdr_morelos(pg)
    pg.add(P(b("ACTA DE LA JUNTA DE ACLARACIONES"), size=13, align="center", after=4))
    bid_line(pg)
    pg.add(P(OBJ_C5, size=9, align="center", after=10))
    pg.add(P(f"En la ciudad de Cuernavaca, Morelos, siendo las 10:00 horas del día {pg.date('2020-11-30')}, se "
             f"reunieron en la sala de juntas de la Coordinación de Administración y Finanzas de la Comisión "
             f"Estatal de Seguridad Pública los servidores públicos y los representantes de los licitantes cuyos "
             f"nombres y firmas aparecen al final de la presente acta, con el objeto de celebrar la junta de "
             f"aclaraciones de la licitación pública nacional presencial No. {pg.bid(BID)}, conforme a lo "
             f"dispuesto por la {LEY_MOR}."))
    pg.add(P(f"Preside el acto el {pg.person('salgado')}, Coordinador de Administración y Finanzas, asistido por "
             f"la {pg.person('ocampo')}, Directora de Tecnologías de la Información, en su carácter de área "
             f"requirente, y por el {pg.person('quintero')}, representante del Órgano Interno de Control."))
    pg.add(P("Se registró la asistencia de los siguientes licitantes:", after=4))
    pg.add(Table([58, 42], [
        ["Licitante", "Representante"],
        [pg.vendor("magavel"), pg.person("velasco")],
        [pg.vendor("tlahuica"), pg.person("figueroa")],
        [pg.vendor("vigia"), pg.person("mendoza")],
        [pg.vendor("opticos"), pg.person("rebolledo")],
    ]))
    pg.add(P(b("PREGUNTAS Y RESPUESTAS"), after=4))
    pg.add(P([b("Pregunta 1 "), f"({pg.vendor('magavel')}): ¿Se aceptan cámaras con una resolución superior "
              f"a la solicitada en la partida 1?"]))
    pg.add(P([b("Respuesta: "), "Sí, siempre que cumplan con las demás especificaciones del Anexo Técnico, "
              "incluida la analítica biométrica facial embebida en el equipo."], after=8))
    pg.add(P([b("Pregunta 2 "), f"({pg.vendor('vigia')}): ¿El servicio de instalación incluye la obra civil "
              f"para los postes?"]))
    pg.add(P([b("Respuesta: "), "No. La obra civil y los postes son existentes; el servicio comprende montaje, "
              "cableado, configuración y pruebas de funcionamiento."], after=8))

    pg = d.page()
    hdr_morelos(pg)
    bid_line(pg)
    pg.add(Space(6))
    pg.add(P([b("Pregunta 3 "), f"({pg.vendor('tlahuica')}): ¿Es posible entregar los bienes en dos "
              f"exhibiciones?"]))
    pg.add(P([b("Respuesta: "), "No. La entrega deberá realizarse en una sola exhibición dentro del plazo de 10 "
              "días naturales señalado en la convocatoria."], after=8))
    pg.add(P([b("Pregunta 4 "), f"({pg.vendor('opticos')}): ¿Se puede acreditar la analítica biométrica "
              f"mediante un servidor externo en lugar de hacerlo en la cámara?"]))
    pg.add(P([b("Respuesta: "), "No. El numeral 4.2 del Anexo Técnico exige que la analítica se ejecute en la "
              "propia cámara; las proposiciones que no lo acrediten serán desechadas."], after=8))
    pg.add(P(f"Se informa a los licitantes que el acto de presentación y apertura de proposiciones se llevará a "
             f"cabo el {pg.date('2020-12-07')} a las 10:00 horas, en esta misma sala."))
    pg.add(P("No habiendo más asuntos que tratar, se da por concluida la presente junta a las 11:40 horas del "
             "mismo día de su inicio, firmando de conformidad los que en ella intervinieron.", after=12))
    pg.add(Sig([
        {"lines": [[b(pg.person("salgado", "upper"))], "Coordinador de Administración y Finanzas"]},
        {"lines": [[b(pg.person("ocampo", "upper"))], "Directora de Tecnologías de la Información"]},
        {"lines": [[b(pg.person("quintero", "upper"))], "Órgano Interno de Control"]},
    ], per_row=3, space=32, size=8))
    pg.add(P(b("LICITANTES"), align="center", size=9, after=2))
    pg.add(Sig([
        {"lines": [[b(pg.person("velasco", "upper_plain"))], pg.vendor("magavel")]},
        {"lines": [[b(pg.person("figueroa", "upper_plain"))], pg.vendor("tlahuica")]},
        {"lines": [[b(pg.person("mendoza", "upper_plain"))], pg.vendor("vigia")]},
        {"lines": [[b(pg.person("rebolledo", "upper_plain"))], pg.vendor("opticos")]},
    ], per_row=2, space=28, size=8, after=4))
    return d


def doc_fallo():
    d = Doc("fallo_EA-IT20-2020_morelos.pdf", "Acta de fallo de la licitación pública nacional EA-IT20-2020",
            "fallo", author="Comisión Estatal de Seguridad Pública de Morelos")
    d.footer = lambda pg: f"Acta de fallo {pg.bid(BID)}"
    pg = d.page()
    hdr_morelos(pg)
    pg.add(P(b("ACTA DE FALLO"), size=14, align="center", after=4))
    bid_line(pg)
    pg.add(P(OBJ_C5, size=9, align="center", after=10))
    pg.add(P(f"En la ciudad de Cuernavaca, Morelos, siendo las 12:00 horas del día {pg.date('2020-12-15')}, en la "
             f"sala de juntas de la Coordinación de Administración y Finanzas de la Comisión Estatal de Seguridad "
             f"Pública, ubicada en Avenida Teopanzolco No. 412, colonia Reforma, se reunieron los servidores "
             f"públicos cuyos nombres y firmas aparecen al final de la presente acta, con el objeto de dar a "
             f"conocer el fallo de la licitación pública nacional presencial No. {pg.bid(BID)}, de conformidad "
             f"con lo dispuesto en los artículos 41 y 43 de la {LEY_MOR}."))
    pg.add(P(b("ANTECEDENTES"), after=4))
    pg.add(P(f"I. Con fecha {pg.date('2020-11-23')} se publicó la convocatoria de la licitación en el Periódico "
             f"Oficial \"Tierra y Libertad\" y en el portal de compras del Gobierno del Estado.", indent=14))
    pg.add(P(f"II. El {pg.date('2020-11-30')} se celebró la junta de aclaraciones, en la que se dio respuesta a "
             f"las preguntas formuladas por los licitantes.", indent=14))
    pg.add(P(f"III. El {pg.date('2020-12-07')} se llevó a cabo el acto de presentación y apertura de "
             f"proposiciones, en el que se recibieron cuatro proposiciones, mismas que fueron turnadas al área "
             f"requirente para su evaluación técnica.", indent=14))
    pg.add(P("IV. La evaluación se realizó mediante el criterio binario previsto en la convocatoria, verificando "
             "el cumplimiento de los requisitos legales, administrativos, técnicos y económicos, y adjudicando a "
             "la proposición solvente cuyo precio resultó ser el más bajo.", indent=14, after=8))
    pg.add(P(b("EVALUACIÓN TÉCNICA"), after=4))
    pg.add(P("La Dirección de Tecnologías de la Información, en su carácter de área requirente, emitió el dictamen "
             "técnico correspondiente, en el que verificó para cada proposición el cumplimiento de las "
             "especificaciones del Anexo Técnico, entre ellas: resolución mínima de 8 megapíxeles, analítica "
             "biométrica facial embebida en la cámara, almacenamiento de al menos 30 días de grabación continua, "
             "garantía mínima de 24 meses y soporte técnico en sitio dentro del territorio del Estado."))
    pg.add(P("Asimismo, se verificó que los licitantes no se encontraran inhabilitados por la Secretaría de la "
             "Contraloría ni en los supuestos de impedimento previstos en el artículo 39 de la Ley de la materia, "
             "y que las proposiciones económicas no rebasaran el presupuesto autorizado para la contratación."))

    pg = d.page()
    hdr_morelos(pg)
    bid_line(pg)
    pg.add(Space(6))
    pg.add(P(b("RESULTADO DE LA EVALUACIÓN"), after=4))
    pg.add(P("Derivado del análisis de la documentación legal, administrativa, técnica y económica, se obtuvo el "
             "siguiente resultado:", after=4))
    rows = [["Licitante", "RFC", "Importe total (IVA incluido)", "Dictamen"]]
    for key, amt, verdict in [("magavel", MAGAVEL_TOTAL, "Solvente"), ("vigia", "1096880.40", "Solvente"),
                              ("tlahuica", "1187540.00", "Solvente"), ("opticos", "998410.00", "Desechada")]:
        rows.append([pg.vendor(key), pg.rfc(key), pg.amount(amt, "plain"), verdict])
    pg.add(Table([42, 20, 22, 16], rows, size=8.5, aligns=["left", "left", "right", "center"]))
    pg.add(P(f"La proposición de {pg.vendor('opticos')} se desecha por no acreditar la analítica biométrica "
             f"facial embebida requerida en el numeral 4.2 del Anexo Técnico, en términos del dictamen técnico "
             f"emitido por el área requirente.", after=10))
    pg.add(P(b("FALLO"), size=11, align="center", after=6))
    pg.add(P(f"Con fundamento en el artículo 43 de la Ley de la materia, se adjudica el contrato derivado de la "
             f"licitación pública nacional presencial No. {pg.bid(BID)} a la empresa "
             f"{pg.vendor('magavel', upper=True)}, con Registro Federal de Contribuyentes {pg.rfc('magavel')}, "
             f"por haber presentado la proposición solvente cuyo precio es el más bajo, por un importe total de "
             f"{pg.amount(MAGAVEL_TOTAL, 'mn')} ({pg.amount(MAGAVEL_TOTAL, 'words')}), con el Impuesto al Valor "
             f"Agregado incluido, conforme al siguiente desglose:"))
    pg.add(Table([60, 40], [
        ["Concepto", "Importe"],
        ["Importe antes del Impuesto al Valor Agregado", pg.amount(MAGAVEL_SUBTOTAL, "plain")],
        ["Impuesto al Valor Agregado (16%)", pg.amount(MAGAVEL_IVA, "plain")],
        [b("Importe total adjudicado"), b(pg.amount(MAGAVEL_TOTAL, "plain"))],
    ], size=9, aligns=["left", "right"]))
    pg.add(P("El licitante adjudicado deberá entregar los bienes en un plazo no mayor a 10 días naturales "
             "contados a partir de la firma del contrato, en el almacén del C5, debidamente instalados y en "
             "operación, conforme a lo establecido en el Anexo Técnico de la convocatoria."))

    pg = d.page()
    hdr_morelos(pg)
    bid_line(pg)
    pg.add(Space(6))
    pg.add(P(b("FIRMA DEL CONTRATO Y GARANTÍAS"), after=4))
    pg.add(P(f"El representante legal de la empresa adjudicada deberá presentarse a firmar el contrato el "
             f"{pg.date('2020-12-18')} a las 10:00 horas, en las oficinas de la Coordinación de Administración y "
             f"Finanzas, previa entrega de la garantía de cumplimiento por un monto equivalente al 10% del "
             f"importe adjudicado, es decir, {pg.amount('102312.30', 'plain')}, mediante póliza de fianza "
             f"expedida por institución afianzadora autorizada."))
    pg.add(P("El pago se realizará dentro de los 20 días hábiles posteriores a la presentación del Comprobante "
             "Fiscal Digital por Internet (CFDI), previa validación del área requirente y del acta de "
             "entrega-recepción de los bienes."))
    pg.add(P("Con fundamento en el artículo 45 de la Ley de la materia, la presente acta se difundirá en el portal "
             "de compras del Gobierno del Estado, lo que sustituye a la notificación personal a los licitantes."))
    pg.add(P("No habiendo otro asunto que tratar, se da por concluido el presente acto a las 12:45 horas del mismo "
             "día de su inicio, firmando al margen y al calce los que en él intervinieron.", after=10))
    pg.add(P(b("POR LA CONVOCANTE"), align="center", size=9, after=2))
    pg.add(Sig([
        {"lines": [[b(pg.person("salgado", "upper"))], "Coordinador de Administración y Finanzas"]},
        {"lines": [[b(pg.person("ocampo", "upper"))], "Directora de Tecnologías de la Información"]},
        {"lines": [[b(pg.person("quintero", "upper"))], "Órgano Interno de Control"]},
    ], per_row=3, space=34, size=8))
    pg.add(P(b("POR LOS LICITANTES"), align="center", size=9, after=2))
    pg.add(Sig([
        {"lines": [[b(pg.person("velasco", "upper_plain"))], pg.vendor("magavel")]},
        {"lines": [[b(pg.person("mendoza", "upper_plain"))], pg.vendor("vigia")]},
        {"lines": [[b(pg.person("figueroa", "upper_plain"))], pg.vendor("tlahuica")]},
        {"lines": [[b(pg.person("rebolledo", "upper_plain"))], pg.vendor("opticos")]},
    ], per_row=2, space=28, size=8, after=4))
    return d


def doc_expediente():
    d = Doc("expediente_EA-IT20-2020_anexos.pdf",
            "Expediente de la licitación EA-IT20-2020: carátula, anexo técnico firmado (digitalizado) y propuesta "
            "económica", "expediente", author="Comisión Estatal de Seguridad Pública de Morelos")
    d.footer = lambda pg: f"Expediente {pg.bid(BID)}"
    pg = d.page()
    hdr_morelos(pg, "Departamento de Adquisiciones")
    pg.add(P(b("EXPEDIENTE DEL PROCEDIMIENTO DE CONTRATACIÓN"), size=13, align="center", after=10))
    pg.add(Table([34, 66], [
        ["Dato", "Contenido"],
        ["Procedimiento", f"Licitación pública nacional presencial No. {pg.bid(BID)}"],
        ["Objeto", "Adquisición de equipamiento tecnológico para el C5"],
        ["Proveedor adjudicado", pg.vendor("magavel")],
        ["RFC del proveedor", pg.rfc("magavel")],
        ["Número de contrato", pg.contract(CONTRACT_MAGAVEL)],
        ["Fecha del contrato", pg.date("2020-12-18")],
        ["Importe contratado", pg.amount(MAGAVEL_TOTAL, "mn")],
        ["Origen de los recursos", "FASP, ejercicio fiscal 2020"],
        ["Área requirente", "Dirección de Tecnologías de la Información"],
    ], size=9.5))
    pg.add(P(b("ÍNDICE DE ANEXOS"), after=4))
    pg.add(Table([12, 70, 18], [
        ["Anexo", "Descripción", "Página"],
        ["1", "Anexo técnico firmado por el proveedor (copia digitalizada)", "2"],
        ["2", "Propuesta económica del proveedor", "3"],
    ], size=9.5, aligns=["center", "left", "center"], after=14))
    pg.add(P(f"Integró el expediente: {pg.person('navarrete')}, Jefe del Departamento de Adquisiciones."))
    pg.add(P(f"Cuernavaca, Morelos, {pg.date('2020-12-21')}."))

    pg = d.page(scanned=True)
    pg.add(Letterhead([(pg.vendor("magavel", upper=True), "b", 12.5),
                       ("Calle Morelos Sur No. 1127, Col. Las Palmas, Cuernavaca, Morelos", "r", 10)], logo=None))
    pg.add(P(b("ANEXO TÉCNICO"), size=14, align="center", after=2))
    pg.add(P(f"Licitación pública nacional presencial No. {pg.bid(BID)}", size=12, align="center", after=10))
    pg.add(P("Especificaciones de los bienes ofertados:", size=12, after=6))
    pg.add(Table([10, 72, 18], [
        ["Partida", "Descripción", "Cantidad"],
        ["1", f"Cámara tipo bala 4K de 8 MP con módulo de {pg.unique('reconocimiento')} facial embebido, "
              f"visión nocturna de 50 m y gabinete IP67", "24"],
        ["2", "Servidor de procesamiento de video con 2 GPU y 96 TB", "2"],
        ["3", "Licencia de software de analítica de video, 3 años", "24"],
        ["4", "Instalación, configuración y puesta en marcha", "1"],
    ], size=11, aligns=["center", "left", "center"], after=10))
    pg.add(P("Bajo protesta de decir verdad, manifiesto que los bienes ofertados cumplen con la totalidad de las "
             "especificaciones solicitadas en la convocatoria y en la junta de aclaraciones, y que cuentan con "
             "una garantía de 24 meses.", size=12, after=10))
    pg.add(P(f"Cuernavaca, Morelos, a {pg.date('2020-12-07')}.", size=12, align="center", after=4))
    pg.add(Sig([{"lines": [[b(pg.person("velasco", "upper"))], "Representante Legal"]}], per_row=1, size=12,
               space=56))

    pg = d.page()
    pg.add(Letterhead([(pg.vendor("magavel", upper=True), "b", 11),
                       (f"RFC: {pg.rfc('magavel')}", "r", 9),
                       ("Calle Morelos Sur No. 1127, Col. Las Palmas, C.P. 62050, Cuernavaca, Morelos", "r", 9)],
                      logo="circle"))
    pg.add(P(b("ANEXO 2. PROPUESTA ECONÓMICA"), size=12, align="center", after=2))
    pg.add(P(f"Licitación pública nacional presencial No. {pg.bid(BID)}", align="center", after=10))
    rows = [["Partida", "Descripción", "Cant.", "Precio unitario", "Importe"]]
    for k, (_, qty, _, _, desc, price) in enumerate(MAGAVEL_ITEMS, 1):
        rows.append([str(k), desc, str(qty), pg.amount(price, "bare"), pg.amount(money(price) * qty, "bare")])
    rows.append(["", b("Subtotal"), "", "", pg.amount(MAGAVEL_SUBTOTAL, "bare")])
    rows.append(["", b("IVA 16%"), "", "", pg.amount(MAGAVEL_IVA, "bare")])
    rows.append(["", b("Total"), "", "", b(pg.amount(MAGAVEL_TOTAL, "bare"))])
    pg.add(Table([8, 52, 7, 16, 17], rows, size=8.5, aligns=["center", "left", "center", "right", "right"]))
    pg.add(P([b("Importe total con letra: "), pg.amount(MAGAVEL_TOTAL, "words")]))
    pg.add(P("Precios fijos en moneda nacional durante la vigencia del contrato. Vigencia de la proposición: 60 días "
             "naturales. Tiempo de entrega: 10 días naturales a partir de la firma del contrato.", after=14))
    pg.add(P(f"Cuernavaca, Morelos, a {pg.date('2020-12-07')}.", align="center", after=4))
    pg.add(Sig([{"lines": [[b(pg.person("velasco", "upper"))], "Representante Legal"]}], per_row=1))
    return d


def doc_factura_magavel():
    d = Doc("factura_magavel_A-2291_CESP_morelos.pdf",
            "CFDI serie A folio 2291 de Servicios Integrales Magavel a la Comisión Estatal de Seguridad Pública",
            "factura", author="Servicios Integrales Magavel, S.A. de C.V.", margins=(40, 36, 40, 50))
    d.footer = lambda pg: "Representación impresa de un CFDI versión 3.3"
    pg = d.page()
    cfdi_page(pg, emisor="magavel", emisor_addr="Calle Morelos Sur No. 1127, Col. Las Palmas, Cuernavaca, Morelos",
              cp="62050", receptor="COMISIÓN ESTATAL DE SEGURIDAD PÚBLICA", receptor_rfc="cesp", serie="A",
              folio="2291", fecha="2020-12-28T13:05:41", fecha_cert="2020-12-28T13:06:02", items=MAGAVEL_ITEMS,
              subtotal=MAGAVEL_SUBTOTAL, iva=MAGAVEL_IVA, total=MAGAVEL_TOTAL, total_style="sp_mn",
              uso="G03 - Gastos en general", seed="magavel",
              note=f"Contrato: {pg.contract(CONTRACT_MAGAVEL)}   Licitación: {pg.bid(BID)}")
    return d


def doc_acta_entrega():
    d = Doc("acta_entrega_recepcion_magavel_escaneada.pdf",
            "Acta de entrega-recepción de los bienes del contrato CESP/CAF/118/2020 (digitalizada)", "acta",
            family="serif", author="Comisión Estatal de Seguridad Pública de Morelos", margins=(72, 56, 72, 64))
    d.footer = lambda pg: "C5 Morelos - Almacén"
    pg = d.page(scanned=True)
    hdr_morelos(pg, "Centro de Coordinación, Comando, Control, Comunicaciones y Cómputo", size_boost=1.5)
    pg.add(P(b("ACTA DE ENTREGA-RECEPCIÓN DE BIENES"), size=14, align="center", after=4))
    pg.add(P(f"Contrato No. {pg.contract(CONTRACT_MAGAVEL)}, derivado de la licitación No. {pg.bid(BID)}",
             size=12, align="center", after=12))
    pg.add(P(f"En Cuernavaca, Morelos, siendo las 11:00 horas del {pg.date('2020-12-22')}, en el almacén del C5, "
             f"el proveedor {pg.vendor('magavel')}, representado por la {pg.person('velasco')}, hace entrega a "
             f"la Comisión Estatal de Seguridad Pública de los bienes que integran el sistema de "
             f"{pg.unique('videovigilancia')} urbana adquirido por un importe total de "
             f"{pg.amount(MAGAVEL_TOTAL, 'mn')}, conforme a lo siguiente:", size=12, after=8))
    pg.add(Table([10, 62, 12, 16], [
        ["Partida", "Descripción", "Cant.", "Estado"],
        ["1", "Cámara de monitoreo urbano 4K de 8 MP", "24", "Nuevo"],
        ["2", "Servidor de procesamiento de video", "2", "Nuevo"],
        ["3", "Licencias de analítica de video", "24", "Activadas"],
        ["4", "Instalación y puesta en marcha", "1", "Concluida"],
    ], size=11.5, aligns=["center", "left", "center", "left"], after=10))
    pg.add(P("Los bienes fueron revisados físicamente por personal de la Dirección de Tecnologías de la "
             "Información, quien verificó marcas, modelos y números de serie contra la propuesta técnica.",
             size=12))

    pg = d.page(scanned=True)
    hdr_morelos(pg, "Centro de Coordinación, Comando, Control, Comunicaciones y Cómputo", size_boost=1.5)
    pg.add(P(f"Continuación del acta de entrega-recepción del contrato No. {pg.contract(CONTRACT_MAGAVEL)}",
             size=12, after=10))
    pg.add(P(f"Las cámaras se instalaron en los puntos de monitoreo definidos por el C5. Los dos servidores "
             f"quedan en resguardo en el sitio de respaldo de {pg.unique('Tetecalita')}, municipio de Emiliano "
             f"Zapata, bajo la responsabilidad de la Dirección de Tecnologías de la Información.", size=12))
    pg.add(P("La recepción de los bienes no exime al proveedor de las obligaciones de garantía pactadas en el "
             "contrato. Se cierra la presente acta a las 13:30 horas del mismo día, firmando los que en ella "
             "intervinieron.", size=12, after=18))
    pg.add(Sig([
        {"top": ["ENTREGA"], "lines": [[b(pg.person("velasco", "upper"))], "Representante Legal"]},
        {"top": ["RECIBE"], "lines": [[b(pg.person("ocampo", "upper"))], "Directora de Tecnologías"]},
    ], per_row=2, size=11, space=60, after=16))
    pg.add(Sig([{"top": ["TESTIGO"], "lines": [[b(pg.person("quintero", "upper"))], "Órgano Interno de Control"]}],
               per_row=1, size=11, space=60))
    pg.add(Stamp(470, 610, 52))
    return d


# --------------------------------------------------------------------------------------
# Juárez: contract DCA/TM/222/2020 with Quatro Desarrollo Móvil
# --------------------------------------------------------------------------------------

OBJ_JUAREZ = ("desarrollo, implementación, operación y soporte de la plataforma de pagos móviles y atención "
              "ciudadana de la Tesorería Municipal")


def contract_head(pg: Page, size=10):
    pg.add(P([b("CONTRATO No. "), b(pg.contract(CONTRACT_JUAREZ))], size=size, align="right", after=6))


def doc_contrato_juarez():
    d = Doc("contrato_DCA-TM-222-2020_juarez.pdf",
            "Contrato abierto DCA/TM/222/2020 entre el Municipio de Juárez y Quatro Desarrollo Móvil", "contrato",
            family="serif", author="Municipio de Juárez, Chihuahua - Tesorería Municipal")
    d.footer = lambda pg: f"Contrato {pg.contract(CONTRACT_JUAREZ)}"
    s = 10.5
    pg = d.page()
    hdr_juarez(pg)
    contract_head(pg)
    pg.add(P(b("CONTRATO ABIERTO DE PRESTACIÓN DE SERVICIOS"), size=12.5, align="center", after=8))
    pg.add(P(f"CONTRATO ABIERTO DE PRESTACIÓN DE SERVICIOS QUE CELEBRAN, POR UNA PARTE, EL MUNICIPIO DE JUÁREZ, "
             f"ESTADO DE CHIHUAHUA, REPRESENTADO EN ESTE ACTO POR EL {pg.person('ramirez', 'upper')}, EN SU "
             f"CARÁCTER DE TESORERO MUNICIPAL, A QUIEN EN LO SUCESIVO SE LE DENOMINARÁ \"EL MUNICIPIO\", Y POR LA "
             f"OTRA, {pg.vendor('quatro', upper=True)}, REPRESENTADA POR EL {pg.person('castaneda', 'upper')}, "
             f"EN SU CARÁCTER DE REPRESENTANTE LEGAL, A QUIEN EN LO SUCESIVO SE LE DENOMINARÁ \"EL PROVEEDOR\", "
             f"AL TENOR DE LAS SIGUIENTES DECLARACIONES Y CLÁUSULAS:", size=s, after=8))
    pg.add(P(b("DECLARACIONES"), size=s, align="center", after=6))
    pg.add(P(b("I. DE \"EL MUNICIPIO\":"), size=s, after=4))
    pg.add(P("I.1. Que es una entidad de derecho público, investida de personalidad jurídica y patrimonio propios, "
             "en términos del artículo 115 de la Constitución Política de los Estados Unidos Mexicanos y del "
             "Código Municipal para el Estado de Chihuahua.", size=s, indent=12))
    pg.add(P("I.2. Que el Tesorero Municipal cuenta con las facultades necesarias para suscribir el presente "
             "contrato, de conformidad con el Reglamento Orgánico de la Administración Pública del Municipio de "
             "Juárez.", size=s, indent=12))
    pg.add(P(f"I.3. Que su Registro Federal de Contribuyentes es {pg.rfc('juarez')} y que señala como domicilio "
             f"el ubicado en Avenida Francisco Villa No. 950 Norte, colonia Centro, C.P. 32000, Ciudad Juárez, "
             f"Chihuahua.", size=s, indent=12))
    pg.add(P(f"I.4. Que la adjudicación del presente contrato se realizó mediante el procedimiento de licitación "
             f"pública presencial No. {pg.bid(BID_JUAREZ)}, cuyo fallo se emitió el {pg.date('2020-08-07')}, "
             f"y que cuenta con suficiencia presupuestal en la partida 3391 del presupuesto de egresos vigente.",
             size=s, indent=12))

    pg = d.page()
    hdr_juarez(pg)
    contract_head(pg)
    pg.add(P(b("II. DE \"EL PROVEEDOR\":"), size=s, after=4))
    pg.add(P(f"II.1. Que es una sociedad mercantil constituida conforme a las leyes mexicanas, según consta en la "
             f"escritura pública número 14,872 de fecha {pg.date('2014-03-12')}, otorgada ante la fe del Notario "
             f"Público número 21 del Distrito Judicial Bravos.", size=s, indent=12))
    pg.add(P(f"II.2. Que su representante legal, el {pg.person('castaneda')}, con Registro Federal de "
             f"Contribuyentes {pg.rfc('castaneda')}, cuenta con facultades suficientes para obligarla, mismas que "
             f"no le han sido revocadas ni limitadas en forma alguna.", size=s, indent=12))
    pg.add(P(f"II.3. Que su Registro Federal de Contribuyentes es {pg.rfc('quatro')} y que se encuentra al "
             f"corriente en el cumplimiento de sus obligaciones fiscales.", size=s, indent=12))
    pg.add(P("II.4. Que señala como domicilio para oír y recibir notificaciones el ubicado en Avenida Tecnológico "
             "No. 1770, colonia Fuentes del Valle, C.P. 32500, Ciudad Juárez, Chihuahua.", size=s, indent=12,
             after=8))
    pg.add(P(b("CLÁUSULAS"), size=s, align="center", after=6))
    pg.add(P([b("PRIMERA. OBJETO. "), f"\"EL PROVEEDOR\" se obliga a prestar a \"EL MUNICIPIO\" los servicios de "
              f"{OBJ_JUAREZ}, conforme a las especificaciones, entregables y niveles de servicio descritos en el "
              f"Anexo Único del presente contrato, el cual forma parte integrante del mismo."], size=s))
    pg.add(P([b("SEGUNDA. VIGENCIA. "), f"La vigencia del presente contrato será del {pg.date('2020-08-14')} al "
              f"{pg.date('2020-12-31')}, sin perjuicio de las obligaciones de garantía que subsistan con "
              f"posterioridad a dicha fecha."], size=s))

    pg = d.page()
    hdr_juarez(pg)
    contract_head(pg)
    pg.add(P([b("TERCERA. MONTO DEL CONTRATO. "), f"Las partes convienen que el presente contrato es abierto, por "
              f"lo que \"EL MUNICIPIO\" se obliga a ejercer un monto mínimo de {pg.amount(JUAREZ_MIN, 'plain')} "
              f"({pg.amount(JUAREZ_MIN, 'words')}) y un monto máximo de {pg.amount(JUAREZ_MAX, 'plain')} "
              f"({pg.amount(JUAREZ_MAX, 'words')}), cantidades que incluyen el Impuesto al Valor Agregado."],
             size=s))
    pg.add(Table([50, 50], [
        ["Concepto", "Importe con IVA"],
        ["Monto mínimo del contrato", pg.amount(JUAREZ_MIN, "mxn")],
        ["Monto máximo del contrato", pg.amount(JUAREZ_MAX, "mxn")],
    ], size=9.5, aligns=["left", "right"]))
    pg.add(P([b("CUARTA. FORMA DE PAGO. "), "\"EL MUNICIPIO\" pagará los servicios efectivamente prestados en "
              "mensualidades vencidas, dentro de los 30 días naturales siguientes a la presentación del CFDI "
              "correspondiente, previa validación de los entregables por la Dirección de Contabilidad y "
              "Adquisiciones."], size=s))
    pg.add(P([b("QUINTA. GARANTÍA DE CUMPLIMIENTO. "), f"\"EL PROVEEDOR\" otorgará fianza por el 10% del monto "
              f"máximo del contrato, es decir, {pg.amount('1666930.50', 'plain')}, a favor de la Tesorería "
              f"Municipal, dentro de los 10 días naturales siguientes a la firma del presente instrumento."],
             size=s))
    pg.add(P([b("SEXTA. PENAS CONVENCIONALES. "), "Por cada día natural de atraso en la entrega de los "
              "entregables, \"EL PROVEEDOR\" cubrirá una pena convencional equivalente al 0.5% del valor del "
              "entregable no prestado, sin que el total de las penas exceda el monto de la garantía de "
              "cumplimiento."], size=s))

    pg = d.page()
    hdr_juarez(pg)
    contract_head(pg)
    pg.add(P([b("SÉPTIMA. CONFIDENCIALIDAD. "), "\"EL PROVEEDOR\" se obliga a guardar estricta confidencialidad "
              "sobre la información de los contribuyentes a la que tenga acceso con motivo de los servicios, en "
              "términos de la legislación aplicable en materia de protección de datos personales."], size=s))
    pg.add(P([b("OCTAVA. JURISDICCIÓN. "), "Para la interpretación y cumplimiento del presente contrato, las "
              "partes se someten a la jurisdicción de los tribunales competentes con residencia en Ciudad Juárez, "
              "Chihuahua, renunciando al fuero que pudiera corresponderles por razón de su domicilio presente o "
              "futuro."], size=s, after=8))
    pg.add(P(f"Leído que fue el presente contrato y enteradas las partes de su contenido y alcance legal, lo firman "
             f"por duplicado en Ciudad Juárez, Chihuahua, a los {pg.date('2020-08-14', 'words')}.", size=s,
             after=14))
    pg.add(Sig([
        {"top": [[b("POR \"EL MUNICIPIO\"")]],
         "lines": [[b(pg.person("ramirez", "upper"))], "Tesorero Municipal"]},
        {"top": [[b("POR \"EL PROVEEDOR\"")]],
         "lines": [[b(pg.person("castaneda", "upper"))], "Representante Legal de",
                   pg.vendor("quatro", upper=True)]},
    ], per_row=2, size=9))
    pg.add(Sig([
        {"top": [[b("ÁREA CONTRATANTE")]],
         "lines": [[b(pg.person("trevino", "upper"))], "Directora de Contabilidad y Adquisiciones"]},
    ], per_row=1, size=9))
    pg.add(Sig([
        {"top": [[b("TESTIGO")]], "lines": [[b(pg.person("portillo", "upper"))]]},
        {"top": [[b("TESTIGO")]], "lines": [[b(pg.person("lozano", "upper"))]]},
    ], per_row=2, size=9, after=2))
    return d


def doc_contrato_juarez_scan():
    d = Doc("contrato_DCA-TM-222-2020_firmas_escaneado.pdf",
            "Contrato DCA/TM/222/2020: copia firmada de las cláusulas finales y hoja de firmas (digitalizada)",
            "contrato", family="serif", author="Municipio de Juárez, Chihuahua - Tesorería Municipal",
            margins=(72, 56, 72, 64))
    d.footer = lambda pg: f"Contrato {pg.contract(CONTRACT_JUAREZ)}"
    s = 12
    pg = d.page(scanned=True)
    hdr_juarez(pg, size_boost=1.5)
    contract_head(pg, size=12)
    pg.add(P([b("NOVENA. LUGAR DE PRESTACIÓN DE LOS SERVICIOS. "), f"Los servicios se prestarán en los módulos de "
              f"atención de la Tesorería Municipal y en la bodega del almacén municipal ubicada en el poblado de "
              f"{pg.unique('Samalayuca')}, donde {pg.vendor('quatro')} instalará el equipo de respaldo de la "
              f"plataforma."], size=s))
    pg.add(P([b("DÉCIMA. MONTO MÁXIMO. "), f"En ningún caso los pagos acumulados podrán rebasar el monto máximo "
              f"de {pg.amount(JUAREZ_MAX, 'plain')}, con el Impuesto al Valor Agregado incluido."], size=s))
    pg.add(P([b("DÉCIMA PRIMERA. RESCISIÓN. "), "\"EL MUNICIPIO\" podrá rescindir administrativamente el presente "
              "contrato en caso de incumplimiento de las obligaciones a cargo de \"EL PROVEEDOR\", sin "
              "necesidad de declaración judicial."], size=s))
    pg.add(P([b("DÉCIMA SEGUNDA. MODIFICACIONES. "), "Cualquier modificación al presente contrato deberá "
              "formalizarse por escrito mediante convenio firmado por ambas partes."], size=s))

    pg = d.page(scanned=True)
    hdr_juarez(pg, size_boost=1.5)
    contract_head(pg, size=12)
    pg.add(P(f"Leído que fue el presente contrato, se firma en tres tantos, {pg.unique('engargolado')} y "
             f"rubricado al margen de cada una de sus hojas, en Ciudad Juárez, Chihuahua, el "
             f"{pg.date('2020-08-14')}.", size=s, after=20))
    pg.add(Sig([
        {"top": [[b("POR \"EL MUNICIPIO\"")]], "lines": [[b(pg.person("ramirez", "upper"))], "Tesorero Municipal"]},
        {"top": [[b("POR \"EL PROVEEDOR\"")]],
         "lines": [[b(pg.person("castaneda", "upper"))], "Representante Legal"]},
    ], per_row=2, size=11, space=64, after=20))
    pg.add(Sig([
        {"top": [[b("TESTIGO")]], "lines": [[b(pg.person("portillo", "upper"))]]},
        {"top": [[b("TESTIGO")]], "lines": [[b(pg.person("lozano", "upper"))]]},
    ], per_row=2, size=11, space=64))
    pg.add(Stamp(160, 470, 50))
    return d


def doc_oficio_tesoreria_tiff():
    d = Doc("oficio_tesoreria_juarez_quatro_2020.tiff",
            "Oficio de la Tesorería Municipal de Juárez a Quatro Desarrollo Móvil requiriendo entregables "
            "(digitalizado, TIFF)", "oficio", family="serif", fmt="tiff",
            author="Municipio de Juárez, Chihuahua - Tesorería Municipal", margins=(72, 56, 72, 64))
    d.footer = lambda pg: "Tesorería Municipal"
    s = 12
    pg = d.page(scanned=True)
    hdr_juarez(pg, "Despacho del Tesorero Municipal", size_boost=1.5)
    pg.add(Cols([[], [f"Oficio No. {pg.ref('TM/DCA/1187/2020')}",
                      f"Ciudad Juárez, Chihuahua, {pg.date('2020-11-09')}",
                      f"Asunto: Requerimiento de entregables"]], widths=[40, 60], size=s, aligns=[None, "right"],
                after=14))
    pg.add(P([b(pg.person("castaneda", "upper"))], size=s, after=0))
    pg.add(P(["Representante Legal de ", pg.vendor("quatro")], size=s, after=0))
    pg.add(P("P r e s e n t e", size=s, after=12))
    pg.add(P(f"Con relación al contrato abierto No. {pg.contract(CONTRACT_JUAREZ)}, le requiero que en un plazo no "
             f"mayor a cinco días hábiles entregue a esta Tesorería el reporte de instalación de los quioscos de "
             f"pago del módulo de atención de la colonia {pg.unique('Anapra')}, así como las bitácoras de "
             f"disponibilidad de la plataforma correspondientes al mes de octubre.", size=s))
    pg.add(P("Lo anterior, toda vez que dichos entregables son requisito para la validación de la factura "
             "correspondiente, conforme a la cláusula cuarta del contrato.", size=s))

    pg = d.page(scanned=True)
    hdr_juarez(pg, "Despacho del Tesorero Municipal", size_boost=1.5)
    pg.add(P(f"Hoja 2 del oficio No. {pg.ref('TM/DCA/1187/2020')}", size=s, after=12))
    pg.add(P(f"Asimismo, deberá informar el avance de la instalación del módulo ubicado en el parque "
             f"{pg.unique('Chamizal')}, cuya puesta en operación estaba prevista para la primera quincena de "
             f"noviembre.", size=s))
    pg.add(P(f"Se le recuerda que el incumplimiento en la entrega dará lugar a la aplicación de las penas "
             f"convencionales pactadas, sin que el total de pagos pueda rebasar el monto máximo de "
             f"{pg.amount(JUAREZ_MAX, 'mn')}.", size=s, after=14))
    pg.add(P("Atentamente", size=s, align="center", after=2))
    pg.add(Sig([{"lines": [[b(pg.person("ramirez", "upper"))], "Tesorero Municipal"]}], per_row=1, size=s,
               space=60, after=20))
    pg.add(P(f"c.c.p. {pg.person('trevino')}, Directora de Contabilidad y Adquisiciones.", size=10, after=0))
    pg.add(P("c.c.p. Archivo.", size=10))
    return d


def doc_oficio_ase():
    d = Doc("oficio_requerimiento_ASE_chihuahua_juarez.pdf",
            "Oficio de la Auditoría Superior del Estado de Chihuahua requiriendo información del contrato "
            "DCA/TM/222/2020", "oficio", author="Auditoría Superior del Estado de Chihuahua")
    d.footer = lambda pg: "Auditoría Superior del Estado de Chihuahua"
    pg = d.page()
    pg.add(Letterhead([("AUDITORÍA SUPERIOR DEL ESTADO DE CHIHUAHUA", "b", 11),
                       ("Auditoría Especial de Fiscalización", "r", 9)], logo="circle"))
    pg.add(Cols([[], [f"Oficio No. {pg.ref('ASE/AEF/1342/2021')}", f"Chihuahua, Chihuahua, {pg.date('2021-05-03')}",
                      "Asunto: Solicitud de información y documentación"]], widths=[45, 55], size=10,
                aligns=[None, "right"], after=14))
    pg.add(P([b(pg.person("ramirez", "upper"))], after=0))
    pg.add(P("Tesorero Municipal de Juárez, Chihuahua", after=0))
    pg.add(P("Presente", after=12))
    pg.add(P(f"Con fundamento en los artículos 83 bis de la Constitución Política del Estado de Chihuahua y 7 de la "
             f"Ley de Fiscalización Superior del Estado, y en el marco de la auditoría a la Cuenta Pública 2020 del "
             f"Municipio de Juárez, le solicito proporcionar a esta Auditoría Superior, a más tardar el "
             f"{pg.date('2021-05-17')}, la información y documentación relativa al contrato abierto No. "
             f"{pg.contract(CONTRACT_JUAREZ)}, celebrado con {pg.vendor('quatro', legal='SA de CV', comma=False, name='Quatro Desarrollo Movil')}, "
             f"por un monto máximo de {pg.amount(JUAREZ_MAX, 'plain')} y un monto mínimo de "
             f"{pg.amount(JUAREZ_MIN, 'plain')}."))
    pg.add(P(f"De acuerdo con los registros contables del Municipio, al cierre del ejercicio se pagaron al "
             f"proveedor {pg.amount('9842117.36', 'plain')}, por lo que se requiere acreditar la prestación de los "
             f"servicios correspondientes."))
    pg.add(P("La documentación deberá entregarse en copia certificada y en formato digital, debidamente "
             "relacionada conforme al listado que se adjunta en la hoja 2 del presente oficio."))

    pg = d.page()
    pg.add(Letterhead([("AUDITORÍA SUPERIOR DEL ESTADO DE CHIHUAHUA", "b", 11),
                       ("Auditoría Especial de Fiscalización", "r", 9)], logo="circle"))
    pg.add(P(f"Hoja 2 del oficio No. {pg.ref('ASE/AEF/1342/2021')}", after=10))
    pg.add(P(b("DOCUMENTACIÓN REQUERIDA"), after=4))
    pg.add(Table([8, 92], [
        ["No.", "Documento"],
        ["1", f"Expediente completo de la licitación No. {pg.bid(BID_JUAREZ)}, incluido el fallo."],
        ["2", f"Contrato {pg.contract(CONTRACT_JUAREZ)} y sus anexos, con las firmas autógrafas de las partes."],
        ["3", "Póliza de fianza de cumplimiento y, en su caso, endosos."],
        ["4", "Comprobantes fiscales (CFDI) emitidos por el proveedor y pólizas de egresos de cada pago."],
        ["5", "Entregables mensuales validados por la Dirección de Contabilidad y Adquisiciones."],
        ["6", "Oficios de requerimiento de entregables y, en su caso, cálculo de penas convencionales."],
    ], size=9.5, aligns=["center", "left"]))
    pg.add(P("Sin otro particular, le envío un cordial saludo.", after=10))
    pg.add(P("Atentamente", align="center", after=2))
    pg.add(Sig([{"lines": [[b(pg.person("holguin", "upper"))], "Auditor Especial de Fiscalización"]}], per_row=1))
    pg.add(P(f"c.c.p. {pg.person('trevino')}, Directora de Contabilidad y Adquisiciones del Municipio de "
             f"Juárez.", size=8.5, after=0))
    return d


# --------------------------------------------------------------------------------------
# Nayarit: the YDOSK invoice to the Fiscalía General del Estado
# --------------------------------------------------------------------------------------

def doc_factura_ydosk():
    d = Doc("factura_ydosk_fiscalia_nayarit.pdf",
            "CFDI serie A folio 412 de Soluciones Integrales YDOSK a la Fiscalía General del Estado de Nayarit",
            "factura", author="Soluciones Integrales YDOSK, S.A. de C.V.", margins=(40, 36, 40, 50))
    d.footer = lambda pg: "Representación impresa de un CFDI versión 3.3"
    pg = d.page()
    uid = cfdi_page(pg, emisor="ydosk", emisor_addr="Av. México No. 253 Norte, Col. Centro, Tepic, Nayarit", cp="63000",
              receptor="FISCALÍA GENERAL DEL ESTADO DE NAYARIT", receptor_rfc="fge_nay", serie="A", folio="412",
              fecha="2021-03-18T10:42:17", fecha_cert="2021-03-18T10:42:51", items=YDOSK_ITEMS,
              subtotal=YDOSK_SUBTOTAL, iva=YDOSK_IVA, total=YDOSK_TOTAL, total_style="plain",
              uso="G03 - Gastos en general", seed="ydosk")
    d.uuid = uid
    return d


def doc_oficio_fiscalia_scan(uid: str):
    d = Doc("oficio_fiscalia_nayarit_acuse_ydosk_escaneado.pdf",
            "Oficio de la Fiscalía General del Estado de Nayarit que acusa recibo de la factura de YDOSK "
            "(digitalizado)", "oficio", family="serif", author="Fiscalía General del Estado de Nayarit",
            margins=(72, 56, 72, 64))
    d.footer = lambda pg: "Fiscalía General del Estado de Nayarit"
    s = 12
    pg = d.page(scanned=True)
    hdr_nayarit(pg, size_boost=1.5)
    pg.add(Cols([[], [f"Oficio No. {pg.ref('FGE/DGA/0458/2021')}", f"Tepic, Nayarit, {pg.date('2021-03-25')}",
                      "Asunto: Acuse de recibo de factura"]], widths=[40, 60], size=s, aligns=[None, "right"],
                after=14))
    pg.add(P([b(pg.person("dominguez", "upper"))], size=s, after=0))
    pg.add(P(["Representante Legal de ", pg.vendor("ydosk")], size=s, after=0))
    pg.add(P("Presente", size=s, after=12))
    pg.add(P(f"Por este conducto acuso de recibido el comprobante fiscal con folio fiscal {uid}, emitido a favor "
             f"de esta Fiscalía por un importe de {pg.amount(YDOSK_TOTAL, 'plain')} "
             f"({pg.amount(YDOSK_TOTAL, 'words')}), correspondiente a las licencias, la implementación y la "
             f"capacitación prestadas en las instalaciones de la Vicefiscalía Regional con sede en "
             f"{pg.unique('Xalisco')}.", size=s))
    pg.add(P("La factura se turna a la Dirección de Recursos Financieros para el trámite de pago, una vez que el "
             "área usuaria valide la recepción de los servicios.", size=s, after=14))
    pg.add(P("Atentamente", size=s, align="center", after=2))
    pg.add(Sig([{"lines": [[b(pg.person("partida", "upper"))], "Director General de Administración"]}], per_row=1,
               size=s, space=60, after=16))
    pg.add(P("c.c.p. Dirección de Recursos Financieros.", size=10, after=0))
    pg.add(Stamp(420, 560, 48))
    return d


def doc_contrarrecibo_photo():
    d = Doc("foto_contrarrecibo_ydosk_nayarit.jpg",
            "Fotografía del contrarrecibo de la Fiscalía General del Estado de Nayarit por la factura de YDOSK",
            "recibo", family="sans", fmt="jpeg", pagesize=(612, 396), author="Fiscalía General del Estado de Nayarit",
            margins=(40, 28, 40, 40))
    d.footer = lambda pg: "Dirección de Recursos Financieros"
    s = 11
    pg = d.page(scanned=True)
    pg.add(Letterhead([("FISCALÍA GENERAL DEL ESTADO DE NAYARIT", "b", 12),
                       ("Dirección de Recursos Financieros", "r", 10.5)], logo="shield", after=0))
    pg.add(P([b(pg.unique("CONTRARRECIBO") + " No. 0931")], size=13, align="center", after=8))
    pg.add(Cols([
        [["Recibimos de: ", b(pg.vendor("ydosk"))], f"RFC: {pg.rfc('ydosk')}", "Factura: serie A, folio 412",
         ["Importe: ", b(pg.amount(YDOSK_TOTAL, "plain"))]],
        [f"Fecha de recepción: {pg.date('2021-03-26', 'slash')}",
         f"Fecha probable de pago: {pg.date('2021-04-23', 'slash')}", "Recibió:", pg.person("ibarra")],
    ], widths=[55, 45], size=s, after=8))
    pg.add(P("Presentar este documento original para recibir el pago.", size=9.5, align="center", after=0))
    pg.add(Stamp(470, 300, 34))
    return d


# --------------------------------------------------------------------------------------
# Morelos: audit report and the 2021 contract with another vendor
# --------------------------------------------------------------------------------------

def hdr_esaf(pg: Page):
    pg.add(Letterhead([("CONGRESO DEL ESTADO DE MORELOS", "b", 11),
                       ("ENTIDAD SUPERIOR DE AUDITORÍA Y FISCALIZACIÓN", "b", 10),
                       ("Auditoría Especial de Cumplimiento Financiero", "r", 9)], logo="circle"))


def doc_auditoria():
    d = Doc("informe_auditoria_seguridad_publica_morelos.pdf",
            "Informe individual de auditoría al gasto en seguridad pública del Estado de Morelos", "auditoria",
            pagesize=A4, author="Entidad Superior de Auditoría y Fiscalización del Estado de Morelos")
    d.footer = lambda pg: f"Informe individual de auditoría {pg.ref('ESAF/AECF/2020/117')}"
    pg = d.page()
    hdr_esaf(pg)
    pg.add(P(b("INFORME INDIVIDUAL DE AUDITORÍA"), size=14, align="center", after=4))
    pg.add(P("Cuenta Pública 2020 y seguimiento al ejercicio 2021", size=11, align="center", after=12))
    pg.add(Table([35, 65], [
        ["Dato", "Contenido"],
        ["Auditoría", f"De cumplimiento financiero No. {pg.ref('ESAF/AECF/2020/117')}"],
        ["Ente fiscalizado", "Comisión Estatal de Seguridad Pública"],
        ["Fondo revisado", "Fondo de Aportaciones para la Seguridad Pública (FASP)"],
        ["Universo seleccionado", pg.amount("48732519.44", "plain")],
        ["Muestra auditada", pg.amount("21904338.17", "plain")],
        ["Representatividad de la muestra", "44.9%"],
    ], size=9.5))
    pg.add(P(b("1. OBJETIVO"), after=4))
    pg.add(P("Fiscalizar la gestión de los recursos del FASP transferidos al Gobierno del Estado de Morelos, a fin "
             "de verificar que su ejercicio y aplicación se realizaron de conformidad con lo establecido en la Ley "
             "de Coordinación Fiscal, los lineamientos del fondo y las demás disposiciones jurídicas aplicables."))
    pg.add(P(b("2. ALCANCE"), after=4))
    pg.add(P("La revisión comprendió la evaluación del control interno, la transferencia de los recursos, su "
             "registro contable y presupuestal, el destino de los recursos, las adquisiciones realizadas y la "
             "transparencia en el ejercicio del gasto. Se revisaron los expedientes de contratación, los "
             "comprobantes fiscales y la evidencia de la entrega de los bienes y servicios."))
    pg.add(P(b("3. CRITERIOS DE SELECCIÓN"), after=4))
    pg.add(P("La auditoría se seleccionó con base en la importancia relativa de los recursos, la recurrencia de "
             "observaciones en ejercicios anteriores y las denuncias ciudadanas recibidas respecto de la "
             "adquisición de equipamiento tecnológico para el C5."))

    pg = d.page()
    hdr_esaf(pg)
    pg.add(P(b("4. RESULTADOS"), after=6))
    pg.add(P([b("Resultado 1. Control interno. "), "Se determinó que la Comisión carece de un manual de "
              "procedimientos actualizado para las adquisiciones financiadas con recursos federales, lo que "
              "representa un riesgo medio para el cumplimiento de sus objetivos."]))
    pg.add(P([b("Resultado 2. Transferencia de recursos. "), f"La Secretaría de Hacienda del Estado recibió "
              f"{pg.amount('152618400.00', 'plain')} del FASP 2020 y los transfirió en tiempo a las instancias "
              f"ejecutoras, sin observaciones."]))
    pg.add(P([b("Resultado 3. Registro contable. "), f"Se constató que los egresos se registraron contable y "
              f"presupuestalmente; sin embargo, se identificaron pólizas sin documentación soporte por "
              f"{pg.amount('214906.12', 'plain')}, que fueron aclaradas durante la auditoría."]))
    pg.add(P([b("Resultado 4. Servicios personales. "), f"Se revisaron las nóminas pagadas con recursos del fondo "
              f"por {pg.amount('6380442.90', 'plain')}; los pagos se ajustaron a los tabuladores autorizados y "
              f"no se identificaron pagos a personal dado de baja."]))
    pg.add(P(b("Cuadro 1. Adquisiciones revisadas por capítulo de gasto"), size=9.5, after=4))
    pg.add(Table([50, 25, 25], [
        ["Capítulo de gasto", "Ejercido", "Revisado"],
        ["2000 Materiales y suministros", pg.amount("9412003.55", "plain"), pg.amount("3104228.00", "plain")],
        ["3000 Servicios generales", pg.amount("14220871.03", "plain"), pg.amount("5088716.44", "plain")],
        ["5000 Bienes muebles e intangibles", pg.amount("25099644.86", "plain"),
         pg.amount("13711393.73", "plain")],
        [b("Total"), b(pg.amount("48732519.44", "plain")), b(pg.amount("21904338.17", "plain"))],
    ], size=9, aligns=["left", "right", "right"]))

    pg = d.page()
    hdr_esaf(pg)
    pg.add(P([b("Resultado 5. Adquisición de equipo de monitoreo para el C5. "),
              f"Con recursos del FASP 2020 la Comisión adjudicó a {pg.vendor('magavel')} el contrato "
              f"{pg.contract(CONTRACT_MAGAVEL)}, derivado de la licitación No. {pg.bid(BID)}, por un monto de "
              f"{pg.amount(MAGAVEL_TOTAL, 'apos')}. Se constató el pago de {pg.amount(MAGAVEL_TOTAL, 'mxn')} "
              f"mediante transferencia del {pg.date('2021-01-19')}; no obstante, en la inspección física "
              f"realizada el {pg.date('2021-09-08')} se identificaron 6 cámaras sin operar, por lo que se "
              f"recomienda a la Comisión acreditar su funcionamiento."]))
    pg.add(P([b("Resultado 6. Adquisición de radios de comunicación. "),
              f"Con recursos del ejercicio 2021 se formalizó el contrato {pg.contract(CONTRACT_HALCON)} con "
              f"{pg.vendor('halcon', legal='S. A. de C. V.')}, derivado de la licitación pública nacional "
              f"electrónica No. {pg.bid(BID_HALCON)}, por {pg.amount(HALCON_TOTAL, 'plain')}. Se observó un pago "
              f"en exceso de {pg.amount('312480.00', 'plain')} por radios no entregados a la fecha de la "
              f"revisión, monto que se incluye en el pliego de observaciones."]))
    pg.add(P(b("Cuadro 2. Contratos revisados"), size=9.5, after=4))
    pg.add(Table([23, 53, 24], [
        ["Contrato", "Proveedor", "Importe"],
        [pg.contract(CONTRACT_MAGAVEL), pg.vendor("magavel"), pg.amount(MAGAVEL_TOTAL, "mxn")],
        [pg.contract(CONTRACT_HALCON), pg.vendor("halcon", legal="S. A. de C. V."), pg.amount(HALCON_TOTAL, "mxn")],
    ], size=8.5, aligns=["left", "left", "right"]))
    pg.add(P(b("5. DICTAMEN"), after=4))
    pg.add(P("Con base en los resultados, se concluye que la Comisión Estatal de Seguridad Pública realizó, en "
             "general, una gestión razonable de los recursos del fondo, excepto por las áreas de oportunidad "
             "señaladas en los resultados 5 y 6.", after=12))
    pg.add(P(f"Cuernavaca, Morelos, {pg.date('2022-02-14')}.", align="center", after=4))
    pg.add(Sig([{"lines": [[b(pg.person("aguilar", "upper"))], "Auditora Especial de Cumplimiento Financiero"]}],
               per_row=1))
    return d


def doc_contrato_halcon():
    d = Doc("contrato_SSP-DGA-045-2021_morelos.pdf",
            "Contrato SSP/DGA/045/2021 de adquisición de radios con Comercializadora Halcón Sistemas", "contrato",
            author="Comisión Estatal de Seguridad Pública de Morelos")
    d.footer = lambda pg: f"Contrato {pg.contract(CONTRACT_HALCON)}"
    pg = d.page()
    hdr_morelos(pg, "Dirección General de Administración")
    pg.add(P([b("CONTRATO DE ADQUISICIÓN No. "), b(pg.contract(CONTRACT_HALCON))], size=12, align="center",
             after=10))
    pg.add(P(f"CONTRATO DE ADQUISICIÓN DE BIENES QUE CELEBRAN, POR UNA PARTE, LA COMISIÓN ESTATAL DE SEGURIDAD "
             f"PÚBLICA DEL ESTADO DE MORELOS, REPRESENTADA POR EL {pg.person('salgado', 'upper')}, Y POR LA OTRA, "
             f"{pg.vendor('halcon', legal='SA DE CV', comma=False, upper=True)}, REPRESENTADA POR EL "
             f"{pg.person('benitez', 'upper')}, EN SU CARÁCTER DE ADMINISTRADOR ÚNICO, AL TENOR DE LAS "
             f"SIGUIENTES DECLARACIONES Y CLÁUSULAS:", after=8))
    pg.add(P(b("DECLARACIONES"), align="center", after=4))
    pg.add(P(f"I. La Comisión declara que el presente contrato se adjudicó mediante la licitación pública nacional "
             f"electrónica No. {pg.bid(BID_HALCON)}, cuyo fallo se emitió el {pg.date('2021-06-02')}, y que "
             f"cuenta con recursos del FASP 2021 en la partida presupuestal 5651.", indent=12))
    pg.add(P(f"II. El proveedor declara que su Registro Federal de Contribuyentes es {pg.rfc('halcon')}, que su "
             f"administrador único, con RFC {pg.rfc('benitez')}, cuenta con facultades para obligarlo, y que "
             f"señala como domicilio el ubicado en Boulevard Cuauhnáhuac No. 1480, Jiutepec, Morelos.", indent=12))
    pg.add(P(b("CLÁUSULAS"), align="center", after=4))
    pg.add(P([b("PRIMERA. OBJETO. "), "El proveedor se obliga a entregar 180 radios portátiles de comunicación "
              "digital con sus accesorios, conforme al anexo técnico de la licitación."]))
    pg.add(P([b("SEGUNDA. MONTO. "), f"El monto total del contrato es de {pg.amount(HALCON_TOTAL, 'plain')} "
              f"({pg.amount(HALCON_TOTAL, 'words')}), con el Impuesto al Valor Agregado incluido."]))

    pg = d.page()
    hdr_morelos(pg, "Dirección General de Administración")
    pg.add(P([b("CONTRATO DE ADQUISICIÓN No. "), b(pg.contract(CONTRACT_HALCON))], size=10, align="right",
             after=8))
    rows = [["Partida", "Descripción", "Cant.", "Precio unitario", "Importe"]]
    for k, (desc, qty, price) in enumerate(HALCON_ITEMS, 1):
        rows.append([str(k), desc, str(qty), pg.amount(price, "bare"), pg.amount(money(price) * qty, "bare")])
    rows.append(["", b("Subtotal"), "", "", pg.amount(HALCON_SUBTOTAL, "bare")])
    rows.append(["", b("IVA 16%"), "", "", pg.amount(HALCON_IVA, "bare")])
    rows.append(["", b("Total"), "", "", b(pg.amount(HALCON_TOTAL, "bare"))])
    pg.add(Table([10, 50, 10, 15, 15], rows, size=8.5, aligns=["center", "left", "center", "right", "right"]))
    pg.add(P([b("TERCERA. PLAZO DE ENTREGA. "), f"Los bienes se entregarán a más tardar el "
              f"{pg.date('2021-07-30')} en el almacén general de la Comisión."]))
    pg.add(P([b("CUARTA. GARANTÍA. "), f"El proveedor otorgará fianza de cumplimiento por el 10% del monto del "
              f"contrato, equivalente a {pg.amount('234876.00', 'plain')}."]))
    pg.add(P([b("QUINTA. PAGO. "), "El pago se realizará en una sola exhibición, dentro de los 20 días hábiles "
              "posteriores a la entrega total de los bienes y a la presentación del CFDI."]))

    pg = d.page()
    hdr_morelos(pg, "Dirección General de Administración")
    pg.add(P([b("CONTRATO DE ADQUISICIÓN No. "), b(pg.contract(CONTRACT_HALCON))], size=10, align="right",
             after=8))
    pg.add(P([b("SEXTA. PENAS CONVENCIONALES. "), "Por cada día natural de atraso se aplicará una pena del 1% "
              "sobre el valor de los bienes no entregados oportunamente."]))
    pg.add(P([b("SÉPTIMA. JURISDICCIÓN. "), "Las partes se someten a los tribunales competentes de la ciudad de "
              "Cuernavaca, Morelos."], after=10))
    pg.add(P(f"Se firma en Cuernavaca, Morelos, el {pg.date('2021-06-09')}.", align="center", after=12))
    pg.add(Sig([
        {"top": [[b("POR LA COMISIÓN")]], "lines": [[b(pg.person("salgado", "upper"))],
                                                    "Coordinador de Administración y Finanzas"]},
        {"top": [[b("POR EL PROVEEDOR")]], "lines": [[b(pg.person("benitez", "upper"))], "Administrador Único de",
                                                    pg.vendor("halcon", legal="SA de CV", comma=False)]},
    ], per_row=2))
    return d


def all_docs():
    ydosk = doc_factura_ydosk()
    return [doc_convocatoria(), doc_junta(), doc_fallo(), doc_expediente(), doc_factura_magavel(),
            doc_acta_entrega(), doc_contrato_halcon(), doc_auditoria(), doc_contrato_juarez(),
            doc_contrato_juarez_scan(), doc_oficio_tesoreria_tiff(), doc_oficio_ase(), ydosk,
            doc_oficio_fiscalia_scan(ydosk.uuid), doc_contrarrecibo_photo()]


# --------------------------------------------------------------------------------------
# Building: layout, render, write
# --------------------------------------------------------------------------------------

def doc_dpi(d: Doc) -> int:
    return PHOTO_DPI if d.fmt == "jpeg" else SCAN_DPI


def page_seed(d: Doc, pg: Page) -> str:
    return f"{d.file}:{pg.number}"


def scan_page(d: Doc, pg: Page) -> Image.Image:
    rng = random.Random("skew:" + page_seed(d, pg))
    skew = rng.uniform(0.4, 1.5) * rng.choice([-1, 1])
    raw = render_raster(pg.ops, d.pagesize, doc_dpi(d))
    return degrade(raw, page_seed(d, pg), skew)


def photo(d: Doc, pg: Page) -> Image.Image:
    """A phone photo of a half-letter receipt lying on a desk."""
    rng = random.Random("photo:" + page_seed(d, pg))
    img = render_raster(pg.ops, d.pagesize, doc_dpi(d)).filter(ImageFilter.GaussianBlur(1.0))
    W, H = img.size
    tone = (247, 238, 219)
    rgb = Image.merge("RGB", [img.point(lambda v, t=t: round(v * t / 255)) for t in tone])
    # uneven light: darker towards the corners and towards one side
    rad = Image.radial_gradient("L").resize((W, H), Image.Resampling.BICUBIC).point(lambda v: round(255 - v * 0.16))
    side = Image.linear_gradient("L").rotate(rng.choice([90, -90]))
    side = side.resize((W, H), Image.Resampling.BICUBIC).point(lambda v: round(218 + v * 37 / 255))
    grad = ImageChops.multiply(rad, side)
    rgb = ImageChops.multiply(rgb, Image.merge("RGB", [grad, grad, grad]))
    m = 110
    desk = Image.new("RGB", (W + 2 * m, H + 2 * m), (96, 78, 62))
    shadow = Image.new("L", desk.size, 0)
    ImageDraw.Draw(shadow).rectangle([m + 14, m + 18, m + W + 14, m + H + 18], fill=150)
    desk.paste((40, 32, 26), (0, 0), shadow.filter(ImageFilter.GaussianBlur(12)))
    desk.paste(rgb, (m, m))
    desk = desk.rotate(rng.uniform(1.6, 2.4), resample=Image.Resampling.BICUBIC, fillcolor=(96, 78, 62))
    nz = Image.frombytes("L", desk.size, rng.randbytes(desk.size[0] * desk.size[1])).point(_gauss_lut(4.0))
    return ImageChops.add(desk, Image.merge("RGB", [nz, nz, nz]), 1.0, -128)


def merge_pdfs(parts: list[tuple[bytes, int]]) -> bytes:
    """parts: (pdf bytes, page index) in output order; merged with pypdfium2."""
    import pypdfium2 as pdfium
    out = pdfium.PdfDocument.new()
    srcs = {}
    for data, idx in parts:
        if id(data) not in srcs:
            srcs[id(data)] = pdfium.PdfDocument(data)
        out.import_pages(srcs[id(data)], [idx])
    buf = io.BytesIO()
    out.save(buf)
    out.close()
    for s in srcs.values():
        s.close()
    return pin_pdfium_output(buf.getvalue())


def pin_pdfium_output(data: bytes) -> bytes:
    """PDFium stamps the save time and a random /ID: replace both, keeping every byte offset."""
    data = re.sub(rb"/CreationDate\(D:\d{14}([^)]*)\)",
                  lambda m: b"/CreationDate(D:20000101000000" + b"+00'00'"[:len(m.group(1))].ljust(len(m.group(1)), b" ") + b")",
                  data)
    digest = hashlib.md5(re.sub(rb"/ID\s*\[<[0-9A-Fa-f]+><[0-9A-Fa-f]+>\]", b"", data)).hexdigest().upper().encode()

    def new_id(m):
        a, b_ = m.group(1), m.group(2)
        return b"/ID[<" + digest[:len(a)].ljust(len(a), b"0") + b"><" + digest[:len(b_)].ljust(len(b_), b"0") + b">]"
    return re.sub(rb"/ID\[<([0-9A-Fa-f]+)><([0-9A-Fa-f]+)>\]", new_id, data)


def zero_page_pdf() -> bytes:
    """A syntactically valid PDF whose page tree is empty (/Count 0), with a correct xref table."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>",
            b"<< /Producer (Expediente samples/generate.py) >>"]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def write_doc(d: Doc, out_dir: Path) -> None:
    path = out_dir / d.file
    if d.fmt == "pdf":
        born = [pg for pg in d.pages if not pg.scanned]
        scanned = [pg for pg in d.pages if pg.scanned]
        born_pdf = render_pdf([pg.ops for pg in born], d.pagesize, d.title, d.author) if born else None
        scan_pdf = pdf_from_jpegs([jpeg_bytes(scan_page(d, pg)) for pg in scanned], d.pagesize, d.title,
                                  d.author) if scanned else None
        if not scanned:
            data = born_pdf
        elif not born:
            data = scan_pdf
        else:
            parts, nb, ns = [], 0, 0
            for pg in d.pages:
                if pg.scanned:
                    parts.append((scan_pdf, ns))
                    ns += 1
                else:
                    parts.append((born_pdf, nb))
                    nb += 1
            data = merge_pdfs(parts)
        path.write_bytes(data)
    elif d.fmt == "tiff":
        frames = [scan_page(d, pg).point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)
                  for pg in d.pages]
        frames[0].save(path, format="TIFF", save_all=True, append_images=frames[1:], compression="group4",
                       dpi=(SCAN_DPI, SCAN_DPI))
    elif d.fmt == "jpeg":
        assert len(d.pages) == 1
        photo(d, d.pages[0]).save(path, "JPEG", quality=78, dpi=(PHOTO_DPI, PHOTO_DPI), optimize=True)
    else:
        raise ValueError(d.fmt)


def lay_out(d: Doc) -> None:
    for pg in d.pages:
        meas = PILMeasure(doc_dpi(d)) if pg.scanned else RLMeasure()
        lay = Layout(pg, meas, d.family)
        pg.ops, pg.lines = lay.run()


# --------------------------------------------------------------------------------------
# Answer key
# --------------------------------------------------------------------------------------

QUERIES = ["EA-IT20-2020", "DCA/TM/222/2020", "SSP/DGA/045/2021", "LA-917037986-E5-2021", "CESP/CAF/118/2020",
           "Magavel", "YDOSK", "Quatro", "Halcón", "1,023,123", "369,339", "16,669,305", "Juárez", "Fiscalía",
           "Salgado Ríos"]


def entity_spans(text: str, entities) -> list[tuple[int, int]]:
    spans = []
    for _, printed, _, _ in entities:
        i = text.find(printed)
        while i >= 0:
            spans.append((i, i + len(printed)))
            i = text.find(printed, i + 1)
    return spans


def validate(docs: list[Doc]) -> list[str]:
    errors = []
    for d in docs:
        for pg in d.pages:
            text = collapse(pg.text)
            where = f"{d.file} p{pg.number}"
            for kind, printed, value, _ in pg.entities:
                if printed not in text:
                    errors.append(f"{where}: entity {kind} {printed!r} not in page text")
                if kind == "rfc" and not rfc_is_valid(value):
                    errors.append(f"{where}: invalid RFC {value}")
            # every registration must match exactly one occurrence that is not part of a longer entity
            printed_all = {e[1] for e in pg.entities}
            for printed in printed_all:
                regs = sum(1 for e in pg.entities if e[1] == printed)
                longer = [q for q in printed_all if q != printed and printed in q]
                outer = entity_spans(text, [(None, q, None, None) for q in longer])
                occ = [i for i in range(len(text)) if text.startswith(printed, i)
                       and not any(a <= i and i + len(printed) <= z for a, z in outer)]
                if len(occ) != regs:
                    errors.append(f"{where}: {printed!r} registered {regs}x, printed {len(occ)}x")
            spans = entity_spans(text, pg.entities)
            for kind, rx in flag_patterns():
                for m in rx.finditer(text):
                    if not any(a <= m.start() and m.end() <= z for a, z in spans):
                        errors.append(f"{where}: unmarked {kind}-like text {m.group(0)!r}")
    hits = {}
    for d in docs:
        for pg in d.pages:
            ft = fold(collapse(pg.text))
            for d2 in docs:
                for pg2 in d2.pages:
                    for w in pg2.distinctive:
                        if find_word(ft, fold(w)):
                            hits.setdefault(w, []).append((d.file, pg.number))
    for d in docs:
        for pg in d.pages:
            if pg.scanned and not pg.distinctive:
                errors.append(f"{d.file} p{pg.number}: scanned page without a distinctive word")
            for w in pg.distinctive:
                if hits.get(w) != [(d.file, pg.number)]:
                    errors.append(f"distinctive word {w!r} found on {hits.get(w)}")
    return errors


def answer_key(docs: list[Doc]) -> dict:
    documents, facts, entities = [], [], []
    queries = QUERIES + [w for d in docs for pg in d.pages for w in pg.distinctive]
    for d in docs:
        documents.append({
            "file": d.file, "title": d.title, "kind": d.kind, "format": d.fmt, "source": d.source,
            "page_count": len(d.pages),
            "pages": [{"page": pg.number, "method": "ocr" if pg.scanned else "text", "text": pg.text,
                       **({"distinctive_words": pg.distinctive} if pg.distinctive else {})} for pg in d.pages],
        })
        for pg in d.pages:
            seen = {}
            for kind, printed, value, form in pg.entities:
                key = (kind, printed, value, form)
                if key not in seen:
                    seen[key] = {"file": d.file, "page": pg.number, "method": "ocr" if pg.scanned else "text",
                                 "kind": kind, "printed": printed, "value": value, "count": 0}
                    if form:
                        seen[key]["form"] = form
                    entities.append(seen[key])
                seen[key]["count"] += 1
    for q in queries:
        fq = fold(q)
        for d in docs:
            for pg in d.pages:
                n = len(find_word(fold(collapse(pg.text)), fq))
                if n:
                    distinctive = q in pg.distinctive
                    facts.append({"query": q, "file": d.file, "page": pg.number,
                                  "method": "ocr" if pg.scanned else "text", "occurrences": n,
                                  "note": (f"word printed only on this scanned page" if distinctive else
                                           f"{d.kind}, page {pg.number} of {len(d.pages)}")})
    return {
        "about": ("Ground truth for the Expediente sample corpus, generated by samples/generate.py. "
                  "All people, addresses, RFCs and UUIDs are fictional."),
        "conventions": {
            "page_text": ("Exact text printed on the page, one printed line per line (table rows and side-by-side "
                          "columns joined left to right with single spaces), including letterheads and the "
                          "'Página n de N' footer. Compare after collapsing whitespace."),
            "method": "text = born-digital page with a text layer; ocr = image-only page (needs OCR)",
            "facts": ("Every (file, page) where the query occurs, matched on the page text after accent folding "
                      "(NFKD, combining marks removed), lower-casing and whitespace collapsing, as a whole "
                      "word/phrase: the characters before and after the match are not letters or digits. "
                      "'occurrences' counts the matches on the page."),
            "entities": ("One entry per distinct (kind, printed, value, form) on a page; 'count' is how many "
                         "times it is printed there. 'printed' occurs verbatim in the page text after whitespace "
                         "collapsing. Values: amount '1023123.00 MXN'; bid/contract/reference upper case with "
                         "separators removed; vendor: name without legal form, lower case, accents folded; rfc "
                         "upper case 12/13 chars with a valid SAT check digit; date ISO 'YYYY-MM-DD'; person: name "
                         "lower case, accents folded, without title. form='words' marks amounts and dates written "
                         "in words, form='apostrophe' amounts like $1'023,123.00. kind 'reference' = numbers of "
                         "oficios and audits (not bids, not contracts)."),
        },
        "documents": documents,
        "facts": facts,
        "entities": entities,
    }


# --------------------------------------------------------------------------------------
# Bad inputs for the ingest tests (tests/resources/)
# --------------------------------------------------------------------------------------

GARBAGE_REAL_TEXT = [
    "AVISO A PROVEEDORES",
    "La Dirección de Adquisiciones informa que el padrón de proveedores",
    "se actualizará durante el primer trimestre del año.",
    "Los interesados deberán presentar su constancia de situación fiscal",
    "y un comprobante de domicilio con antigüedad no mayor a tres meses.",
    "Este documento tiene una capa de texto dañada.",
]


def make_resources(res_dir: Path, sample_pdf: bytes) -> None:
    import pypdfium2 as pdfium
    from reportlab.lib.pdfencrypt import StandardEncryption
    res_dir.mkdir(parents=True, exist_ok=True)

    # encrypted.pdf: user password "secreto"
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=letter, invariant=1,
                         encrypt=StandardEncryption("secreto", ownerPassword="propietario", strength=128))
    c.setTitle("Documento cifrado de prueba")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 700, "DOCUMENTO CONFIDENCIAL")
    c.setFont("Helvetica", 11)
    c.drawString(72, 680, "Este archivo está cifrado; la contraseña de usuario es: secreto")
    c.showPage()
    c.save()
    (res_dir / "encrypted.pdf").write_bytes(buf.getvalue())

    # corrupt.pdf: a real PDF cut at 40% of its bytes
    (res_dir / "corrupt.pdf").write_bytes(sample_pdf[: int(len(sample_pdf) * 0.4)])
    # empty.pdf: zero bytes
    (res_dir / "empty.pdf").write_bytes(b"")
    # not_a_pdf.pdf: plain text with a .pdf name
    (res_dir / "not_a_pdf.pdf").write_bytes(
        "Esto no es un PDF.\nEs un archivo de texto plano con extensión .pdf,\n"
        "como los que a veces llegan por correo.\n".encode("utf-8"))
    # zero_pages.pdf: syntactically valid PDF with an empty page tree
    # (PdfDocument.new().save() writes one too, but with a time stamp and a random /ID; and PDFium
    # itself refuses to open a document without pages, so it cannot be read back with it anyway.)
    (res_dir / "zero_pages.pdf").write_bytes(zero_page_pdf())

    # garbage_text_layer.pdf: the image shows real text; the text layer holds symbols
    pagesize = letter
    s = SCAN_DPI / 72
    W, H = round(pagesize[0] * s), round(pagesize[1] * s)
    img = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(img)
    bold = ImageFont.truetype(str(TTF_DIR / "LiberationSans-Bold.ttf"), round(14 * s))
    reg = ImageFont.truetype(str(TTF_DIR / "LiberationSans-Regular.ttf"), round(12 * s))
    y = 100
    baselines = []
    for i, line in enumerate(GARBAGE_REAL_TEXT):
        font = bold if i == 0 else reg
        size = 14 if i == 0 else 12
        d.text((72 * s, y * s), line, font=font, fill=25, anchor="ls")
        baselines.append((y, size, len(line)))
        y += 30 if i == 0 else 20
    img = degrade(img, "garbage", 0.0, noise=3.0)
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=pagesize, invariant=1)
    c.setTitle("Aviso a proveedores")
    c.drawImage(ImageReader(io.BytesIO(jpeg_bytes(img))), 0, 0, width=pagesize[0], height=pagesize[1])
    rng = random.Random("garbage-text")
    symbols = "ÿþ#$%&§¶¤¦¨©«¬®¯°±²³µ·¸¹º»¼½¾×÷~^`|"
    for yb, size, n in baselines:
        t = c.beginText(72, pagesize[1] - yb)
        t.setTextRenderMode(3)  # invisible, like an OCR layer
        t.setFont("Helvetica", size)
        t.textOut("".join(rng.choice(symbols) for _ in range(n)))
        c.drawText(t)
    c.showPage()
    c.save()
    (res_dir / "garbage_text_layer.pdf").write_bytes(buf.getvalue())


# --------------------------------------------------------------------------------------
# Checks (optional): text layers, page counts, sizes, OCR
# --------------------------------------------------------------------------------------

def check(docs: list[Doc], out_dir: Path, res_dir: Path, ocr: bool) -> list[str]:
    import pypdfium2 as pdfium
    problems = []
    total = 0
    for d in docs:
        path = out_dir / d.file
        size = path.stat().st_size
        total += size
        n_scanned = sum(pg.scanned for pg in d.pages)
        line = f"{d.file:55s} {d.fmt:5s} {len(d.pages)}p {d.source:12s} {size / 1024:8.1f} KB"
        if n_scanned and size / n_scanned > 400 * 1024 and d.source == "scanned":
            problems.append(f"{d.file}: {size / n_scanned / 1024:.0f} KB per scanned page")
        if d.fmt == "pdf":
            pdf = pdfium.PdfDocument(str(path))
            if len(pdf) != len(d.pages):
                problems.append(f"{d.file}: {len(pdf)} pages, expected {len(d.pages)}")
            for pg in d.pages:
                page = pdf[pg.number - 1]
                tp = page.get_textpage()
                got = tp.get_text_range()
                tp.close()
                if pg.scanned:
                    if got.strip():
                        problems.append(f"{d.file} p{pg.number}: scanned page has a text layer")
                else:
                    a, b_ = collapse(got.replace("\r", " ")), collapse(pg.text)
                    if a != b_:
                        if a.replace(" ", "") == b_.replace(" ", ""):
                            problems.append(f"{d.file} p{pg.number}: text layer differs in spacing only")
                        else:
                            k = next((i for i, (x, y) in enumerate(zip(a, b_)) if x != y), min(len(a), len(b_)))
                            problems.append(f"{d.file} p{pg.number}: text layer differs at {k}:\n"
                                            f"  got  {a[max(0, k - 60):k + 80]!r}\n  want {b_[max(0, k - 60):k + 80]!r}")
                page.close()
            pdf.close()
        print(line)
    print(f"total samples size: {total / 1024 / 1024:.2f} MB")
    if total > 6 * 1024 * 1024:
        problems.append("samples/ larger than 6 MB")

    # resources
    r = res_dir
    try:
        pdfium.PdfDocument(str(r / "encrypted.pdf"))
        problems.append("encrypted.pdf opens without a password")
    except pdfium.PdfiumError:
        pass
    pdf = pdfium.PdfDocument(str(r / "encrypted.pdf"), password="secreto")
    assert len(pdf) == 1
    pdf.close()
    import pdfplumber
    with pdfplumber.open(r / "zero_pages.pdf") as plumb:
        if len(plumb.pages) != 0:
            problems.append("zero_pages.pdf has pages")
    pdf = pdfium.PdfDocument(str(r / "garbage_text_layer.pdf"))
    tp = pdf[0].get_textpage()
    garbage = tp.get_text_range()
    if sum(ch.isalpha() and ch.isascii() for ch in garbage) > 0:
        problems.append(f"garbage_text_layer.pdf text layer has ASCII letters: {garbage[:80]!r}")
    tp.close()
    pdf.close()
    for name in ("corrupt.pdf", "empty.pdf", "not_a_pdf.pdf"):
        try:
            pdfium.PdfDocument(str(r / name))
            problems.append(f"{name} opens cleanly")
        except pdfium.PdfiumError:
            pass

    if ocr:
        problems += check_ocr(docs, out_dir)
    return problems


def page_images(d: Doc, path: Path):
    """(page, PIL image) for every scanned page, read back from the written file."""
    if d.fmt == "pdf":
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(str(path))
        for pg in d.pages:
            if pg.scanned:
                yield pg, pdf[pg.number - 1].render(scale=SCAN_DPI / 72).to_pil().convert("L")
        pdf.close()
    else:
        im = Image.open(path)
        for pg in d.pages:
            im.seek(pg.number - 1)
            yield pg, im.convert("L")


def check_ocr(docs: list[Doc], out_dir: Path) -> list[str]:
    problems = []
    queries = QUERIES + [w for d in docs for pg in d.pages for w in pg.distinctive]
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            for pg, im in page_images(d, out_dir / d.file):
                png = Path(tmp) / "page.png"
                im.save(png)
                text = subprocess.run(["tesseract", str(png), "-", "-l", "spa+eng"], capture_output=True,
                                      text=True, check=True).stdout
                ft, want = fold(collapse(text)), fold(collapse(pg.text))
                missing = [q for q in queries if find_word(want, fold(q)) and not find_word(ft, fold(q))]
                words = want.split()
                found = sum(1 for w in words if w in ft)
                print(f"OCR {d.file} p{pg.number}: {found}/{len(words)} words read; "
                      f"distinctive {pg.distinctive}; missing queries {missing}")
                if missing:
                    problems.append(f"OCR {d.file} p{pg.number}: queries not read: {missing}")
    return problems


# --------------------------------------------------------------------------------------

def build(out_dir: Path = HERE, res_dir: Path = RESOURCES) -> list[Doc]:
    docs = all_docs()
    for d in docs:
        lay_out(d)
    errors = validate(docs)
    if errors:
        raise SystemExit("answer-key validation failed:\n" + "\n".join(errors))
    for d in docs:
        write_doc(d, out_dir)
    key = answer_key(docs)
    (out_dir / "answer_key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    make_resources(res_dir, (out_dir / "convocatoria_EA-IT20-2020_morelos.pdf").read_bytes())
    return docs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="verify the written files with pypdfium2")
    ap.add_argument("--ocr", action="store_true", help="with --check: OCR every scanned page with Tesseract")
    ap.add_argument("--out", type=Path, default=HERE, help="output folder for the samples (default: samples/)")
    ap.add_argument("--resources", type=Path, default=RESOURCES, help="output folder for the bad inputs")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    docs = build(args.out, args.resources)
    print(f"wrote {len(docs)} documents, {sum(len(d.pages) for d in docs)} pages to {args.out}")
    if args.check:
        problems = check(docs, args.out, args.resources, args.ocr)
        for p in problems:
            print("PROBLEM:", p)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
