"""Accounts from the command line, and the CLI as a client of a real server: `users`,
`tokens`, `serve`'s refusal to open an archive without users to the network, and
`--server --token` ingest and search against `expediente serve` in a subprocess."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import httpx
import pytest

from archive import ROLES, open_accounts
from expediente import cli_accounts
from tests_support import RESOURCES, make_pdf, make_settings

EXE = Path(sys.executable).with_name("expediente")
PASSWORD = "una contraseña larga"


def run(*args, data_dir, stdin: str = "", codes=(0,), env: dict | None = None):
    full_env = {**os.environ, "EXPEDIENTE_DATA_DIR": str(data_dir), **(env or {})}
    for var in ("EXPEDIENTE_SERVER", "EXPEDIENTE_TOKEN", "EXPEDIENTE_ADMIN_EMAIL", "EXPEDIENTE_ADMIN_PASSWORD"):
        if env is None or var not in env:
            full_env.pop(var, None)
    proc = subprocess.run([str(EXE), *args], input=stdin, capture_output=True, text=True, env=full_env, timeout=300)
    assert proc.returncode in codes, (proc.returncode, proc.stdout, proc.stderr)
    return proc


def test_users_and_tokens_commands_are_audited(tmp_path):
    run("users", "add", "Jefa@Example.org", "--role", "admin", stdin=PASSWORD + "\n", data_dir=tmp_path)
    run("users", "add", "lector@example.org", "--role", "reader", stdin=PASSWORD + "\n", data_dir=tmp_path)
    short = run("users", "add", "corto@example.org", "--role", "reader", stdin="corta\n", data_dir=tmp_path, codes=(2,))
    assert "too short" in short.stderr
    again = run("users", "add", "jefa@example.org", "--role", "reader", stdin=PASSWORD + "\n", data_dir=tmp_path,
                codes=(2,))
    assert "already has an account" in again.stderr
    run("users", "role", "lector@example.org", "editor", data_dir=tmp_path)
    listed = json.loads(run("users", "list", "--json", data_dir=tmp_path).stdout)["users"]
    assert {u["email"]: u["role"] for u in listed} == {"jefa@example.org": "admin", "lector@example.org": "editor"}
    assert "lector@example.org" in run("users", "list", data_dir=tmp_path).stdout
    created = run("tokens", "create", "lector@example.org", "--name", "portátil", data_dir=tmp_path)
    token = created.stdout.strip()
    assert token.startswith("exp_") and "not be shown again" in created.stderr
    missing = run("tokens", "create", "nadie@example.org", data_dir=tmp_path, codes=(1,))
    assert "no user" in missing.stderr
    accounts = open_accounts(make_settings(tmp_path))
    try:
        assert accounts.user_for_token(token).email == "lector@example.org"
        assert accounts.verify_password("jefa@example.org", PASSWORD) is not None
        log = accounts.audit_log()
    finally:
        accounts.close()
    assert [e["action"] for e in log] == ["token_create", "role_change", "user_add", "user_add"]
    assert all(e["user"].startswith("cli") for e in log)
    assert log[1]["detail"] == {"from": "reader", "to": "editor"} and token not in json.dumps(log)


def test_a_local_ingest_is_audited(tmp_path):
    pdf = make_pdf(tmp_path / "nota.pdf", ["Nota informativa"])
    run("ingest", "--quiet", str(pdf), data_dir=tmp_path / "data")
    accounts = open_accounts(make_settings(tmp_path / "data"))
    try:
        [entry] = accounts.audit_log()
    finally:
        accounts.close()
    assert entry["action"] == "ingest" and entry["user"].startswith("cli")
    assert entry["detail"] == {"paths": [str(pdf)], "ingested": 1, "present": 0, "failed": 0}


def test_the_cli_knows_the_archives_roles():
    assert cli_accounts.ROLES == ROLES


def test_serve_on_the_network_without_users_exits_2_with_the_hint(tmp_path):
    proc = run("serve", "--host", "0.0.0.0", "--port", str(_free_port()), data_dir=tmp_path, codes=(2,))
    assert "expediente users add" in proc.stderr and "EXPEDIENTE_ADMIN_EMAIL" in proc.stderr
    assert cli_accounts.is_loopback("127.0.0.1") and cli_accounts.is_loopback("::1")
    assert not cli_accounts.is_loopback("0.0.0.0") and not cli_accounts.is_loopback("archivo.example.org")


# -- the CLI against a real server ----------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`expediente serve` in a subprocess; its admin comes from the environment, as in docker-compose."""
    data = tmp_path_factory.mktemp("served")
    port = _free_port()
    env = {**os.environ, "EXPEDIENTE_DATA_DIR": str(data), "EXPEDIENTE_ADMIN_EMAIL": "jefa@example.org",
           "EXPEDIENTE_ADMIN_PASSWORD": PASSWORD, "EXPEDIENTE_WORKERS": "1"}
    proc = subprocess.Popen([str(EXE), "--data-dir", str(data), "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/login", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.3)
        run("users", "add", "editor@example.org", "--role", "editor", stdin=PASSWORD + "\n", data_dir=data)
        run("users", "add", "lector@example.org", "--role", "reader", stdin=PASSWORD + "\n", data_dir=data)
        tokens = {email: run("tokens", "create", email, data_dir=data).stdout.strip()
                  for email in ("editor@example.org", "lector@example.org")}
        yield {"url": url, "data": data, "editor": tokens["editor@example.org"], "reader": tokens["lector@example.org"]}
    finally:
        proc.terminate()
        proc.wait(30)


def test_ingest_and_search_through_the_server_with_a_token(server, tmp_path):
    folder = tmp_path / "lote"
    folder.mkdir()
    make_pdf(folder / "oficio_camaras.pdf", ["Oficio sobre cámaras termográficas Zacatlán"])
    (folder / "encrypted.pdf").write_bytes((RESOURCES / "encrypted.pdf").read_bytes())
    with zipfile.ZipFile(folder / "respuesta.zip", "w") as z:
        z.write(make_pdf(tmp_path / "anexo.pdf", ["Anexo con el fallo de Tlacotalpan"]), "anexos/anexo.pdf")
    remote = ["--server", server["url"], "--token", server["editor"]]
    proc = run(*remote, "ingest", str(folder), data_dir=tmp_path / "unused", codes=(1,))
    assert "ingested: 2, already present: 0, failed: 1" in proc.stdout
    assert f"failed: {folder / 'encrypted.pdf'}" in proc.stdout and "[encrypted_pdf]" in proc.stdout
    assert "unzipped  respuesta.zip (1 files)" in proc.stderr and "[4/4]" in proc.stderr
    assert not (tmp_path / "unused").exists()  # nothing was ingested locally
    again = run(*remote, "ingest", "--json", str(folder / "oficio_camaras.pdf"), data_dir=tmp_path)
    assert json.loads(again.stdout)["already_present"][0]["filename"] == "oficio_camaras.pdf"

    env = {"EXPEDIENTE_SERVER": server["url"], "EXPEDIENTE_TOKEN": server["reader"]}
    out = json.loads(run("search", "tlacotalpan", "--json", data_dir=tmp_path, env=env).stdout)
    assert [(h["filename"], h["page"]) for h in out["hits"]] == [("anexo.pdf", 1)]
    text = run("search", "zacatlán", data_dir=tmp_path, env=env).stdout
    assert "1 pages match" in text and "oficio_camaras.pdf  p. 1/1" in text
    bad = run("search", "(zacatlán", data_dir=tmp_path, env=env, codes=(2,))
    assert "never closed" in bad.stderr


def test_the_server_refuses_the_cli_without_the_right_token(server, tmp_path):
    pdf = make_pdf(tmp_path / "nota.pdf", ["Nota"])
    anonymous = run("--server", server["url"], "ingest", str(pdf), data_dir=tmp_path, codes=(2,))
    assert "valid token" in anonymous.stderr and "Traceback" not in anonymous.stderr
    reader = run("--server", server["url"], "--token", server["reader"], "ingest", str(pdf), data_dir=tmp_path,
                 codes=(2,))
    assert "refused" in reader.stderr and "reader" in reader.stderr
    forged = run("--server", server["url"], "--token", "exp_forged", "search", "nota", data_dir=tmp_path, codes=(2,))
    assert "tokens create" in forged.stderr
    gone = run("--server", f"http://127.0.0.1:{_free_port()}", "search", "nota", data_dir=tmp_path, codes=(4,))
    assert "cannot reach" in gone.stderr
    audit = httpx.get(server["url"] + "/api/audit", headers={"Authorization": f"Bearer {server['reader']}"})
    assert audit.status_code == 403
