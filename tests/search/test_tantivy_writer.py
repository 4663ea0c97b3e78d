"""One writer at a time: a second process's writer waits for its turn, then says busy."""

from __future__ import annotations

import pytest

from expediente.errors import IndexBusy
from search import tantivy_engine
from search.records import PageRecord
from search.tantivy_engine import TantivyEngine


def record(doc: str) -> PageRecord:
    return PageRecord(doc, 1, f"{doc}.pdf", doc, "application/pdf", "palabra unica")


def test_second_writer_waits_then_reports_busy(tmp_path, monkeypatch):
    first, second = TantivyEngine(tmp_path / "ix"), TantivyEngine(tmp_path / "ix")
    first.add([record("a")])  # holds the lock until it commits
    monkeypatch.setattr(tantivy_engine, "LOCK_WAIT_S", 0.5)
    with pytest.raises(IndexBusy, match="try again"):
        second.add([record("b")])
    first.commit()  # releases the lock
    second.add([record("b")])
    second.commit()
    assert first.page_count() == second.page_count() == 2
