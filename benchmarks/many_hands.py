"""One archive, many hands, measured with real processes: a server (with its indexer), a
CLI ingest of a folder and web uploads at once, while searches run over HTTP.

Prints: the upload response time of a 9-page scan (median of 5 different scans), search
latency over HTTP during the ingest (p50, p99, max) against the same searches on the idle
archive afterwards (the baseline, same process), the indexer's peak memory (its process and
its workers), and catalog against index at the end (`expediente verify`).

    .venv/bin/python benchmarks/many_hands.py [--files 200] [--pages 4]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
CORPUS = ROOT.parent / "shared" / "corpus"
SCANS = ["py_hacienda_contrato_MH-SET_03-2019_scan.pdf", "ar_carmen_de_areco_licitacion_publica_07-2023_scan.pdf",
         "ar_carmen_de_areco_licitacion_publica_09-2023_scan.pdf"]
QUERIES = ["contrato", "monto:>=1000000", "\"servicios integrales\"", "oficio*", "DCA/TM/12/2020"]
EXE = [sys.executable, "-m", "expediente.cli"]


def nine_page_scans(folder: Path, n: int) -> list[Path]:
    """n different 9-page scanned PDFs (image-only pages from the corpus's scans, at 200 dpi)."""
    import pypdfium2 as pdfium

    images = []
    for name in SCANS:
        doc = pdfium.PdfDocument(str(CORPUS / name))
        images += [doc[i].render(scale=200 / 72).to_pil().convert("L") for i in range(len(doc))]
    out = []
    for k in range(n):
        pages = [images[(k + i) % len(images)] for i in range(9)]
        path = folder / f"escaneo-{k}.pdf"
        pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=200)
        out.append(path)
    return out


def born_digital(folder: Path, files: int, pages: int) -> Path:
    from tests_support import make_pdf

    folder.mkdir()
    for i in range(files):
        make_pdf(folder / f"oficio-{i:04d}.pdf", [
            f"Oficio DCA/TM/{i}/2020 relativo al contrato {i} pagina {p}\nMonto $1,{i % 1000:03d},{p:03d}.00 M.N.\n"
            "Servicios Integrales Magavel S.A. de C.V." for p in range(1, pages + 1)])
    return folder


def indexer_rss_mb(catalog: Path) -> float:
    """Resident memory of the indexer process and its workers, in MB."""
    try:
        db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True, timeout=2)
        row = db.execute("SELECT pid FROM leases WHERE name = 'indexer'").fetchone()
        db.close()
    except sqlite3.Error:
        return 0.0
    if not row:
        return 0.0
    pids = [row[0]] + [int(p) for p in subprocess.run(["pgrep", "-P", str(row[0])], capture_output=True,
                                                        text=True).stdout.split()]
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def searches(url: str, stop: threading.Event, out: list[float]) -> None:
    client = httpx.Client(timeout=30)
    i = 0
    while not stop.is_set():
        started = time.perf_counter()
        client.get(url + "/api/search", params={"q": QUERIES[i % len(QUERIES)]}).raise_for_status()
        out.append((time.perf_counter() - started) * 1000)
        i += 1


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--pages", type=int, default=4)
    ap.add_argument("--engine", default="tantivy")
    args = ap.parse_args()
    from tests_support import free_port

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "data"
        env = dict(os.environ, EXPEDIENTE_DATA_DIR=str(data), EXPEDIENTE_ENGINE=args.engine)
        scans = nine_page_scans(root, 5)
        folder = born_digital(root / "lote", args.files, args.pages)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([*EXE, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):
                try:
                    if httpx.get(url + "/api/jobs", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            upload_ms = []
            for scan in scans:
                started = time.perf_counter()
                r = httpx.post(url + "/api/upload", files=[("files", (scan.name, scan.read_bytes(), "application/pdf"))],
                               timeout=60)
                upload_ms.append((time.perf_counter() - started) * 1000)
                assert r.status_code == 202, r.text
            during: list[float] = []
            stop = threading.Event()
            reader = threading.Thread(target=searches, args=(url, stop, during))
            reader.start()
            started = time.perf_counter()
            ingest = subprocess.Popen([*EXE, "ingest", "--quiet", str(folder)], env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL, text=True)
            peak = 0.0
            while ingest.poll() is None:
                peak = max(peak, indexer_rss_mb(data / "catalog.sqlite"))
                time.sleep(0.2)
            ingest_s = time.perf_counter() - started
            while httpx.get(url + "/api/jobs", params={"status": "queued"}).json()["counts"]["queued"] or \
                    httpx.get(url + "/api/jobs").json()["counts"]["running"]:
                peak = max(peak, indexer_rss_mb(data / "catalog.sqlite"))
                time.sleep(0.5)
            stop.set()
            reader.join()
            idle: list[float] = []
            stop = threading.Event()
            timer = threading.Timer(10, stop.set)
            timer.start()
            searches(url, stop, idle)
            verify = json.loads(subprocess.run([*EXE, "verify"], env=env, capture_output=True, text=True).stdout)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(30)
    print(f"engine {args.engine}; CLI ingest of {args.files} files x {args.pages} pages while the server's indexer "
          f"read 5 uploaded 9-page scans: {ingest_s:.1f} s")
    print(f"upload of a 9-page scan (202): median {statistics.median(upload_ms):.0f} ms, max {max(upload_ms):.0f} ms")
    print(f"search over HTTP during the ingest: p50 {pct(during, .5):.1f} ms, p99 {pct(during, .99):.1f} ms, "
          f"max {max(during):.0f} ms ({len(during)} searches)")
    print(f"same searches on the idle archive (baseline): p50 {pct(idle, .5):.1f} ms, p99 {pct(idle, .99):.1f} ms "
          f"({len(idle)} searches); ratio of p50s {pct(during, .5) / pct(idle, .5):.2f}")
    print(f"indexer peak memory (process + workers): {peak:.0f} MB")
    print(f"verify: catalog {verify['catalog_documents']} documents / {verify['catalog_pages']} pages, index "
          f"{verify['index_documents']} / {verify['index_pages']}, ok={verify['ok']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
