#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan, every library instrumented) in build-fuzz/ and
# runs each for SECONDS (default 60) from the committed seeds. Usage: fuzz/run.sh [SECONDS]
# Crashes are written to build-fuzz/crashes/; the grown corpus stays in build-fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
# The targets are those fuzz/CMakeLists.txt declares: the list lives there only.
mapfile -t targets < <(sed -nE 's/^ac_fuzz_target\(([a-z_]+)_fuzz .*/\1/p' fuzz/CMakeLists.txt)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DAPICONFORM_FUZZ=ON -DAPICONFORM_TESTS=OFF \
  -DAPICONFORM_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer" >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/%/_fuzz}"

mkdir -p build-fuzz/crashes
status=0
for t in "${targets[@]}"; do
  echo "== fuzz ${t} for ${seconds}s"
  mkdir -p "build-fuzz/corpus/${t}"
  if ! ASAN_OPTIONS=detect_leaks=1 "build-fuzz/fuzz/${t}_fuzz" -max_total_time="${seconds}" -max_len=65536 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/${t}-" \
      "build-fuzz/corpus/${t}" "fuzz/seeds/${t}"; then
    echo "fuzz target ${t} FAILED: reproduce with build-fuzz/fuzz/${t}_fuzz build-fuzz/crashes/${t}-*" >&2
    status=1
  fi
done
exit "${status}"
