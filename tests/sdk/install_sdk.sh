#!/bin/sh
# Installs the pinned official Anthropic TypeScript SDK for tests/sdk (a ctest fixture) with the
# machine's npm. Usage: install_sdk.sh DIR VERSION
# When npm is missing or its registry cannot be reached, it writes DIR/npm-unreachable (saying
# why) and succeeds, so the SDK test skips with that message; any other failure fails the fixture.
set -u
dir=$1
version=$2
mkdir -p "$dir"
rm -f "$dir/npm-unreachable"
installed="$dir/node_modules/@anthropic-ai/sdk/package.json"
if [ -f "$installed" ] && grep -q "\"version\": \"$version\"" "$installed"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "npm or node is not installed" > "$dir/npm-unreachable"
  exit 0
fi
if ! timeout 60 npm ping >/dev/null 2>&1; then
  echo "the npm registry is unreachable (npm ping failed)" > "$dir/npm-unreachable"
  exit 0
fi
cd "$dir" || exit 1
exec timeout 300 npm install --no-audit --no-fund --no-save --silent "@anthropic-ai/sdk@$version"
