"""The one module that runs poppler's `pdftotext`: the text layer of a run of PDF pages.

`pdftotext -raw` gives the text in content-stream order, as PDFium does (the same words on
99.9% of the pages compared, the same entities), at a third of PDFium's CPU: PDFium builds a
box for every character, which ingest does not keep (the page view recomputes them). One
process reads a whole run of pages. Anything short of a clean answer (no `pdftotext`, an
error, a timeout, pages that do not add up) gives None, and the caller reads with PDFium.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from expediente.process import kill_with_parent

SECONDS_PER_PAGE = 2.0  # pdftotext reads a dense page in ~2 ms; far beyond that it is stuck
MIN_SECONDS = 30.0


@functools.cache
def _pdftotext() -> str | None:
    return shutil.which("pdftotext")


def page_texts(path: Path, start: int, stop: int) -> list[str] | None:
    """The text of pages [start, stop) (0-based), or None when pdftotext cannot say."""
    tool = _pdftotext()
    if tool is None or stop <= start:
        return None
    count = stop - start
    try:
        done = subprocess.run(
            [tool, "-q", "-raw", "-enc", "UTF-8", "-f", str(start + 1), "-l", str(stop), str(path), "-"],
            capture_output=True, timeout=MIN_SECONDS + SECONDS_PER_PAGE * count, check=False,
            preexec_fn=kill_with_parent)  # a killed worker leaves no pdftotext behind
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    texts = done.stdout.decode("utf-8", "replace").split("\f")
    if len(texts) != count + 1 or texts[-1].strip():  # each page ends with a form feed
        return None
    return texts[:count]
