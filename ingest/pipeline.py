"""Which files a batch is made of: folder walks and content hashes."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

from .formats import looks_like_document
from .zips import is_zip


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Named files as given; in folders (recursive), the documents and ZIPs, hidden entries skipped."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for p in sorted(path.rglob("*")):
            hidden = any(x.startswith(".") for x in p.relative_to(path).parts)
            if p.is_file() and not hidden and (looks_like_document(p) or is_zip(p)):
                found.append(p)
    return found


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
