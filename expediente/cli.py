"""The `expediente` command: ingest, search, serve, status, failures, reindex, users, tokens.

With `--server URL` (and `--token`), ingest and search go to a running server instead of the data folder."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Sequence

from .cli_accounts import actor, add_account_commands, check_serve, cmd_tokens, cmd_users, record_ingest
from .cli_records import add_record_commands, cmd_case, cmd_vendors
from .cli_search import add_search_commands, cmd_batch, cmd_check
from .cli_saved import add_saved_commands, cmd_saved
from .errors import ExpedienteError, UsageError, busy_catalog
from .settings import Settings, settings_from_env


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="expediente", description="Document archive: ingest, OCR, search, cite the page.")
    p.add_argument("--data-dir", type=Path, help="data folder (env EXPEDIENTE_DATA_DIR; default ~/.local/share/expediente)")
    p.add_argument("--engine", choices=("tantivy", "elasticsearch"), help="search engine (env EXPEDIENTE_ENGINE)")
    p.add_argument("--es-url", help="Elasticsearch URL (env EXPEDIENTE_ES_URL)")
    p.add_argument("--server", help="ingest and search on this Expediente server, e.g. http://archivo:8000 "
                                    "(env EXPEDIENTE_SERVER)")
    p.add_argument("--token", help="API token for --server (env EXPEDIENTE_TOKEN; `expediente tokens create`)")
    sub = p.add_subparsers(dest="command", required=True)

    ing = sub.add_parser("ingest", help="ingest files and folders (recursive)")
    ing.add_argument("paths", nargs="+", type=Path)
    ing.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    ing.add_argument("--json", action="store_true", help="print the summary as JSON")
    ing.add_argument("--quiet", action="store_true", help="no progress lines")

    se = sub.add_parser("search", help="search the archive; every hit cites file and page")
    se.add_argument("query")
    se.add_argument("--json", action="store_true")
    se.add_argument("--limit", type=int, default=10)
    se.add_argument("--offset", type=int, default=0)

    sv = sub.add_parser("serve", help="serve the web UI and JSON API")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)

    sub.add_parser("status", help="what the archive holds, the queue, the running indexer")
    sub.add_parser("verify", help="verify that every document of the catalog is in the index, once (exit 1 if not)")
    jb = sub.add_parser("jobs", help="the ingest queue, newest first")
    jb.add_argument("--status", choices=("queued", "running", "done", "failed"))
    jb.add_argument("--limit", type=int, default=50)
    jb.add_argument("--json", action="store_true")
    sub.add_parser("failures", help="files that could not be ingested, with reasons")

    rx = sub.add_parser("reindex", help="copy the archive's index into another engine")
    rx.add_argument("--to", choices=("tantivy", "elasticsearch"), required=True)
    add_account_commands(sub)
    add_record_commands(sub)
    add_search_commands(sub)
    add_saved_commands(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from_env(os.environ, data_dir=args.data_dir, engine=args.engine, es_url=args.es_url,
                                     workers=getattr(args, "workers", None), server=args.server, token=args.token)
        return COMMANDS[args.command](args, settings)
    except ExpedienteError as exc:
        print(f"expediente: error: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except sqlite3.OperationalError as exc:
        busy = busy_catalog(exc)
        if busy is None:
            raise
        print(f"expediente: error: {busy.message}", file=sys.stderr)
        return busy.exit_code
    except KeyboardInterrupt:
        print("expediente: interrupted; run the same command again to finish", file=sys.stderr)
        return 130


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from archive import ingest_files

    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    progress = _Progress(quiet=args.quiet)
    started = time.perf_counter()
    if settings.server:
        from .remote import ingest_remote

        report = ingest_remote(settings, args.paths, progress)
    else:
        report = ingest_files(settings, args.paths, progress, user=actor())
        record_ingest(settings, args.paths, report)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_summary(report, time.perf_counter() - started)
    return report.exit_code


class _Progress:
    def __init__(self, quiet: bool) -> None:
        self.quiet, self.total, self.done = quiet, 0, 0

    def __call__(self, kind: str, info: dict) -> None:
        if kind == "start":
            self.total = info["files"]
            return
        if kind == "expanded":  # a ZIP: its files join the count
            self.total += info["files"]
        self.done += 1
        if self.quiet:
            return
        if kind == "expanded":
            what = f"unzipped  {info['filename']} ({info['files']} files)"
        elif kind == "ingested":
            what = f"ingested  {info['filename']} ({info['pages']} pages, {info['ocr_pages']} OCR)"
        elif kind == "present":
            what = f"present   {info['filename']}"
        else:
            what = f"FAILED    {info['filename']}: {info['reason']}"
        print(f"[{self.done}/{self.total}] {what}", file=sys.stderr, flush=True)


def _print_summary(report, seconds: float) -> None:
    print(f"ingested: {len(report.ingested)}, already present: {len(report.present)}, failed: {len(report.failed)}")
    pages = sum(i["pages"] for i in report.ingested)
    ocr = sum(i["ocr_pages"] for i in report.ingested)
    if pages:
        print(f"  {pages} pages ({ocr} OCR) in {seconds:.1f} s")
    for f in report.failed:
        print(f"  failed: {f.path}: {f.reason} [{f.code}]")


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from archive import open_archive
    from search import MAX_WINDOW, parse

    if args.limit < 1 or args.limit > 1000:
        raise UsageError("--limit must be between 1 and 1000")
    if not 0 <= args.offset <= MAX_WINDOW - args.limit:
        raise UsageError(f"--offset must be between 0 and {MAX_WINDOW} minus --limit: narrow the query instead")
    try:
        args.query.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("the query is not valid text in UTF-8: check the terminal's encoding") from None
    parse(args.query)  # a malformed query fails before the archive is opened
    if settings.server:
        return _search_remote(args, settings)
    archive = open_archive(settings)
    try:
        results = archive.search(args.query, limit=args.limit, offset=args.offset)
    finally:
        archive.close()
    if args.json:
        out = results.to_dict()
        print(json.dumps({"total": out["total"], "hits": out["hits"]}, ensure_ascii=False, indent=2))
        return 0
    print(f"{results.total} pages match ({results.took_ms:.1f} ms)")
    for h in results.hits:
        print(f"\n{h.filename}  p. {h.page}/{h.page_count}  [{h.title}]\n  {h.snippet.text}")
    return 0


def _search_remote(args: argparse.Namespace, settings: Settings) -> int:
    from .remote import search_remote

    out = search_remote(settings, args.query, args.limit, args.offset)
    if args.json:
        print(json.dumps({"total": out["total"], "hits": out["hits"]}, ensure_ascii=False, indent=2))
        return 0
    print(f"{out['total']} pages match ({out['took_ms']:.1f} ms)")
    for h in out["hits"]:
        print(f"\n{h['filename']}  p. {h['page']}/{h['page_count']}  [{h['title']}]\n  {h['snippet']}")
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from web import create_app

    if args.host not in settings.allowed_hosts:  # the address it serves on is a name it answers to
        settings = dataclasses.replace(settings, allowed_hosts=(*settings.allowed_hosts, args.host))
    check_serve(settings, args.host)  # no users: only on loopback
    from archive import open_archive

    open_archive(settings).close()  # an index of another version: the reindex command, not a traceback
    uvicorn.run(create_app(settings), host=args.host, port=args.port)
    return 0


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from archive import bulk_load_deferred, holder, open_archive

    archive = open_archive(settings)
    try:
        counts = archive.catalog.counts()
        counts["indexed_pages"] = archive.engine.page_count()
        queue = archive.jobs.counts()
        bulk_load = bulk_load_deferred(archive.catalog)  # the entity value indexes built when the queue is drained
    finally:
        archive.close()
    lease = holder(settings.catalog_path)
    indexer = {"owner": lease["owner"], "pid": lease["pid"], "host": lease["host"]} if lease else None
    print(json.dumps({"engine": settings.engine, "data_dir": str(settings.data_dir), **counts, "queue": queue,
                      "bulk_load": bulk_load, "indexer": indexer}, indent=2))
    return 0


def cmd_verify(args: argparse.Namespace, settings: Settings) -> int:
    from archive import check_archive, open_archive

    archive = open_archive(settings)
    try:
        report = check_archive(archive)
    finally:
        archive.close()
    print(json.dumps(report, indent=2))
    return 0 if report["ok"] else 1


def cmd_jobs(args: argparse.Namespace, settings: Settings) -> int:
    from archive import open_archive

    archive = open_archive(settings)
    try:
        jobs = archive.jobs.list(limit=args.limit, status=args.status)
    finally:
        archive.close()
    if args.json:
        print(json.dumps({"jobs": jobs}, ensure_ascii=False, indent=2))
        return 0
    for j in jobs:
        pages = f"{j['pages_done']}/{j['pages_total'] or '?'}"
        what = j["result"] or j["reason"] or ""
        print(f"{j['id']:>6}  {j['status']:<8} {pages:>9}  {j['inner_path'] or j['filename']}  {what}")
    return 0


def cmd_failures(args: argparse.Namespace, settings: Settings) -> int:
    from archive import open_archive

    archive = open_archive(settings)
    try:
        for f in archive.catalog.failures():
            print(f"{f['at']}  {f['path']}: {f['reason']} [{f['code']}]")
    finally:
        archive.close()
    return 0


def cmd_reindex(args: argparse.Namespace, settings: Settings) -> int:
    from archive import reindex

    copied = reindex(settings, target=args.to)
    print(f"reindexed {copied['documents']} documents, {copied['pages']} pages into {args.to}")
    if copied.get("word_pairs"):
        print("with word pairs: a phrase of common words reads one pair's pages (EXPEDIENTE_ES_PHRASES)")
    elif "word_pairs" in copied and settings.es_phrases == "auto":
        print("without word pairs, as the archive is small (EXPEDIENTE_ES_PHRASES=on builds them)")
    return 0


COMMANDS = {
    "ingest": cmd_ingest, "search": cmd_search, "serve": cmd_serve, "status": cmd_status,
    "failures": cmd_failures, "reindex": cmd_reindex, "verify": cmd_verify, "jobs": cmd_jobs,
    "users": cmd_users, "tokens": cmd_tokens, "vendors": cmd_vendors, "case": cmd_case,
    "batch": cmd_batch, "check": cmd_check, "saved": cmd_saved,
}

if __name__ == "__main__":
    sys.exit(main())
