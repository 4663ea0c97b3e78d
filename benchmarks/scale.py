"""Archive-scale benchmark (issue 10): N dense born-digital pages through the real CLI.

Generates the pages (benchmarks/scale_corpus.py) unless --corpus names them, then prints:
pdftotext on the same files with the same parallelism, `expediente ingest` pages/s and its
peak memory (the whole process tree, sampled), catalog and original bytes per page,
`reindex --to elasticsearch` pages/s, search p50/p99 over HTTP per query kind on each
engine (a real `expediente serve`; every search also computes the facets), and the recall
of the tokens planted on known pages. Not in CI: 100k pages take about an hour here.

    .venv/bin/python benchmarks/scale.py --pages 20000 [--work /tmp/scale] [--workers 2]
        [--es-url http://127.0.0.1:9200 | --no-es] [--repeat 10] [--reuse | --ingest-only]
        [--baseline-files 2000] [--recall-tokens 2000] [--es-only] [--no-browsing]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The CLI of this checkout (PYTHONPATH below), whatever the installed entry point points at.
CLI = [sys.executable, "-c", "import sys; from expediente.cli import main; sys.exit(main())"]

QUERIES = {
    "word": ["videovigilancia", "combustible", "garantía", "contrato"],
    "phrase": ['"servicios magavel"', '"quatro desarrollo urbano"', '"agua potable"'],
    "code": ["EA-IT45-2019", "LA-LP20-2021", "DCA/TM/222/2020"],
    "prefix": ["videovig*", "licitac*"],
    "boolean": ["(patrullas OR uniformes) -fianza", "magavel cámaras~"],
    "filter": ["monto:>=1000000", "amount:1000000..2000000", "proveedor:magavel", "year:2020", "date:2021-03"],
}


def pdftotext_rate(files: list[Path], pages: int, workers: int) -> float:
    """pdftotext on the same files, `workers` at a time: the floor for any text extraction."""
    if shutil.which("pdftotext") is None:
        raise SystemExit("pdftotext is missing: install it (Debian: apt-get install poppler-utils)")
    def one(path: Path) -> None:
        subprocess.run(["pdftotext", "-q", str(path), os.devnull], check=True)

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, files))
    return pages / (time.perf_counter() - started)


def _tree(root: int) -> set[int]:
    """A process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == pid and p not in tree]
        tree.update(kids)
        frontier.extend(kids)
    return tree


@dataclass
class Usage:
    """What a command's process tree used, sampled from /proc. Resident memory counts file pages
    mapped in (the tantivy index the indexer merges and reads), which are the kernel's page
    cache and reclaimed under pressure; anonymous memory is the processes' own."""

    seconds: float = 0.0
    peak_mb: float = 0.0
    peak_anon_mb: float = 0.0
    cpu_s: dict[int, float] = field(default_factory=dict)  # per process, the last value seen (half a second early at most)

    def sample(self, root: int) -> None:
        total = anon = 0
        for pid in _tree(root):
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                    elif line.startswith("RssAnon:"):
                        anon += int(line.split()[1])
                self.cpu_s[pid] = _cpu_s(pid, waited=pid != root)  # the root's waited: the sampled workers
            except (OSError, IndexError, ValueError):
                continue
        self.peak_mb, self.peak_anon_mb = max(self.peak_mb, total / 1024), max(self.peak_anon_mb, anon / 1024)

    def cpu_text(self, root: int, pages: int) -> str:
        own = self.cpu_s.get(root, 0.0)
        rest = sum(self.cpu_s.values()) - own
        return (f"CPU {1000 * (own + rest) / pages:.2f} ms per page ({1000 * own / pages:.2f} in the main process, "
                f"{1000 * rest / pages:.2f} in its children)")


def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[Usage, int]:
    """The usage of a command's process tree (it must succeed), and its pid."""
    usage = Usage()
    started = time.perf_counter()
    # From this checkout's folder: `python -c` puts the working folder first on sys.path, so run from
    # another checkout the ingest would be that checkout's code (an A/B of one version against itself).
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    while proc.poll() is None:
        usage.sample(proc.pid)
        time.sleep(0.5)
    usage.seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}")
    return usage, proc.pid


