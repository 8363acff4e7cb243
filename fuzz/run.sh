#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan, every library instrumented) in build-fuzz/ and
# runs each for SECONDS (default 60) from the committed seeds. Usage: fuzz/run.sh [SECONDS]
# Crashes are written to build-fuzz/crashes/; the grown corpus stays in build-fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
# The targets are those fuzz/CMakeLists.txt declares: the list lives there only.
mapfile -t targets < <(sed -nE 's/^ac_fuzz_target\(([a-z_]+)_fuzz .*/\1/p' fuzz/CMakeLists.txt)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DAPICONFORM_FUZZ=ON -DAPICONFORM_TESTS=OFF -DAPICONFORM_UNITY=OFF \
  -DAPICONFORM_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/%/_fuzz}"

mkdir -p build-fuzz/crashes build-fuzz/logs
rm -f build-fuzz/logs/*.rc
# One libFuzzer process is one thread: the targets run side by side, as many at once as there are
# cores, each for its full time. Each one's output goes to its log; the summary line, or the end of
# the log on a failure, is printed when all are done.
fuzz_one() {
  local t="$1" rc=0
  mkdir -p "build-fuzz/corpus/${t}"
  ASAN_OPTIONS=detect_leaks=1 "build-fuzz/fuzz/${t}_fuzz" -max_total_time="${seconds}" -max_len=65536 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/${t}-" \
    "build-fuzz/corpus/${t}" "fuzz/seeds/${t}" >"build-fuzz/logs/${t}.log" 2>&1 || rc=$?
  echo "${rc}" >"build-fuzz/logs/${t}.rc"
}
echo "== fuzz ${targets[*]}: ${seconds}s each, $(nproc) at a time (logs in build-fuzz/logs/)"
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= $(nproc))); do wait -n || true; done
  fuzz_one "${t}" &
done
wait

status=0
for t in "${targets[@]}"; do
  if [[ "$(cat "build-fuzz/logs/${t}.rc")" == 0 ]]; then
    echo "   ${t}: $(grep -m1 -E '^Done [0-9]+ runs' "build-fuzz/logs/${t}.log")"
  else
    # The report's head (what failed, the first frames), then where the input was written.
    awk '/ERROR: /{on=1} on&&n<40{print; n++}' "build-fuzz/logs/${t}.log" >&2
    grep -E '^SUMMARY|Test unit written|^artifact_prefix' "build-fuzz/logs/${t}.log" >&2 || tail -n 20 "build-fuzz/logs/${t}.log" >&2
    echo "fuzz target ${t} FAILED: reproduce with build-fuzz/fuzz/${t}_fuzz build-fuzz/crashes/${t}-*" >&2
    status=1
  fi
done
exit "${status}"
