#!/usr/bin/env bash
# The latency `apiconform proxy` adds: the same requests sent by curl straight to the simulator and
# through the proxy in front of it (every exchange judged and appended to results.json, as in use),
# first byte and total, median and 90th percentile over N requests per kind, on one kept-alive
# connection each. Figures in docs/benchmarks.md ("Proxy latency").
# Usage: bench/proxy_latency.sh [APICONFORM_BINARY=build/apiconform] [N=200] [SERVE_ARGS...]
#   e.g. bench/proxy_latency.sh build/apiconform 200 --first-byte-ms 300 --pace-ms 20   (a slow model)
# Not a test: its figures depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/apiconform}
n=${2:-200}
shift 2 || shift $#
sim_port=$((20000 + RANDOM % 20000))
proxy_port=$((sim_port + 1))
out=$(mktemp -d)
"$bin" serve --port "$sim_port" "$@" >/dev/null &
server=$!
"$bin" proxy --listen "127.0.0.1:$proxy_port" --target "http://127.0.0.1:$sim_port" --out "$out/proxy" \
  --no-progress >"$out/proxy.log" 2>&1 &
proxy=$!
trap 'kill $server $proxy 2>/dev/null; rm -rf "$out"' EXIT
for port in "$sim_port" "$proxy_port"; do
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
done

json='{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"one two three four five six seven eight"}]}'
stream='{"model":"claude-sonnet-4-5","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"one two three four five six seven eight"}]}'

# N requests of one kind on one connection (curl reuses it for every URL): "first_byte_s total_s" per line.
measure() {
  local base=$1 body=$2 urls=()
  for _ in $(seq "$n"); do urls+=(-o /dev/null "$base/v1/messages"); done
  curl -sS -N -w '%{time_starttransfer} %{time_total}\n' -H 'x-api-key: sim-test-key' \
    -H 'anthropic-version: 2023-06-01' -H 'content-type: application/json' --data-binary "$body" "${urls[@]}"
}

printf '%-7s %-6s %10s %10s %10s %10s\n' kind via 'fb_p50_ms' 'fb_p90_ms' 'tot_p50_ms' 'tot_p90_ms'
for kind in json stream; do
  body=$json
  [[ $kind == stream ]] && body=$stream
  measure "http://127.0.0.1:$sim_port" "$body" >"$out/$kind-direct"
  measure "http://127.0.0.1:$proxy_port" "$body" >"$out/$kind-proxy"
  python3 - "$kind" "$out/$kind-direct" "$out/$kind-proxy" <<'PY'
import sys
kind, direct_path, proxy_path = sys.argv[1:4]
def read(path):
    rows = [tuple(float(x) * 1000 for x in line.split()) for line in open(path) if line.strip()]
    return [r[0] for r in rows], [r[1] for r in rows]
def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]
d_fb, d_tot = read(direct_path)
p_fb, p_tot = read(proxy_path)
for via, fb, tot in (("direct", d_fb, d_tot), ("proxy", p_fb, p_tot)):
    print("%-7s %-6s %10.2f %10.2f %10.2f %10.2f" % (kind, via, pct(fb, 50), pct(fb, 90), pct(tot, 50), pct(tot, 90)))
print("%-7s %-6s %+10.2f %+10.2f %+10.2f %+10.2f   ratio proxy/direct p50: first byte %.2f, total %.2f" % (
    kind, "added", pct(p_fb, 50) - pct(d_fb, 50), pct(p_fb, 90) - pct(d_fb, 90), pct(p_tot, 50) - pct(d_tot, 50),
    pct(p_tot, 90) - pct(d_tot, 90), pct(p_fb, 50) / pct(d_fb, 50), pct(p_tot, 50) / pct(d_tot, 50)))
PY
done
kill -TERM "$proxy"
wait "$proxy" 2>/dev/null || true
python3 -c "import json,sys; f=json.load(open(sys.argv[1])); print('judged through the proxy:', f['summary'])" "$out/proxy/results.json"
