"""ZIPs as transparency portals deliver them: unpacked within limits, names only labels."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from expediente.errors import CorruptFile
from ingest import ZipLimits, expand_zip, is_zip
from ingest.zips import ZipRefused
from tests_support import RESOURCES, zip_bytes


def _zip(path: Path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _taken(path: Path, limits: ZipLimits = ZipLimits()) -> dict[str, bytes | str]:
    """inner path -> bytes, or the error code for a member that was not taken."""
    out: dict[str, bytes | str] = {}
    for m in expand_zip(path, limits):
        out[m.inner_path] = m.path.read_bytes() if m.path else m.error.code  # type: ignore[union-attr]
    return out


def test_files_nested_zips_and_folders_come_out_with_their_paths(tmp_path):
    pdf = (RESOURCES / "garbage_text_layer.pdf").read_bytes()
    path = _zip(tmp_path / "respuesta.zip", {
        "anexos/contrato.pdf": pdf, "__MACOSX/._contrato.pdf": b"junk", "lote2.zip": zip_bytes({"fallo.pdf": pdf}),
        "carpeta/": b""})
    assert is_zip(path) and not is_zip(RESOURCES / "garbage_text_layer.pdf")
    assert _taken(path) == {"anexos/contrato.pdf": pdf, "lote2.zip/fallo.pdf": pdf}


def test_member_names_never_become_paths(tmp_path):
    path = _zip(tmp_path / "malo.zip", {"../../etc/passwd": b"x", "/abs/file.pdf": b"y", "a/./b/../c.pdf": b"z"})
    taken = _taken(path)
    assert set(taken) == {"etc/passwd", "abs/file.pdf", "a/b/c.pdf"}
    assert not (tmp_path.parent / "etc").exists()


def test_a_zip_bomb_member_is_refused_without_unpacking_it(tmp_path):
    path = _zip(tmp_path / "bomba.zip", {"ceros.pdf": b"\0" * (50 << 20), "bien.pdf": b"%PDF-1.4 ok"})
    taken = _taken(path, ZipLimits(max_ratio=100))
    assert taken == {"ceros.pdf": "file_too_large", "bien.pdf": b"%PDF-1.4 ok"}


def test_limits_on_count_depth_and_total_size(tmp_path):
    many = _zip(tmp_path / "muchos.zip", {f"{i}.pdf": b"%PDF" for i in range(12)})
    with pytest.raises(ZipRefused, match="more than 10 files"):
        _taken(many, ZipLimits(max_members=10))
    deep = _zip(tmp_path / "hondo.zip", {"a.zip": zip_bytes({"b.zip": zip_bytes({"c.pdf": b"%PDF"})})})
    assert _taken(deep, ZipLimits(max_depth=2)) == {"a.zip/b.zip": "zip_refused"}
    assert _taken(deep) == {"a.zip/b.zip/c.pdf": b"%PDF"}
    big = _zip(tmp_path / "grande.zip", {"a.pdf": b"1" * 3000, "b.pdf": b"2" * 3000}, zipfile.ZIP_STORED)
    assert _taken(big, ZipLimits(max_total_bytes=4000)) == {"a.pdf": b"1" * 3000, "b.pdf": "file_too_large"}


def test_encrypted_member_and_damaged_zip(tmp_path):
    path = _zip(tmp_path / "cifrado.zip", {"secreto.pdf": b"%PDF"})
    raw = bytearray(path.read_bytes())
    raw[6] |= 1  # the local header's "encrypted" flag
    central = raw.rfind(b"PK\x01\x02")
    raw[central + 8] |= 1  # and the central directory's
    path.write_bytes(bytes(raw))
    assert _taken(path) == {"secreto.pdf": "encrypted_pdf"}
    broken = tmp_path / "roto.zip"
    broken.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(CorruptFile):
        _taken(broken)
