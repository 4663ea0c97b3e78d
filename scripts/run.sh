#!/usr/bin/env bash
# The main job on a fresh machine: set up, ingest samples/, serve the UI on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export EXPEDIENTE_DATA_DIR="${EXPEDIENTE_DATA_DIR:-$PWD/data}"
.venv/bin/expediente ingest samples/ || echo "run: some samples failed (see above); serving the rest" >&2
echo "run: open http://${HOST:-127.0.0.1}:${PORT:-8000}/" >&2
exec .venv/bin/expediente serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}"
