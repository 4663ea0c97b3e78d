"""Scanned pages and photos: a clean raster made to look scanned (or photographed), and saved."""
from __future__ import annotations

import io
import random
from statistics import NormalDist

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from .config import PHOTO_DPI, SCAN_DPI
from .model import Doc, Page
from .render_scan import render_raster

_ND = NormalDist()


def _gauss_lut(sigma):
    return [max(0, min(255, round(128 + sigma * _ND.inv_cdf((i + 0.5) / 256)))) for i in range(256)]


def noise(rng: random.Random, size, sigma: float) -> Image.Image:
    """Gaussian noise around 128, as a greyscale image (add it with ImageChops.add(..., -128))."""
    return Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).point(_gauss_lut(sigma))


def degrade(img: Image.Image, seed: str, skew: float, noise_sigma: float = 2.0) -> Image.Image:
    """Make a clean raster look scanned: blur, grey paper, texture, skew, specks, noise."""
    rng = random.Random("scan:" + seed)
    W, H = img.size
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    bg = rng.randint(228, 238)
    img = img.point(lambda v: round(v * bg / 255))
    tw, th = W // 48, H // 48
    tex = noise(rng, (tw, th), 3.0).resize((W, H), Image.Resampling.BICUBIC)
    img = ImageChops.add(img, tex, 1.0, -128)
    img = img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=bg)
    _specks_and_shadow(img, rng, bg)
    return ImageChops.add(img, noise(rng, (W, H), noise_sigma), 1.0, -128)


def _specks_and_shadow(img: Image.Image, rng: random.Random, bg: int) -> None:
    W, H = img.size
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


def jpeg_bytes(img: Image.Image, quality: int = 62, dpi: int = SCAN_DPI) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


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
    rgb = _paper_in_light(img, rng)
    return _on_desk(rgb, rng)


def _paper_in_light(img: Image.Image, rng: random.Random) -> Image.Image:
    """Paper tint and uneven light: darker towards the corners and towards one side."""
    W, H = img.size
    tone = (247, 238, 219)
    rgb = Image.merge("RGB", [img.point(lambda v, t=t: round(v * t / 255)) for t in tone])
    rad = Image.radial_gradient("L").resize((W, H), Image.Resampling.BICUBIC).point(lambda v: round(255 - v * 0.16))
    side = Image.linear_gradient("L").rotate(rng.choice([90, -90]))
    side = side.resize((W, H), Image.Resampling.BICUBIC).point(lambda v: round(218 + v * 37 / 255))
    grad = ImageChops.multiply(rad, side)
    return ImageChops.multiply(rgb, Image.merge("RGB", [grad, grad, grad]))


def _on_desk(rgb: Image.Image, rng: random.Random) -> Image.Image:
    """The sheet lying on a desk, with a soft shadow, photographed slightly rotated."""
    W, H = rgb.size
    m = 110
    desk = Image.new("RGB", (W + 2 * m, H + 2 * m), (96, 78, 62))
    shadow = Image.new("L", desk.size, 0)
    ImageDraw.Draw(shadow).rectangle([m + 14, m + 18, m + W + 14, m + H + 18], fill=150)
    desk.paste((40, 32, 26), (0, 0), shadow.filter(ImageFilter.GaussianBlur(12)))
    desk.paste(rgb, (m, m))
    desk = desk.rotate(rng.uniform(1.6, 2.4), resample=Image.Resampling.BICUBIC, fillcolor=(96, 78, 62))
    nz = noise(rng, desk.size, 4.0)
    return ImageChops.add(desk, Image.merge("RGB", [nz, nz, nz]), 1.0, -128)
