#!/usr/bin/env bash
# Builds the Debian package: a Release build installed under /usr, packaged by CPack with its
# dependencies computed by dpkg-shlibdeps (cmake/package.cmake).
# Usage: ci/package.sh [BUILD_DIR]   -> BUILD_DIR/package/apiconform_<version>_amd64.deb
# Install it with: sudo apt-get install ./BUILD_DIR/package/apiconform_<version>_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-package}
ci/setup.sh "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DAPICONFORM_TESTS=OFF
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/package/apiconform_*_amd64.deb)
echo "$deb"
dpkg-deb -f "$deb" Package Version Depends
