"""Layout of a page into drawing ops and text lines (shared by the reportlab and Pillow renderers)."""
from __future__ import annotations

from .blocks import NBSP, QR, Cols, Letterhead, P, Rule, Sig, Space, Stamp, Table
from .model import Page
from .wrap import break_lines, join_atoms, norm_runs, split_atoms, split_wide, text_of


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

    @property
    def where(self) -> str:
        return f"{self.page.doc.file} p{self.page.number}"

    # -- text primitives
    def width(self, text, weight, size, family=None):
        return self.meas.width(text.replace(NBSP, " "), family or self.family, weight, size)

    def wrap(self, runs, width, size, family=None):
        """Greedy wrap; returns a list of lines, each a list of (text, weight) segments."""
        family = family or self.family

        def aw(atom):
            return sum(self.width(t, w, size, family) for t, w in atom)

        atoms = split_wide(split_atoms(runs, self.protected), width, aw)
        space = self.width(" ", "r", size, family)
        return [join_atoms(line) for line in break_lines(atoms, width, space, aw, self.where)]

    def line_width(self, segs, size, family=None):
        return sum(self.width(t, w, size, family) for t, w in segs)

    def draw_line(self, segs, x, baseline, size, family=None, gray=0.0):
        family = family or self.family
        for t, w in segs:
            self.ops.append(("text", x, baseline, t, family, w, size, gray))
            x += self.width(t, w, size, family)

    def need(self, h):
        if self.y + h > self.H - self.mb - 14:
            raise ValueError(f"{self.where}: page overflow at y={self.y:.0f}")

    def hline(self, y, width, gray):
        self.ops.append(("line", self.ml, y, self.W - self.mr, y, width, gray))

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
            self.lines.append(text_of(segs))
            self.y += lh
        self.y += blk.after

    def _cell_x(self, left, width, lw, pad, align):
        if align == "right":
            return left + width - pad - lw
        if align == "center":
            return left + (width - lw) / 2
        return left + pad

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
                tx = self._cell_x(lefts[ci], widths[ci], lw, pad, al)
                self.draw_line(segs, tx, y0 + pad + li * lh + size * 0.92, size, fam)
        if grid:
            self.ops.append(("rect", x0, y0, sum(widths), row_h, None, 0.5))
            x = x0
            for wdt in widths[:-1]:
                x += wdt
                self.ops.append(("line", x, y0, x, y0 + row_h, 0.5, 0.0))
        n = max(len(cl) for cl in cells_lines)
        for li in range(n):
            parts = [text_of(cl[li]) for cl in cells_lines if li < len(cl)]
            self.lines.append(" ".join(p for p in parts if p))

    def _table_row(self, row, widths, blk: Table, fam, header: bool):
        cells_lines = []
        for ci, cell in enumerate(row):
            runs = norm_runs(cell if isinstance(cell, list) else [cell])
            if header:
                runs = [(t, "b") for t, _ in runs]
            cells_lines.append(self.wrap(runs, widths[ci] - 2 * blk.pad, blk.size, fam) if
                               any(t for t, _ in runs) else [])
        return cells_lines

    def table(self, blk: Table):
        fam = blk.family or self.family
        tot = sum(blk.widths)
        widths = [self.avail * w / tot for w in blk.widths]
        lh = blk.size * 1.22
        for ri, row in enumerate(blk.rows):
            header = blk.header and ri == 0
            cells_lines = self._table_row(row, widths, blk, fam, header)
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

    def _sig_size(self, group, blk: Sig, colw, fam):
        """Shrink the block so that no name or company is broken over two lines."""
        size = blk.size
        for p in group:
            for r in p.get("top", []) + p["lines"]:
                segs = norm_runs(r)
                if any(e in text_of(segs) for e in self.protected):
                    w = self.line_width(segs, blk.size, fam)
                    if w > colw - 10:
                        size = min(size, blk.size * (colw - 10) / w)
        return size

    def _centered_rows(self, cells, offset, colw, size, fam, lh):
        """Lines of side-by-side columns, each centred in its column."""
        for li in range(max(len(t) for t in cells)):
            parts = []
            for gi, t in enumerate(cells):
                if li < len(t):
                    x0 = self.ml + offset + gi * colw
                    lw = self.line_width(t[li], size, fam)
                    self.draw_line(t[li], x0 + (colw - lw) / 2, self.y + size, size, fam)
                    parts.append(text_of(t[li]))
            self.lines.append(" ".join(parts))
            self.y += lh

    def _sign_lines(self, n, offset, colw, space):
        for gi in range(n):
            x0 = self.ml + offset + gi * colw
            self.ops.append(("sign", x0 + colw * 0.2, self.y + 2, colw * 0.6, space - 6,
                             f"{self.page.doc.file}:{self.page.number}:{self.y:.0f}:{gi}"))
            self.ops.append(("line", x0 + colw * 0.12, self.y + space, x0 + colw * 0.88,
                             self.y + space, 0.7, 0.0))
        self.y += space + 3

    def sig(self, blk: Sig):
        fam = blk.family or self.family
        colw = self.avail / blk.per_row
        for start in range(0, len(blk.people), blk.per_row):
            group = blk.people[start:start + blk.per_row]
            offset = (self.avail - colw * len(group)) / 2
            size = self._sig_size(group, blk, colw, fam)
            tops = [[s for r in p.get("top", []) for s in self.wrap(r, colw - 8, size, fam)] for p in group]
            bottoms = [[s for r in p["lines"] for s in self.wrap(r, colw - 8, size, fam)] for p in group]
            lh = size * 1.28
            ntop = max(len(t) for t in tops)
            nbot = max(len(t) for t in bottoms)
            self.need(ntop * lh + blk.space + nbot * lh)
            self._centered_rows(tops, offset, colw, size, fam, lh)
            self._sign_lines(len(group), offset, colw, blk.space)
            self._centered_rows(bottoms, offset, colw, size, fam, lh)
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
        self.hline(self.y, 1.2, 0.25)
        self.y += 3
        self.hline(self.y, 0.4, 0.25)
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
                self.lines.append(text_of(segs))
                self.y += size * 1.25
        self.y = max(self.y, y0 + blk.size) + blk.after

    def footer(self, n, total):
        y = self.H - self.mb + 18
        self.hline(y - 11, 0.4, 0.4)
        parts = []
        size = 7.5
        if self.footer_text:
            self.draw_line([(self.footer_text, "r")], self.ml, y, size)
            parts.append(self.footer_text)
        right = f"Página {n} de {total}"
        self.draw_line([(right, "r")], self.W - self.mr - self.line_width([(right, "r")], size), y, size)
        parts.append(right)
        self.lines.append(" ".join(parts))

    def rule(self, blk: Rule):
        self.hline(self.y, blk.width, blk.gray)
        self.y += blk.after

    def space(self, blk: Space):
        self.y += blk.h

    def stamp(self, blk: Stamp):
        self.ops.append(("stamp", blk.x, blk.y, blk.r))

    def run(self):
        handlers = {P: self.para, Table: self.table, Cols: self.cols, Sig: self.sig, Space: self.space,
                    Rule: self.rule, Letterhead: self.letterhead, QR: self.qr, Stamp: self.stamp}
        for blk in self.page.blocks:
            handler = handlers.get(type(blk))
            if handler is None:
                raise TypeError(blk)
            handler(blk)
        self.footer(self.page.number, len(self.page.doc.pages))
        return self.ops, self.lines
