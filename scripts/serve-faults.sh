#!/usr/bin/env bash
# Measures the server figures of issues 16 and 12 against a real `apitune serve` (the jar):
#   1. pipelining: how many of 1,000 / 10,000 / 100,000 pipelined requests on one connection
#      are answered, and in order;
#   2. memory under SLOW half-open connections (half a request head each): RSS of the serve JVM
#      and its heap after a full GC, before and while they are open, and how long the header
#      timeout takes to close them all;
#   3. stderr of that serve: lines other than its progress lines (expected: none);
#   4. curl: /json over http/1.1, h2c (prior knowledge and upgrade) and h2 answers the same body;
#   5. h2load requests/s on /json over http/1.1, h2c and h2 (TLS), when h2load is installed
#      (Debian: apt-get install -y nghttp2-client); skipped with a message otherwise.
# Server and clients are pinned to separate cores (CPU_SERVER, CPU_CLIENT) when taskset exists.
# Traffic goes to 127.0.0.1 only; every step is bounded in count and time.
#
# Usage: scripts/serve-faults.sh
# Env:   PORT=18250 (and PORT+1 for TLS)  SLOW=5000  HEADER_TIMEOUT=20s  H2LOAD_N=200000
#        CPU_SERVER=1  CPU_CLIENT=0  JAR=target/apitune.jar  JAVA=java
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18250}
TLS_PORT=$((PORT + 1))
SLOW=${SLOW:-5000}
HEADER_TIMEOUT=${HEADER_TIMEOUT:-20s}
H2LOAD_N=${H2LOAD_N:-200000}
CPU_SERVER=${CPU_SERVER:-1}
CPU_CLIENT=${CPU_CLIENT:-0}
JAR=${JAR:-target/apitune.jar}
JAVA=${JAVA:-java}
work=$(mktemp -d)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Prefixes that pin a command to a core; background jobs use them directly, so $! is the
# command's own PID (taskset execs it).
on_server=(); on_client=()
if command -v taskset >/dev/null; then
  on_server=(taskset -c "$CPU_SERVER"); on_client=(taskset -c "$CPU_CLIENT")
fi

[[ -f $JAR ]] || mvn -B -q package -DskipTests
# A copy, so a rebuild during the run cannot replace the jar under a running server.
cp "$JAR" "$work/apitune.jar"
JAR=$work/apitune.jar
ulimit -n $((SLOW + 4096)) 2>/dev/null || echo "note: could not raise the open-file limit ($(ulimit -n))"

# start_serve NAME PORT FLAGS...: starts serve in the background (its PID in SERVE_PID) and
# waits until it listens.
start_serve() {
  local name=$1 port=$2; shift 2
  "${on_server[@]}" "$JAVA" -jar "$JAR" serve --port "$port" "$@" \
      >"$work/$name.out" 2>"$work/$name.err" &
  SERVE_PID=$!
  pids+=("$SERVE_PID")
  for _ in $(seq 1 120); do
    grep -q "listening on" "$work/$name.out" 2>/dev/null && return
    kill -0 "$SERVE_PID" 2>/dev/null || { cat "$work/$name.err" >&2; exit 3; }
    sleep 1
  done
  echo "serve $name did not listen within 120 s" >&2; exit 3
}

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
heap_mib() { # used heap after a full GC, MiB
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jcmd "$1" GC.heap_info 2>/dev/null | awk '
    / total .* used / { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); s += v } }
    END { if (s) printf "%.0f", s / 1024; else printf "?" }' || true
}

probe() { "${on_client[@]}" "$JAVA" scripts/ServerProbe.java "$@"; }

echo "== serve on 127.0.0.1:$PORT (--backend-latency 0 --header-timeout $HEADER_TIMEOUT), server on CPU $CPU_SERVER, clients on CPU $CPU_CLIENT"
start_serve plain "$PORT" --backend-latency 0 --header-timeout "$HEADER_TIMEOUT" --idle-timeout 120s
pid=$SERVE_PID

echo "== 1. pipelining (one connection, GET /cached/item/i; the first run warms the JVM up)"
probe pipeline "$PORT" 10000 >/dev/null
for depth in 1000 10000 100000; do probe pipeline "$PORT" "$depth"; done

