"""OCR on hard pages: character error rate and word recall per kind of page, and seconds per page.

The pages are tests/hard_pages.py's set (stamped tables, signed actas, ruled tables, phone
photos, faxes; tuned seeds 1-2, held-back seeds 3-4), plus the shared corpus's phone-scanned
Argentine call for bids with its hand-typed transcript (page 1 tuned, page 2 held back), and
the samples' ordinary scanned pages (part "samples": what the cleaning costs where nothing is hard),
and the real letter whose signer's name lies under a navy pen stroke (kind real_pen: facts only,
it has no transcript). Each page goes through ingest's own ocr_page, once per
EXPEDIENTE_OCR_CLEANUP mode asked for; --pen off leaves pen strokes to the page's own reading.

    .venv/bin/python benchmarks/ocr_hard_pages.py [--modes off,auto] [--part tuned|held-back|samples|all]
        [--kinds stamp_table,fax] [--pen on|off] [--pages DIR] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # as in ingest workers

from ocr_measures import cer, word_recall  # noqa: E402

from expediente.settings import Settings  # noqa: E402
from hard_pages import write_set  # noqa: E402
from ingest.stages import ocr_page  # noqa: E402
from search.analysis import tokens  # noqa: E402

PHONE_SCAN = "ar_carmen_de_areco_licitacion_publica_09-2023_scan"
SIGNED_SCAN = "ar_carmen_de_areco_licitacion_publica_07-2023_scan"  # p2: a navy pen stroke across the signer's name


def findable(fact: str, text: str) -> bool:
    """As search finds it: the fact's tokens in a row (an amount read "823.258.50" is found
    by "823,258.50", as the archive's phrase search does)."""
    want, have = tokens(fact), tokens(text)
    return any(have[i:i + len(want)] == want for i in range(len(have) - len(want) + 1))


def pages(folder: Path, corpus: Path | None) -> list[dict]:
    """Every page of the set: path, index, kind, part, truth, facts."""
    truth = folder / "truth.json"
    if not truth.exists():
        write_set(folder)
    out = [{"path": str(folder / p["name"]), "index": 0, "kind": p["kind"], "part": "tuned" if p["seed"] <= 2 else "held-back",
            "truth": p["truth"], "facts": p["facts"]} for p in json.loads(truth.read_text(encoding="utf-8"))]
    if corpus and (corpus / f"{PHONE_SCAN}.pdf").exists():
        text = (corpus / f"{PHONE_SCAN}.gt.txt").read_text(encoding="utf-8")
        parts = [p for p in re.split(r"^=== page \d+ ===$", text, flags=re.M) if p.strip()]
        for i, part in enumerate(parts[:2]):
            out.append({"path": str(corpus / f"{PHONE_SCAN}.pdf"), "index": i, "kind": "real_phone",
                        "part": "tuned" if i == 0 else "held-back", "truth": part, "facts": []})
    if corpus and (corpus / f"{SIGNED_SCAN}.pdf").exists():  # no transcript: facts only (part tuned)
        out.append({"path": str(corpus / f"{SIGNED_SCAN}.pdf"), "index": 1, "kind": "real_pen", "part": "tuned",
                    "truth": None, "facts": ["Iván D. Villagrán", "3 de NOVIEMBRE de 2.023"]})
    key = json.loads((ROOT / "samples" / "answer_key.json").read_text(encoding="utf-8"))
    for doc in key["documents"]:  # ordinary scans: what cleaning costs where nothing is hard
        for page in doc["pages"]:
            if page["method"] == "ocr":
                out.append({"path": str(ROOT / "samples" / doc["file"]), "index": page["page"] - 1,
                            "kind": "sample_scan", "part": "samples", "truth": page["text"], "facts": []})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--modes", default="off,auto")
    ap.add_argument("--part", default="all", choices=["tuned", "held-back", "samples", "all"])
    ap.add_argument("--kinds", default="")
    ap.add_argument("--pen", default="on", choices=["on", "off"], help="lines under a dark pen stroke read again without it")
    ap.add_argument("--pages", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "expediente-hard-pages")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--json", type=Path, help="also write every page's numbers here")
    args = ap.parse_args()
    todo = [p for p in pages(args.pages, args.corpus)
            if args.part in ("all", p["part"]) and (not args.kinds or p["kind"] in args.kinds.split(","))]
    rows = []
    for mode in args.modes.split(","):
        settings = replace(Settings(data_dir=args.pages / "data"), ocr_cleanup=mode, ocr_pen=args.pen == "on")
        for p in todo:
            t0 = time.perf_counter()
            page = ocr_page(p["path"], p["index"], settings)
            seconds = time.perf_counter() - t0
            found = [f for f in p["facts"] if findable(f, page.text)]
            rows.append({"mode": mode, "kind": p["kind"], "part": p["part"], "file": Path(p["path"]).name,
                         "page": p["index"] + 1, "cer": _or_none(cer, page.text, p["truth"]),
                         "recall": _or_none(word_recall, page.text, p["truth"]), "seconds": seconds,
                         "facts": f"{len(found)}/{len(p['facts'])}"})
            r = rows[-1]
            print(f"{mode:5} {r['file']:28} p{r['page']} CER {_num(r['cer'])} recall {_num(r['recall'])} "
                  f"facts {r['facts']:5} {seconds:5.1f} s", flush=True)
    report(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


def _or_none(measure, text: str, truth: str | None) -> float | None:
    return None if truth is None else measure(text, truth)


def _num(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _mean(rows: list[dict], key: str) -> str:
    values = [r[key] for r in rows if r[key] is not None]
    return f"{statistics.mean(values):6.3f}" if values else "   n/a"


def report(rows: list[dict]) -> None:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["part"], r["kind"], r["mode"])].append(r)
    print(f"\n{'part':9} {'kind':12} {'mode':5} {'pages':>5} {'CER':>6} {'recall':>6} {'facts':>7} {'s/page':>6}")
    for (part, kind, mode), rs in sorted(groups.items()):
        got = sum(int(r["facts"].split("/")[0]) for r in rs)
        want = sum(int(r["facts"].split("/")[1]) for r in rs)
        print(f"{part:9} {kind:12} {mode:5} {len(rs):5} {_mean(rs, 'cer')} "
              f"{_mean(rs, 'recall')} {f'{got}/{want}':>7} "
              f"{statistics.mean(r['seconds'] for r in rs):6.1f}")
    for mode in sorted({r["mode"] for r in rows}):
        rs = [r for r in rows if r["mode"] == mode]
        print(f"all pages, mode {mode}: CER {_mean(rs, 'cer').strip()}, recall "
              f"{_mean(rs, 'recall').strip()}, {statistics.mean(r['seconds'] for r in rs):.1f} s/page")


if __name__ == "__main__":
    main()
