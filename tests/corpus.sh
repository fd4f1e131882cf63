#!/bin/sh
# Real-world corpus: every file of ../shared/corpus/rsc/{export,multiwan,
# config,addrlist} loads in the RouterOS version its header names (7 when
# none), and /export -> fresh load -> /export is byte-identical.  Files
# listed in tests/corpus/known-failures.txt (with the reason) are expected
# to fail; the test fails when any other file fails, and also when a
# listed file starts to pass (so the list is kept honest).
srcdir=${srcdir:-.}
bin=${ROSEMU:-./rosemu}
corpus=${ROSEMU_CORPUS:-$srcdir/../shared/corpus/rsc}
known=$srcdir/tests/corpus/known-failures.txt
if [ ! -d "$corpus" ]; then
	echo "SKIP: no corpus at $corpus (set ROSEMU_CORPUS)"; exit 77
fi
tmp=${TMPDIR:-/tmp}/corpus.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
pass=0 bad=0
for f in "$corpus"/export/*.rsc "$corpus"/multiwan/*.rsc \
    "$corpus"/config/*.rsc "$corpus"/addrlist/*.rsc; do
	b=$(basename "$f")
	v=$(head -c 4096 "$f" | grep -o 'by RouterOS [67]' | head -1 | tail -c 2)
	v=${v:-7}
	why=
	if ! timeout 20 "$bin" --ros "$v" "$f" -c /export >"$tmp/e1" 2>"$tmp/err"; then
		why="load: $(head -c 160 "$tmp/err")"
	elif ! timeout 20 "$bin" --ros "$v" "$tmp/e1" -c /export >"$tmp/e2" 2>"$tmp/err"; then
		why="reload: $(head -c 160 "$tmp/err")"
	elif ! cmp -s "$tmp/e1" "$tmp/e2"; then
		why="round trip differs"
	fi
	listed=no
	grep -qxF "$b" "$known" 2>/dev/null && listed=yes
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		if [ $listed = yes ]; then
			echo "FAIL $b passes now: remove it from known-failures.txt"
			bad=$((bad + 1))
		fi
	elif [ $listed = no ]; then
		echo "FAIL $b: $why"
		bad=$((bad + 1))
	else
		echo "known $b: $why"
	fi
done
echo "corpus: $pass files load and round-trip; $bad unexpected results"
[ "$bad" -eq 0 ]
