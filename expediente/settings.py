"""One typed settings object, built once from env vars and flags, passed in explicitly."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Mapping

from .errors import ConfigError

ENGINES = ("tantivy", "elasticsearch")
OCR_CLEANUP = ("auto", "off")
ES_PHRASES = ("auto", "on", "off")
_SWITCH = {"1": "on", "true": "on", "yes": "on", "0": "off", "false": "off", "no": "off"}

# Each env var, the setting it feeds and its help text; the README documents the same list.
ENV_VARS: dict[str, tuple[str, str]] = {
    "EXPEDIENTE_DATA_DIR": ("data_dir", "where originals, the catalog and the index live"),
    "EXPEDIENTE_ENGINE": ("engine", "search engine: tantivy (default) or elasticsearch"),
    "EXPEDIENTE_ES_URL": ("es_url", "Elasticsearch URL"),
    "EXPEDIENTE_ES_INDEX": ("es_index", "Elasticsearch alias name (index prefix)"),
    "EXPEDIENTE_ES_PHRASES": ("es_phrases", "auto (default): a reindex of a large archive also indexes each two "
                              "neighbouring words, so phrases of common words are fast; on: always; off: never"),
    "EXPEDIENTE_WORKERS": ("workers", "ingest and reindex worker processes (default: one per core)"),
    "EXPEDIENTE_COMMIT_EVERY_S": ("commit_every_s", "while an ingest goes on, its documents become searchable "
                                  "this often (seconds; fewer commits, less index merging)"),
    "EXPEDIENTE_BULK_LOAD_MB": ("bulk_load_mb", "a queue of at least this many MB, and at least as large as the "
                                "archive, has the catalog's entity indexes built once when it is drained (0: any)"),
    "EXPEDIENTE_OCR_LANG": ("ocr_lang", "Tesseract languages (default spa+eng)"),
    "EXPEDIENTE_OCR_DPI": ("ocr_dpi", "render resolution for OCR (default 300)"),
    "EXPEDIENTE_OCR_TIMEOUT": ("ocr_timeout", "seconds before OCR of one page is abandoned"),
    "EXPEDIENTE_OCR_CLEANUP": ("ocr_cleanup", "auto: hard pages (ink, rules, weak lines) read again; off: one plain read"),
    "EXPEDIENTE_OCR_PEN": ("ocr_pen", "on (default): lines a dark pen stroke crosses are read again without the pen; off"),
    "EXPEDIENTE_MAX_FILE_MB": ("max_file_mb", "files larger than this are refused"),
    "EXPEDIENTE_SEARCH_TIMEOUT_MS": ("search_timeout_ms", "time limit of one search"),
    "EXPEDIENTE_MAX_PAGE_PIXELS": ("max_page_pixels", "pages whose OCR render would be larger are rendered at a lower dpi"),
    "EXPEDIENTE_MAX_UPLOAD_MB": ("max_upload_mb", "request bodies larger than this are refused while they stream in"),
    "EXPEDIENTE_ALLOWED_HOSTS": ("allowed_hosts", "Host header values the web app answers (comma-separated)"),
    "EXPEDIENTE_SESSION_HOURS": ("session_hours", "hours a login lasts before the user signs in again"),
    "EXPEDIENTE_ADMIN_EMAIL": ("admin_email", "serve creates this admin when the archive has no user yet"),
    "EXPEDIENTE_ADMIN_PASSWORD": ("admin_password", "that admin's password (only read while no user exists)"),
    "EXPEDIENTE_SERVER": ("server", "the CLI's ingest and search go to this Expediente server instead of the data folder"),
    "EXPEDIENTE_TOKEN": ("token", "API token the CLI sends to that server"),
    "EXPEDIENTE_PUBLIC_URL": ("public_url", "base of every absolute link in citations, exports and alerts"),
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "testserver")


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "expediente"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=_default_data_dir)
    engine: str = "tantivy"
    es_url: str = "http://127.0.0.1:9200"
    es_index: str = "expediente"
    es_phrases: str = "auto"  # word pairs on the page text (search.es_dsl.mapping): auto = by the archive's size
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    commit_every_s: int = 5  # a batch's index commits at most this often (the last one when it ends)
    bulk_load_mb: int = 64  # archive/bulk.py: a load this large that at least doubles the archive
    ocr_lang: str = "spa+eng"
    ocr_dpi: int = 300
    ocr_timeout: int = 300
    ocr_cleanup: str = "auto"  # "off": one plain read per page (faster, misses text under ink)
    ocr_pen: bool = True  # with cleanup "auto": lines under a dark pen stroke read again without the pen
    max_file_mb: int = 512
    search_timeout_ms: int = 5000
    max_page_pixels: int = 100_000_000
    max_upload_mb: int = 1024
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    session_hours: int = 12
    admin_email: str = ""
    admin_password: str = field(default="", repr=False)
    server: str = ""  # the CLI as a client of a running server (ingest, search)
    token: str = field(default="", repr=False)
    public_url: str = ""  # e.g. https://archivo.example.org; unset: the address each request came to

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigError(f"unknown engine {self.engine!r}: choose one of {', '.join(ENGINES)}")
        if self.workers < 1:
            raise ConfigError("workers must be at least 1")
        if not 0 <= self.commit_every_s <= 3600:
            raise ConfigError("commit_every_s must be between 0 and 3600 seconds")
        if self.bulk_load_mb < 0:
            raise ConfigError("bulk_load_mb must be 0 or more")
        if not 50 <= self.ocr_dpi <= 1200:
            raise ConfigError("ocr_dpi must be between 50 and 1200")
        phrases = _SWITCH.get(self.es_phrases.strip().lower(), self.es_phrases.strip().lower())
        object.__setattr__(self, "es_phrases", phrases)  # "On", "true" or "1" as the on/off switch it was
        if self.es_phrases not in ES_PHRASES:
            raise ConfigError(f"unknown es_phrases {self.es_phrases!r}: choose one of {', '.join(ES_PHRASES)}")
        if self.ocr_cleanup not in OCR_CLEANUP:
            raise ConfigError(f"unknown ocr_cleanup {self.ocr_cleanup!r}: choose one of {', '.join(OCR_CLEANUP)}")
        if self.max_page_pixels < 1_000_000:
            raise ConfigError("max_page_pixels must be at least 1000000 (a letter page at 150 dpi is 2 million)")
        if self.max_upload_mb < 1:
            raise ConfigError("max_upload_mb must be at least 1")
        if not self.allowed_hosts or not all(h.strip() for h in self.allowed_hosts):
            raise ConfigError("allowed_hosts needs at least one host name, e.g. 127.0.0.1,localhost")
        if not 1 <= self.session_hours <= 24 * 366:
            raise ConfigError("session_hours must be between 1 and 8784 (a year)")
        if bool(self.admin_email) != bool(self.admin_password):
            raise ConfigError("set both EXPEDIENTE_ADMIN_EMAIL and EXPEDIENTE_ADMIN_PASSWORD, or neither")
        if self.server and not self.server.startswith(("http://", "https://")):
            raise ConfigError(f"the server must be an http:// or https:// URL, got {self.server!r}")
        if self.public_url and not _is_base_url(self.public_url):
            raise ConfigError(f"EXPEDIENTE_PUBLIC_URL must be an http:// or https:// address such as "
                              f"https://archivo.example.org, got {self.public_url!r}")

    @property
    def originals_dir(self) -> Path:
        return self.data_dir / "originals"

    @property
    def catalog_path(self) -> Path:
        return self.data_dir / "catalog.sqlite"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"


def _is_base_url(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not (parts.query or parts.fragment)


def settings_from_env(env: Mapping[str, str], **overrides: object) -> Settings:
    """Build settings from environment variables, then apply flag overrides."""
    types = {f.name: f.type for f in fields(Settings)}
    values: dict[str, object] = {}
    for var, (name, _help) in ENV_VARS.items():
        raw = env.get(var)
        if raw in (None, ""):
            continue
        values[name] = _convert(var, raw, types[name])
    values.update({k: v for k, v in overrides.items() if v is not None})
    if "data_dir" in values:
        values["data_dir"] = Path(values["data_dir"]).expanduser()  # type: ignore[arg-type]
    return Settings(**values)  # type: ignore[arg-type]


def _convert(var: str, raw: str, typ: object) -> object:
    if typ == "tuple[str, ...]":
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    if typ in ("bool", bool):
        if raw.strip().lower() in ("on", "1", "true", "yes"):
            return True
        if raw.strip().lower() in ("off", "0", "false", "no"):
            return False
        raise ConfigError(f"{var} must be on or off, got {raw!r}")
    if typ in ("int", int):
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"{var} must be an integer, got {raw!r}") from None
    return raw
