"""Helpers shared by test modules (pytest puts tests/ on the path, see pyproject)."""

from __future__ import annotations

import os
from pathlib import Path

from expediente.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RESOURCES = Path(__file__).resolve().parent / "resources"


def _find_corpus() -> Path | None:
    for candidate in (os.environ.get("EXPEDIENTE_CORPUS"), ROOT.parent / "shared" / "corpus", "/work/shared/corpus"):
        if candidate and Path(candidate, "README.md").exists():
            return Path(candidate)
    return None


CORPUS = _find_corpus()


def settings_for(tmp_path: Path, **kw) -> Settings:
    return Settings(data_dir=tmp_path / "data", workers=2, **kw)


def facts_for(answer_key: dict, query: str) -> set[tuple[str, int]]:
    """The (file, page) pairs where the answer key says a query is printed."""
    return {(f["file"], f["page"]) for f in answer_key["facts"] if f["query"] == query}


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A small born-digital PDF with these page texts (lines split on newlines)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1)
    for text in pages:
        y = 760
        for line in text.splitlines():
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()
    return path
