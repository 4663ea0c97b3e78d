"""Small drawing helpers shared by the reportlab and the Pillow renderers."""
from __future__ import annotations

import math


def star_points(cx, cy, r_even, r_odd, a0):
    """The ten corners of a five-pointed star, starting at angle a0."""
    pts = []
    for k in range(10):
        r = r_even if k % 2 == 0 else r_odd
        a = a0 + k * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts
