#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), kept here so they can be run and tested locally
# (tests/install/action_test.py). Inputs arrive as environment variables (INPUT_*), the key as
# APICONFORM_KEY: it is never put on a command line.
#   ci/action-run.sh install   apiconform on PATH already, or the .deb from INPUT_DEB, or built
#   ci/action-run.sh run       the run, the Markdown report in $GITHUB_STEP_SUMMARY, step outputs
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
SUDO=""; [[ $(id -u) != 0 ]] && SUDO=sudo

install() {
  if command -v apiconform >/dev/null; then
    echo "apiconform is installed: $(command -v apiconform)"
    apiconform --version
    return
  fi
  local deb=${INPUT_DEB:-}
  if [[ -z $deb ]]; then
    echo "building the .deb from $here (ci/package.sh)"
    deb=$("$here/ci/package.sh" "${RUNNER_TEMP:-/tmp}/apiconform-build" | grep '\.deb$')
  elif [[ $deb == http://* || $deb == https://* ]]; then
    local url=$deb
    deb="${RUNNER_TEMP:-/tmp}/$(basename "$url")"
    curl -fsSL --retry 3 -o "$deb" "$url"
  fi
  [[ $deb == /* || $deb == ./* ]] || deb="./$deb"  # apt-get installs a file only given as a path
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$deb" >/dev/null
  apiconform --version
}

# GitHub refuses a step summary above 1 MiB: a longer report is cut with a pointer to the artifact.
summary() {
  local report=$1 limit=$((1024 * 1024 - 512))
  [[ -n ${GITHUB_STEP_SUMMARY:-} && -f $report ]] || return 0
  if (($(wc -c < "$report") > limit)); then
    head -c "$limit" "$report" >> "$GITHUB_STEP_SUMMARY"
    printf '\n\n… cut here: the whole report is in the uploaded artifact.\n' >> "$GITHUB_STEP_SUMMARY"
  else
    cat "$report" >> "$GITHUB_STEP_SUMMARY"
  fi
}

run() {
  local out=${INPUT_OUT:-reports/apiconform} formats=${INPUT_FORMATS:-html,md,junit}
  [[ ,$formats, == *,md,* || ,$formats, == *,markdown,* ]] || formats="$formats,md"
  local args=(run --out "$out" --format "$formats" --no-progress)
  local provider
  IFS=',' read -ra providers <<< "${INPUT_PROVIDER:-}"
  for provider in "${providers[@]}"; do
    provider=$(echo "$provider" | xargs)
    [[ -n $provider ]] && args+=(--provider "$provider")
  done
  if [[ -n ${INPUT_BASE_URL:-} ]]; then
    args+=(--base-url "$INPUT_BASE_URL")
    if [[ -n ${APICONFORM_KEY:-} ]]; then
      args+=(--key-env APICONFORM_KEY --auth "${INPUT_AUTH:-x-api-key}")
    else
      [[ ${INPUT_AUTH:-} == none ]] || echo "::warning::no key given: the endpoint is called without one (auth: none)"
      args+=(--auth none)
    fi
  fi
  if [[ -n ${INPUT_BASELINE:-} ]]; then
    if [[ -f $INPUT_BASELINE ]]; then
      args+=(--baseline "$INPUT_BASELINE")
    else
      echo "::notice::no baseline at $INPUT_BASELINE yet: this run is judged on its own"
    fi
  fi
  local extra=()
  [[ -n ${INPUT_ARGS:-} ]] && read -ra extra <<< "$INPUT_ARGS"
  local rc=0
  apiconform "${args[@]}" "${extra[@]}" || rc=$?
  summary "$out/report.md"
  if [[ -n ${GITHUB_OUTPUT:-} ]]; then
    { echo "results=$out/results.json"; echo "exit-code=$rc"; } >> "$GITHUB_OUTPUT"
  fi
  return "$rc"
}

case ${1:-} in
  install) install ;;
  run) run ;;
  *) echo "usage: $0 install|run" >&2; exit 2 ;;
esac
