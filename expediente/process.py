"""Child processes that die with their parent: no orphaned indexer or OCR worker keeps
running (and holding files) after a `kill -9` of the process that started it."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def kill_with_parent() -> None:
    """Linux: ask the kernel to SIGKILL this process when its parent dies. Elsewhere: nothing.
    Also the `preexec_fn` of a tool a worker starts (pdftotext), run between fork and exec."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        return


def die_with_parent() -> None:
    """`kill_with_parent` for a multiprocessing child, which also dies at once if its parent
    died before the call. Linux counts the *thread* that started the process as its parent: a
    process pool must be created by a thread that outlives it (its workers die with that thread)."""
    kill_with_parent()
    parent = multiprocessing.parent_process()
    if sys.platform.startswith("linux") and parent is not None and os.getppid() != parent.pid:
        os.kill(os.getpid(), signal.SIGKILL)  # the parent died before the call: we are already an orphan
