"""The `users` and `tokens` commands, and what `serve` checks about accounts before it starts.
They work on the data folder's catalog; every change goes to the audit log."""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import json
import sys
from typing import Any

from .errors import UsageError
from .settings import Settings

ROLES = ("reader", "editor", "admin")  # as archive.ROLES, without importing the archive to build the parser
NO_USER_HINT = ("no user exists, so anyone who can reach {host} could read and change the archive. Create an admin "
                "first: `expediente users add you@example.org --role admin` (the password is read from stdin), or set "
                "EXPEDIENTE_ADMIN_EMAIL and EXPEDIENTE_ADMIN_PASSWORD; or serve on 127.0.0.1")


def add_account_commands(sub: Any) -> None:
    us = sub.add_parser("users", help="user accounts: add, list, change a role")
    users = us.add_subparsers(dest="action", required=True)
    add = users.add_parser("add", help="add a user; the password is read from stdin")
    add.add_argument("email")
    add.add_argument("--role", choices=ROLES, required=True)
    ls = users.add_parser("list", help="users and their roles")
    ls.add_argument("--json", action="store_true")
    role = users.add_parser("role", help="change a user's role")
    role.add_argument("email")
    role.add_argument("role", choices=ROLES)

    tk = sub.add_parser("tokens", help="API tokens for scripts and the CLI's --server")
    tokens = tk.add_subparsers(dest="action", required=True)
    create = tokens.add_parser("create", help="create a token for a user and print it (the only time it is shown)")
    create.add_argument("email")
    create.add_argument("--name", default="", help="what the token is for, e.g. the machine")


def actor() -> str:
    """Who the audit log names for a command run on this machine."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no passwd entry (some containers)
        return "cli"


def read_password(stream: Any = None) -> str:
    """The new user's password: typed twice at a terminal, or the first line of piped stdin."""
    stream = stream or sys.stdin
    if stream.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise UsageError("the two passwords differ: try again")
        return first
    return stream.readline().rstrip("\r\n")


def cmd_users(args: argparse.Namespace, settings: Settings) -> int:
    from archive import open_accounts

    accounts = open_accounts(settings)
    try:
        if args.action == "add":
            user = accounts.add_user(args.email, args.role, read_password())
            accounts.record(actor(), "user_add", user.email, {"role": user.role})
            print(f"added {user.email} ({user.role})")
        elif args.action == "role":
            before = accounts.user(args.email).role
            user = accounts.set_role(args.email, args.role)
            accounts.record(actor(), "role_change", user.email, {"from": before, "to": user.role})
            print(f"{user.email}: {before} -> {user.role}")
        elif args.json:
            print(json.dumps({"users": [u.to_dict() for u in accounts.users()]}, indent=2))
        else:
            for u in accounts.users():
                print(f"{u.email:<40} {u.role:<7} {u.created_at}{'  disabled' if u.disabled else ''}")
    finally:
        accounts.close()
    return 0


def cmd_tokens(args: argparse.Namespace, settings: Settings) -> int:
    from archive import open_accounts

    accounts = open_accounts(settings)
    try:
        token = accounts.create_token(args.email, args.name)
        user = accounts.user(args.email)
        accounts.record(actor(), "token_create", user.email, {"name": args.name or "token"})
    finally:
        accounts.close()
    print(token)
    print(f"token for {user.email} ({user.role}); it is not stored and will not be shown again", file=sys.stderr)
    return 0


def record_ingest(settings: Settings, paths: list[Any], report: Any) -> None:
    """A local ingest in the audit log (through a server, the server records the upload)."""
    from archive import open_accounts

    accounts = open_accounts(settings)
    try:
        accounts.record(actor(), "ingest", None, {
            "paths": [str(p) for p in paths[:100]], "ingested": len(report.ingested),
            "present": len(report.present), "failed": len(report.failed)})
    finally:
        accounts.close()


def check_serve(settings: Settings, host: str) -> None:
    """Before serving: create the admin of the environment if no user exists yet, and refuse
    to open an archive without users to anything but this machine."""
    from archive import ensure_admin, open_accounts

    accounts = open_accounts(settings)
    try:
        created = ensure_admin(settings, accounts)
        if created is not None:
            print(f"expediente: created the admin {created.email} (EXPEDIENTE_ADMIN_EMAIL)", file=sys.stderr)
        if not accounts.has_users() and not is_loopback(host):
            raise UsageError(NO_USER_HINT.format(host=host))
    finally:
        accounts.close()


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything
