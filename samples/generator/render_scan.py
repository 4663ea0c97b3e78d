"""Scanned pages: drawing ops to a clean Pillow raster (text, logos, signatures, ink stamps)."""
from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from .fonts import PILMeasure
from .geometry import star_points


def _box(cx, cy, r):
    return [cx - r, cy - r, cx + r, cy + r]


def pil_logo(d, x, y, size, kind, s, ink):
    cx, cy, r = (x + size / 2) * s, (y + size / 2) * s, size / 2 * s
    if kind == "shield":
        pts = [(cx - 0.8 * r, cy - 0.9 * r), (cx + 0.8 * r, cy - 0.9 * r), (cx + 0.8 * r, cy + 0.1 * r),
               (cx + 0.45 * r, cy + 0.7 * r), (cx, cy + r), (cx - 0.45 * r, cy + 0.7 * r),
               (cx - 0.8 * r, cy + 0.1 * r)]
        d.polygon(pts, fill=215, outline=ink, width=max(2, int(1.4 * s)))
        d.ellipse([cx - 0.3 * r, cy - 0.4 * r, cx + 0.3 * r, cy + 0.2 * r], fill=90)
    else:
        d.ellipse(_box(cx, cy, 0.92 * r), fill=215, outline=ink, width=max(2, int(1.4 * s)))
        d.ellipse(_box(cx, cy, 0.72 * r), outline=ink, width=2)
        d.polygon(star_points(cx, cy, r * 0.56, r * 0.24, -math.pi / 2), fill=90)


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
    d.ellipse(_box(cx, cy, rr), outline=ink, width=6)
    d.ellipse(_box(cx, cy, rr * 0.7), outline=ink, width=4)
    for k in range(72):
        if rng.random() < 0.2:
            continue
        a = 2 * math.pi * k / 72
        r1, r2 = rr * 0.76, rr * rng.uniform(0.84, 0.92)
        d.line([(cx + r1 * math.cos(a), cy + r1 * math.sin(a)), (cx + r2 * math.cos(a), cy + r2 * math.sin(a))],
               fill=ink + 15, width=3)
    d.polygon(star_points(cx, cy, rr * 0.4, rr * 0.17, -math.pi / 2), outline=ink, width=3)


def _rect(d, op, s, ink):
    _, x, y, w, h, fill, stroke = op
    box = [x * s, y * s, (x + w) * s, (y + h) * s]
    if fill is not None:
        d.rectangle(box, fill=int(fill * 255))
    if stroke:
        d.rectangle(box, outline=ink, width=max(1, round(stroke * s)))


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
            _rect(d, op, s, ink)
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
