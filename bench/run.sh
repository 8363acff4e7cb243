#!/usr/bin/env bash
# Measures apiconform against wrk and against libcurl alone (bench/curl_floor.cpp) on the same simulator
# in the same run (docs/benchmarks.md).
# Usage: bench/run.sh [REQUESTS=1000] [BIG=10000]   (BIG: the run whose peak memory is reported)
# BENCH_TRACE=FILE appends every single measurement ("wall_s cpu_s maxrss_kb"), not only the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-1000}
big=${2:-10000}
for tool in wrk /usr/bin/time; do
  command -v "$tool" >/dev/null || { apt-get install -y -qq wrk time >/dev/null; break; }
done
ci/setup.sh build-bench -DCMAKE_BUILD_TYPE=Release -DAPICONFORM_TESTS=OFF -DAPICONFORM_BENCH=ON >/dev/null
bin=build-bench/apiconform
port=$((20000 + RANDOM % 20000))
$bin serve --port "$port" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 0.5
export BENCH_KEY=sim-test-key
out=$(mktemp -d)

# $@ = a command; three runs, prints the one with the median wall time: "wall_s cpu_s maxrss_kb".
# One run of a fraction of a second swings by a third on a shared machine; the median does not.
# Wall time from bash's microsecond clock: /usr/bin/time rounds to 10 ms, a sixth of a start-up.
median_of_three() {
  for _ in 1 2 3; do
    local start=$EPOCHREALTIME
    /usr/bin/time -f "%U %S %M" -o "$out/time" "$@" >/dev/null || true
    local end=$EPOCHREALTIME
    awk -v s="$start" -v e="$end" '{ printf "%.4f %.3f %s\n", e - s, $1 + $2, $3 }' "$out/time"
  done | sort -n | tee -a "${BENCH_TRACE:-/dev/null}" | sed -n 2p
}
run_harness() {
  median_of_three $bin run --base-url "http://127.0.0.1:$port" --key-env BENCH_KEY --cases bench/cases \
    --repeat "$1" --jobs 8 --out "$out/run" --no-progress
}
run_floor() { median_of_three build-bench/bench/curl_floor "http://127.0.0.1:$port/v1/messages" "$1" 8; }
rate() { awk -v n="$1" -v w="$2" 'BEGIN { printf "%.0f", n / w }'; }
# The rate once started: the requests a bigger run sends beyond a smaller one, over the extra
# wall time they take. No start-up is in it, and it is not a difference with a run of one request
# (a 60 ms start-up measured apart swung such a figure by ±25 % from run to run).
steady() { awk -v a="$1" -v b="$2" -v wa="$3" -v wb="$4" 'BEGIN { printf "%.0f", (b - a) / (wb - wa) }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; }

echo "== apiconform: 1 request (start-up), $requests and $big requests; --jobs 8, every reply schema-validated"
read -r wall1 cpu1 _ < <(run_harness 1)
read -r wall cpu _ < <(run_harness "$requests")
read -r wall2 cpu2 rss2 < <(run_harness "$big")
rate=$(rate "$requests" "$wall")
sustained=$(steady "$requests" "$big" "$wall" "$wall2")
cpu_ms=$(awk -v a="$requests" -v b="$big" -v ca="$cpu" -v cb="$cpu2" 'BEGIN { printf "%.3f", (cb - ca) * 1000 / (b - a) }')
echo "start-up ${wall1}s; ${requests} requests ${wall}s (${rate}/s end to end); ${big} requests ${wall2}s"
echo "once started ${sustained}/s; harness CPU ${cpu_ms} ms per request (server in another process)"

echo "== libcurl alone (bench/curl_floor.cpp): the same request, 8 reused handles, nothing judged or written"
read -r fwall1 _ _ < <(run_floor 1)
read -r fwall _ _ < <(run_floor "$requests")
read -r fwall2 _ _ < <(run_floor "$big")
frate=$(rate "$requests" "$fwall")
fsustained=$(steady "$requests" "$big" "$fwall" "$fwall2")
echo "start-up ${fwall1}s; ${requests} requests ${fwall}s (${frate}/s end to end); once started ${fsustained}/s"

echo "== wrk: the same request, 8 connections, 10 s"
wrk_rate=$(wrk -t2 -c8 -d10s -s bench/wrk-message.lua "http://127.0.0.1:$port/v1/messages" | awk '/Requests\/sec/ { print $2 }')
echo "wrk ${wrk_rate}/s"
ratio=$(pct "$rate" "$wrk_rate")
ratio_sustained=$(pct "$sustained" "$wrk_rate")
echo "apiconform / wrk = ${ratio}% end to end ($requests requests), ${ratio_sustained}% once started"
echo "libcurl alone / wrk = $(pct "$frate" "$wrk_rate")% end to end, $(pct "$fsustained" "$wrk_rate")% once started"
echo "apiconform / libcurl alone = $(pct "$rate" "$frate")% end to end, $(pct "$sustained" "$fsustained")% once started"

echo "== peak memory for $big cases: $((rss2 / 1024)) MB ($(rate "$big" "$wall2")/s end to end)"
printf '\nsummary: rate=%s sustained=%s wrk=%s ratio=%s%% ratio_sustained=%s%% startup_s=%s cpu_ms_per_request=%s curl_rate=%s curl_sustained=%s curl_startup_s=%s rate_%s=%s peak_rss_mb_%s=%s\n' \
  "$rate" "$sustained" "$wrk_rate" "$ratio" "$ratio_sustained" "$wall1" "$cpu_ms" "$frate" "$fsustained" "$fwall1" \
  "$big" "$(rate "$big" "$wall2")" "$big" "$((rss2 / 1024))"
rm -rf "$out"
