"""The reader's `prepare`: work on each page's text done in the worker that read the page
(the indexer has its index text made there), giving what the caller would have made itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import Item, Reader
from ingest.pipeline import sha256_of
from search import index_text, records_for
from tests_support import make_settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


class Collect:
    def __init__(self) -> None:
        self.documents: dict[str, object] = {}
        self.failures: list[BaseException] = []

    def document(self, item, document) -> None:
        self.documents[item.filename] = document

    def failed(self, item, error) -> None:
        self.failures.append(error)

    def progress(self, item, done, total, ocr) -> None:
        pass

    def tick(self) -> None:
        pass


@pytest.mark.ocr
def test_prepare_runs_on_text_layer_and_ocr_pages_and_gives_the_same_records(tmp_path):
    names = ["fallo_EA-IT20-2020_morelos.pdf", "oficio_tesoreria_juarez_quatro_2020.tiff"]  # text layer; a scan
    items = [Item(i, SAMPLES / n, n, sha256_of(SAMPLES / n), (SAMPLES / n).stat().st_size) for i, n in enumerate(names)]
    reader = Reader(make_settings(tmp_path / "data"), prepare=index_text)
    sink = Collect()
    try:
        reader.run(lambda n, todo=items: [todo.pop(0) for _ in range(min(n, len(todo)))], sink)
    finally:
        reader.close()
    assert not sink.failures and set(sink.documents) == set(names)
    methods = set()
    for doc in sink.documents.values():
        for page in doc.pages:
            methods.add(page.method)
            assert page.prepared == index_text(page.text)
        fresh = records_for(doc, analysed=True)
        for page in doc.pages:
            page.prepared = None  # as the catalog gives the document back
        assert fresh == records_for(doc)
    assert {"text", "ocr"} <= methods
