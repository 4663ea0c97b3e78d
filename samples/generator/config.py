"""Paths and resolutions shared by the whole generator."""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent.parent  # samples/
ROOT = HERE.parent
RESOURCES = ROOT / "tests" / "resources"
TTF_DIR = Path("/usr/share/fonts/truetype/liberation")

SCAN_DPI = 300
PHOTO_DPI = 250
