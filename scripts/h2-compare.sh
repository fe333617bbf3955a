#!/usr/bin/env bash
# HTTP/2 efficiency of the load generator (issue 12's "Done when"): against one h2c nginx
# (1 worker, `listen PORT http2`, /json) pinned to its own core, runs h2load and then
# `apitune bench --http2` pinned to another core, with the same connections x streams, and
# prints both request rates and their ratio (goal: apitune >= 0.8 x h2load), then both at a
# fixed rate both reach (or each of RATE=r1,r2,...), printing both p99 latencies and their
# ratio (goal: apitune <= 1.5 x).
#
# Each phase runs REPEAT rounds, h2load and apitune one after the other in each round, and
# prints every round and the median of the rounds' ratios: on a shared VM one 15 s run of
# either tool can swing by 2x (measured: h2load's own max rate 46,500-93,500/s, its p99 at
# 10,000/s 1.5-8 ms), and alternating keeps a slow spell of the host from landing on one tool.
#
# apitune warms up as a user's run does (its default: until the JIT is quiet and the schedule
# kept, at most 10 s; the report's warmupSeconds is printed); h2load, native code, warms up 2 s.
# With a fixed 2 s apitune measured while its JIT still compiled on its one core: latency p99
# 3.5-3.8 ms at 10,000/s against 1.3-2.1 ms with its default warm-up (same hour, quiet).
#
# usage: scripts/h2-compare.sh [CONNECTIONS=4] [STREAMS=64] [DURATION=15s]
# env:   RATE (fixed-rate phase, req/s, or several comma-separated, e.g. 10000,20000; default:
#        half of the lower median max rate)  REPEAT (rounds per phase, 3)  WARMUP (apitune's
#        --warmup, default its own)  SERVER_CPU (1)  DRIVER_CPU (0)  PORT (18601)
#        NGINX (nginx binary)  H2LOAD (h2load binary)  APITUNE_JAVA_OPTS, APITUNE_JAR (passed to
#        the launcher)
# needs: h2load (apt-get install -y nghttp2-client), nginx, taskset, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
export NGINX_LISTEN_OPTS=http2 NGINX_CURL_OPTS=--http2-prior-knowledge
# shellcheck source=lib/nginx.sh
source scripts/lib/nginx.sh

connections="${1:-4}"
streams="${2:-64}"
duration="${3:-15s}"
seconds="${duration%s}"
server_cpu="${SERVER_CPU:-1}"
driver_cpu="${DRIVER_CPU:-0}"
port="${PORT:-18601}"
repeat="${REPEAT:-3}"
warmup_opt=()
[[ -n "${WARMUP:-}" ]] && warmup_opt=(--warmup "$WARMUP")
h2load_bin="${H2LOAD:-$(command -v h2load || true)}"

[[ -n "$h2load_bin" ]] || { echo "skipping: h2load is missing (apt-get install -y nghttp2-client, or set H2LOAD)" >&2; exit 0; }
command -v taskset >/dev/null || { echo "skipping: taskset is missing (util-linux)" >&2; exit 0; }
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "DURATION: give whole seconds, e.g. 15s" >&2; exit 2; }
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "REPEAT: give a whole number >= 1" >&2; exit 2; }

work="$(mktemp -d)"
trap 'stop_nginx; rm -rf "$work"' EXIT
start_nginx "$work" "$port" "$server_cpu"
url="$nginx_url/json"
echo "target: nginx h2c (1 worker, CPU $server_cpu) $url; generators on CPU $driver_cpu;" \
  "$connections connections x $streams streams, $duration, $repeat rounds per phase"

# h2load: a 2 s warm-up, then the measured duration; the "finished in ..., N req/s" line.
h2load_max() {
  taskset -c "$driver_cpu" "$h2load_bin" -c "$connections" -m "$streams" -t 1 \
    --warm-up-time=2 -D "$seconds" "$url" >"$work/h2load.txt" 2>&1
  python3 -c 'import re,sys; print(re.search(r"finished in [^,]+, ([0-9.]+) req/s", open(sys.argv[1]).read()).group(1))' "$work/h2load.txt"
}
apitune_bench() {
  local out="$work/apitune-$1"; shift
  taskset -c "$driver_cpu" ./apitune bench --http2 --url "$url" -c "$connections" --streams "$streams" \
    "${warmup_opt[@]}" -d "$duration" -q --allow-limited --out "$out" "$@" >"$out.txt" 2>&1 || true
  python3 - "$out/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f'{r["throughput"]:.1f} {r["latency"].get("p99", float("nan")):.3f} {r["protocol"]["negotiated"]}'
      f' {r["serviceTime"].get("p99", float("nan")):.3f} {r["generator"]["warmupSeconds"]:.1f}')
