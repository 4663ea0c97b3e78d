"""The CLI as a client of a running Expediente server (`--server URL --token T`): the one
module that speaks HTTP to it (httpx). Ingest uploads the files to POST /api/upload and
follows their jobs in GET /api/jobs; search calls GET /api/search. Errors come back as the
same ExpedienteErrors, so the CLI prints them and exits as it does locally.
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Callable

import httpx

from archive import Report
from archive.service import record_outcome
from ingest import Failure, collect_files

from .errors import (EngineUnavailable, ExpedienteError, Forbidden, NotFound, QuerySyntaxError, ServerUnavailable,
                     Unauthorized, UsageError)
from .settings import Settings

CHUNK_FILES = 50  # files per upload request
CHUNK_BYTES = 256 << 20  # and bytes (a larger file goes alone)
JOBS_PAGE = 1000
POLL_S = 0.5
Event = Callable[[str, dict], None]


class Server:
    def __init__(self, url: str, token: str = "", timeout: float = 300.0) -> None:
        self.url = url.rstrip("/")
        headers = {"Accept-Language": "en", "User-Agent": "expediente-cli"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.http = httpx.Client(base_url=self.url, headers=headers, timeout=httpx.Timeout(timeout, connect=10.0))

    def close(self) -> None:
        self.http.close()

    def call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        try:
            response = self.http.request(method, path, **kw)
        except httpx.TransportError as exc:
            raise ServerUnavailable(f"cannot reach the Expediente server at {self.url} ({exc or type(exc).__name__}): "
                                    "check the URL and that `expediente serve` runs there") from None
        if response.status_code >= 400:
            raise _error(response)
        return response.json()

    def upload(self, paths: list[Path]) -> dict[str, Any]:
        with ExitStack() as stack:
            files = [("files", (p.name, stack.enter_context(open(p, "rb")), "application/octet-stream")) for p in paths]
            return self.call("POST", "/api/upload", files=files)

    def jobs(self, batch: str) -> list[dict[str, Any]]:
        """Every job of a batch (a ZIP's files too), a page at a time."""
        jobs: list[dict[str, Any]] = []
        while True:
            page = self.call("GET", "/api/jobs", params={"batch": batch, "limit": JOBS_PAGE, "offset": len(jobs)})["jobs"]
            jobs += page
            if len(page) < JOBS_PAGE:
                return jobs


def _error(response: httpx.Response) -> ExpedienteError:
    """The server's JSON error as the ExpedienteError the CLI would have raised itself."""
    try:
        body = response.json()
        code, message = body.get("error", ""), body.get("message") or response.text
    except ValueError:
        code, message = "", response.text[:300] or response.reason_phrase
    status = response.status_code
    if status == 401:
        return Unauthorized(f"the server wants a valid token: {message} (pass --token or set EXPEDIENTE_TOKEN; "
                            "an admin creates one with `expediente tokens create EMAIL` on the server)")
    if status == 403:
        return Forbidden(f"the server refused: {message}")
    if status == 404:
        return NotFound(message)
    if code == "query_syntax":
        return QuerySyntaxError(message)
    if status in (400, 422):
        return UsageError(message)
    if status == 503:
        return EngineUnavailable(f"the server is unavailable: {message}")
    error = ExpedienteError(f"the server answered {status}: {message}")
    error.code = code or "http_error"
    return error


def search_remote(settings: Settings, query: str, limit: int, offset: int) -> dict[str, Any]:
    """The server's GET /api/search answer."""
    server = Server(settings.server, settings.token)
    try:
        return server.call("GET", "/api/search", params={"q": query, "limit": limit, "offset": offset})
    finally:
        server.close()


def ingest_remote(settings: Settings, paths: list[Path], emit: Event) -> Report:
    """Upload the files (folders expanded here) and report each as the server's indexer ends it."""
    files = collect_files(paths)
    emit("start", {"files": len(files)})
    server = Server(settings.server, settings.token)
    try:
        follower = _Follower(server, Report(), emit)
        for chunk in _chunks(files):
            _upload(server, chunk, follower)
        while not follower.done():
            time.sleep(POLL_S)
    finally:
        server.close()
    return follower.report


def _chunks(files: list[Path]) -> list[list[Path]]:
    chunks: list[list[Path]] = [[]]
    size = 0
    for path in files:
        length = path.stat().st_size if path.is_file() else 0
        if chunks[-1] and (len(chunks[-1]) >= CHUNK_FILES or size + length > CHUNK_BYTES):
            chunks.append([])
            size = 0
        chunks[-1].append(path)
        size += length
    return [c for c in chunks if c]


def _upload(server: Server, chunk: list[Path], follower: _Follower) -> None:
    """Upload a chunk; one the server finds too large is split, and a single file it refuses fails alone."""
    try:
        answer = server.upload(chunk)
    except ExpedienteError as exc:
        if exc.code != "body_too_large":
            raise
        if len(chunk) > 1:
            half = len(chunk) // 2
            _upload(server, chunk[:half], follower)
            _upload(server, chunk[half:], follower)
            return
        failure = Failure(str(chunk[0]), chunk[0].name, "file_too_large", exc.message)
        follower.report.failed.append(failure)
        return follower.emit("failed", failure.__dict__)
    follower.add(answer["batch"], answer["jobs"], chunk)


class _Follower:
    """Follows uploaded jobs in the server's queue and reports each one once, as it ends."""

    def __init__(self, server: Server, report: Report, emit: Event) -> None:
        self.server, self.report, self.emit = server, report, emit
        self.batches: list[str] = []
        self.where: dict[int, str] = {}  # job id -> the local path (a ZIP member: the ZIP's path → inside)
        self.waiting: set[int] = set()

    def add(self, batch: str, jobs: list[dict[str, Any]], paths: list[Path]) -> None:
        self.batches.append(batch)
        for job, path in zip(jobs, paths):
            self.where[job["id"]] = str(path)
            self.waiting.add(job["id"])

    def done(self) -> bool:
        """True once every job has ended (polls the server while some have not)."""
        if self.waiting:
            jobs = sorted((j for b in self.batches for j in self.server.jobs(b)), key=lambda j: j["id"])
            children: dict[int, list[dict[str, Any]]] = {}
            for job in jobs:
                children.setdefault(job.get("parent") or 0, []).append(job)
            for job in jobs:  # oldest first: a ZIP is reported before its files
                if job["id"] in self.waiting and job["status"] in ("done", "failed"):
                    self.waiting.discard(job["id"])
                    self._ended(job, children.get(job["id"], []))
        return not self.waiting

    def _ended(self, job: dict[str, Any], children: list[dict[str, Any]]) -> None:
        if job["status"] == "done" and job["result"] == "expanded":
            zip_path = self.where[job["id"]].split(" → ")[0]
            for child in children:
                self.where[child["id"]] = f"{zip_path} → {child['inner_path']}"
                self.waiting.add(child["id"])
            self.emit("expanded", {"filename": job["inner_path"] or job["filename"], "files": len(children)})
            return
        record_outcome(self.report, self.emit, job, self.where[job["id"]], job.get("document_id"))
