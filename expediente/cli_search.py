"""`expediente batch FILE`: search a list of terms, one result line per term as it comes."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .errors import UsageError
from .settings import Settings


def add_search_commands(sub: Any) -> None:
    ba = sub.add_parser("batch", help="search every term of a list (one per line, or a CSV column); '-' reads stdin")
    ba.add_argument("file", help="text or CSV file of terms, '-' for standard input")
    ba.add_argument("--column", help="the CSV column holding the terms (by its header)")
    ba.add_argument("--json", action="store_true", help="one JSON object per term and line (JSON Lines)")


def cmd_batch(args: argparse.Namespace, settings: Settings) -> int:
    from archive import open_archive
    from archive.batch import read_terms, search_terms

    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the list {args.file}: {exc}") from exc
    terms = read_terms(text, args.column)
    archive = open_archive(settings)
    failed = 0
    try:
        for row in search_terms(archive, terms):
            failed += row["error"] is not None
            if args.json:
                print(json.dumps(row, ensure_ascii=False), flush=True)
            elif row["error"]:
                print(f"{row['term']}\terror: {row['error']}", flush=True)
            else:
                first = ", ".join(f"{f['filename']} p. {f['page']}" for f in row["first"])
                print(f"{row['term']}\t{row['pages']} pages\t{row['documents']} documents\t{first}", flush=True)
    finally:
        archive.close()
    return 2 if failed else 0