PY
}

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
median() { python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.2f}')" "$@"; }

h2_maxes=(); ap_maxes=(); max_ratios=()
for round in $(seq 1 "$repeat"); do
  h2_rps="$(h2load_max)"
  read -r ap_rps ap_p99 ap_proto _ ap_warm < <(apitune_bench "max-$round")
  h2_maxes+=("$h2_rps"); ap_maxes+=("$ap_rps"); max_ratios+=("$(ratio "$ap_rps" "$h2_rps")")
  printf 'max rate, round %s  h2load %s req/s   apitune %s req/s (%s, warm-up %s s)   ratio %s\n' \
    "$round" "$h2_rps" "$ap_rps" "$ap_proto" "$ap_warm" "${max_ratios[-1]}"
done
printf 'max rate  median h2load %s req/s   apitune %s req/s   median ratio apitune/h2load %s (goal >= 0.8)\n' \
  "$(median "${h2_maxes[@]}")" "$(median "${ap_maxes[@]}")" "$(median "${max_ratios[@]}")"

# Fixed rates: RATE (one or several, comma-separated, e.g. RATE=10000,20000), default half of
# the lower max rate. h2load's --rps caps each client's requests per second; its --log-file
# gives every request's time, from which its p99 is taken (its summary prints min/max/mean
# only). h2load times a request from when it was sent, so apitune's service time (also from the
# send) is printed beside its latency (from the intended send time, coordinated-omission-free);
# the goal compares the latencies.
rates="${RATE:-$(python3 -c "print(int(min($(median "${h2_maxes[@]}"), $(median "${ap_maxes[@]}")) / 2))")}"
# (the help is read whole first: grep -q stopping early would kill h2load with SIGPIPE, and
# pipefail would take that for "no --rps")
h2load_help="$("$h2load_bin" --help 2>&1 || true)"
if ! grep -q -- '--rps' <<<"$h2load_help"; then
  echo "fixed rate: skipped, this h2load has no --rps"
  exit 0
fi
IFS=',' read -r -a rate_list <<<"$rates"
for rate in "${rate_list[@]}"; do
  p99_ratios=()
  for round in $(seq 1 "$repeat"); do
    taskset -c "$driver_cpu" "$h2load_bin" -c "$connections" -m "$streams" -t 1 \
      --rps="$(python3 -c "print($rate/$connections)")" --warm-up-time=2 -D "$seconds" \
      --log-file="$work/h2load-$rate.log" "$url" >"$work/h2load-$rate.txt" 2>&1
    read -r h2_p99 h2_max h2_n < <(python3 - "$work/h2load-$rate.log" <<'PY'
import sys
rows = [l.split("\t") for l in open(sys.argv[1]) if l.strip()]
# (the log holds the measured requests only, not the warm-up's)
us = sorted(int(r[2]) for r in rows)
p99 = us[min(len(us) - 1, int(len(us) * 0.99))]
print(f"{p99 / 1000:.3f} {us[-1] / 1000:.3f} {len(us)}")
PY
)
    rm -f "$work/h2load-$rate.log" # h2load appends to an existing log
    h2_rate="$(python3 -c "print(f'{$h2_n/$seconds:.1f}')")"
    read -r ap_thr ap_p99r _ ap_svc99 ap_warm < <(apitune_bench "rate-$rate-$round" --rate "$rate")
    p99_ratios+=("$(ratio "$ap_p99r" "$h2_p99")")
    printf 'at %s req/s, round %s  h2load p99 %s ms (max %s ms, %s req/s)   apitune p99 %s ms (service time p99 %s ms, %s req/s, warm-up %s s)   ratio %s\n' \
      "$rate" "$round" "$h2_p99" "$h2_max" "$h2_rate" "$ap_p99r" "$ap_svc99" "$ap_thr" "$ap_warm" \
      "${p99_ratios[-1]}"
  done
  printf 'at %s req/s  median ratio p99 apitune/h2load %s (goal <= 1.5)\n' "$rate" "$(median "${p99_ratios[@]}")"
done
