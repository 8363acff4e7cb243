#!/usr/bin/env bash
# Every test: set up, build, run the unit and end-to-end tests, then the same tests under
# AddressSanitizer + UndefinedBehaviorSanitizer, then each fuzz target for a bounded time.
set -euo pipefail
cd "$(dirname "$0")/.."
export APICONFORM_TEST_DEPS=1
jobs=$(nproc)

echo "== build and test (RelWithDebInfo)"
ci/setup.sh build
ctest --test-dir build --output-on-failure -j"$jobs" --timeout 300

echo "== build and test (ASan + UBSan)"
ci/setup.sh build-asan -DAPICONFORM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 600 -LE no-sanitize

if [[ -f fuzz/CMakeLists.txt ]]; then
  echo "== fuzz (libFuzzer + ASan, bounded)"
  fuzz/run.sh "${APICONFORM_FUZZ_SECONDS:-60}"
fi
echo "all tests passed"
