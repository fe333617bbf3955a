#!/usr/bin/env bash
# What /metrics costs on /plaintext: `apitune serve` (every request recorded in its Micrometer
# timer, /metrics scraped every SCRAPE_EVERY seconds as Prometheus would) against
# `apitune serve --no-metrics` (nothing recorded, no clock read, /metrics off). Both servers run
# at once, pinned to the same core (SERVER_CPU); wrk runs pinned to another (DRIVER_CPU).
# Goal (issue 17): overhead <= 5 %.
#
# A. One at a time, ROUNDS rounds (alternating which goes first): each side's median and best
#    req/s and their ratio. The direct measure; it needs a quiet machine, as a burst of other
#    work during one run decides the figure.
# B. Both at once, SIM_ROUNDS rounds: one wrk per server, started together, so both see the same
#    moment and the same interference; each server's CPU time per request (user + system from
#    /proc) and the ratio on/off per round, and its median. On a CPU-bound server the
#    throughput overhead is 1 - 1/ratio; this is the figure that holds up on a busy machine.
# Warm-up: wrk on each server, and 300 scrapes of the 'on' one (a cold scrape costs ~40 ms).
#
# usage: scripts/metrics-overhead.sh [CONNECTIONS=64] [DURATION=10s]
# env:   SERVER_CPU (default 1), DRIVER_CPU (default 0), ROUNDS (default 5), SIM_ROUNDS (default
#        ROUNDS), WARMUP (wrk warm-up of each server before measuring, default 15s),
#        SCRAPE_EVERY (seconds, default 5; 0 = no scraping), WRK (default: wrk on PATH),
#        JAVA (default: java on PATH)
# needs: wrk (Debian: apt-get install -y wrk), taskset (util-linux), python3, curl, a built jar
#        (run `mvn -DskipTests package` first or let this script do it).
set -euo pipefail
cd "$(dirname "$0")/.."

connections="${1:-64}"
duration="${2:-10s}"
server_cpu="${SERVER_CPU:-1}"
driver_cpu="${DRIVER_CPU:-0}"
rounds="${ROUNDS:-5}"
sim_rounds="${SIM_ROUNDS:-$rounds}"
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

# scraper BASE: scrapes BASE/metrics every SCRAPE_EVERY seconds in the background; prints its pid.
scraper() {
  if [[ "$scrape_every" == 0 ]]; then
    echo ""
    return
  fi
  # Its output goes nowhere: the caller reads this function's stdout to its end.
  ( while sleep "$scrape_every"; do curl -fsS "$1/metrics" >/dev/null || true; done ) \
    >/dev/null 2>&1 &
  echo $!
}

stop_scraper() {
  if [[ -n "$1" ]]; then
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}

# wrk_run PID URL OUT: one measured wrk run against server PID, output to OUT; appends to OUT
# the line "cpu TICKS", the server's CPU time during the run.
wrk_run() {
  local pid="$1" url="$2" out="$3" before
  before="$(cpu_ticks "$pid")"
  taskset -c "$driver_cpu" "$wrk" -t1 -c"$connections" -d"$duration" "$url" >"$out"
  echo "cpu $(( $(cpu_ticks "$pid") - before ))" >>"$out"
}

# summary OUT: "REQ_PER_S,REQUESTS,CPU_TICKS" of a wrk_run output.
summary() {
  awk '/^Requests\/sec:/ {r=$2} /requests in/ {n=$1} /^cpu / {c=$2} END {print r "," n "," c}' "$1"
}

echo "warming both servers up ($warmup each)..." >&2
taskset -c "$driver_cpu" "$wrk" -t1 -c"$connections" -d"$warmup" "$on_base/plaintext" >/dev/null
taskset -c "$driver_cpu" "$wrk" -t1 -c"$connections" -d"$warmup" "$off_base/plaintext" >/dev/null
# The scrape path too: a cold scrape costs ~40 ms of CPU, a JIT-compiled one a few ms. A server
# scraped every 15 s for hours runs the compiled one; a measurement must not bill the cold one.
for _ in $(seq 1 300); do curl -fsS "$on_base/metrics" >/dev/null; done

