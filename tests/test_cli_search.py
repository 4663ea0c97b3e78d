"""`expediente search` with malformed queries and parameters: exit 2 and a message, never a
traceback (real subprocesses on the ingested samples)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

EXE = [sys.executable, "-m", "expediente.cli"]


def search(data_dir, *args: str | bytes) -> subprocess.CompletedProcess:
    env = {**os.environ, "EXPEDIENTE_DATA_DIR": str(data_dir)}
    return subprocess.run([*EXE, "search", *args], capture_output=True, env=env, timeout=120)


@pytest.mark.parametrize("args", [
    ["(" * 400 + "magavel" + ")" * 400],
    ["-" * 999 + "x"],
    ["year:²"],
    ["year:99999999999999999999"],
    ["amount:>=1,000,000,000,000,000,000"],
    ["date:2021-02-30"],
    ["x" * 5000],
    [b"amount:\xff\xfe"],  # bytes that are not UTF-8, as a misconfigured terminal sends them
    ["magavel", "--offset", "9223372036854775808"],
    ["magavel", "--offset", "-1"],
    ["magavel", "--offset", "9995", "--limit", "10"],
    ["magavel", "--limit", "99999999999999999999"],
    ["magavel", "--limit", "²"],
    ["magavel", "--offset", "abc"],
])
def test_malformed_queries_and_parameters_exit_2_with_a_message(tantivy_samples, args):
    proc = search(tantivy_samples.settings.data_dir, *args)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, (proc.returncode, err[-500:])
    assert "Traceback" not in err and "error" in err and len(err.strip().splitlines()) <= 3, err[-500:]


def test_a_good_query_at_the_last_page_still_works(tantivy_samples):
    proc = search(tantivy_samples.settings.data_dir, "magavel", "--offset", "9990", "--limit", "10", "--json")
    assert proc.returncode == 0, proc.stderr
