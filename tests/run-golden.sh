#!/bin/sh
# Golden end-to-end tests: every tests/golden/<area>/<name>.rsc runs through
# rosemu; stdout must equal <name>.out and stderr <name>.err (missing file:
# empty).  The first line may carry options: "# rosemu: --ros 6".  Then the
# round trip: the configuration the test left is exported, loaded into a
# fresh instance and exported again; both exports must be identical.
# GOLDEN_UPDATE=1 rewrites the expected files (review the diff!).
srcdir=${srcdir:-.}
bin=${ROSEMU:-./rosemu}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=${TMPDIR:-/tmp}/golden.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
for t in "$srcdir"/tests/golden/*/*.rsc; do
	n=$((n + 1))
	base=${t%.rsc}
	name=${base#"$srcdir"/tests/golden/}
	opts=$(sed -n '1s/^# rosemu: //p' "$t")
	# shellcheck disable=SC2086
	(cd "$(dirname "$t")" && "$bin" $opts "$(basename "$t")") \
		>"$tmp/out" 2>"$tmp/err"
	if [ "$GOLDEN_UPDATE" = 1 ]; then
		cp "$tmp/out" "$base.out"
		if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
	fi
	if ! diff -u "$base.out" "$tmp/out" >"$tmp/diff" 2>&1; then
		echo "FAIL $name (stdout)"; cat "$tmp/diff"; fail=$((fail + 1)); continue
	fi
	experr=/dev/null
	[ -f "$base.err" ] && experr="$base.err"
	if ! diff -u "$experr" "$tmp/err" >"$tmp/diff" 2>&1; then
		echo "FAIL $name (stderr)"; cat "$tmp/diff"; fail=$((fail + 1)); continue
	fi
	# round trip of the state the test left behind
	ros=$(echo "$opts" | sed -n 's/.*--ros \([67]\).*/\1/p')
	ros=${ros:-7}
	(cd "$(dirname "$t")" && "$bin" $opts "$(basename "$t")" -c /export) \
		>"$tmp/full" 2>/dev/null
	# the export is what follows the test's own output
	tail -c +$(( $(wc -c <"$tmp/out") + 1 )) "$tmp/full" >"$tmp/e1"
	if ! "$bin" --ros "$ros" "$tmp/e1" -c /export >"$tmp/e2" 2>"$tmp/err2"; then
		echo "FAIL $name (round trip: export does not load)"; cat "$tmp/err2"
		fail=$((fail + 1)); continue
	fi
	if ! diff -u "$tmp/e1" "$tmp/e2" >"$tmp/diff"; then
		echo "FAIL $name (round trip differs)"; cat "$tmp/diff"
		fail=$((fail + 1)); continue
	fi
	echo "ok   $name"
done
echo "$n golden tests, $fail failed"
[ "$fail" -eq 0 ]
