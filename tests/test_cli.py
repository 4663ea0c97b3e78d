"""The `expediente` command as users and scripts run it: real subprocesses, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests_support import RESOURCES, facts_for

EXE = [sys.executable, "-m", "expediente.cli"]


def run(*args, data_dir, check_codes=(0,)):
    env = {**os.environ, "EXPEDIENTE_DATA_DIR": str(data_dir)}
    proc = subprocess.run([*EXE, *args], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode in check_codes, (proc.returncode, proc.stdout, proc.stderr)
    return proc


def test_search_json_cites_file_and_page(tantivy_samples, answer_key):
    proc = run("search", "EA-IT20-2020", "--json", "--limit", "50", data_dir=tantivy_samples.settings.data_dir)
    out = json.loads(proc.stdout)
    assert set(out) == {"total", "hits"}
    hit = out["hits"][0]
    assert {"document_id", "filename", "title", "page", "snippet", "score"} <= set(hit)
    assert {(h["filename"], h["page"]) for h in out["hits"]} == facts_for(answer_key, "EA-IT20-2020")


def test_search_finds_a_word_only_on_a_scanned_page(tantivy_samples, answer_key):
    out = json.loads(run("search", "Samalayuca", "--json", data_dir=tantivy_samples.settings.data_dir).stdout)
    assert {(h["filename"], h["page"]) for h in out["hits"]} == facts_for(answer_key, "Samalayuca")


def test_search_entity_filter_from_the_cli(tantivy_samples, answer_key):
    out = json.loads(run("search", "amount:1023123", "--json", "--limit", "100", data_dir=tantivy_samples.settings.data_dir).stdout)
    expected = {(e["file"], e["page"]) for e in answer_key["entities"] if e["kind"] == "amount" and e["value"] == "1023123.00 MXN"}
    assert {(h["filename"], h["page"]) for h in out["hits"]} == expected


def test_ingest_exit_codes_and_summary(tmp_path, corpus):
    good = corpus / "mx_sfp_modelo_informe_adquisiciones_formato13.pdf"
    proc = run("ingest", str(good), "--workers", "1", data_dir=tmp_path)
    assert "ingested: 1, already present: 0, failed: 0" in proc.stdout
    proc = run("ingest", str(good), str(RESOURCES / "encrypted.pdf"), data_dir=tmp_path, check_codes=(1,))
    assert "ingested: 0, already present: 1, failed: 1" in proc.stdout
    assert "encrypted" in proc.stdout and "[1/2]" in proc.stderr
    listed = run("failures", data_dir=tmp_path).stdout
    assert "encrypted.pdf" in listed and "remove the password" in listed
    status = json.loads(run("status", data_dir=tmp_path).stdout)
    assert status["documents"] == 1 and status["pages"] == status["indexed_pages"] == 2


def test_ingest_json_summary(tmp_path):
    proc = run("ingest", "--json", str(RESOURCES / "empty.pdf"), data_dir=tmp_path, check_codes=(1,))
    summary = json.loads(proc.stdout)
    assert summary["failed"][0]["code"] == "empty_file" and summary["ingested"] == []


def test_usage_errors_exit_2(tmp_path):
    proc = run("ingest", str(tmp_path / "no-such-folder"), data_dir=tmp_path, check_codes=(2,))
    assert "no such file" in proc.stderr
    proc = run("search", "(unclosed", data_dir=tmp_path, check_codes=(2,))
    assert "never closed" in proc.stderr and "Traceback" not in proc.stderr
    run("search", data_dir=tmp_path, check_codes=(2,))
    run("--engine", "solr", "status", data_dir=tmp_path, check_codes=(2,))
    proc = run("search", "x", "--limit", "0", data_dir=tmp_path, check_codes=(2,))
    assert "--limit" in proc.stderr


def test_engine_unavailable_exits_4_with_a_clear_message(tmp_path):
    proc = run("--engine", "elasticsearch", "--es-url", "http://127.0.0.1:9", "search", "x", data_dir=tmp_path, check_codes=(4,))
    assert "not available" in proc.stderr and "Traceback" not in proc.stderr
