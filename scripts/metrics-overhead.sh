#!/usr/bin/env bash
# What /metrics costs: /plaintext throughput of `apitune serve` (every request recorded in its
# Micrometer timer, /metrics scraped every SCRAPE_EVERY seconds as Prometheus would) against
# `apitune serve --no-metrics` (nothing recorded, no clock read, /metrics off). Both servers
# run at once, pinned to the same core; wrk, pinned to another core, drives them in turn
# (alternating which goes first), ROUNDS times each. Prints every round, each side's median
# and best, the ratio of the medians, and the median of the per-round ratios (each round's two
# runs are back to back, so on a busy machine that ratio is the steadier one: many short rounds,
# e.g. ROUNDS=15 with DURATION=3s, beat a few long ones). Goal (issue 17): overhead <= 5 %,
# i.e. ratio >= 0.95. It also prints the server's CPU time per request on each side (from
# /proc, steadier still when other processes share the cores).
#
# usage: scripts/metrics-overhead.sh [CONNECTIONS=64] [DURATION=10s]
# env:   SERVER_CPU (default 1), DRIVER_CPU (default 0), ROUNDS (default 5), WARMUP (wrk warm-up
#        of each server before measuring, default 15s), SCRAPE_EVERY (seconds, default 5;
#        0 = no scraping), WRK (default: wrk on PATH), JAVA (default: java on PATH)
# needs: wrk (Debian: apt-get install -y wrk), taskset (util-linux), python3, curl, a built jar
#        (run `mvn -DskipTests package` first or let this script do it).
set -euo pipefail
cd "$(dirname "$0")/.."

connections="${1:-64}"
duration="${2:-10s}"
server_cpu="${SERVER_CPU:-1}"
driver_cpu="${DRIVER_CPU:-0}"
rounds="${ROUNDS:-5}"
warmup="${WARMUP:-15s}"
scrape_every="${SCRAPE_EVERY:-5}"
wrk="${WRK:-wrk}"
java="${JAVA:-java}"
jar=target/apitune.jar

command -v "$wrk" >/dev/null || { echo "wrk is missing: apt-get install -y wrk (or set WRK)" >&2; exit 2; }
command -v taskset >/dev/null || { echo "taskset is missing (util-linux)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 2; }
if [[ ! -f "$jar" ]]; then
  mvn -q -B -DskipTests package >&2
fi

work="$(mktemp -d)"
cleanup() {
  local f pid
  for f in "$work"/*.pid; do
    [[ -f "$f" ]] || continue
    pid="$(cat "$f")"
    kill "$pid" 2>/dev/null || true
    # Not our child (started in a subshell): poll until it has stopped its PostgreSQL and exited.
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  rm -rf "$work"
}
trap cleanup EXIT

# The servers run a copy: a rebuild of target/apitune.jar during the run must not pull classes
# out from under them (their shutdown loads classes late).
cp "$jar" "$work/apitune.jar"

# start NAME [serve flags...]: starts a server on SERVER_CPU, prints "PID BASE_URL".
start() {
  local name="$1"; shift
  # taskset execs the JVM, so $! is the server's own pid (its CPU time is read from /proc).
  taskset -c "$server_cpu" "$java" -jar "$work/apitune.jar" serve --port 0 "$@" \
    >"$work/$name.out" 2>"$work/$name.err" &
  local pid=$! base=""
  echo "$pid" >"$work/$name.pid"
  for _ in $(seq 1 240); do
    base="$(sed -n 's/^apitune serve listening on \(http[^ ]*\).*/\1/p' "$work/$name.out" | head -1)"
    [[ -n "$base" ]] && { echo "$pid $base"; return; }
    kill -0 "$pid" 2>/dev/null || { cat "$work/$name.err" >&2; exit 3; }
    sleep 0.5
  done
  echo "server $name did not start" >&2
  exit 3
}

echo "starting two apitune serve on CPU $server_cpu (metrics on / --no-metrics)..." >&2
read -r on_pid on_base < <(start on) || true
read -r off_pid off_base < <(start off --no-metrics) || true
[[ -n "${on_base:-}" && -n "${off_base:-}" ]] || { echo "a server did not start" >&2; exit 3; }
curl -fsS "$on_base/metrics" >/dev/null || { echo "/metrics of the 'on' server failed" >&2; exit 3; }
if curl -fsS "$off_base/metrics" >/dev/null 2>&1; then
  echo "/metrics of the --no-metrics server answered 2xx; expected 404" >&2
  exit 3
fi

# CPU time (user + system, clock ticks) the process PID has used so far.
cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# wrk_rate PID URL [scrape BASE]: one measured wrk run against the server PID; scrapes
# BASE/metrics meanwhile if given. Prints "REQ_PER_S REQUESTS SERVER_CPU_TICKS".
wrk_rate() {
  local pid="$1" url="$2" scrape_base="${3:-}" scraper="" before
  before="$(cpu_ticks "$pid")"
  if [[ -n "$scrape_base" && "$scrape_every" != 0 ]]; then
    ( while sleep "$scrape_every"; do curl -fsS "$scrape_base/metrics" >/dev/null || true; done ) &
    scraper=$!
  fi
  local out
  out="$(taskset -c "$driver_cpu" "$wrk" -t1 -c"$connections" -d"$duration" "$url")"
  if [[ -n "$scraper" ]]; then
    kill "$scraper" 2>/dev/null || true
    wait "$scraper" 2>/dev/null || true
  fi
  echo "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out") $(awk '/requests in/ {print $1}' <<<"$out") $(( $(cpu_ticks "$pid") - before ))"
}

