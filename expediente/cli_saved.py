"""`expediente saved list [--json] [--user EMAIL]`: the saved searches of the data folder,
with the pages matching each now and the pages new since its owner last opened it."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .settings import Settings


def add_saved_commands(sub: Any) -> None:
    sv = sub.add_parser("saved", help="saved searches: pages matching now and new since the last visit")
    sv.add_argument("action", choices=("list",))
    sv.add_argument("--user", help="only this user's (email; '(local)' without users)")
    sv.add_argument("--json", action="store_true")


def cmd_saved(args: argparse.Namespace, settings: Settings) -> int:
    from archive import open_archive
    from archive.saved import SavedSearches

    archive = open_archive(settings)
    try:
        store = SavedSearches(archive)
        rows = [store.summary(s) for s in store.all(args.user)]
    finally:
        archive.close()
    if args.json:
        print(json.dumps({"saved": rows}, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        alert = f"  webhook {r['last_status'] or r['last_error'] or 'not called yet'}" if r["webhook"] else ""
        print(f"{r['id']:>4} {r['owner']:<28} {r['name']:<30} {r['total']:>6} pages, {r['new_pages']} new  "
              f"{r['query']}{alert}")
    return 0
