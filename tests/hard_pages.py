"""Hard pages with transcripts: what a journalist reads and plain OCR misses.

Each page is drawn with Pillow from a seed, in Spanish, and saved as a scan would be:
  stamp_table   colour scan, 200 dpi JPEG: a ruled asset table whose amounts sit under a blue seal
  signed_acta   colour scan, 300 dpi JPEG: an acta's signature blocks, blue pen across the names, a red seal
  ruled_table   grey scan, 300 dpi: a table with a grey header, letters touching the cell rules
  phone_photo   phone photo, JPEG without dpi: uneven light, warm tint, tilt, low resolution
  fax           1-bit fax, 204x98 dpi stretched to 204x196 (TIFF G4), noisy
The transcript is the printed text in reading order (a table row by row); seal lettering and
pen strokes are not part of it. Seeds 1-2 are the tuned part, 3-4 the held-back part
(never used to choose thresholds). `write_set(folder)` writes them all with `truth.json`.

    .venv/bin/python tests/hard_pages.py OUT_DIR      # writes the set (deterministic)
"""

from __future__ import annotations

import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

KINDS = ("stamp_table", "signed_acta", "ruled_table", "phone_photo", "fax")
TUNED = (1, 2)
HELD_BACK = (3, 4)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
DPI = 300
W, H = int(8.5 * DPI), int(11 * DPI)

NAMES = ["PIEDAD", "JOSÉ LUIS", "MARÍA FERNANDA", "ÓSCAR", "GUADALUPE", "RAÚL", "ANA SOFÍA", "JESÚS",
         "VERÓNICA", "IVÁN", "MÓNICA", "HÉCTOR", "BEATRIZ", "ESTEBAN", "ROCÍO", "JOAQUÍN"]
SURNAMES = ["HERNÁNDEZ", "MORENO", "GUTIÉRREZ", "RAMÍREZ", "VILLAGRÁN", "PÉREZ", "SALGADO", "RÍOS",
            "MUÑOZ", "ORTÍZ", "JIMÉNEZ", "CASTAÑEDA", "NÚÑEZ", "DOMÍNGUEZ", "ZÚÑIGA", "BELTRÁN"]
TITLES = ["TESORERO MUNICIPAL", "CONTRALORA INTERNA", "DIRECTOR DE OBRAS PÚBLICAS", "SÍNDICO PROCURADOR",
          "JEFA DE ADQUISICIONES", "SECRETARIO DEL AYUNTAMIENTO"]
ITEMS = ["EQUIPAMIENTO DE POZOS", "REHABILITACIÓN DE RED DE AGUA", "MOBILIARIO DE OFICINA",
         "VEHÍCULO PICK UP DOBLE CABINA", "BOMBA SUMERGIBLE 75 HP", "TRANSFORMADOR TRIFÁSICO",
         "EQUIPO DE CÓMPUTO", "CÁMARAS DE VIDEOVIGILANCIA", "LUMINARIAS LED", "PATRULLA EQUIPADA",
         "PAVIMENTACIÓN CALLE HIDALGO", "TANQUE ELEVADO 100 M3", "RETROEXCAVADORA", "UNIFORMES"]
PLACES = ["Cuernavaca", "Tepic", "Ciudad Juárez", "Jiutepec", "Cuautla", "Xalisco"]
SENTENCES = [
    "En la ciudad de {place}, siendo las {hour} horas del día {day} de {month} de {year}, se reunieron "
    "en la sala de juntas de la Tesorería Municipal los servidores públicos que al final firman.",
    "Se hace constar la entrega del inventario de bienes muebles e inmuebles del Ayuntamiento, "
    "conforme al expediente {code}, con un importe total de ${amount}.",
    "La contratista se obliga a entregar los bienes en un plazo no mayor de {days} días naturales "
    "contados a partir de la firma del contrato número {contract}.",
    "Leída que fue la presente acta y no habiendo otro asunto que tratar, se da por concluida "
    "la reunión y firman al margen y al calce quienes en ella intervinieron.",
    "El Órgano Interno de Control verificó la documentación comprobatoria y no encontró "
    "observaciones que impidan el pago de la factura {invoice}.",
]
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
          "octubre", "noviembre", "diciembre"]


