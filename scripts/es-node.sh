#!/usr/bin/env bash
# Install and run a real, local, single-node Elasticsearch for development and tests.
#
#   scripts/es-node.sh install   download (cached) + unpack + create the service user
#   scripts/es-node.sh start     install if needed, start a node on 127.0.0.1:$ES_PORT, wait for yellow
#   scripts/es-node.sh stop      stop the node started by this script (pid file)
#   scripts/es-node.sh status    print whether a node answers on $ES_PORT (exit 0 yes, 3 no)
#   scripts/es-node.sh logs      print the tail of the node's log
#   scripts/es-node.sh wipe      stop the node and delete its data directory
#
# The distribution is Elastic's "integ-test-zip" from Maven Central
# (org.elasticsearch.distribution.integ-test-zip:elasticsearch:<version>:zip). It contains the
# server, transport-netty4, x-pack-core and x-pack-security, but NOT rest-root (GET /),
# analysis-common, mapper-extras (scaled_float...), reindex (_delete_by_query), painless, ingest...,
# and no bundled JDK: a JDK 21+ is required (ES_JAVA_HOME). Expediente's mapping needs none of the
# missing modules (it folds accents in Python and uses the built-in whitespace analyzer), so tests run
# against the bare distribution; use cluster health, not GET /, to check that the node is up.
#
# Environment (all optional):
#   ES_VERSION          server version                     (default 9.5.4, newest 9.x on Central)
#   ES_PORT             HTTP port                          (default 9200)
#   ES_TRANSPORT_PORT   transport port                     (default ES_PORT+100, i.e. 9300)
#   ES_HEAP             heap size for -Xms/-Xmx            (default 512m)
#   ES_JAVA_HOME        JDK to run with                    (default: newest JDK >= 21 found)
#   ES_USER             service user when run as root      (default expediente-es)
#   ES_START_TIMEOUT    seconds to wait for yellow health  (default 120)
#   ES_RUN_DIR          data/logs/config/pid dir           (default <cache>/elasticsearch/<version>/run-<port>)
#   EXPEDIENTE_CACHE    cache root                         (default $HOME/.cache/expediente, but
#                       /var/cache/expediente when run as root: /root is mode 0700, so the
#                       unprivileged service user could not read an install under it)
set -euo pipefail

ES_VERSION="${ES_VERSION:-9.5.4}"
ES_PORT="${ES_PORT:-9200}"
ES_TRANSPORT_PORT="${ES_TRANSPORT_PORT:-$((ES_PORT + 100))}"
ES_HEAP="${ES_HEAP:-512m}"
ES_USER="${ES_USER:-expediente-es}"
ES_START_TIMEOUT="${ES_START_TIMEOUT:-120}"
ES_MIN_JAVA=21
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1

if [ -n "${EXPEDIENTE_CACHE:-}" ]; then
  CACHE_ROOT="$EXPEDIENTE_CACHE"
elif [ "$IS_ROOT" -eq 1 ]; then
  CACHE_ROOT="/var/cache/expediente"
else
  CACHE_ROOT="${HOME:-/tmp}/.cache/expediente"
fi
VERSION_DIR="$CACHE_ROOT/elasticsearch/$ES_VERSION"
ZIP="$VERSION_DIR/elasticsearch-$ES_VERSION.zip"
ES_HOME="$VERSION_DIR/elasticsearch-$ES_VERSION"
RUN_DIR="${ES_RUN_DIR:-$VERSION_DIR/run-$ES_PORT}"
PID_FILE="$RUN_DIR/elasticsearch.pid"
CLUSTER_NAME="expediente-dev"
LOG_FILE="$RUN_DIR/logs/$CLUSTER_NAME.log"
ES_URL="http://127.0.0.1:$ES_PORT"
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"

log() { printf '[es-node] %s\n' "$*" >&2; }
die() { printf '[es-node] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- helpers

# http_get URL -> prints body, returns non-zero if no HTTP 2xx answer.
http_get() {
  local url="$1" max="${2:-5}"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time "$max" "$url" 2>/dev/null
  elif command -v python3 >/dev/null 2>&1; then
    python3 - "$url" "$max" <<'PY' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=float(sys.argv[2])) as r:
    sys.stdout.write(r.read().decode())
PY
  else
    die "need curl or python3 to talk to Elasticsearch"
  fi
}

