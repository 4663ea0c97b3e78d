"""Uploads: save the files, ingest them as one batch, report per file."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from fastapi import UploadFile

from expediente.settings import Settings
from ingest import ingest_paths
from search import Archive

_UNSAFE = re.compile(r"[^\w.\- ()áéíóúñÁÉÍÓÚÑ]")


def safe_name(name: str | None) -> str:
    base = Path(name or "archivo").name
    return _UNSAFE.sub("_", base)[:180] or "archivo"


def ingest_uploads(files: list[UploadFile], settings: Settings, archive: Archive) -> list[dict[str, Any]]:
    """One result per uploaded file: ingested, already present, or failed with a reason."""
    incoming = settings.data_dir / "incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=incoming) as tmp:
        paths = []
        for i, upload in enumerate(files):
            folder = Path(tmp) / str(i)  # same names in one upload do not collide
            folder.mkdir()
            path = folder / safe_name(upload.filename)
            with open(path, "wb") as out:
                shutil.copyfileobj(upload.file, out)
            paths.append(path)
        report = ingest_paths(paths, settings, archive)
    by_name: dict[str, list[dict[str, Any]]] = {}
    for info in report.ingested:
        by_name.setdefault(info["filename"], []).append({"status": "ingested", **info})
    for info in report.present:
        by_name.setdefault(info["filename"], []).append({"status": "present", **info})
    for f in report.failed:
        by_name.setdefault(f.filename, []).append({"status": "failed", "filename": f.filename, "code": f.code, "reason": f.reason})
    return [by_name[p.name].pop(0) for p in paths if by_name.get(p.name)]