echo "== 2. memory under $SLOW half-open connections"
before_rss=$(rss_mib "$pid"); before_heap=$(heap_mib "$pid")
hold=$(( ${HEADER_TIMEOUT%s} + 30 ))
"${on_client[@]}" "$JAVA" scripts/ServerProbe.java slow "$PORT" "$SLOW" "$hold" >"$work/slow.txt" &
slow_pid=$!
pids+=("$slow_pid")
for _ in $(seq 1 120); do grep -q "open after" "$work/slow.txt" && break; sleep 1; done
grep "open after" "$work/slow.txt" || true
open_rss=$(rss_mib "$pid"); open_heap=$(heap_mib "$pid")
wait "$slow_pid" || true
grep -v "t=" "$work/slow.txt" | grep -v "open after" || true
after_rss=$(rss_mib "$pid")
printf 'serve JVM RSS: %s MiB before, %s MiB with %s half-open connections, %s MiB after they were closed\n' \
  "$before_rss" "$open_rss" "$SLOW" "$after_rss"
printf 'serve JVM heap used after a full GC: %s MiB before, %s MiB with %s half-open connections\n' \
  "$before_heap" "$open_heap" "$SLOW"

kill "$pid"; wait "$pid" 2>/dev/null || true
noise=$(grep -v -e '^starting embedded PostgreSQL' -e '^stopping: ' -e '^stopped$' "$work/plain.err" || true)
echo "== 3. serve stderr beyond its progress lines: $(printf '%s' "$noise" | grep -c . || true) lines"
[[ -z $noise ]] || printf '%s\n' "$noise" | head -5

start_serve h2 "$PORT"
start_serve tls "$TLS_PORT" --tls
echo "== 4. curl: the same /json over http/1.1, h2c (prior knowledge), h2c (upgrade), h2 (TLS)"
if command -v curl >/dev/null; then
  reference=$(curl -s "http://127.0.0.1:$PORT/json")
  for way in "--http1.1 http://127.0.0.1:$PORT/json" "--http2-prior-knowledge http://127.0.0.1:$PORT/json" \
             "--http2 http://127.0.0.1:$PORT/json" "-k --http2 https://127.0.0.1:$TLS_PORT/json"; do
    # shellcheck disable=SC2086
    answer=$(curl -s -w '\n%{http_version}' $way)
    body=${answer%$'\n'*}; version=${answer##*$'\n'}
    printf '%-55s HTTP/%s, body %s\n' "curl $way" "$version" \
      "$([[ $body == "$reference" ]] && echo "same as HTTP/1.1" || echo "DIFFERENT: $body")"
  done
else
  echo "skipped: curl not found"
fi

echo "== 5. h2load on /json (server CPU $CPU_SERVER, h2load CPU $CPU_CLIENT, -n $H2LOAD_N)"
if ! command -v h2load >/dev/null; then
  echo "skipped: h2load not found (apt-get install -y nghttp2-client)"
  exit 0
fi
# rate ARGS...: a warm-up run of a quarter of the requests (discarded), then the measured run.
rate() {
  "${on_client[@]}" h2load -t 1 -n $((H2LOAD_N / 4)) "$@" >/dev/null 2>&1 || true
  "${on_client[@]}" h2load -t 1 -n "$H2LOAD_N" "$@" 2>&1 \
    | awk '/^finished in/ {print "   ", $4, $5} /^requests:/ {print "   ", $0}'
}
echo "http/1.1  64 connections:"; rate --h1 -c 64 "http://127.0.0.1:$PORT/json"
echo "h2c       4 connections x 64 streams:"; rate -c 4 -m 64 "http://127.0.0.1:$PORT/json"
echo "h2 (TLS)  4 connections x 64 streams:"; rate -c 4 -m 64 "https://127.0.0.1:$TLS_PORT/json"
echo "per-protocol counts in /stats (cleartext server, then TLS server):"
curl -s "http://127.0.0.1:$PORT/stats" | grep -o '"protocols":{[^}]*}' || true
curl -sk "https://127.0.0.1:$TLS_PORT/stats" | grep -o '"protocols":{[^}]*}' || true
