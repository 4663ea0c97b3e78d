"""The `vendors` and `case` commands: the procurement record, read from the data folder."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .settings import Settings


def add_record_commands(sub: Any) -> None:
    vd = sub.add_parser("vendors", help="vendors, one per company (keyed by RFC or name)")
    vd.add_argument("--json", action="store_true")
    cs = sub.add_parser("case", help="one procurement by bid or contract number: documents, amounts by role, flags")
    cs.add_argument("code")
    cs.add_argument("--json", action="store_true")


def cmd_vendors(args: argparse.Namespace, settings: Settings) -> int:
    from archive import open_archive

    archive = open_archive(settings)
    try:
        data = archive.vendors()
    finally:
        archive.close()
    rows = [{k: v[k] for k in ("key", "name", "rfcs", "documents", "pages")} for v in data["vendors"]]
    if args.json:
        print(json.dumps({"vendors": rows}, ensure_ascii=False, indent=2))
        return 0
    for v in rows:
        print(f"{v['key']:<36} {v['name']}  ({v['documents']} docs, {v['pages']} pages)")
    return 0


def cmd_case(args: argparse.Namespace, settings: Settings) -> int:
    from archive import open_archive
    from web.i18n import with_flag_messages

    archive = open_archive(settings)
    try:
        data = archive.case(args.code)
    finally:
        archive.close()
    data["flags"] = with_flag_messages(data["flags"], "en")
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"{data['printed']}  bids: {', '.join(data['bids'])}  contracts: {', '.join(data['contracts'])}")
    for v in data["vendors"]:
        print(f"vendor: {v['name']} {v['rfc'] or ''}")
    for d in data["documents"]:
        print(f"  {d['date'] or '----------'}  {d['kind']:<12} {d['filename']}  p. {', '.join(map(str, d['pages']))}")
    for role, items in data["amounts"].items():
        for a in items:
            print(f"  {role:<10} {a['label']:<11} {a['value']:>16} {a['currency']}  {a['filename']} p. {a['page']}")
    for f in data["flags"]:
        print(f"  FLAG {f['kind']}: {f['message']}")
    return 0
