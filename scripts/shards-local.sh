#!/usr/bin/env bash
# Issue 15, "Done when" (local): N = 3 shards as separate processes on this machine drive a
# combined RATE (default 3000/s) at one target, a running `apitune serve` on 127.0.0.1:PORT,
# each `bench --shard I/3 --start-at T`; then `report merge` of the three logs with a gate on
# the merged p99. Prints: each shard's count, their sum, the merged count, the expected count
# (rate x duration), the merged p50/p99/max and the p99 of the added histograms recomputed here,
# the gate's exit code. Takes about DURATION + 30 s.
#
# usage: scripts/shards-local.sh [RATE=3000] [DURATION=10]   (seconds)
# env:   PORT (default 18800), MODE (default async), GATE (default 'p99 < 50ms'),
#        JAVA (default: java on PATH), OUT (default: a new temp directory)
# needs: a built jar (run `mvn -B -o -DskipTests package` first or let this script do it), python3.
set -euo pipefail
cd "$(dirname "$0")/.."

rate="${1:-3000}"
duration="${2:-10}"
port="${PORT:-18800}"
mode="${MODE:-async}"
gate="${GATE:-p99 < 50ms}"
java="${JAVA:-java}"
jar=target/apitune.jar
out="${OUT:-$(mktemp -d /tmp/apitune-shards.XXXXXX)}"

[ -f "$jar" ] || mvn -B -o -q -DskipTests package
"$java" -jar "$jar" serve --port "$port" >"$out/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "listening" "$out/serve.log" 2>/dev/null && break
  sleep 1
done

start_at="$(date -u -d '+20 seconds' +%Y-%m-%dT%H:%M:%SZ)"
echo "3 shards at a combined $rate/s for ${duration}s from $start_at; reports in $out"
pids=()
for i in 0 1 2; do
  "$java" -jar "$jar" bench --server "http://127.0.0.1:$port" --mode "$mode" --rate "$rate" \
    --duration "${duration}s" --warmup 5s --shard "$i/3" --start-at "$start_at" -q \
    --out "$out/shard$i" >"$out/shard$i.log" 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done

set +e
"$java" -jar "$jar" report merge "$out"/shard{0,1,2}/latency.hlog --out "$out/merged" --gate "$gate"
code=$?
set -e
python3 - "$out" "$rate" "$duration" <<'PY'
import json, sys
out, rate, duration = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
shards = [json.load(open(f"{out}/shard{i}/report.json")) for i in range(3)]
merged = json.load(open(f"{out}/merged/report.json"))
counts = [s["results"]["requests"] for s in shards]
for i, s in enumerate(shards):
    print(f"shard {s['shard']['index']}/{s['shard']['count']}: {counts[i]} requests, limited={s['results']['generator']['limited']}")
print(f"sum of shards: {sum(counts)}; merged: {merged['results']['requests']}; "
      f"single-machine schedule: {int(rate * duration)}")
lat = merged["results"]["latency"]
print(f"merged latency p50 {lat['p50']} ms, p99 {lat['p99']} ms, max {lat['max']} ms; "
      f"shards {merged['merged']['shards']}, partial={merged['merged']['partial']}")
PY
echo "gate '$gate' on the merged result: exit $code"
