"""Fonts and text measurement for the reportlab and the Pillow renderers."""
from __future__ import annotations

from PIL import ImageFont
from reportlab.pdfbase.pdfmetrics import stringWidth

from .config import TTF_DIR

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