@dataclass
class HardPage:
    name: str  # file name
    kind: str
    seed: int
    truth: str
    facts: list[str]  # words or amounts a search must find (under ink, touching rules)

    @property
    def part(self) -> str:
        return "tuned" if self.seed in TUNED else "held-back"


def font(size: int, bold: bool = False, serif: bool = False) -> ImageFont.FreeTypeFont:
    name = ("DejaVuSerif" if serif else "DejaVuSans") + ("-Bold" if bold else "")
    return ImageFont.truetype(str(FONT_DIR / f"{name}.ttf"), size)


def pt(points: float) -> int:
    """A font size in points, in pixels at 300 dpi."""
    return round(points * DPI / 72)


def amount(rng: random.Random, low: int = 1_000, high: int = 5_000_000) -> str:
    return f"{rng.randint(low, high):,}.{rng.randint(0, 99):02d}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(NAMES)} {rng.choice(SURNAMES)} {rng.choice(SURNAMES)}"


def paragraph(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        place=rng.choice(PLACES), hour=f"{rng.randint(9, 18)}:{rng.choice(['00', '30'])}",
        day=rng.randint(1, 28), month=rng.choice(MONTHS), year=rng.randint(2018, 2023),
        code=f"TM/{rng.randint(100, 999)}/{rng.randint(2018, 2023)}", amount=amount(rng),
        days=rng.choice([15, 30, 45, 60]), contract=f"DCA/TM/{rng.randint(100, 399)}/{rng.randint(2019, 2023)}",
        invoice=f"A-{rng.randint(1000, 9999)}")


