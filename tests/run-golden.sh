#!/bin/sh
# Golden end-to-end tests: every tests/golden/<area>/<name>.rsc runs through
# rosemu; stdout must equal <name>.out and stderr <name>.err (missing file:
# empty).  The first line may carry options: "# rosemu: --ros 6".  Then the
# round trip: the configuration the test left is exported, loaded into a
# fresh instance and exported again; both exports must be identical.
# GOLDEN_UPDATE=1 rewrites the expected files (review the diff!).
#
# Each test runs in an empty scratch directory, rosemu's file store: the
# test file is copied there and "examples" links to the source tree's
# examples, so "/import file-name=examples/slides-lab.rsc" works.  Files the
# test writes there ("/export file=x") belong to its output: they are
# appended to stdout as "==> x.rsc <==" followed by their contents (a
# capture, *.pcap, by its cksum: checksum and size).
srcdir=${srcdir:-.}
bin=${ROSEMU:-./rosemu}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
abs_src=$(cd "$srcdir" && pwd)
tmp=${TMPDIR:-/tmp}/golden.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
# a hang fails its test instead of stopping the run
to=
command -v timeout >/dev/null 2>&1 && to="timeout ${GOLDEN_TIMEOUT:-120}"

# run_in DIR TEST [ARGS...]: TEST in a fresh scratch directory DIR
run_in() {
	w=$1 t=$2
	shift 2
	rm -rf "$w"
	mkdir -p "$w"
	cp "$t" "$w/"
	ln -s "$abs_src/examples" "$w/examples"
	# shellcheck disable=SC2086
	(cd "$w" && $to "$bin" $opts "$(basename "$t")" "$@")
}

for t in "$srcdir"/tests/golden/*/*.rsc; do
	n=$((n + 1))
	base=${t%.rsc}
	name=${base#"$srcdir"/tests/golden/}
	opts=$(sed -n '1s/^# rosemu: //p' "$t")
	run_in "$tmp/w" "$t" >"$tmp/raw" 2>"$tmp/err"
	cp "$tmp/raw" "$tmp/out"
	for f in $(cd "$tmp/w" && ls); do
		[ "$f" = examples ] || [ "$f" = "$(basename "$t")" ] && continue
		printf '==> %s <==\n' "$f" >>"$tmp/out"
		case $f in
		# captures are binary: their size and checksum stand for them
		*.pcap) cksum <"$tmp/w/$f" >>"$tmp/out" ;;
		*) cat "$tmp/w/$f" >>"$tmp/out" ;;
		esac
	done
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
	run_in "$tmp/w" "$t" -c /export >"$tmp/full" 2>/dev/null
	# the export is what follows the test's own output
	tail -c +$(( $(wc -c <"$tmp/raw") + 1 )) "$tmp/full" >"$tmp/e1"
	# a test that ends in an error stops the run before -c /export
	if [ ! -s "$tmp/e1" ] && [ -s "$tmp/err" ]; then
		echo "ok   $name"; continue
	fi
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
