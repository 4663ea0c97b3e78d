"""Greedy line wrapping of runs of (text, weight), keeping entities on one line."""
from __future__ import annotations

from .blocks import NBSP


def norm_runs(runs):
    if isinstance(runs, str):
        return [(runs, "r")]
    if isinstance(runs, tuple):
        return [runs]
    out = []
    for r in runs:
        out.append((r, "r") if isinstance(r, str) else r)
    return out


def text_of(segs) -> str:
    return "".join(t for t, _ in segs)


def protect(text: str, protected: list[str]) -> str:
    for s in sorted(protected, key=len, reverse=True):
        if " " in s and s in text:
            text = text.replace(s, s.replace(" ", NBSP))
    return text


def split_atoms(runs, protected: list[str]) -> list:
    """Unbreakable atoms: each a list of (text, weight) pieces with no space between them."""
    atoms, cur = [], None
    for text, w in norm_runs(runs):
        parts = protect(text, protected).split(" ")
        for i, part in enumerate(parts):
            if i > 0 and cur:
                atoms.append(cur)
                cur = None
            if part:
                cur = (cur or []) + [(part, w)]
    if cur:
        atoms.append(cur)
    return atoms


def split_wide(atoms, width, aw) -> list:
    """An entity wider than the line may break after all."""
    fixed = []
    for atom in atoms:
        if aw(atom) > width and any(NBSP in t for t, _ in atom):
            for t, w in atom:
                fixed.extend([(piece, w)] for piece in t.split(NBSP) if piece)
        else:
            fixed.append(atom)
    return fixed


def break_lines(atoms, width, space, aw, where: str) -> list:
    lines, line, lw = [], [], 0.0
    for atom in atoms:
        a = aw(atom)
        if a > width + 0.01:
            raise ValueError(f"{where}: too wide: {atom}")
        if line and lw + space + a > width:
            lines.append(line)
            line, lw = [], 0.0
        line.append(atom)
        lw += (space if len(line) > 1 else 0) + a
    if line:
        lines.append(line)
    return lines


def join_atoms(line) -> list:
    """One line of atoms as (text, weight) segments, merging neighbours of the same weight."""
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
    return segs
