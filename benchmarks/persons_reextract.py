"""Person extraction before and after a change, without reading the files again: the persons a
catalog holds (extracted at ingest, by the code of that time) against what the current extractor
finds on the same stored page texts. Lists the names dropped and added, so each can be judged.

    .venv/bin/python benchmarks/persons_reextract.py DATA_DIR [DATA_DIR ...]

Ingest first with benchmarks/entities_prf.py --data-dir DIR (samples, with an answer key) or
benchmarks/entities_heldout.py --data-dir DIR (the held-out corpus).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.entities import extract_entities  # noqa: E402


def compare(catalog: Path) -> tuple[set[tuple], set[tuple]]:
    """(stored, now): the (file, page, value, printed) of every person, at ingest and now."""
    db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True)
    stored = {tuple(r) for r in db.execute(
        "SELECT d.filename, e.page, e.value, e.printed FROM entities e JOIN documents d ON d.id = e.document_id "
        "WHERE e.kind = 'person' AND d.status = 'indexed'")}
    now = set()
    for filename, page, text in db.execute(
            "SELECT d.filename, p.number, p.text FROM pages p JOIN documents d ON d.id = p.document_id "
            "WHERE d.status = 'indexed'"):
        now |= {(filename, page, e.value, e.printed) for e in extract_entities(text) if e.kind == "person"}
    db.close()
    return stored, now


def main() -> int:
    for data_dir in map(Path, sys.argv[1:]):
        stored, now = compare(data_dir / "catalog.sqlite")
        print(f"{data_dir}: {len(stored)} persons at ingest, {len(now)} now "
              f"({len({x[2] for x in stored})} -> {len({x[2] for x in now})} distinct names)")
        for x in sorted(stored - now):
            print(f"  dropped: {x[2]!r} ({x[0]} p. {x[1]})")
        for x in sorted(now - stored):
            print(f"  added:   {x[2]!r} ({x[0]} p. {x[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
