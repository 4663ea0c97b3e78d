"""Settings: env vars and flags, validated at start-up, and documented in the README."""

import re
from pathlib import Path

import pytest

from expediente.errors import ConfigError
from expediente.settings import ENV_VARS, settings_from_env
from tests_support import ROOT


def test_env_and_overrides():
    s = settings_from_env({"EXPEDIENTE_DATA_DIR": "/tmp/x", "EXPEDIENTE_WORKERS": "3", "EXPEDIENTE_ENGINE": "elasticsearch"},
                          engine="tantivy")
    assert s.data_dir == Path("/tmp/x") and s.workers == 3 and s.engine == "tantivy"


@pytest.mark.parametrize("env", [{"EXPEDIENTE_WORKERS": "many"}, {"EXPEDIENTE_WORKERS": "0"},
                                 {"EXPEDIENTE_ENGINE": "solr"}, {"EXPEDIENTE_OCR_DPI": "5"},
                                 {"EXPEDIENTE_MAX_UPLOAD_MB": "0"}, {"EXPEDIENTE_MAX_PAGE_PIXELS": "1000"},
                                 {"EXPEDIENTE_ALLOWED_HOSTS": " , "}, {"EXPEDIENTE_SESSION_HOURS": "0"},
                                 {"EXPEDIENTE_ADMIN_EMAIL": "ana@example.org"}, {"EXPEDIENTE_SERVER": "archivo:8000"},
                                 {"EXPEDIENTE_OCR_PEN": "maybe"}, {"EXPEDIENTE_ES_PHRASES": "sometimes"}])
def test_bad_settings_are_refused_at_start_up(env):
    with pytest.raises(ConfigError):
        settings_from_env(env)


def test_pen_handling_is_switched_on_or_off():
    assert settings_from_env({}).ocr_pen is True
    assert settings_from_env({"EXPEDIENTE_OCR_PEN": "off"}).ocr_pen is False
    assert settings_from_env({"EXPEDIENTE_OCR_PEN": "On"}).ocr_pen is True


def test_word_pairs_on_elasticsearch_are_auto_on_or_off():
    assert settings_from_env({}).es_phrases == "auto"
    assert settings_from_env({"EXPEDIENTE_ES_PHRASES": "On"}).es_phrases == "on"
    assert settings_from_env({"EXPEDIENTE_ES_PHRASES": "1"}).es_phrases == "on"  # the switch it was before "auto"
    assert settings_from_env({"EXPEDIENTE_ES_PHRASES": "off"}).es_phrases == "off"


def test_allowed_hosts_are_a_comma_separated_list():
    assert settings_from_env({}).allowed_hosts == ("127.0.0.1", "localhost", "::1", "testserver")
    s = settings_from_env({"EXPEDIENTE_ALLOWED_HOSTS": "archivo.example.org, 10.0.0.5 ,"})
    assert s.allowed_hosts == ("archivo.example.org", "10.0.0.5")


def test_readme_documents_every_env_var():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`(EXPEDIENTE_[A-Z_]+)`", readme))
    assert set(ENV_VARS) <= documented


def test_secrets_stay_out_of_the_settings_repr():
    s = settings_from_env({"EXPEDIENTE_ADMIN_EMAIL": "ana@example.org", "EXPEDIENTE_ADMIN_PASSWORD": "secreto-largo",
                           "EXPEDIENTE_TOKEN": "exp_secreto", "EXPEDIENTE_SERVER": "http://archivo:8000"})
    assert s.admin_password == "secreto-largo" and s.token == "exp_secreto" and s.session_hours == 12
    assert "secreto" not in repr(s)
