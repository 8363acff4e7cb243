#!/bin/sh
# Installs one pinned npm package into DIR with the machine's npm, for a ctest fixture (the official
# SDK for tests/sdk, an open-source gateway for tests/gateway). Usage: npm_install.sh DIR PACKAGE VERSION
# When npm is missing or its registry cannot be reached, it writes DIR/npm-unreachable (saying
# why) and succeeds, so the tests that need the package skip with that message; any other failure
# fails the fixture. Install scripts are not run: neither package needs one.
set -u
dir=$1
package=$2
version=$3
mkdir -p "$dir"
rm -f "$dir/npm-unreachable"
installed="$dir/node_modules/$package/package.json"
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
exec timeout 300 npm install --no-audit --no-fund --no-save --ignore-scripts --silent "$package@$version"
