"""The blocks a page is made of: paragraphs, tables, columns, signatures, letterheads..."""
from __future__ import annotations

from dataclasses import dataclass

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
