"""Stored originals: every file kept once, named by its SHA-256, written atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

from expediente.errors import FileTooLarge
from expediente.settings import Settings

INCOMING_PREFIX = ".incoming-"


def original_path(settings: Settings, sha256: str) -> Path:
    return settings.originals_dir / sha256[:2] / sha256


class Incoming:
    """One file arriving in pieces (an upload as it streams in): written once, into the originals
    folder, hashed on the way; `keep` names it by its SHA-256 (a rename, no copy), `discard` drops
    it. A piece past the size limit raises FileTooLarge and drops what was written."""

    def __init__(self, settings: Settings) -> None:
        self.settings, self.limit = settings, settings.max_file_mb * 1024 * 1024
        settings.originals_dir.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(dir=settings.originals_dir, prefix=INCOMING_PREFIX)
        self.out: BinaryIO | None = open(fd, "wb")
        self.digest, self.size = hashlib.sha256(), 0

    def write(self, chunk: bytes) -> None:
        assert self.out is not None, "written after it was kept or discarded"
        self.size += len(chunk)
        if self.size > self.limit:
            self.discard()
            raise FileTooLarge(f"the file is larger than {self.settings.max_file_mb} MB: raise "
                               "EXPEDIENTE_MAX_FILE_MB to ingest it")
        self.digest.update(chunk)
        self.out.write(chunk)

    def keep(self) -> tuple[str, int]:
        """(sha256, size) of the stored original; atomic: never a half-copied original."""
        assert self.out is not None, "kept after it was discarded"
        self.out.close()
        self.out = None
        sha = self.digest.hexdigest()
        target = original_path(self.settings, sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.tmp, target)  # same bytes if it was there already
        return sha, self.size

    def discard(self) -> None:
        if self.out is not None:
            self.out.close()
            self.out = None
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)


def store(settings: Settings, source: BinaryIO) -> tuple[str, int]:
    """Copy a stream into the originals, hashing as it goes (one pass over the bytes);
    refuses, before anything is kept, a file over the size limit."""
    incoming = Incoming(settings)
    try:
        while chunk := source.read(1 << 20):
            incoming.write(chunk)
        return incoming.keep()
    finally:
        incoming.discard()


def store_path(settings: Settings, path: Path) -> tuple[str, int]:
    size = path.stat().st_size
    if size > settings.max_file_mb * 1024 * 1024:  # refused without reading it
        raise FileTooLarge(f"the file is larger than {settings.max_file_mb} MB: raise EXPEDIENTE_MAX_FILE_MB to ingest it")
    with open(path, "rb") as fh:
        return store(settings, fh)


def remove(settings: Settings, sha256: str) -> None:
    original_path(settings, sha256).unlink(missing_ok=True)
    for cached in (settings.cache_dir / "pages" / sha256[:2]).glob(f"{sha256}-*"):
        cached.unlink(missing_ok=True)


def clean_leftovers(settings: Settings, older_than_s: float = 600) -> int:
    """Half-written copies left by a killed process (uploads, ingests): removed at start-up."""
    removed, cutoff = 0, time.time() - older_than_s
    for folder in (settings.originals_dir, settings.data_dir / "incoming"):
        if not folder.exists():
            continue
        for leftover in folder.glob(INCOMING_PREFIX + "*"):
            try:
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
                    removed += 1
            except FileNotFoundError:
                pass
    return removed
