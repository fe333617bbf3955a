#!/usr/bin/env bash
# HTTP/2 efficiency of the load generator (issue 12's "Done when"): against one h2c nginx
# (1 worker, `listen PORT http2`, /json) pinned to its own core, runs h2load and then
# `apitune bench --http2` pinned to another core, with the same connections x streams, and
# prints both request rates and their ratio (goal: apitune >= 0.8 x h2load), then both at a
# fixed rate both reach (or each of RATE=r1,r2,...), printing both p99 latencies and their
# ratio (goal: apitune <= 1.5 x).
#
# usage: scripts/h2-compare.sh [CONNECTIONS=4] [STREAMS=64] [DURATION=15s]
# env:   RATE (fixed-rate phase, req/s, or several comma-separated, e.g. 10000,20000; default:
#        half of the lower max rate)  SERVER_CPU (1)
#        DRIVER_CPU (0)  PORT (18601)  NGINX (nginx binary)  H2LOAD (h2load binary)
#        APITUNE_JAVA_OPTS (passed to the launcher)
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
h2load_bin="${H2LOAD:-$(command -v h2load || true)}"

[[ -n "$h2load_bin" ]] || { echo "skipping: h2load is missing (apt-get install -y nghttp2-client, or set H2LOAD)" >&2; exit 0; }
command -v taskset >/dev/null || { echo "skipping: taskset is missing (util-linux)" >&2; exit 0; }
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "DURATION: give whole seconds, e.g. 15s" >&2; exit 2; }

work="$(mktemp -d)"
trap 'stop_nginx; rm -rf "$work"' EXIT
start_nginx "$work" "$port" "$server_cpu"
url="$nginx_url/json"
echo "target: nginx h2c (1 worker, CPU $server_cpu) $url; generators on CPU $driver_cpu;" \
  "$connections connections x $streams streams, $duration"

# h2load: a 2 s warm-up, then the measured duration; the "finished in ..., N req/s" line.
h2load_max() {
  taskset -c "$driver_cpu" "$h2load_bin" -c "$connections" -m "$streams" -t 1 \
    --warm-up-time=2 -D "$seconds" "$url" >"$work/h2load.txt" 2>&1
  python3 -c 'import re,sys; print(re.search(r"finished in [^,]+, ([0-9.]+) req/s", open(sys.argv[1]).read()).group(1))' "$work/h2load.txt"
}
apitune_bench() {
  local out="$work/apitune-$1"; shift
  taskset -c "$driver_cpu" ./apitune bench --http2 --url "$url" -c "$connections" --streams "$streams" \
    --warmup 2s -d "$duration" -q --allow-limited --out "$out" "$@" >"$out.txt" 2>&1 || true
  python3 - "$out/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f'{r["throughput"]:.1f} {r["latency"].get("p99", float("nan")):.3f} {r["protocol"]["negotiated"]}'
      f' {r["serviceTime"].get("p99", float("nan")):.3f}')
PY
}

h2_rps="$(h2load_max)"
read -r ap_rps ap_p99 ap_proto _ < <(apitune_bench max)
printf 'max rate  h2load %s req/s   apitune %s req/s (%s)   ratio apitune/h2load %s (goal >= 0.8)\n' \
  "$h2_rps" "$ap_rps" "$ap_proto" "$(python3 -c "print(f'{$ap_rps/$h2_rps:.2f}')")"

# Fixed rates: RATE (one or several, comma-separated, e.g. RATE=10000,20000), default half of
# the lower max rate. h2load's --rps caps each client's requests per second; its --log-file
# gives every request's time, from which its p99 is taken (its summary prints min/max/mean
# only). h2load times a request from when it was sent, so apitune's service time (also from the
# send) is printed beside its latency (from the intended send time, coordinated-omission-free);
# the goal compares the latencies.
rates="${RATE:-$(python3 -c "print(int(min($h2_rps, $ap_rps) / 2))")}"
# (the help is read whole first: grep -q stopping early would kill h2load with SIGPIPE, and
# pipefail would take that for "no --rps")
h2load_help="$("$h2load_bin" --help 2>&1 || true)"
if ! grep -q -- '--rps' <<<"$h2load_help"; then
  echo "fixed rate: skipped, this h2load has no --rps"
  exit 0
fi
IFS=',' read -r -a rate_list <<<"$rates"
for rate in "${rate_list[@]}"; do
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
  h2_rate="$(python3 -c "print(f'{$h2_n/$seconds:.1f}')")"
  read -r ap_thr ap_p99r _ ap_svc99 < <(apitune_bench "rate-$rate" --rate "$rate")
  printf 'at %s req/s  h2load p99 %s ms (max %s ms, %s req/s)   apitune p99 %s ms (service time p99 %s ms, %s req/s)   ratio p99 apitune/h2load %s (goal <= 1.5)\n' \
    "$rate" "$h2_p99" "$h2_max" "$h2_rate" "$ap_p99r" "$ap_svc99" "$ap_thr" \
    "$(python3 -c "print(f'{$ap_p99r/$h2_p99:.2f}')")"
done
