#!/usr/bin/env bash
# The whole suite against a slow simulator (every reply's first byte after 1 s, stream events
# 50 ms apart) at --jobs 8, 32 and 64, each run's wall time beside the bound no scheduler can
# beat: max(the longest case, the total work / jobs). Figures in docs/benchmarks.md.
# Usage: bench/slow_suite.sh [APICONFORM_BINARY=build/apiconform] [JOBS...=8 32 64]
# Not a test: it takes about a minute and its figures depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/apiconform}
shift || true
jobs_list=("$@")
[[ ${#jobs_list[@]} -gt 0 ]] || jobs_list=(8 32 64)
port=$((20000 + RANDOM % 20000))
"$bin" serve --port "$port" --first-byte-ms 1000 --pace-ms 50 >/dev/null &
server=$!
out=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
export BENCH_KEY=sim-test-key

printf '%-6s %8s %8s %10s %10s %8s %6s\n' jobs wall_s bound_s longest_s work_s cases ratio
for jobs in "${jobs_list[@]}"; do
  start=$EPOCHREALTIME
  # --base-url: the served simulator is an endpoint like any other (its simulated_only cases,
  # which steer the in-process simulator, are skipped); no preflight, so only the suite is timed.
  "$bin" run --base-url "http://127.0.0.1:$port" --key-env BENCH_KEY --jobs "$jobs" --no-preflight \
    --out "$out/run-$jobs" --no-progress >/dev/null || true
  end=$EPOCHREALTIME
  python3 - "$out/run-$jobs/results.json" "$jobs" "$start" "$end" <<'PY'
import json, sys
path, jobs, start, end = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
results = json.load(open(path))["results"]
def duration_s(r):
    steps = r["exchange"].get("steps") or []
    ms = sum(s.get("total_ms", 0) for s in steps) if steps else r.get("timings", {}).get("total_ms", 0)
    return ms / 1000.0
sent = [duration_s(r) for r in results if r["verdict"] not in ("skip", "unsupported", "not_run")]
work, longest = sum(sent), max(sent)
bound = max(longest, work / jobs)
wall = end - start
print("%-6d %8.2f %8.2f %10.2f %10.1f %8d %6.2f" % (jobs, wall, bound, longest, work, len(sent), wall / bound))
PY
done