def es_reindex_measured(es_env: dict[str, str], pages: int, es_url: str) -> None:
    use, pid = run_measured([*CLI, "reindex", "--to", "elasticsearch"], es_env)
    print(f"reindex --to elasticsearch: {pages / use.seconds:7.0f} pages/s ({use.seconds:.0f} s), peak memory "
          f"{use.peak_mb:.0f} MB resident, {use.peak_anon_mb:.0f} MB anonymous; {use.cpu_text(pid, pages)}")
    from benchmarks.es_bulk import merging_s

    print(f"reindex --to elasticsearch: merged to one segment in the background {merging_s(es_url):.0f} s "
          "after the command (the searches below start then)")


def _es_pages(es_url: str, index: str) -> int:
    """Pages in an Elasticsearch index kept by an earlier run (0 when there is none)."""
    from elasticsearch import Elasticsearch

    es = Elasticsearch(es_url)
    try:
        return int(es.count(index=index)["count"]) if es.indices.exists_alias(name=index) else 0
    finally:
        es.close()


def _catalog_pages(data: Path) -> int:
    """Pages of the archive's indexed documents: what a reindex copies."""
    from archive.catalog import Catalog

    catalog = Catalog(data / "catalog.sqlite")
    try:
        return int(catalog.counts()["pages"])
    finally:
        catalog.close()


def _drop_es_index(es_url: str, index: str) -> None:
    from search.es_engine import ElasticsearchEngine

    engine = ElasticsearchEngine(es_url, index, build=False, writable=False)
    engine.drop()
    engine.close()


