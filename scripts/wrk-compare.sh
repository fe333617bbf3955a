#!/usr/bin/env bash
# Efficiency check of the load generator: drives one server (apitune serve, /plaintext),
# pinned to its own core, first with wrk and then with `apitune bench --url` pinned to another
# core, with the same connections and duration (closed model, like wrk), and prints both
# request rates and their ratio. Goal: apitune >= 0.8 x wrk.
#
# usage: scripts/wrk-compare.sh [CONNECTIONS=32] [DURATION=15s]
# env:   SERVER_CPU (default 0), DRIVER_CPU (default 1), ROUNDS (default 3),
#        WARMUP (apitune's warm-up, default 15s), JAVA (default: java on PATH)
# needs: wrk (Debian: apt-get install -y wrk), taskset (util-linux), python3, a built jar
#        (run `mvn -DskipTests package` first or let this script do it).
set -euo pipefail
cd "$(dirname "$0")/.."

connections="${1:-32}"
duration="${2:-15s}"
server_cpu="${SERVER_CPU:-0}"
driver_cpu="${DRIVER_CPU:-1}"
java="${JAVA:-java}"
jar=target/apitune.jar

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v taskset >/dev/null || { echo "taskset is missing (util-linux)" >&2; exit 2; }
if [[ ! -f "$jar" ]]; then
  mvn -q -B -DskipTests package >&2
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "starting apitune serve on CPU $server_cpu..." >&2
taskset -c "$server_cpu" "$java" -jar "$jar" serve --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
base=""
for _ in $(seq 1 120); do
  base="$(sed -n 's/^apitune serve listening on \(http[^ ]*\).*/\1/p' "$work/serve.out" | head -1)"
  [[ -n "$base" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 3; }
  sleep 0.5
done
[[ -n "$base" ]] || { echo "server did not start" >&2; exit 3; }
url="$base/plaintext"
echo "target $url, $connections connections, $duration, driver on CPU $driver_cpu" >&2

# Warm the server's JIT so neither driver pays for it.
taskset -c "$driver_cpu" wrk -t1 -c"$connections" -d5s "$url" >/dev/null

# Alternate the two drivers (ROUNDS times each) and keep each one's best run, so a burst of
# load from something else on the machine does not decide the ratio.
rounds="${ROUNDS:-3}"
# apitune's own warm-up, excluded from its figure. Pinned to one core, the JVM's JIT compiler
# shares that core with the I/O thread, and it takes 10-15 s to reach steady state (measured
# here: ~1k req/s in the first second, ~65k after 12 s); wrk is native code and needs none.
warmup="${WARMUP:-15s}"
wrk_rate=0
apitune_rate=0
apitune_errors=0
for round in $(seq 1 "$rounds"); do
  wrk_out="$(taskset -c "$driver_cpu" wrk -t1 -c"$connections" -d"$duration" "$url")"
  rate="$(awk '/^Requests\/sec:/ {print $2}' <<<"$wrk_out")"
  echo "round $round: wrk $rate req/s" >&2
  wrk_rate="$(python3 -c 'import sys; print(max(float(sys.argv[1]), float(sys.argv[2])))' "$wrk_rate" "$rate")"

  taskset -c "$driver_cpu" "$java" -jar "$jar" bench --url "$url" --connections "$connections" \
    --duration "$duration" --warmup "$warmup" --quiet --out "$work/apitune-$round" >"$work/bench.out"
  read -r rate errors < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print("%.1f %d" % (r["throughput"], r["errors"]["total"]))' \
    "$work/apitune-$round/report.json")
  echo "round $round: apitune $rate req/s (errors $errors)" >&2
  if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) > float(sys.argv[2]) else 1)' "$rate" "$apitune_rate"; then
    apitune_rate="$rate"
    apitune_errors="$errors"
  fi
done

python3 - "$wrk_rate" "$apitune_rate" "$apitune_errors" "$connections" "$duration" <<'PY'
import sys
wrk, apitune, errors, conns, dur = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
print(f"wrk      {wrk:12.1f} req/s  (best of the rounds)")
print(f"apitune  {apitune:12.1f} req/s  (errors {errors})")
print(f"ratio    {apitune / wrk:12.2f} x wrk  (goal >= 0.80; {conns} connections, {dur})")
PY
