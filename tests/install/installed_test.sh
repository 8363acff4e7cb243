#!/bin/sh
# An installed apiconform works on its own (docs/install.md): run by ctest against a
# `cmake --install` prefix and against the unpacked .deb.
#   installed_test.sh PREFIX SOURCE_BINARY SOURCE_DIR
# PREFIX holds bin/apiconform and share/; SOURCE_BINARY is the build tree's binary, whose suite
# (read from SOURCE_DIR) the installed one must equal. Everything runs from a temporary folder
# outside the source tree, with the source-tree fallback turned off, so only PREFIX can serve.
set -eu
prefix=$(cd "$1" && pwd)
source_bin=$2
source_dir=$(cd "$3" && pwd)
bin="$prefix/bin/apiconform"
data="$prefix/share/apiconform"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export APICONFORM_NO_SOURCE_TREE=1 NO_COLOR=1
unset APICONFORM_DATA_DIR || true

fail() { echo "FAIL: $*" >&2; exit 1; }

[ -x "$bin" ] || fail "no executable $bin"
for f in cases/VERSION schemas/anthropic/stream-grammar.yaml schemas/anthropic/message.json providers/anthropic.yaml; do
  [ -f "$data/$f" ] || fail "$data/$f is not installed"
done
[ -f "$prefix/share/doc/apiconform/README.md" ] && [ -f "$prefix/share/doc/apiconform/docs/install.md" ] ||
  fail "the docs are not installed in share/doc/apiconform/"
[ ! -e "$data/cases/coverage.py" ] && [ ! -e "$data/schemas/spec" ] || fail "build-time tools were installed"

# The man page and the completions are installed where man, bash-completion, zsh and fish look.
grep -q '^\.SS \\fBapiconform run\\fR' "$prefix/share/man/man1/apiconform.1" || fail "no man page with the run command"
[ "$(bash -c ". '$prefix/share/bash-completion/completions/apiconform'; complete -p apiconform")" = \
  "complete -F _apiconform apiconform" ] || fail "the bash completion does not load"
head -n1 "$prefix/share/zsh/vendor-completions/_apiconform" | grep -qx '#compdef apiconform' || fail "no zsh completion"
grep -q '^complete -c apiconform ' "$prefix/share/fish/vendor_completions.d/apiconform.fish" || fail "no fish completion"

# --version names the installed data folder and the same suite as the source tree.
"$bin" --version > version.txt
cat version.txt
grep -qx "data:  $data (beside the binary)" version.txt || fail "--version does not name $data"
suite=$(grep '^suite: ' version.txt)
[ "$suite" = "suite: $(head -n1 "$data/cases/VERSION") $(echo "$suite" | sed 's/^suite: [^ ]* //')" ] ||
  fail "--version does not show cases/VERSION"
expected=$(APICONFORM_DATA_DIR="$source_dir" "$source_bin" --version | grep '^suite: ')
[ "$suite" = "$expected" ] || fail "installed suite '$suite' differs from the source tree's '$expected'"

# lint and run from the installed data only.
"$bin" lint > lint.txt || { cat lint.txt; fail "lint of the installed suite failed"; }
grep -q '^ok: [0-9]* cases' lint.txt || fail "lint did not report the cases"
"$bin" run --out out --format md,junit --no-progress > run.txt 2>&1 || { cat run.txt; fail "run failed"; }
[ -f out/results.json ] && [ -f out/report.md ] && [ -f out/junit.xml ] || fail "run wrote no reports"
# The prefix itself may sit inside the source tree (ctest installs under the build folder): a path
# into the installed data is fine, any other path into the source tree is not.
leaked=$(grep -rhoa "$source_dir[^\"' <>]*" out | grep -v "^$prefix" || true)
[ -z "$leaked" ] || fail "the outputs mention the source tree: $(echo "$leaked" | head -n3)"

# A user's own cases join the shipped suite (--add-cases) without copying it.
sed 's/id: models\./id: mine./' "$data/cases/anthropic/models.yaml" > mine.yaml
shipped=$(sed -n 's/^ok: \([0-9]*\) cases.*/\1/p' lint.txt)
"$bin" lint --add-cases mine.yaml > lint2.txt || { cat lint2.txt; fail "lint --add-cases failed"; }
added=$(sed -n 's/^ok: \([0-9]*\) cases.*/\1/p' lint2.txt)
[ "$added" -gt "$shipped" ] || fail "--add-cases did not add to the $shipped shipped cases ($added)"
"$bin" run --add-cases mine.yaml --case 'mine.*' --out mine --no-progress > mine.txt 2>&1 ||
  { cat mine.txt; fail "run --add-cases failed"; }
grep -q '"case": *"mine\.list"' mine/results.json ||
  fail "the added cases were not run"
# results.json records the suite; a run with other cases is flagged by diff, not silently compared.
version=$(head -n1 "$data/cases/VERSION")
hash=$(echo "$suite" | sed 's/.*(content \([0-9a-f]*\))$/\1/')
grep -q "\"suite\":{\"version\":\"$version\",\"hash\":\"$hash\"}" out/results.json ||
  fail "results.json does not record suite $version ($hash)"
"$bin" diff out/results.json mine/results.json > diff.txt || true
grep -q "^note: baseline taken with suite $version (content $hash), this run uses suite $version (content [0-9a-f]*): differences may come from the suite$" diff.txt ||
  { cat diff.txt; fail "diff does not flag the other suite"; }

# init writes a profile into ./providers/ from the installed `anthropic` template; lint reads it.
"$bin" init mine --base-url https://gw.example --key-env MINE_KEY > init.txt || { cat init.txt; fail "init failed"; }
"$bin" lint --provider providers/mine.yaml > lint3.txt || { cat lint3.txt; fail "lint of the new profile failed"; }
echo "ok: $bin works from $prefix alone"
