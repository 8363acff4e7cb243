#!/usr/bin/env bash
# Every test: set up, build, run the unit and end-to-end tests, then the same tests under
# AddressSanitizer + UndefinedBehaviorSanitizer, then each fuzz target for a bounded time.
# Test builds are unoptimised and without full debug info: they compile about twice as fast,
# and behaviour, not speed, is what they check (speed is measured in bench/).
set -euo pipefail
cd "$(dirname "$0")/.."
export APICONFORM_TEST_DEPS=1
jobs=$(nproc)
started=$SECONDS

echo "== build and test"
ci/setup.sh build-test -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O0 -DAPICONFORM_BENCH=OFF
ctest --test-dir build-test --output-on-failure -j"$jobs" --timeout 300
echo "   ($((SECONDS - started)) s so far)"

echo "== build and test under ASan + UBSan"
ci/setup.sh build-asan -DAPICONFORM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" \
  -DAPICONFORM_BENCH=OFF
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" --timeout 600 -LE no-sanitize
echo "   ($((SECONDS - started)) s so far)"

if [[ -f fuzz/CMakeLists.txt ]]; then
  echo "== fuzz (libFuzzer + ASan, bounded)"
  fuzz/run.sh "${APICONFORM_FUZZ_SECONDS:-60}"
fi
echo "all tests passed in $((SECONDS - started)) s"
