#!/bin/sh
# Real-world corpus: every file of ../shared/corpus/rsc/{export,multiwan,
# config,addrlist} loads with --ros auto (the version its header names, or
# the one its v6/v7-only properties show), and /export -> fresh load ->
# /export is byte-identical.
#
# A few files are not valid RouterOS input (template placeholders, prose,
# typos in argument names, scripts that need a router state a fresh router
# lacks).  tests/corpus/expected-errors.txt lists each of them with the
# exact error RouterOS reports (message, line, column) and why; the test
# fails if such a file loads or fails differently, and if any other file
# fails.
srcdir=${srcdir:-.}
bin=${ROSEMU:-./rosemu}
corpus=${ROSEMU_CORPUS:-$srcdir/../shared/corpus/rsc}
expect=$srcdir/tests/corpus/expected-errors.txt
if [ ! -d "$corpus" ]; then
	echo "SKIP: no corpus at $corpus (set ROSEMU_CORPUS)"; exit 77
fi
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
corpus=$(cd "$corpus" && pwd)
tmp=${TMPDIR:-/tmp}/corpus.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
pass=0 bad=0 rejected=0
for f in "$corpus"/export/*.rsc "$corpus"/multiwan/*.rsc \
    "$corpus"/config/*.rsc "$corpus"/addrlist/*.rsc; do
	b=$(basename "$f")
	want=$(grep -v '^#' "$expect" | awk -F '\t' -v b="$b" \
	    '$1 == b { print $2 }')
	why=
	if ! (cd "$tmp" && timeout 20 "$bin" --ros auto "$f" \
	    -c '/export file=e1' </dev/null) >/dev/null 2>"$tmp/err"; then
		got=$(sed "s|^$f: ||" "$tmp/err" | head -1)
		if [ -n "$want" ] && [ "$got" = "$want" ]; then
			rejected=$((rejected + 1))
			continue
		fi
		why="load: $got"
	elif [ -n "$want" ]; then
		why="loads, but RouterOS rejects it with: $want"
	elif ! (cd "$tmp" && timeout 20 "$bin" --ros auto e1.rsc \
	    -c '/export file=e2' </dev/null) >/dev/null 2>"$tmp/err"; then
		why="reload: $(head -c 160 "$tmp/err")"
	elif ! cmp -s "$tmp/e1.rsc" "$tmp/e2.rsc"; then
		why="round trip differs"
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL $b: $why"
		bad=$((bad + 1))
	fi
	rm -f "$tmp/e1.rsc" "$tmp/e2.rsc"
done
echo "corpus: $pass files load and round-trip; $rejected rejected as" \
    "RouterOS rejects them; $bad unexpected results"
[ "$bad" -eq 0 ]
