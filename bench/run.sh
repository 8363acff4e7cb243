#!/usr/bin/env bash
# Measures apiconform against wrk on the same simulator in the same run (docs/benchmarks.md).
# Usage: bench/run.sh [REQUESTS=1000] [MEMORY_CASES=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-1000}
memory_cases=${2:-10000}
for tool in wrk /usr/bin/time; do
  command -v "$tool" >/dev/null || { apt-get install -y -qq wrk time >/dev/null; break; }
done
ci/setup.sh build-bench -DCMAKE_BUILD_TYPE=Release -DAPICONFORM_TESTS=OFF >/dev/null
bin=build-bench/apiconform
port=$((20000 + RANDOM % 20000))
$bin serve --port "$port" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 0.5
export BENCH_KEY=sim-test-key
out=$(mktemp -d)

run_harness() {  # $1 = repeats; prints "wall_s user_s sys_s maxrss_kb"
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" \
    $bin run --base-url "http://127.0.0.1:$port" --key-env BENCH_KEY --cases bench/cases \
      --repeat "$1" --jobs 8 --out "$out/run" --no-progress >/dev/null || true
  cat "$out/time"
}

echo "== apiconform: $requests requests, --jobs 8, every reply schema-validated"
read -r wall user sys rss < <(run_harness "$requests")
rate=$(awk -v n="$requests" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
cpu_ms=$(awk -v n="$requests" -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", (u + s) * 1000 / n }')
echo "wall ${wall}s  rate ${rate}/s  harness CPU ${cpu_ms} ms/case (server in another process)"

echo "== wrk: the same request, 8 connections, 10 s"
wrk_rate=$(wrk -t2 -c8 -d10s -s bench/wrk-message.lua "http://127.0.0.1:$port/v1/messages" | awk '/Requests\/sec/ { print $2 }')
echo "wrk ${wrk_rate}/s"
ratio=$(awk -v a="$rate" -v b="$wrk_rate" 'BEGIN { printf "%.0f", 100 * a / b }')
echo "apiconform / wrk = ${ratio}%"

echo "== peak memory for $memory_cases cases"
read -r wall2 user2 sys2 rss2 < <(run_harness "$memory_cases")
echo "wall ${wall2}s  peak RSS $((rss2 / 1024)) MB"
printf '\nsummary: rate=%s wrk=%s ratio=%s%% cpu_ms_per_case=%s peak_rss_mb_%s=%s\n' \
  "$rate" "$wrk_rate" "$ratio" "$cpu_ms" "$memory_cases" "$((rss2 / 1024))"
rm -rf "$out"