echo "warming both servers up ($warmup each)..." >&2
taskset -c "$driver_cpu" "$wrk" -t1 -c"$connections" -d"$warmup" "$on_base/plaintext" >/dev/null
taskset -c "$driver_cpu" "$wrk" -t1 -c"$connections" -d"$warmup" "$off_base/plaintext" >/dev/null

on_runs=()
off_runs=()
for round in $(seq 1 "$rounds"); do
  if (( round % 2 )); then
    on="$(wrk_rate "$on_pid" "$on_base/plaintext" "$on_base")"; off="$(wrk_rate "$off_pid" "$off_base/plaintext")"
  else
    off="$(wrk_rate "$off_pid" "$off_base/plaintext")"; on="$(wrk_rate "$on_pid" "$on_base/plaintext" "$on_base")"
  fi
  on_runs+=("${on// /,}"); off_runs+=("${off// /,}")
  echo "round $round: metrics on ${on%% *} req/s, off ${off%% *} req/s" >&2
done

# The 'on' server really recorded: its plaintext timer counted the measured requests.
recorded="$(curl -fsS "$on_base/metrics" | awk -F' ' '/^apitune_request_seconds_count\{endpoint="plaintext"/ {print $2}')"

python3 - "$connections" "$duration" "$server_cpu" "$driver_cpu" "$scrape_every" "$recorded" \
  "$(getconf CLK_TCK)" "${on_runs[*]}" "${off_runs[*]}" <<'PY'
import statistics, sys
conns, dur, scpu, dcpu, scrape, recorded, hz = sys.argv[1:8]
on_runs = [[float(v) for v in run.split(',')] for run in sys.argv[8].split()]
off_runs = [[float(v) for v in run.split(',')] for run in sys.argv[9].split()]
on = [r[0] for r in on_runs]
off = [r[0] for r in off_runs]
# Server CPU time per request (µs): robust to other load on the machine, unlike req/s.
cpu_on = statistics.median(r[2] / float(hz) * 1e6 / r[1] for r in on_runs)
cpu_off = statistics.median(r[2] / float(hz) * 1e6 / r[1] for r in off_runs)
mon, moff = statistics.median(on), statistics.median(off)
ratio = mon / moff
print(f"/plaintext, wrk -t1 -c{conns} -d{dur} on CPU {dcpu}, servers on CPU {scpu}, "
      f"{len(on)} rounds each, /metrics scraped every {scrape} s (0 = never) while 'on' ran")
print(f"metrics on   median {mon:10.1f} req/s   best {max(on):10.1f}   rounds {' '.join(f'{x:.0f}' for x in on)}")
print(f"metrics off  median {moff:10.1f} req/s   best {max(off):10.1f}   rounds {' '.join(f'{x:.0f}' for x in off)}")
print(f"ratio on/off (medians) {ratio:.3f}   overhead {100 * (1 - ratio):.1f} %   (goal: <= 5 %)")
print(f"ratio on/off (best)    {max(on) / max(off):.3f}")
pairs = [a / b for a, b in zip(on, off)]
print(f"ratio on/off (median of per-round ratios) {statistics.median(pairs):.3f}   "
      f"rounds {' '.join(f'{x:.2f}' for x in pairs)}")
print(f"server CPU per request (median): on {cpu_on:.2f} us, off {cpu_off:.2f} us, "
      f"on/off {cpu_on / cpu_off:.3f} (CPU-bound throughput ratio ~ {cpu_off / cpu_on:.3f})")
print(f"requests recorded by the 'on' server's plaintext timer: {float(recorded):.0f}")
PY
