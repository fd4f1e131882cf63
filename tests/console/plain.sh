#!/bin/sh
# rosemu -i without a terminal: lines are read plain, each echoed after its
# prompt, so a piped session reads as a transcript (plain.in -> plain.out).
# Covers navigation, a continued line, a block over lines, the identity in
# the prompt, an error, /quit, a lab file given with -i, and the v6 prompt.
srcdir=${srcdir:-.}
bin=${ROSEMU:-./rosemu}
d=$srcdir/tests/console
tmp=${TMPDIR:-/tmp}/conplain.$$
trap 'rm -f "$tmp".*' EXIT
fail=0

"$bin" -i "$d/lab.rsc" <"$d/plain.in" >"$tmp.out" 2>&1
echo "rc=$?" >>"$tmp.out"
if ! diff -u "$d/plain.out" "$tmp.out"; then
	echo "FAIL plain session"
	fail=1
fi
# RouterOS 6 writes the menu with spaces
printf '/ip firewall mangle\n' | "$bin" --ros 6 -i >"$tmp.v6" 2>&1
if ! grep -qF '[admin@MikroTik] /ip firewall mangle> ' "$tmp.v6"; then
	echo "FAIL v6 prompt:"; cat "$tmp.v6"
	fail=1
fi
exit $fail