class Sheet:
    """A white page and the transcript of what is printed on it."""

    def __init__(self) -> None:
        self.img = Image.new("RGB", (W, H), "white")
        self.draw = ImageDraw.Draw(self.img)
        self.lines: list[str] = []

    def text(self, x: float, y: float, text: str, f: ImageFont.FreeTypeFont, record: bool = True,
             fill: tuple[int, int, int] = (25, 25, 25)) -> None:
        self.draw.text((x, y), text, font=f, fill=fill, anchor="ls")
        if record:
            self.lines.append(text)

    def wrap(self, x: float, y: float, width: float, text: str, f: ImageFont.FreeTypeFont, lead: float) -> float:
        line = ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if self.draw.textlength(trial, font=f) > width and line:
                self.text(x, y, line, f)
                y += lead
                line = word
            else:
                line = trial
        if line:
            self.text(x, y, line, f)
            y += lead
        return y

    def table(self, x: float, y: float, widths: list[int], rows: list[list[str]], f: ImageFont.FreeTypeFont,
              rule: int, header_grey: int | None = None, tight: bool = True) -> float:
        """A ruled table; with `tight`, letters sit on the bottom rule and start at the left rule."""
        height = round(f.size * 1.25)
        for r, row in enumerate(rows):
            if r == 0 and header_grey is not None:
                self.draw.rectangle([x, y, x + sum(widths), y + height], fill=(header_grey,) * 3)
            cx = x
            for c, (w, cell) in enumerate(zip(widths, row)):
                right = c >= 2  # amounts and quantities are right-aligned, touching the right rule
                tw = self.draw.textlength(cell, font=f)
                tx = cx + w - tw - (1 if tight else 12) if right else cx + (rule + 1 if tight else 12)
                base = y + height - (rule // 2 if tight else round(f.size * 0.3))  # tight: on the rule
                self.draw.text((tx, base), cell, font=f, fill=(25, 25, 25), anchor="ls")
                cx += w
            self.lines.append(" ".join(row))
            y += height
        top = y - height * len(rows)
        for k in range(len(rows) + 1):
            self.draw.line([(x, top + k * height), (x + sum(widths), top + k * height)], fill=(20, 20, 20), width=rule)
        cx = x
        for w in [0] + widths:
            cx += w
            self.draw.line([(cx, top), (cx, y)], fill=(20, 20, 20), width=rule)
        return y


def ink_layer() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    layer = Image.new("RGB", (W, H), "white")
    return layer, ImageDraw.Draw(layer)


def seal(d: ImageDraw.ImageDraw, layer: Image.Image, cx: float, cy: float, r: float, colour: tuple[int, int, int],
         words: str, rng: random.Random) -> None:
    """A round rubber seal: two rings, lettering around the band, a line across the middle."""
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=colour, width=9)
    d.ellipse([cx - r * 0.72, cy - r * 0.72, cx + r * 0.72, cy + r * 0.72], outline=colour, width=6)
    f = font(round(r * 0.16), bold=True)
    step = 2 * math.pi * 0.85 / max(1, len(words))
    for k, ch in enumerate(words):
        a = -math.pi / 2 - math.pi * 0.85 + k * step
        glyph = Image.new("L", (f.size * 2, f.size * 2), 0)
        ImageDraw.Draw(glyph).text((f.size, f.size), ch, font=f, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
        gx, gy = cx + r * 0.86 * math.cos(a), cy + r * 0.86 * math.sin(a)
        layer.paste(Image.new("RGB", glyph.size, colour), (int(gx - f.size), int(gy - f.size)), glyph)
    centre = font(round(r * 0.2), bold=True)
    d.text((cx, cy - r * 0.15), "TESORERÍA", font=centre, fill=colour, anchor="mm")
    d.text((cx, cy + r * 0.2), f"{rng.randint(2019, 2023)}-{rng.randint(2021, 2024)}", font=centre, fill=colour, anchor="mm")


def scribble(d: ImageDraw.ImageDraw, x: float, y: float, w: float, h: float, colour: tuple[int, int, int],
             rng: random.Random) -> None:
    """A handwritten signature: loops drifting right, then a flourish under them."""
    loops = rng.randint(4, 7)
    amp, phase, pts = h * rng.uniform(0.3, 0.45), rng.uniform(0, 6.3), []
    for k in range(400):
        t = k / 399
        om = 2 * math.pi * loops * t + phase
        env = math.sin(math.pi * min(1.0, t * 1.1)) ** 0.5
        pts.append((x + w * t + w / loops * 0.35 * math.cos(om) * env, y + amp * math.sin(om) * env + h * 0.3 * t))
    d.line(pts, fill=colour, width=rng.randint(5, 8), joint="curve")
    d.line([(x - w * 0.05, y + h * 0.45), (x + w * 1.05, y + h * 0.2)], fill=colour, width=5)


def mottle(layer: Image.Image, rng: random.Random) -> Image.Image:
    """Uneven rubber-stamp ink: the layer lightened in blotches."""
    blot = Image.frombytes("L", (W // 40, H // 40), rng.randbytes((W // 40) * (H // 40)))
    blot = blot.resize((W, H), Image.Resampling.BICUBIC).point(lambda v: 255 if v > 190 else int(v * 0.5))
    return Image.composite(Image.new("RGB", (W, H), "white"), layer, blot.filter(ImageFilter.GaussianBlur(3)))


def scanned(img: Image.Image, rng: random.Random, skew: float, blur: float = 0.8, sigma: int = 5) -> Image.Image:
    img = img.filter(ImageFilter.GaussianBlur(blur))
    tone = rng.randint(228, 240)
    img = ImageChops.multiply(img, Image.new("RGB", img.size, (tone, tone, tone - 6)))
    img = img.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=(tone, tone, tone - 6))
    grain = Image.effect_noise(img.size, sigma).convert("RGB")
    return ImageChops.add(img, grain, 1.0, -128)


def head(s: Sheet, rng: random.Random, title: str) -> float:
    s.text(pt(60), pt(80), f"H. AYUNTAMIENTO DE {rng.choice(PLACES).upper()}", font(pt(13), bold=True))
    s.text(pt(60), pt(100), title, font(pt(11), bold=True))
    return pt(130)


def stamp_table(rng: random.Random) -> tuple[Sheet, list[str]]:
    s = Sheet()
    y = head(s, rng, "INVENTARIO DE BIENES ADQUIRIDOS CON RECURSOS DEL FONDO III")
    y = s.wrap(pt(60), y, W - pt(120), paragraph(rng), font(pt(10), serif=True), pt(14)) + pt(10)
    rows = [["NO.", "DESCRIPCIÓN", "CANTIDAD", "IMPORTE"]]
    for k, item in enumerate(rng.sample(ITEMS, 6), 1):
        rows.append([str(k), item, str(rng.randint(1, 40)), amount(rng, 5_000, 4_500_000)])
    top = y
    y = s.table(pt(60), y, [pt(40), pt(250), pt(90), pt(110)], rows, font(pt(10)), rule=4)
    total = amount(rng, 5_000_000, 9_000_000)
    s.text(pt(350), y + pt(20), f"TOTAL: ${total}", font(pt(11), bold=True))
    y = s.wrap(pt(60), y + pt(50), W - pt(120), paragraph(rng), font(pt(10), serif=True), pt(14))
    who = person(rng)
    s.text(pt(330), y + pt(90), f"C. {who}", font(pt(10), bold=True))
    s.text(pt(330), y + pt(104), rng.choice(TITLES), font(pt(9)))
    layer, d = ink_layer()
    blue = (rng.randint(40, 80), rng.randint(70, 110), rng.randint(170, 210))
    seal(d, layer, pt(60 + 40 + 250 + 90 + 50), top + pt(70), pt(70), blue, "MUNICIPIO LIBRE · TESORERÍA ·", rng)
    scribble(d, pt(320), y + pt(60), pt(170), pt(40), (30, 45, 140), rng)
    page = ImageChops.multiply(s.img, mottle(layer, rng))
    s.img = scanned(page, rng, rng.uniform(-1.2, 1.2))
    return s, [r[3] for r in rows[1:]] + [who.split()[-1]]


def signed_acta(rng: random.Random) -> tuple[Sheet, list[str]]:
    s = Sheet()
    y = head(s, rng, "ACTA DE ENTREGA RECEPCIÓN")
    for _ in range(3):
        y = s.wrap(pt(60), y, W - pt(120), paragraph(rng), font(pt(10.5), serif=True), pt(15)) + pt(6)
    layer, d = ink_layer()
    people = []
    y += pt(40)
    for row in range(2):
        for col in range(2):
            x = pt(70 + col * 250)
            who = person(rng)
            people.append(who)
            base = y + row * pt(110)
            s.text(x, base, f"C. {who}", font(pt(9.5), bold=True))
            s.text(x, base + pt(13), rng.choice(TITLES), font(pt(9)))
            scribble(d, x + pt(rng.uniform(0, 40)), base - pt(10), pt(150), pt(38),
                     (rng.randint(15, 50), rng.randint(30, 70), rng.randint(120, 180)), rng)
    red = (rng.randint(170, 210), rng.randint(30, 70), rng.randint(40, 80))
    seal(d, layer, pt(rng.choice([200, 420])), y + pt(60), pt(62), red, "CONTRALORÍA MUNICIPAL ·", rng)
    page = ImageChops.multiply(s.img, mottle(layer, rng))
    s.img = scanned(page, rng, rng.uniform(-1.0, 1.0))
    return s, [p.split()[-2] for p in people]


def ruled_table(rng: random.Random) -> tuple[Sheet, list[str]]:
    s = Sheet()
    y = head(s, rng, "RELACIÓN DE PAGOS A PROVEEDORES")
    rows = [["FOLIO", "CONCEPTO", "PARTIDA", "MONTO"]]
    for _ in range(12):
        rows.append([f"{rng.choice('ABCF')}-{rng.randint(1000, 9999)}", rng.choice(ITEMS), str(rng.randint(2000, 5999)),
                     amount(rng, 1_000, 900_000)])
    y = s.table(pt(60), y + pt(10), [pt(70), pt(250), pt(70), pt(100)], rows, font(pt(9.5)), rule=3,
                header_grey=rng.randint(150, 190))
    s.wrap(pt(60), y + pt(30), W - pt(120), paragraph(rng), font(pt(10), serif=True), pt(14))
    s.img = scanned(s.img, rng, rng.uniform(-0.6, 0.6)).convert("L")
    return s, [r[3] for r in rows[1:4]] + [rows[1][1].split()[0]]


def phone_photo(rng: random.Random) -> tuple[Sheet, list[str]]:
    s = Sheet()
    y = head(s, rng, f"OFICIO NÚM. TM/{rng.randint(100, 999)}/{rng.randint(2019, 2023)}")
    for _ in range(5):
        y = s.wrap(pt(60), y, W - pt(120), paragraph(rng), font(pt(11), serif=True), pt(16)) + pt(8)
    who = person(rng)
    s.text(pt(200), y + pt(60), f"C. {who}", font(pt(10.5), bold=True))
    img = s.img.filter(ImageFilter.GaussianBlur(1.2))
    # light from one corner, fading across the page, and a warm tint
    light = Image.radial_gradient("L").resize((W * 2, H * 2))
    ox, oy = rng.choice([(0, 0), (W, 0), (0, H), (W, H)])
    light = light.crop((ox, oy, ox + W, oy + H)).point(lambda v: 255 - int(v * rng.uniform(0.5, 0.6)))
    shade = Image.merge("RGB", [light, light.point(lambda v: int(v * 0.95)), light.point(lambda v: int(v * 0.82))])
    img = ImageChops.multiply(img, shade)
    img = img.rotate(rng.uniform(-2.5, 2.5), resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(60, 55, 50))
    scale = rng.uniform(0.36, 0.42)  # ~110-125 dpi
    img = img.resize((int(img.width * scale), int(img.height * scale)), Image.Resampling.BILINEAR)
    grain = Image.effect_noise(img.size, 6).convert("RGB")
    s.img = ImageChops.add(img, grain, 1.0, -128)
    return s, [who.split()[-1]]


def fax(rng: random.Random) -> tuple[Sheet, list[str]]:
    s = Sheet()
    y = head(s, rng, "ACUSE DE RECIBO POR FAX")
    for _ in range(3):
        y = s.wrap(pt(60), y, W - pt(120), paragraph(rng), font(pt(10.5)), pt(15)) + pt(6)
    rows = [["NO.", "CONCEPTO", "CANT.", "IMPORTE"]]
    for k, item in enumerate(rng.sample(ITEMS, 4), 1):
        rows.append([str(k), item, str(rng.randint(1, 20)), amount(rng, 1_000, 900_000)])
    s.table(pt(60), y + pt(10), [pt(40), pt(250), pt(60), pt(110)], rows, font(pt(10)), rule=4, tight=False)
    grey = scanned(s.img, rng, rng.uniform(-0.8, 0.8), blur=1.0, sigma=14).convert("L")
    low = grey.resize((int(W * 204 / DPI), int(H * 98 / DPI)), Image.Resampling.BILINEAR)
    bits = low.point(lambda v: 255 if v > rng.randint(135, 165) else 0).convert("1", dither=Image.Dither.NONE)
    s.img = bits.resize((bits.width, bits.height * 2), Image.Resampling.NEAREST)
    return s, [r[3] for r in rows[1:]]


DRAW = {"stamp_table": stamp_table, "signed_acta": signed_acta, "ruled_table": ruled_table,
        "phone_photo": phone_photo, "fax": fax}


def make(kind: str, seed: int, folder: Path) -> HardPage:
    rng = random.Random(f"{kind}:{seed}")
    sheet, facts = DRAW[kind](rng)
    if kind == "fax":
        name = f"{kind}_{seed}.tif"
        sheet.img.save(folder / name, compression="group4", dpi=(204, 196))
    elif kind == "phone_photo":
        name = f"{kind}_{seed}.jpg"
        sheet.img.save(folder / name, quality=80)  # a phone photo says nothing of dpi
    else:
        name = f"{kind}_{seed}.jpg"
        dpi = 200 if kind == "stamp_table" else DPI
        img = sheet.img
        if dpi != DPI:
            img = img.resize((W * dpi // DPI, H * dpi // DPI), Image.Resampling.LANCZOS)
        img.save(folder / name, quality=72, dpi=(dpi, dpi))
    return HardPage(name, kind, seed, "\n".join(sheet.lines), facts)


def write_set(folder: Path, kinds: tuple[str, ...] = KINDS, seeds: tuple[int, ...] = TUNED + HELD_BACK) -> list[HardPage]:
    """Write every page of the set into `folder`, with truth.json (transcripts and facts)."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = [make(kind, seed, folder) for kind in kinds for seed in seeds]
    (folder / "truth.json").write_text(json.dumps([p.__dict__ for p in pages], ensure_ascii=False, indent=1))
    return pages


if __name__ == "__main__":
    for p in write_set(Path(sys.argv[1])):
        print(p.name, p.kind, p.part, p.facts)
