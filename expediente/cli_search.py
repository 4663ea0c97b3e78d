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
    ch = sub.add_parser("check", help="check a claim: where its amounts, names, codes and dates are printed, and together")
    ch.add_argument("text", help='the sentence, e.g. "La Comisión pagó 1,023,123 pesos a Magavel"')
    ch.add_argument("--json", action="store_true")


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


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when every element is printed and some page prints them together, 1 otherwise."""
    from archive import open_archive
    from archive.claims import check_claim

    archive = open_archive(settings)
    try:
        result = check_claim(archive, args.text)
    finally:
        archive.close()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print_check(result)
    confirmed = result["together"] and not result["dropped"] and all(e.get("pages") for e in result["elements"])
    return 0 if confirmed else 1


def _print_check(result: dict[str, Any]) -> None:
    for el in result["elements"]:
        where = ", ".join(f"{f['filename']} p. {f['page']}" for f in el.get("first", []))
        print(f"{el['kind']:9s} {el['printed']}: " + (f"{el['pages']} pages ({where})" if el.get("pages") else "not printed"))
    if result["together"]:
        note = f" (without {', '.join(result['dropped'])})" if result["dropped"] else ""
        print(f"together{note}:")
        for f in result["together"]:
            print(f"  {f['filename']} p. {f['page']}  [{f['title']}]")
    else:
        print("never printed together")
    for n in result["nearest"]:
        print(f"with {n['with']}: " + ", ".join(f"{v['printed']} ({v['page']})" for v in n["values"]))
