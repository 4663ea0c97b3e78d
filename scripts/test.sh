#!/usr/bin/env bash
# The whole test suite on a fresh machine: set up (apt, venv, Chromium), start a real
# Elasticsearch node, run pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
started_es=0
scripts/es-node.sh status >/dev/null 2>&1 || started_es=1
scripts/es-node.sh start
export EXPEDIENTE_TEST_ES_URL="http://127.0.0.1:${ES_PORT:-9200}"
export EXPEDIENTE_REQUIRE_ES=1   # the Elasticsearch tests fail, not skip, without the node
if docker compose version >/dev/null 2>&1; then   # validate the compose file where the client can
  docker compose config -q
fi
status=0
.venv/bin/mypy || status=$?        # type hints on the packages hold
.venv/bin/python -m pytest -q "$@" || status=$?
# stop the node only if this run started it (a developer's running node stays up)
if [ "$started_es" = 1 ] && [ "${KEEP_ES:-0}" != 1 ]; then scripts/es-node.sh stop || true; fi
exit $status
