#!/bin/sh
# Builds the libFuzzer harnesses (clang, ASan, UBSan) into $OUT (default
# tests/fuzz/out), compiling the project's sources directly: the normal
# autotools build is left alone.  See tests/fuzz/README.
set -e
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${OUT:-$here/out}
CC=${CC:-clang}
SAN=${SAN:--fsanitize=address,undefined -fno-sanitize-recover=undefined}
CFLAGS=${CFLAGS:--O1 -g -fno-omit-frame-pointer}
mkdir -p "$out/obj" "$out/grammar"

if [ ! -f "$out/grammar/parser.c" ] || \
    [ "$top/grammar/parser.y" -nt "$out/grammar/parser.c" ]; then
	bison -Wall -o "$out/grammar/parser.c" \
	    --defines="$out/grammar/parser.h" "$top/grammar/parser.y"
fi
if [ ! -f "$out/grammar/scanner.c" ] || \
    [ "$top/grammar/scanner.l" -nt "$out/grammar/scanner.c" ] || \
    [ "$out/grammar/parser.h" -nt "$out/grammar/scanner.c" ]; then
	flex -o "$out/grammar/scanner.c" \
	    --header-file="$out/grammar/scanner.h" "$top/grammar/scanner.l"
fi

inc="-I$top/include -I$out/grammar -D_GNU_SOURCE"
srcs=$(cd "$top" && ls src/util/*.c src/schema/*.c src/menus/*.c src/cfg/*.c \
	src/script/*.c src/engine/*.c src/io/*.c src/console/*.c)
# the project's file calls go through the harnesses' guard (fuzz_common.c);
# libFuzzer's own (-fork, -merge) do not
redef="--redefine-sym fopen=fz_fopen --redefine-sym mkdir=fz_mkdir \
--redefine-sym pcap_dump_open=fz_pcap_dump_open"
# the objects that are missing or older than their source or any header
hdrs=$(ls "$top"/include/*.h "$top"/src/*/*.h)
obj() { echo "$out/obj/$(echo "$1" | tr / _ | sed 's/\.c$/.o/')"; }
objs=
for s in $srcs grammar/parser.c grammar/scanner.c; do
	objs="$objs $(obj "$s")"
done
for s in $srcs grammar/parser.c grammar/scanner.c; do
	o=$(obj "$s")
	case $s in grammar/*) f="$out/$s" w=-w ;; *) f="$top/$s" w="-Wall -Wextra" ;; esac
	stale=
	if [ ! -f "$o" ] || [ "$f" -nt "$o" ]; then
		stale=1
	else
		for h in $hdrs; do [ "$h" -nt "$o" ] && stale=1 && break; done
	fi
	[ -n "$stale" ] && printf '%s %s %s\n' "$f" "$o" "$w"
done | while read -r f o w1 w2; do
	printf '%s\0' "$CC -std=c11 $w1 $w2 $CFLAGS $SAN -fsanitize=fuzzer-no-link $inc -c $f -o $o && objcopy $redef $o"
done | xargs -0 -r -P "${JOBS:-2}" -n 1 sh -c 'echo "  CC ${0##* }"; eval "$0"'
for h in script packet pcap; do
	# shellcheck disable=SC2086
	$CC -std=c11 -Wall -Wextra $CFLAGS $SAN -fsanitize=fuzzer $inc \
	    -DSRCDIR="\"$top\"" "$here/fuzz_$h.c" "$here/fuzz_common.c" \
	    $objs -lreadline -lpcap -o "$out/fuzz_$h"
done
echo "built: $out/fuzz_script $out/fuzz_packet $out/fuzz_pcap"
