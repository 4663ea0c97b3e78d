"""Ingest workers die with the process that started them: a `kill -9` of an ingest leaves
no orphan OCR running. Real processes: a parent with a real worker pool, killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests_support import ROOT

PARENT = """
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from ingest.stages import init_worker

if __name__ == "__main__":
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=init_worker)
    print(pool.submit(os.getpid).result(), flush=True)
    pool.submit(time.sleep, 120)  # a long OCR, as far as the worker knows
    time.sleep(120)
"""


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for a reaper."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _child_dies_with(parent_code: str, tmp_path, settle_s: float = 0.0) -> bool:
    """Start `parent_code` (it prints its child's pid), kill -9 it: whether its child is gone 5 s later."""
    script = tmp_path / "parent.py"
    script.write_text(parent_code)
    parent = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        child = int(parent.stdout.readline())  # type: ignore[union-attr]
        time.sleep(settle_s)
        assert _alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        return not _alive(child)
    finally:
        parent.kill()
        parent.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_a_busy_worker_dies_when_its_parent_is_killed(tmp_path):
    # half a second: the worker is then inside its two-minute task
    assert _child_dies_with(PARENT, tmp_path, settle_s=0.5), "the worker outlived its killed parent"


TOOL_PARENT = """
import subprocess, time
from expediente.process import kill_with_parent

tool = subprocess.Popen(["sleep", "120"], preexec_fn=kill_with_parent)  # as a worker starts pdftotext
print(tool.pid, flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_a_tool_a_worker_started_dies_with_the_worker(tmp_path):
    assert _child_dies_with(TOOL_PARENT, tmp_path), "the tool outlived its killed worker"
