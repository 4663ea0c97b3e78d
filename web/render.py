"""Page images for the page view, rendered from the stored original and cached on disk."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ingest import open_source

DISPLAY_DPI = 110
MAX_WIDTH = 1400
MAX_PIXELS = 8_000_000  # a giant page is rendered smaller, never at gigabytes, then resized


def page_png(original: Path, media_type: str, number: int, cache_dir: Path, doc_id: str) -> Path:
    target = cache_dir / "pages" / doc_id[:2] / f"{doc_id}-{number}.png"
    if target.exists():
        return target
    source = open_source(original)
    try:
        image = source.image(number - 1, DISPLAY_DPI, MAX_PIXELS)
    finally:
        source.close()
    if image.width > MAX_WIDTH:
        image = image.resize((MAX_WIDTH, int(image.height * MAX_WIDTH / image.width)))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".png")
    os.close(fd)
    image.save(tmp, "PNG", optimize=False)
    os.replace(tmp, target)
    return target
