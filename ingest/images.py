"""Image files (PNG, JPEG, TIFF incl. multi-page): every frame is a page to OCR."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from expediente.errors import CorruptFile, FileTooLarge, NoPages

from .formats import TRUSTED_DPI, fit_dpi, register
from .model import Page

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"II*\x00": "image/tiff",
    b"MM\x00*": "image/tiff",
}
Image.MAX_IMAGE_PIXELS = 200_000_000  # a 600-dpi A0 scan, not a decompression bomb


class ImageFormat:
    media_type = "image/*"

    def score(self, head: bytes, name: str) -> int:
        return 90 if _media_type(head) else 0

    def open(self, path: Path) -> "ImageSource":
        return ImageSource(path)


def _media_type(head: bytes) -> str | None:
    return next((mt for magic, mt in _MAGIC.items() if head.startswith(magic)), None)


class ImageSource:
    def __init__(self, path: Path) -> None:
        with open(path, "rb") as fh:
            self.media_type = _media_type(fh.read(16)) or "image/*"
        try:
            self.img = Image.open(path)
            self.frames = getattr(self.img, "n_frames", 1)
            self.img.load()
        except Image.DecompressionBombError as exc:
            raise FileTooLarge(f"the image is too large to read safely ({exc})") from exc
        except (UnidentifiedImageError, OSError, SyntaxError) as exc:
            raise CorruptFile(f"the image is damaged and cannot be read ({exc}): get a fresh copy") from exc
        if self.frames < 1:
            raise NoPages("the image has no frames")

    def page_count(self) -> int:
        return self.frames

    def metadata(self) -> dict[str, str]:
        return {}

    def text_layer(self, index: int, boxes: bool = False) -> Page | None:
        return None  # images have no text layer: always OCR

    def text_layers(self, start: int, stop: int) -> list[Page | None]:
        return [self.text_layer(i) for i in range(start, stop)]

    def dpi(self, index: int) -> float:
        self.img.seek(index)
        dpi = self.img.info.get("dpi", (0, 0))[0]
        return float(dpi) if dpi and dpi >= 50 else 300.0

    def image(self, index: int, dpi: int, max_pixels: int | None = None, colour: bool = False) -> Image.Image:
        """The frame in grayscale at its own resolution (upscaled when under 200 dpi), and
        never over `max_pixels`."""
        try:
            self.img.seek(index)
            frame = ImageOps.exif_transpose(self.img.copy())
            frame = frame.convert("RGB" if colour and frame.mode not in ("1", "L", "I;16", "I", "F") else "L")
        except (OSError, SyntaxError, ValueError) as exc:
            raise CorruptFile(f"frame {index + 1} of the image is damaged ({exc})") from exc
        native = self.dpi(index)
        wanted = min(dpi, 300) if native < 200 and dpi > native else native
        target = fit_dpi(frame.width * 72 / native, frame.height * 72 / native, wanted, max_pixels)
        if target != native:
            factor = target / native
            size = (max(1, int(frame.width * factor)), max(1, int(frame.height * factor)))
            frame = frame.resize(size, Image.Resampling.LANCZOS)
        if self.img.info.get("dpi", (0, 0))[0] >= TRUSTED_DPI:  # formats.resolution
            frame.info["dpi"] = (target, target)
        else:
            frame.info.pop("dpi", None)  # a photo's 72, or none: Tesseract estimates one from the text
        return frame

    def size(self, index: int) -> tuple[float, float]:
        self.img.seek(index)
        native = self.dpi(index)
        return self.img.width * 72 / native, self.img.height * 72 / native

    def close(self) -> None:
        self.img.close()


register(ImageFormat())
