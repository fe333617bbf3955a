#!/usr/bin/env bash
# Issue 13, "Done when": the generator's own cost per request with a three-request mix, a
# feeder and checks, against the plain single-URL path (goal: at most 25 % above), and the
# shop mix's per-request figures (weights within +-2 %, a deliberately wrong check as `check`
# errors under its request).
#
# A. ROUNDS rounds of one scenario with two runs side by side, each at RATE for DURATION:
#    `plain` (one URL) and `mix` (70/20/10 mix, a 10,000-row CSV feeder, status + JsonPath +
#    header checks, a ${uuid} header). With nginx present (PATH or $NGINX) the target is one
#    nginx worker pinned to CPU $NGINX_CPU (default 1) and apitune is pinned to CPU $DRIVER_CPU
#    (default 0), so the process CPU is the generator's alone; without nginx the target is the
#    in-process server (mode cached), whose CPU is then counted too and dilutes the ratio. Per
#    run: process CPU seconds per 1000 requests (results.generator.cpuUtilisation x
#    durationSeconds / requests); per round the ratio mix/plain; the median ratio is the figure.
# B. scenarios/shop.yaml against async-db (embedded PostgreSQL, real inserts) with the create
#    request's check made wrong (status 200 instead of 201): each request's share of the
#    attempts vs its weight, and its check errors.
#
# usage: scripts/mix-overhead.sh [RATE=10000] [DURATION=15s]
# env:   ROUNDS (default 5), WARMUP (default 10s), SKIP_SHOP=1 to skip part B, NGINX,
#        NGINX_CPU, DRIVER_CPU, PORT (nginx, default 18480). Needs python3 and a JDK 17+; builds
#        the jar through ./apitune when needed. Takes about ROUNDS x 2 x (DURATION + WARMUP) + 40 s.
# Both runs of a round see the same machine in turn, which is why the figure is a ratio over
# rounds; on a busy machine it is still noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${1:-10000}"
duration="${2:-15s}"
rounds="${ROUNDS:-5}"
warmup="${WARMUP:-10s}"
work="$(mktemp -d)"
# shellcheck source=lib/nginx.sh
source scripts/lib/nginx.sh
trap 'stop_nginx; rm -rf "$work"' EXIT
cp scenarios/data/items.csv "$work/items.csv"
pin=()
if [[ -n "$nginx_bin" ]] && command -v taskset >/dev/null; then
  start_nginx "$work" "${PORT:-18480}" "${NGINX_CPU:-1}"
  pin=(taskset -c "${DRIVER_CPU:-0}")
  target="nginx on CPU ${NGINX_CPU:-1} ($nginx_url), apitune on CPU ${DRIVER_CPU:-0}"
  plain="url: $nginx_url/json"
  base="base-url: $nginx_url"
  read_path='/json?id=${items.id}'
  other_path='/plaintext?k=${key}'
  seq_path='/json?seq=${seq}'
  other_check='{status: 200, headers: {Content-Type: {contains: text}}}'
  read_field='$.message'
else
  echo "   (nginx not found: the target is the in-process server, whose CPU counts too)"
  target="the in-process server, mode cached"
  plain="mode: cached"
  base="mode: cached"
  read_path='/cached/item/${items.id}'
  other_path='/cached/item/${key}'
  seq_path='/cached/item/${seq}'
  other_check='{status: [200, 404], headers: {Content-Type: {contains: json}}}'
  read_field='$.id'
fi

cat >"$work/overhead.yaml" <<YAML
name: mix-overhead
feeders:
  items: {csv: items.csv, strategy: circular}
defaults:
  rate: $rate
  connections: 64
  warmup: $warmup
  duration: $duration
runs:
  - name: plain
    $plain
  - name: mix
    $base
    headers: ["X-Request-Id: \${uuid}"]
    requests:
      - {name: read, weight: 70, get: "$read_path",
         check: {status: 200, json: {"$read_field": exists}}}
      - {name: other, weight: 20, get: "$other_path", check: $other_check}
      - {name: seq, weight: 10, get: "$seq_path", check: {status: [200, 404]}}
YAML
echo "A. generator CPU per 1000 requests, plain URL vs 3-request mix + feeder + checks"
echo "   $target; rate $rate/s, warm-up $warmup, $duration per run, $rounds rounds"
ratios=()
for i in $(seq 1 "$rounds"); do
  "${pin[@]}" ./apitune run -q --allow-limited -o "$work/a$i" "$work/overhead.yaml" >"$work/a$i.log" 2>&1 || true
  line=$(python3 - "$work/a$i/report.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
cost = {}
for run in doc["runs"]:
    r = run["results"]
    g = r["generator"]
    cost[run["name"]] = g["cpuUtilisation"] * r["durationSeconds"] / max(r["requests"], 1) * 1000
print("%.4f %.4f %.3f" % (cost["plain"], cost["mix"], cost["mix"] / cost["plain"]))
PY
)
  read -r plain mix ratio <<<"$line"
  printf '   round %d: plain %s CPU-s/1000 req, mix %s CPU-s/1000 req, mix/plain %s\n' "$i" "$plain" "$mix" "$ratio"
  ratios+=("$ratio")
done
python3 - "${ratios[@]}" <<'PY'
import statistics, sys
r = sorted(float(x) for x in sys.argv[1:])
m = statistics.median(r)
print("   median mix/plain %.3f: the mix costs %+.1f %% per request (goal <= +25 %%)" % (m, (m - 1) * 100))
PY

if [[ "${SKIP_SHOP:-0}" == "1" ]]; then
  exit 0
fi
echo "B. scenarios/shop.yaml with a wrong check on create (expects 200, the insert answers 201)"
mkdir -p "$work/data" && cp scenarios/data/items.csv "$work/data/items.csv"
sed 's/          status: 201/          status: 200/' scenarios/shop.yaml >"$work/shop.yaml"
./apitune run -q --allow-limited -o "$work/b" "$work/shop.yaml" >"$work/b.log" 2>&1 || true
python3 - "$work/b/shop/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
weights = {"get-item": 70, "search": 20, "create": 10}
total = r["requests"]
for name, q in r["byRequest"].items():
    share = 100.0 * q["requests"] / total
    print("   %-9s weight %2d%%  share %6.2f%%  (diff %+.2f points)  check errors %d  checks %s"
          % (name, weights[name], share, share - weights[name], q["errors"]["check"], q.get("checks", {})))
print("   run: %d requests, %d check errors in total" % (total, r["errors"]["check"]))
PY
