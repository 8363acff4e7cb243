#!/usr/bin/env bash
# Every test: set up, build once with AddressSanitizer + UndefinedBehaviorSanitizer, run every
# unit, end-to-end, SDK, gateway, browser and install test on that build, then each fuzz target for
# a bounded time.
# One sanitized build instead of a plain one and a sanitized one: the sanitized run checks strictly
# more, and the second build and second pass over the tests took about a third of CI's 20 minutes
# on 2 cores. Test builds are unoptimised (-O0 -g1): they compile about twice as fast, and behaviour,
# not speed, is what they check (speed is measured in bench/).
set -euo pipefail
cd "$(dirname "$0")/.."
export APICONFORM_TEST_DEPS=1
jobs=$(nproc)
started=$SECONDS

echo "== build and test under ASan + UBSan"
ci/setup.sh build-test -DAPICONFORM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" \
  -DAPICONFORM_BENCH=OFF
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-test --output-on-failure -j"$jobs" --timeout 600
echo "   ($((SECONDS - started)) s so far)"

if [[ -f fuzz/CMakeLists.txt ]]; then
  echo "== fuzz (libFuzzer + ASan, bounded)"
  fuzz/run.sh "${APICONFORM_FUZZ_SECONDS:-45}"
fi
echo "all tests passed in $((SECONDS - started)) s"
