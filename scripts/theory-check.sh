#!/usr/bin/env bash
# Issue 10's "Done when" figures, and virtual threads beside blocking and async.
#
#   done-when  apitune compare --modes blocking,async,cached --workers 8 --backend-latency 20ms
#              -c 256 --duration 8s --gate 'async.throughput >= 10 * blocking.throughput';
#              prints blocking goodput against 8 / 20 ms = 400/s (target: within 10 %), async
#              goodput against 256 / (20 ms + the measured overhead) (target: within 5 %), every
#              run's theory fraction, compare's sentences and the gate.
#   virtual    the same load on blocking, async and virtual (needs a JDK 21+; ./apitune picks the
#              newest JDK it finds): goodput, OK p50/p99, KO and theory fraction of each.
#
# PLACEMENT=inprocess (default) runs the command as written: the reference server in the same
# JVM as the generator, on every core. PLACEMENT=pinned starts `apitune serve` with the same shape
# on SERVER_CPU and runs compare --server against it on DRIVER_CPU (taskset), so that the two do
# not take each other's CPU.
#
# usage: scripts/theory-check.sh [done-when|virtual|all]    (default all)
# env:   REPEAT (runs of each phase, default 1), DURATION (default 8s), CONNECTIONS (256),
#        WORKERS (8), LATENCY_MS (20), PLACEMENT (inprocess|pinned), SERVER_CPU (1), DRIVER_CPU (0)
# needs: python3, a JDK 17+ and Maven (the ./apitune launcher builds the jar); taskset for pinned.
# exit:  0 when every done-when figure met its target, 1 when one missed, 2 when a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

phase="${1:-all}"
repeat="${REPEAT:-1}"
duration="${DURATION:-8s}"
connections="${CONNECTIONS:-256}"
workers="${WORKERS:-8}"
latency_ms="${LATENCY_MS:-20}"
placement="${PLACEMENT:-inprocess}"
server_cpu="${SERVER_CPU:-1}"
driver_cpu="${DRIVER_CPU:-0}"

command -v python3 >/dev/null || { echo "python3 is missing: apt-get install -y python3" >&2; exit 2; }
if [[ "$placement" == pinned ]]; then
  command -v taskset >/dev/null || { echo "taskset is missing (util-linux)" >&2; exit 2; }
fi
./apitune --version >/dev/null   # builds the jar once, before anything is timed

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

shape=(--workers "$workers" --backend-latency "${latency_ms}ms")
load=(-c "$connections" --duration "$duration" -q)
driver=(./apitune)
target=("${shape[@]}")
if [[ "$placement" == pinned ]]; then
  # The server on its own core, on the JDK the launcher picks (virtual needs 21+; the launcher
  # runs a copy of the jar, so a rebuild cannot pull it away); compare drives it with --server.
  taskset -c "$server_cpu" ./apitune serve --port 0 "${shape[@]}" >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  base=""
  for _ in $(seq 1 120); do
    base="$(sed -n 's/^apitune serve listening on \(http[^ ]*\).*/\1/p' "$work/serve.out" | head -1)"
    [[ -n "$base" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 3; }
    sleep 0.5
  done
  [[ -n "$base" ]] || { echo "apitune serve did not start" >&2; exit 3; }
  driver=(taskset -c "$driver_cpu" ./apitune)
  target=(--server "$base")
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); placement $placement"
failed=0

if [[ "$phase" == done-when || "$phase" == all ]]; then
  for i in $(seq 1 "$repeat"); do
    out="$work/done-when-$i"
    echo
    echo "== done-when $i/$repeat: compare --modes blocking,async,cached ${shape[*]} ${load[*]}"
    set +e
    "${driver[@]}" compare --modes blocking,async,cached "${target[@]}" "${load[@]}" --out "$out" \
      --gate 'async.throughput >= 10 * blocking.throughput' >"$work/done-when-$i.txt" 2>&1
    code=$?
    set -e
    grep -E '^(run  |(blocking|async|cached) +[0-9])' "$work/done-when-$i.txt" || true
    echo "exit code $code; JVM $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runs"][0]["environment"]["jvm"])' "$out/report.json")"
    python3 scripts/lib/theory_figures.py done-when "$out/report.json" "$latency_ms" "$connections" "$workers" \
      || failed=1
  done
fi

if [[ "$phase" == virtual || "$phase" == all ]]; then
  for i in $(seq 1 "$repeat"); do
    out="$work/virtual-$i"
    echo
    echo "== virtual $i/$repeat: compare --modes blocking,async,virtual ${shape[*]} ${load[*]}"
    set +e
    "${driver[@]}" compare --modes blocking,async,virtual "${target[@]}" "${load[@]}" --out "$out" \
      >"$work/virtual-$i.txt" 2>&1
    set -e
    if grep -q '^skipped' "$work/virtual-$i.txt"; then
      grep '^skipped' "$work/virtual-$i.txt"
      continue
    fi
    echo "JVM $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runs"][0]["environment"]["jvm"])' "$out/report.json")"
    python3 scripts/lib/theory_figures.py modes "$out/report.json"
  done
fi
exit "$failed"