def catalog_bytes(data: Path) -> int:
    import sqlite3

    db = sqlite3.connect(data / "catalog.sqlite")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return sum(p.stat().st_size for p in data.glob("catalog.sqlite*"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cpu_s(pid: int, waited: bool = False) -> float:
    """utime + stime; with `waited`, also the children it has waited for (a worker's short
    pdftotext runs, too brief to be sampled themselves)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if waited else 0)
    return ticks / os.sysconf("SC_CLK_TCK")


def settle(pid: int, idle: float = 0.05, most_s: float = 1800) -> None:
    """Wait until a started server stops warming up (its caches of a large archive take a
    while to build), so the first measured requests of the two servers are alike."""
    deadline = time.monotonic() + most_s
    while time.monotonic() < deadline:
        before = _cpu_s(pid)
        time.sleep(2)
        if _cpu_s(pid) - before < 2 * idle:
            return


def wait_until_up(client: httpx.Client, tries: int, failure: str) -> None:
    """Wait (half a second a try) until the server answers a search."""
    for _ in range(tries):
        try:
            if client.get("/api/search", params={"q": "contrato"}).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise SystemExit(failure)


@contextmanager
def serving(env: dict[str, str], label: str = "", checkout: Path = ROOT) -> Iterator[httpx.Client]:
    """A real `expediente serve` of `checkout` on a free port, and an HTTP client to it once its
    warm-up is over (with `label`, what searches took during the warm-up is printed first)."""
    port = _free_port()
    env = {**env, "PYTHONPATH": str(checkout)}  # and run from there: `-c` puts the working folder first on the path
    proc = subprocess.Popen([*CLI, "serve", "--port", str(port)], env=env, cwd=checkout, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600)
    client.server_pid = proc.pid  # type: ignore[attr-defined]
    try:
        started = time.perf_counter()
        wait_until_up(client, 120, "the server did not start")
        if label:
            took = [_timed(client, q) for queries in QUERIES.values() for q in queries]
            print(f"{label}: during the warm-up, {len(took)} searches: p50 {_pct(took, 0.5):.0f} ms, max {max(took):.0f} ms")
        settle(proc.pid)  # the server builds its derived views of the archive first (archive/warm.py)
        if label:
            print(f"{label}: server started and warmed up in {time.perf_counter() - started:.0f} s")
        yield client
    finally:
        client.close()
        proc.terminate()
        proc.wait(30)


def _timed(client: httpx.Client, q: str) -> float:
    started = time.perf_counter()
    client.get("/api/search", params={"q": q}).raise_for_status()
    return (time.perf_counter() - started) * 1000


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _uncached(env: dict[str, str]) -> Callable[[], None]:
    """What runs before each timed search: on Elasticsearch, its request cache emptied (it keeps a
    facet count until the next refresh, and these rounds repeat the same queries); nothing on tantivy."""
    if env.get("EXPEDIENTE_ENGINE") != "elasticsearch":
        return lambda: None
    url = f"{env['EXPEDIENTE_ES_URL']}/{env['EXPEDIENTE_ES_INDEX']}/_cache/clear?request=true"

    def clear() -> None:
        httpx.post(url).raise_for_status()

    return clear


def latencies(client: httpx.Client, planted: dict[str, list], repeat: int,
              before: Callable[[], None] = lambda: None) -> dict[str, tuple[float, float, float]]:
    """(p50, p99, max) in ms per query kind, over `repeat` rounds after one warm-up round; `before`
    runs before each search, untimed."""
    kinds = dict(QUERIES, rare=list(planted)[:20])
    out = {}
    for kind, queries in kinds.items():
        samples = []
        for round_ in range(repeat + 1):
            for q in queries:
                before()
                took = _timed(client, q)
                if round_:
                    samples.append(took)
        out[kind] = (_pct(samples, 0.5), _pct(samples, 0.99), max(samples))
    return out


def recall(client: httpx.Client, planted: dict[str, list]) -> tuple[int, int]:
    """How many planted tokens find exactly their (file, page) as the first hit."""
    found = 0
    for token, (filename, page) in planted.items():
        hits = client.get("/api/search", params={"q": token}).json()["hits"]
        found += bool(hits) and (hits[0]["filename"], hits[0]["page"]) == (filename, page)
    return found, len(planted)


# Listing and browsing: the pages a journalist opens besides the search, and the CSV exports.
BROWSING = ["/documents", "/vendors", "/vendors/magavel", "/bids", "/bids?sort=total", "/bids?q=EA-IT45",
            "/contracts", "/persons", "/amounts", "/amounts?sort=pages", "/amounts?q=1,000,000",
            "/export/bids.csv", "/export/amounts.csv", "/export/vendors.csv", "/cases/EA-IT45-2019"]


def browsing(client: httpx.Client, rounds: int = 3) -> dict[str, tuple[float, float]]:
    """(median, max) in ms per page, over `rounds` requests after one; a page this archive lacks (a
    small corpus may hold no case EA-IT45-2019) is left out."""
    out = {}
    for url in BROWSING:
        if client.get(url).status_code == 404:  # the unmeasured first request
            print(f"GET {url}: not in this archive (404)")
            continue
        took = []
        for _ in range(rounds):
            started = time.perf_counter()
            client.get(url).raise_for_status()
            took.append((time.perf_counter() - started) * 1000)
        out[url] = (_pct(took, 0.5), max(took))
    return out


def resident_mb(pid: int) -> tuple[float, float]:
    """(resident now, peak resident) of a process, in MB."""
    status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024


def report_search(label: str, env: dict[str, str], planted: dict[str, list], repeat: int, browse: bool = True) -> None:
    with serving(env, label) as client:
        found, total = recall(client, planted)
        print(f"{label}: planted-token recall {found}/{total}")
        for kind, (p50, p99, worst) in latencies(client, planted, repeat, _uncached(env)).items():
            print(f"{label}: search over HTTP, {kind:8s} p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   max {worst:6.1f} ms")
        for url, (median, worst) in (browsing(client) if browse else {}).items():
            print(f"{label}: GET {url:24s} median {median:8.1f} ms   max {worst:8.1f} ms")
        now, peak = resident_mb(client.server_pid)  # type: ignore[attr-defined]
        print(f"{label}: server resident memory {now:.0f} MB now, {peak:.0f} MB at most")


def ingest_measured(files: list[Path], page_counts: list[int], originals: int, corpus: Path, data: Path,
                    env: dict[str, str], workers: int, baseline_files: int = 0) -> None:
    """pdftotext's rate (on every file, or on every n-th so that `baseline_files` are read: the files
    are alike, and at a million pages reading them all costs ten minutes), then a fresh ingest of all
    the files: pages/s, peak memory, catalog bytes; then pdftotext's rate again, for the ratio."""
    pages = sum(page_counts)
    step = max(1, len(files) // baseline_files) if baseline_files else 1
    sample = files[::step]
    share = "" if step == 1 else f" on {len(sample)} of the {len(files)} files (every {step}th)"
    sample_pages = sum(page_counts[::step])
    before = pdftotext_rate(sample, sample_pages, workers)
    print(f"pdftotext, {workers} at a time{share}: {before:7.0f} pages/s")
    shutil.rmtree(data, ignore_errors=True)
    use, pid = run_measured([*CLI, "ingest", str(corpus), "--quiet"], env)
    rate = pages / use.seconds
    print(f"expediente ingest (tantivy): {rate:7.0f} pages/s ({use.seconds:.0f} s), peak memory "
          f"{use.peak_mb:.0f} MB resident, {use.peak_anon_mb:.0f} MB anonymous (process tree), load average after: "
          f"{os.getloadavg()[0]:.2f}")
    print(f"expediente ingest (tantivy): {use.cpu_text(pid, pages)}")
    # This machine's speed drifts by a third within the hour (a shared host): pdftotext again
    # after the ingest, and the ratio against the mean of the two.
    after = pdftotext_rate(sample, sample_pages, workers)
    print(f"pdftotext again after the ingest: {after:7.0f} pages/s; the ingest is {before / rate:.2f}x / "
          f"{after / rate:.2f}x slower than before / after, {(before + after) / 2 / rate:.2f}x their mean")
    size = catalog_bytes(data)
    print(f"catalog: {size / pages / 1024:.1f} KB per page ({size / 2**20:.0f} MB; originals "
          f"{originals / pages / 1024:.1f} KB per page)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=20000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/expediente-scale"))
    ap.add_argument("--corpus", type=Path, help="pages made earlier by scale_corpus.py (default: make them)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--es-url", default="http://127.0.0.1:9200")
    ap.add_argument("--no-es", action="store_true")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--reuse", action="store_true", help="search (and reindex) the archive an earlier run built in --work")
    ap.add_argument("--baseline-files", type=int, default=0,
                    help="run pdftotext on about this many of the files (default: all)")
    ap.add_argument("--recall-tokens", type=int, default=0,
                    help="measure recall on about this many of the planted tokens (default: all)")
    ap.add_argument("--es-only", action="store_true", help="search Elasticsearch only (with --reuse: the tantivy "
                    "figures came from an earlier run)")
    ap.add_argument("--es-index", help="build the Elasticsearch index under this name and keep it; with --reuse, "
                    "search it without reindexing when it exists")
    ap.add_argument("--no-browsing", action="store_true", help="time searches only, not the listing pages")
    ap.add_argument("--ingest-only", action="store_true", help="stop after the ingest figures")
    args = ap.parse_args()

    from benchmarks.scale_corpus import generate

    corpus = args.corpus or args.work / "corpus"
    if args.corpus is None and not (corpus / "planted.json").exists():
        generate(corpus, args.pages, workers=args.workers)
    planted = json.loads((corpus / "planted.json").read_text(encoding="utf-8"))
    if args.recall_tokens and len(planted) > args.recall_tokens:  # each is a search: 10,310 at 1M take minutes
        step = len(planted) // args.recall_tokens
        planted = dict(list(planted.items())[::step])
        print(f"planted-token recall measured on every {step}th token ({len(planted)})")
    files = sorted(corpus.glob("*.pdf"))
    import pypdfium2 as pdfium

    page_counts = [len(pdfium.PdfDocument(str(f))) for f in files]
    pages = sum(page_counts)
    originals = sum(f.stat().st_size for f in files)
    print(f"{pages} pages in {len(files)} PDFs ({originals / pages:.0f} bytes of PDF per page), "
          f"{args.workers} workers, load average before: {os.getloadavg()[0]:.2f}")

    data = args.work / "data"
    env = dict(os.environ, EXPEDIENTE_DATA_DIR=str(data), EXPEDIENTE_WORKERS=str(args.workers),
               EXPEDIENTE_ENGINE="tantivy", PYTHONPATH=str(ROOT))
    if not (args.reuse and (data / "catalog.sqlite").exists()):
        ingest_measured(files, page_counts, originals, corpus, data, env, args.workers, args.baseline_files)
    if args.ingest_only:
        return 0
    if not args.es_only:
        report_search("tantivy", env, planted, args.repeat, not args.no_browsing)

    if not args.no_es:
        pages = _catalog_pages(data)  # a reused archive may hold more than this corpus (an earlier, larger run)
        es_env = dict(env, EXPEDIENTE_ENGINE="elasticsearch", EXPEDIENTE_ES_URL=args.es_url,
                      EXPEDIENTE_ES_INDEX=args.es_index or f"expediente-scale-{os.getpid()}")
        try:
            if not (args.reuse and args.es_index and _es_pages(args.es_url, args.es_index) == pages):
                es_reindex_measured(es_env, pages, args.es_url)
            report_search("elasticsearch", es_env, planted, args.repeat, not args.no_browsing)
        finally:
            if not args.es_index:  # a named index is kept for the next run
                _drop_es_index(args.es_url, es_env["EXPEDIENTE_ES_INDEX"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
