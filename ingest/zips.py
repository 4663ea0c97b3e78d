"""A transparency portal's ZIP into its files, nested ZIPs included, within limits.

Member names are never used as paths on disk (each member is copied to a temporary file
of our own naming), so `../../etc/passwd` inside a ZIP is only a label. Sizes are counted
while reading, not taken from the ZIP's headers, which a hostile file can fake.
"""

from __future__ import annotations

import posixpath
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from expediente.errors import CorruptFile, EncryptedPDF, FileTooLarge, IngestError

_JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")


class ZipRefused(IngestError):
    code = "zip_refused"


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 5000  # files in one upload, nested ZIPs counted
    max_total_bytes: int = 4 << 30  # uncompressed, all members together
    max_member_bytes: int = 512 << 20
    max_depth: int = 3  # a ZIP inside a ZIP inside a ZIP
    max_ratio: int = 200  # uncompressed / compressed for one member: beyond, a ZIP bomb


@dataclass
class ZipMember:
    inner_path: str  # e.g. "anexos/contrato.pdf" or "lote2.zip/fallo.pdf"
    path: Path | None  # a temporary copy of the bytes, valid until the next member
    error: IngestError | None = None

    @property
    def filename(self) -> str:
        return posixpath.basename(self.inner_path) or "archivo"


def is_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"PK\x03\x04" and zipfile.is_zipfile(path)
    except OSError:
        return False


def expand_zip(path: Path, limits: ZipLimits = ZipLimits()) -> Iterator[ZipMember]:
    """Every file in the ZIP (nested ZIPs expanded), or the reason one could not be taken.
    Raises ZipRefused / CorruptFile when the ZIP as a whole cannot be opened."""
    budget = {"members": limits.max_members, "bytes": limits.max_total_bytes}
    with tempfile.TemporaryDirectory(prefix="expediente-zip-") as tmp:
        yield from _expand(path, "", 1, limits, budget, Path(tmp))


def _clean(name: str) -> str:
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts)


def _expand(path: Path, prefix: str, depth: int, limits: ZipLimits, budget: dict[str, int],
            tmp: Path) -> Iterator[ZipMember]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptFile(f"the ZIP is damaged and cannot be opened ({exc})") from exc
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir() and not any(j in m.filename for j in _JUNK)]
        for info in members:
            name = prefix + _clean(info.filename)
            budget["members"] -= 1
            if budget["members"] < 0:
                raise ZipRefused(f"the ZIP holds more than {limits.max_members} files: split it into smaller ones")
            member = _extract(archive, info, name, limits, budget, tmp)
            if member.path is not None and is_zip(member.path):
                if depth >= limits.max_depth:
                    yield ZipMember(name, None, ZipRefused(f"ZIPs nested deeper than {limits.max_depth} levels are not opened"))
                    continue
                nested = member.path.rename(member.path.with_suffix(".zip"))
                try:
                    yield from _expand(nested, name + "/", depth + 1, limits, budget, tmp)
                except IngestError as exc:
                    yield ZipMember(name, None, exc)
                finally:
                    nested.unlink(missing_ok=True)
                continue
            try:
                yield member
            finally:
                if member.path is not None:
                    member.path.unlink(missing_ok=True)


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: ZipLimits,
             budget: dict[str, int], tmp: Path) -> ZipMember:
    if info.flag_bits & 0x1:
        return ZipMember(name, None, EncryptedPDF("this file is password-protected inside the ZIP: unpack it with the password"))
    cap = min(limits.max_member_bytes, budget["bytes"], max(info.compress_size, 1) * limits.max_ratio)
    fd, tmp_name = tempfile.mkstemp(dir=tmp, prefix="member-")
    target = Path(tmp_name)
    try:
        with archive.open(info) as src, open(fd, "wb") as out:
            written = _copy_capped(src, out, cap)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        target.unlink(missing_ok=True)
        return ZipMember(name, None, CorruptFile(f"this file is damaged inside the ZIP ({exc})"))
    if written is None:
        target.unlink(missing_ok=True)
        why = ("it expands far more than its compressed size (a ZIP bomb?)" if cap < limits.max_member_bytes
               else f"it is larger than {cap >> 20} MB")
        return ZipMember(name, None, FileTooLarge(f"this file inside the ZIP was not unpacked: {why}"))
    budget["bytes"] -= written
    return ZipMember(name, target)


def _copy_capped(src: IO[bytes], out: IO[bytes], cap: int) -> int | None:
    """Copy at most `cap` bytes; None when the source holds more."""
    written = 0
    while chunk := src.read(1 << 20):
        written += len(chunk)
        if written > cap:
            return None
        out.write(chunk)
    return written
