#!/usr/bin/env bash
# The main job: set up, build, run the whole suite against the embedded simulators of the
# reference API and of every provider in ci/demo-providers, and write the reports.
# Usage: ci/demo.sh [OUT_DIR=reports/demo]
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup.sh build -DAPICONFORM_TESTS=OFF -DAPICONFORM_BENCH=OFF
out=${1:-reports/demo}
mapfile -t providers < <(grep -vE '^\s*(#|$)' ci/demo-providers)
args=()
for p in "${providers[@]}"; do args+=(--provider "$p"); done
set +e
build/apiconform run --simulate "${args[@]}" --out "$out" --format html,md,junit
code=$?
set -e
echo "reports written to $out/: report.html, report.md, junit.xml, results.json"
# 1 = conformance findings, which is what a demo of deviating providers shows; anything else is a failure.
[[ $code == 0 || $code == 1 ]]