alone_on=()
alone_off=()
for round in $(seq 1 "$rounds"); do
  for side in $( (( round % 2 )) && echo "on off" || echo "off on"); do
    if [[ "$side" == on ]]; then
      s_pid="$(scraper "$on_base")"
      wrk_run "$on_pid" "$on_base/plaintext" "$work/alone-on"
      stop_scraper "$s_pid"
      alone_on+=("$(summary "$work/alone-on")")
    else
      wrk_run "$off_pid" "$off_base/plaintext" "$work/alone-off"
      alone_off+=("$(summary "$work/alone-off")")
    fi
  done
  echo "A round $round: metrics on ${alone_on[-1]%%,*} req/s, off ${alone_off[-1]%%,*} req/s" >&2
done

both_on=()
both_off=()
for round in $(seq 1 "$sim_rounds"); do
  s_pid="$(scraper "$on_base")"
  wrk_run "$on_pid" "$on_base/plaintext" "$work/both-on" &
  w_pid=$!
  wrk_run "$off_pid" "$off_base/plaintext" "$work/both-off"
  wait "$w_pid"
  stop_scraper "$s_pid"
  both_on+=("$(summary "$work/both-on")")
  both_off+=("$(summary "$work/both-off")")
  echo "B round $round: metrics on ${both_on[-1]%%,*} req/s, off ${both_off[-1]%%,*} req/s (at once)" >&2
done

# The 'on' server really recorded: its plaintext timer counted the measured requests.
recorded="$(curl -fsS "$on_base/metrics" | awk '/^apitune_request_seconds_count\{endpoint="plaintext"/ {print $2}')"

python3 - "$connections" "$duration" "$server_cpu" "$driver_cpu" "$scrape_every" "$recorded" \
  "$(getconf CLK_TCK)" "${alone_on[*]}" "${alone_off[*]}" "${both_on[*]}" "${both_off[*]}" <<'PY'
import statistics, sys
conns, dur, scpu, dcpu, scrape, recorded, hz = sys.argv[1:8]
runs = [[[float(v) for v in run.split(',')] for run in arg.split()] for arg in sys.argv[8:12]]
alone_on, alone_off, both_on, both_off = runs
med = statistics.median
def us_per_request(r):
    return r[2] / float(hz) * 1e6 / r[1]
def show(xs, fmt):
    return ' '.join(fmt % x for x in xs)
print(f"/plaintext, wrk -t1 -c{conns} -d{dur} on CPU {dcpu}, both servers on CPU {scpu}, "
      f"/metrics scraped every {scrape} s (0 = never) while 'on' ran")
on, off = [r[0] for r in alone_on], [r[0] for r in alone_off]
ratio = med(on) / med(off)
print(f"A. one at a time, {len(on)} rounds each")
print(f"   metrics on   median {med(on):10.1f} req/s   best {max(on):10.1f}   rounds {show(on, '%.0f')}")
print(f"   metrics off  median {med(off):10.1f} req/s   best {max(off):10.1f}   rounds {show(off, '%.0f')}")
print(f"   throughput on/off: medians {ratio:.3f} (overhead {100 * (1 - ratio):.1f} %), "
      f"best {max(on) / max(off):.3f}")
cpu_ratios = [us_per_request(a) / us_per_request(b) for a, b in zip(both_on, both_off)]
cpu = med(cpu_ratios)
print(f"B. both at once, {len(both_on)} rounds: server CPU per request")
print(f"   metrics on   median {med(us_per_request(r) for r in both_on):6.2f} us   "
      f"throughput rounds {show([r[0] for r in both_on], '%.0f')}")
print(f"   metrics off  median {med(us_per_request(r) for r in both_off):6.2f} us   "
      f"throughput rounds {show([r[0] for r in both_off], '%.0f')}")
print(f"   CPU per request on/off: median {cpu:.3f}   rounds {show(cpu_ratios, '%.3f')}")
print(f"   => throughput overhead when CPU-bound {100 * (1 - 1 / cpu):.1f} %   (goal: <= 5 %)")
print(f"requests recorded by the 'on' server's plaintext timer: {float(recorded):.0f}")
PY
