"""Search engines side by side on the same pages: indexing pages/s, index size on disk, and
search latency p50/p99 for word, phrase, code and filter queries. SQLite FTS5 (bm25) on the
same texts, in the same process, is the baseline.

The corpus: every page of the samples and of the shared corpus PDFs, then synthetic pages
made by recombining their lines (so the vocabulary, codes and amounts stay realistic) up to
--pages.

    .venv/bin/python benchmarks/search_latency.py [--pages 20000] [--es-url http://127.0.0.1:9200]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.entities import extract_entities  # noqa: E402
from ingest.model import Document, Page  # noqa: E402
from search.analysis import index_text  # noqa: E402
from search.es_engine import ElasticsearchEngine  # noqa: E402
from search.query import parse  # noqa: E402
from search.records import records_for  # noqa: E402
from search.tantivy_engine import TantivyEngine  # noqa: E402

QUERIES = {
    "word": ["magavel", "contrato", "videovigilancia", "licitacion", "fiscalia"],
    "phrase": ['"reconocimiento facial"', '"servicios integrales"', '"obra publica"', '"representante legal"'],
    "code": ["EA-IT20-2020", "DCA/TM/222/2020", "SSP/DGA/045/2021", "LA-917037986-E5-2021"],
    "filter": ["amount:1023123", "amount:>=1000000", "vendor:magavel", "bid:EA-IT20-2020 magavel", "date:2020"],
}


def source_texts() -> list[str]:
    import pypdfium2 as pdfium

    from ingest import Failure  # noqa: F401  (package import registers formats)

    texts = []
    import json

    key = json.loads((ROOT / "samples" / "answer_key.json").read_text(encoding="utf-8"))
    texts += [p["text"] for d in key["documents"] for p in d["pages"]]
    corpus = ROOT.parent / "shared" / "corpus"
    for pdf_path in sorted(corpus.glob("mx_*.pdf")):
        pdf = pdfium.PdfDocument(str(pdf_path))
        texts += [page.get_textpage().get_text_range() for page in pdf]
    return [t for t in texts if t.strip()]


def synthetic_documents(texts: list[str], pages: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    lines = [ln for t in texts for ln in t.splitlines() if ln.strip()]
    docs, n = [], 0
    while n < pages:
        size = rng.randint(1, 8)
        page_objs = []
        for number in range(1, size + 1):
            text = "\n".join(rng.choice(lines) for _ in range(rng.randint(20, 45)))
            page_objs.append(Page(number, text, "text", None, 612, 792, [], extract_entities(text)))
        docs.append(Document(f"{len(docs):064x}", f"doc{len(docs)}.pdf", f"Documento {len(docs)}", "application/pdf", 1, page_objs))
        n += size
    return docs


def index_into(engine, docs: list[Document]) -> float:
    start = time.perf_counter()
    for i, doc in enumerate(docs):
        engine.add(records_for(doc))
        if i % 500 == 499:
            engine.commit()
    engine.commit()
    return time.perf_counter() - start


def fts5_index(db: sqlite3.Connection, docs: list[Document]) -> float:
    start = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE pages USING fts5(doc, page UNINDEXED, text, tokenize='unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO pages VALUES (?,?,?)", ((d.sha256, p.number, p.text) for d in docs for p in d.pages))
    db.commit()
    return time.perf_counter() - start


def fts5_query(q: str) -> str | None:
    """The closest FTS5 form of our query (filters have no FTS5 equivalent)."""
    if ":" in q and not q.startswith('"'):
        return None
    toks = index_text(q.strip('"')).split()
    return '"' + " ".join(toks) + '"' if len(toks) > 1 else toks[0]


def latencies(run, queries: list[str], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for q in queries:
            start = time.perf_counter()
            run(q)
            out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--es-url", default="http://127.0.0.1:9200")
    args = ap.parse_args()
    docs = synthetic_documents(source_texts(), args.pages)
    total = sum(d.page_count for d in docs)
    print(f"corpus: {len(docs)} documents, {total} pages")
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        tantivy = TantivyEngine(Path(tmp) / "tantivy")
        secs = index_into(tantivy, docs)
        rows["tantivy"] = (total / secs, dir_size(Path(tmp) / "tantivy"), lambda q: tantivy.search(parse(q), 20))
        db = sqlite3.connect(str(Path(tmp) / "fts.sqlite"))
        secs = fts5_index(db, docs)
        fts_run = lambda q: db.execute(  # noqa: E731
            "SELECT doc, page FROM pages WHERE pages MATCH ? ORDER BY bm25(pages) LIMIT 20", (fts5_query(q),)).fetchall()
        rows["sqlite-fts5 (baseline)"] = (total / secs, (Path(tmp) / "fts.sqlite").stat().st_size, fts_run)
        try:
            es = ElasticsearchEngine(args.es_url, f"expediente-bench-{int(time.time())}")
            secs = index_into(es, docs)
            es.es.indices.forcemerge(index=es.alias, max_num_segments=1)
            size = es.es.indices.stats(index=es.alias)["_all"]["primaries"]["store"]["size_in_bytes"]
            rows["elasticsearch"] = (total / secs, size, lambda q: es.search(parse(q), 20))
        except Exception as exc:  # the benchmark still reports the embedded engine
            print(f"elasticsearch skipped: {exc}")
            es = None
        print(f"\n{'engine':<24}{'index pages/s':>14}{'size MB':>9}" + "".join(f"{k + ' p50/p99 ms':>24}" for k in QUERIES))
        medians = {}
        for name, (rate, size, run) in rows.items():
            cells = []
            for kind, queries in QUERIES.items():
                qs = [q for q in queries if name != "sqlite-fts5 (baseline)" or fts5_query(q)]
                if not qs:
                    cells.append(f"{'n/a':>24}")
                    continue
                lat = latencies(run, qs, args.repeat)
                medians[(name, kind)] = statistics.median(lat)
                cells.append(f"{pct(lat, 50):>13.2f} / {pct(lat, 99):>7.2f}")
            print(f"{name:<24}{rate:>14.0f}{size / 1e6:>9.1f}" + "".join(cells))
        print("\nmedian latency ratio vs sqlite-fts5 (lower is faster):")
        for name in rows:
            if name.startswith("sqlite"):
                continue
            ratios = [f"{k} {medians[(name, k)] / medians[('sqlite-fts5 (baseline)', k)]:.2f}"
                      for k in QUERIES if ("sqlite-fts5 (baseline)", k) in medians and (name, k) in medians]
            print(f"  {name}: " + ", ".join(ratios))
        if es is not None:
            es.drop()
        tantivy.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
