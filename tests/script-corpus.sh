#!/bin/sh
# Script corpus: every file of ../shared/corpus/rsc/script parses and binds
# in check mode (rosemu --check --ros auto FILE: nothing runs, nothing is
# applied; the RouterOS version comes from the file's header or its
# v6/v7-only properties).
#
# A file RouterOS itself rejects (broken syntax, pasted console output) is
# listed in tests/corpus/script-expected-errors.txt with the exact error
# and why; the test fails if such a file passes or fails differently, and
# if any other file fails.
srcdir=${srcdir:-.}
bin=${ROSEMU:-./rosemu}
corpus=${ROSEMU_CORPUS:-$srcdir/../shared/corpus/rsc}
expect=$srcdir/tests/corpus/script-expected-errors.txt
if [ ! -d "$corpus/script" ]; then
	echo "SKIP: no script corpus at $corpus/script (set ROSEMU_CORPUS)"
	exit 77
fi
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
corpus=$(cd "$corpus" && pwd)
tmp=${TMPDIR:-/tmp}/scorpus.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
pass=0 bad=0 rejected=0
for f in "$corpus"/script/*.rsc; do
	b=$(basename "$f")
	want=$(grep -v '^#' "$expect" | awk -F '\t' -v b="$b" \
	    '$1 == b { print $2 }')
	if (cd "$tmp" && timeout 20 "$bin" --check --ros auto "$f" \
	    </dev/null) >"$tmp/out" 2>"$tmp/err" && ! [ -s "$tmp/err" ]; then
		if [ -n "$want" ]; then
			echo "FAIL $b: passes, but RouterOS rejects it with: $want"
			bad=$((bad + 1))
		else
			pass=$((pass + 1))
		fi
		continue
	fi
	got=$(sed "s|^$f: ||" "$tmp/err" | head -1)
	if [ -n "$want" ] && [ "$got" = "$want" ]; then
		rejected=$((rejected + 1))
		continue
	fi
	echo "FAIL $b: $got"
	bad=$((bad + 1))
done
echo "script corpus: $pass files parse and bind; $rejected rejected as" \
    "RouterOS rejects them; $bad unexpected results"
[ "$bad" -eq 0 ]
