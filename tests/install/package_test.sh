#!/bin/sh
# The .deb CPack built (ctest fixture package_deb_setup, which also unpacks it into
# PACKAGE_DIR/root with dpkg-deb -x) is named as Debian expects, depends on runtime libraries only,
# and works from that clean folder (installed_test.sh).
#   package_test.sh PACKAGE_DIR VERSION SOURCE_BINARY SOURCE_DIR
set -eu
dir=$1 version=$2
deb="$dir/apiconform_${version}_amd64.deb"
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "$deb" ] || fail "no $deb (found: $(ls "$dir"))"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libcurl4 libyaml-cpp0.7 libyaml-0-2 libstdc++6 libc6; do
  echo "$depends" | grep -q "\\b$lib\\b" || fail "Depends lacks $lib"
done
if echo "$depends" | grep -qE -- '-dev\b|cmake|g\+\+|gcc \(|build-essential'; then fail "Depends names build-time packages"; fi
[ "$(dpkg-deb -f "$deb" Package)" = apiconform ] || fail "wrong Package field"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "wrong Version field"

contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/apiconform ./usr/share/apiconform/cases/VERSION ./usr/share/man/man1/apiconform.1 \
         ./usr/share/bash-completion/completions/apiconform ./usr/share/zsh/vendor-completions/_apiconform \
         ./usr/share/fish/vendor_completions.d/apiconform.fish ./usr/share/doc/apiconform/README.md; do
  echo "$contents" | grep -q " $f\$" || fail "the package lacks $f"
done

root="$dir/root"
[ -x "$root/usr/bin/apiconform" ] || fail "the package was not unpacked into $root"
sh "$(dirname "$0")/installed_test.sh" "$root/usr" "$3" "$4"