# json_field KEY... : crude extraction of "key":"value" from the JSON on stdin (no jq needed).
json_field() {
  local key="$1"
  grep -o "\"$key\" *: *\"[^\"]*\"" | head -n1 | sed -E 's/.*: *"([^"]*)"/\1/'
}

# is_es_answering -> 0 if an Elasticsearch node answers GET / on ES_URL
is_es_answering() {
  local body
  # not GET /: that route lives in the optional rest-root module, absent from integ-test-zip
  body="$(http_get "$ES_URL/_cluster/health" 3)" || return 1
  printf '%s' "$body" | grep -q '"cluster_name"'
}

apt_install() {
  [ "$IS_ROOT" -eq 1 ] || die "'$*' missing and not root: install it (apt-get install $*) and retry"
  command -v apt-get >/dev/null 2>&1 || die "'$*' missing and no apt-get available"
  log "installing $* via apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

java_major() { # java_major JAVA_HOME -> prints the feature version (17, 21, 25...) or nothing
  local jh="$1" v=""
  [ -x "$jh/bin/java" ] || return 0
  if [ -f "$jh/release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$jh/release" | head -n1)"
  fi
  if [ -z "$v" ]; then
    v="$("$jh/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  fi
  v="${v#1.}"
  printf '%s' "${v%%[.+-]*}"
}

find_java() {
  local cand m
  if [ -n "${ES_JAVA_HOME:-}" ]; then
    m="$(java_major "$ES_JAVA_HOME")"
    if [ -z "$m" ] || [ "$m" -lt "$ES_MIN_JAVA" ]; then
      die "ES_JAVA_HOME=$ES_JAVA_HOME is not a JDK >= $ES_MIN_JAVA (found '${m:-none}')"
    fi
    printf '%s' "$ES_JAVA_HOME"; return
  fi
  local -a cands=(/usr/lib/jvm/temurin-25-jdk-amd64)
  [ -n "${JAVA_HOME:-}" ] && cands+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    cands+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for cand in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$cand" ] && cands+=("$cand"); done
  local best="" best_m=0
  for cand in "${cands[@]}"; do
    m="$(java_major "$cand")"
    if [ -n "$m" ] && [ "$m" -ge "$ES_MIN_JAVA" ] && [ "$m" -gt "$best_m" ]; then
      best="$cand"; best_m="$m"
    fi
  done
  [ -n "$best" ] || die "no JDK >= $ES_MIN_JAVA found (looked in /usr/lib/jvm, JAVA_HOME, PATH); set ES_JAVA_HOME"
  printf '%s' "$best"
}

# as_es CMD... : run as the service user when root, directly otherwise.
as_es() {
  if [ "$IS_ROOT" -eq 1 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u "$ES_USER" -- "$@"
    else
      setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups -- "$@"
    fi
  else
    "$@"
  fi
}

ensure_user() {
  [ "$IS_ROOT" -eq 1 ] || return 0
  if ! id -u "$ES_USER" >/dev/null 2>&1; then
    log "creating system user $ES_USER"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$ES_USER"
  fi
}

# ---------------------------------------------------------------- install

download_zip() {
  [ -s "$ZIP" ] && { log "cached: $ZIP"; return 0; }
  command -v mvn >/dev/null 2>&1 || apt_install maven
  mkdir -p "$VERSION_DIR"
  local tmp; tmp="$(mktemp -d "$VERSION_DIR/.download.XXXXXX")"
  log "downloading $ARTIFACT from Maven Central"
  if ! mvn -B -q -U dependency:copy -Dartifact="$ARTIFACT" -DoutputDirectory="$tmp" >"$tmp/mvn.log" 2>&1; then
    tail -n 20 "$tmp/mvn.log" >&2 || true
    rm -rf "$tmp"
    die "could not download $ARTIFACT (is version $ES_VERSION published as integ-test-zip?)"
  fi
  mv "$tmp/elasticsearch-$ES_VERSION.zip" "$ZIP"
  rm -rf "$tmp"
  # Drop Maven's own copy of the 130 MB zip; ours is the cache.
  rm -rf "${HOME:-/nonexistent}/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION" || true
}

unpack() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && [ -f "$ES_HOME/.unpacked" ] && return 0
  log "unpacking into $ES_HOME"
  local tmp; tmp="$(mktemp -d "$VERSION_DIR/.unpack.XXXXXX")"
  if ! command -v unzip >/dev/null 2>&1 && [ "$IS_ROOT" -eq 1 ]; then apt_install unzip || true; fi
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$ZIP" -d "$tmp"
  else # keep the unix permissions (bin/ scripts must stay executable)
    python3 - "$ZIP" "$tmp" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in z.infolist():
        path = z.extract(info, sys.argv[2])
        mode = (info.external_attr >> 16) & 0o777
        if mode:
            os.chmod(path, mode)
PY
  fi
  [ -x "$tmp/elasticsearch-$ES_VERSION/bin/elasticsearch" ] || { rm -rf "$tmp"; die "unexpected zip layout in $ZIP"; }
  rm -rf "$ES_HOME"
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$tmp"
  touch "$ES_HOME/.unpacked"
}

check_reachable() { # the service user must be able to traverse to the install
  [ "$IS_ROOT" -eq 1 ] || return 0
  as_es test -r "$ES_HOME/bin/elasticsearch" 2>/dev/null && return 0
  die "user $ES_USER cannot read $ES_HOME (a parent directory is not traversable, e.g. /root is 0700). \
Use an EXPEDIENTE_CACHE outside /root, e.g. EXPEDIENTE_CACHE=/var/cache/expediente"
}

cmd_install() {
  mkdir -p "$VERSION_DIR"
  ensure_user
  download_zip
  unpack
  if [ "$IS_ROOT" -eq 1 ]; then
    chmod 755 "$CACHE_ROOT" "$CACHE_ROOT/elasticsearch" "$VERSION_DIR" 2>/dev/null || true
    if [ "$(stat -c %U "$ES_HOME")" != "$ES_USER" ]; then
      chown -R "$ES_USER:$ES_USER" "$ES_HOME"
    fi
    check_reachable
  fi
  log "installed Elasticsearch $ES_VERSION at $ES_HOME"
}

# ---------------------------------------------------------------- run

write_config() {
  local conf="$RUN_DIR/config"
  mkdir -p "$RUN_DIR/data" "$RUN_DIR/logs" "$conf/jvm.options.d"
  # fresh copy of the distribution's config, keeping any keystore the node created
  local f
  for f in "$ES_HOME"/config/*; do
    [ -f "$f" ] && cp -f "$f" "$conf/"
  done
  local security=""
  if [ -d "$ES_HOME/modules/x-pack-security" ]; then
    # Local dev/test node only. Never expose a node like this; production enables security.
    security="xpack.security.enabled: false"
  fi
  cat >"$conf/elasticsearch.yml" <<EOF
# Generated by scripts/es-node.sh -- local development/test node, loopback only.
cluster.name: $CLUSTER_NAME
node.name: expediente-es-$ES_PORT
path.data: $RUN_DIR/data
path.logs: $RUN_DIR/logs
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $ES_TRANSPORT_PORT
discovery.type: single-node
# Never block writes because the disk is nearly full (dev/CI machines).
cluster.routing.allocation.disk.threshold_enabled: false
# Let tests delete indices by wildcard.
action.destructive_requires_name: false
$security
EOF
  cat >"$conf/jvm.options.d/expediente-heap.options" <<EOF
-Xms$ES_HEAP
-Xmx$ES_HEAP
EOF
  if [ "$IS_ROOT" -eq 1 ]; then
    chown -R "$ES_USER:$ES_USER" "$RUN_DIR"
  fi
}

pid_alive() {
  [ -s "$PID_FILE" ] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # a stale pid file (e.g. after a reboot) may name an unrelated process
  if [ -r "/proc/$pid/cmdline" ]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "org.elasticsearch" || return 1
  fi
}

print_version() {
  local body ver
  body="$(http_get "$ES_URL/_nodes/_local?filter_path=cluster_name,nodes.*.version" 3 || true)"
  ver="$(printf '%s' "$body" | json_field version || true)"
  log "Elasticsearch ${ver:-?} answering at $ES_URL (cluster $(printf '%s' "$body" | json_field cluster_name || true))"
}

wait_for_yellow() {
  local deadline=$((SECONDS + ES_START_TIMEOUT)) body
  while [ "$SECONDS" -lt "$deadline" ]; do
    if body="$(http_get "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=5s" 10)" \
        && printf '%s' "$body" | grep -Eq '"status" *: *"(yellow|green)"'; then
      return 0
    fi
    if [ -s "$PID_FILE" ] && ! pid_alive; then
      return 1 # process died
    fi
    sleep 1
  done
  return 1
}

fail_start() {
  log "$1"
  if [ -f "$LOG_FILE" ]; then
    log "---- tail of $LOG_FILE ----"
    tail -n 60 "$LOG_FILE" >&2 || true
  fi
  if [ -s "$RUN_DIR/console.log" ]; then
    log "---- tail of $RUN_DIR/console.log ----"
    tail -n 40 "$RUN_DIR/console.log" >&2 || true
  fi
  exit 1
}

cmd_start() {
  if is_es_answering; then
    log "a node is already answering on $ES_URL; not starting another"
    print_version
    echo "ES_URL=$ES_URL"
    return 0
  fi

  mkdir -p "$VERSION_DIR"
  # serialise concurrent starts of the same port
  exec 9>"$VERSION_DIR/.start-$ES_PORT.lock"
  if command -v flock >/dev/null 2>&1; then flock -w $((ES_START_TIMEOUT + 60)) 9 || die "could not take start lock"; fi

  if is_es_answering; then
    log "a node came up on $ES_URL meanwhile"; print_version; echo "ES_URL=$ES_URL"; return 0
  fi

  cmd_install
  local java_home; java_home="$(find_java)"
  log "using ES_JAVA_HOME=$java_home (Java $(java_major "$java_home"))"

  mkdir -p "$RUN_DIR"
  if pid_alive; then
    log "node process $(cat "$PID_FILE") exists but does not answer yet; waiting for it"
  else
    rm -f "$PID_FILE"
    write_config
    local t0=$SECONDS
    # dev-mode bootstrap checks only warn, but give the node what it asks for when we may
    ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    log "starting node on $ES_URL (transport $ES_TRANSPORT_PORT, heap $ES_HEAP, data $RUN_DIR/data)"
    # -d daemonizes once the node has started (or exits non-zero with the reason); -p writes the pid.
    if ! as_es env \
        HOME="$RUN_DIR" \
        ES_JAVA_HOME="$java_home" \
        ES_PATH_CONF="$RUN_DIR/config" \
        ES_JAVA_OPTS="${ES_JAVA_OPTS:-}" \
        timeout "$((ES_START_TIMEOUT + 30))" \
        "$ES_HOME/bin/elasticsearch" -d -p "$PID_FILE" >"$RUN_DIR/console.log" 2>&1 9>&-; then
      fail_start "elasticsearch failed to start"
    fi
    log "daemonized (pid $(cat "$PID_FILE" 2>/dev/null || echo '?')) after $((SECONDS - t0))s"
  fi

  if ! wait_for_yellow; then
    fail_start "node did not reach yellow health within ${ES_START_TIMEOUT}s"
  fi
  print_version
  echo "ES_URL=$ES_URL"
}

cmd_stop() {
  if ! pid_alive; then
    rm -f "$PID_FILE"
    if is_es_answering; then
      log "a node answers on $ES_URL but was not started by this script (no pid in $PID_FILE); leaving it"
    else
      log "no node running (pid file $PID_FILE)"
    fi
    return 0
  fi
  local pid; pid="$(cat "$PID_FILE")"
  log "stopping node pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local _
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after 30s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  if is_es_answering; then
    print_version
    echo "ES_URL=$ES_URL"
    return 0
  fi
  if pid_alive; then
    log "node process $(cat "$PID_FILE") is running but does not answer on $ES_URL (starting?)"
  else
    log "no node answers on $ES_URL"
  fi
  return 3
}

cmd_logs() {
  [ -f "$LOG_FILE" ] || die "no log at $LOG_FILE"
  tail -n "${1:-100}" "$LOG_FILE"
}

cmd_wipe() {
  cmd_stop
  log "deleting $RUN_DIR/data"
  rm -rf "$RUN_DIR/data"
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  install) cmd_install ;;
  start)   cmd_start ;;
  stop)    cmd_stop ;;
  status)  cmd_status ;;
  logs)    shift; cmd_logs "$@" ;;
  wipe)    cmd_wipe ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
