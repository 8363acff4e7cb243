#!/usr/bin/env bash
# Installs what is missing from Debian's packages, then configures and builds apiconform.
# Usage: ci/setup.sh [BUILD_DIR] [extra cmake args...]   (run as root, or with sudo)
set -euo pipefail
cd "$(dirname "$0")/.."

# file: CPack needs it to find the binaries dpkg-shlibdeps reads (ci/package.sh, the package test).
# libyaml-dev: libyaml's parser reads the YAML files, into yaml-cpp's nodes (start-up parses the
# suite in a quarter of the instructions yaml-cpp's parser took: docs/benchmarks.md).
packages=(build-essential cmake pkg-config ccache file libcurl4-openssl-dev rapidjson-dev libyaml-cpp-dev libyaml-dev
          libvalijson-dev libgtest-dev libcli11-dev libcpp-httplib-dev)
[[ ${APICONFORM_TEST_DEPS:-0} == 1 ]] && packages+=(clang libclang-rt-14-dev wrk chromium python3 python3-yaml zsh fish json-schema-test-suite curl openssl)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [[ $(id -u) != 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build=${1:-build}; shift || true
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
