#!/bin/sh
# Every command line shown in README and man/rosemu.1 runs here, in a
# scratch directory (the file store), against real files: backup.rsc is a
# real v6 export (the guide's dual-WAN example), my-router.rsc the slide
# deck's lab.  A command must still appear verbatim in its document (so the
# documents and this test cannot drift apart), exit 0 and print what the
# check after it expects.
srcdir=${srcdir:-.}
bin=${ROSEMU:-./rosemu}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
src=$(cd "$srcdir" && pwd)
tmp=${TMPDIR:-/tmp}/docex.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
ln -s "$src/examples" examples
cp "$src/examples/guide-dual-wan.rsc" backup.rsc
cp "$src/examples/slides-lab.rsc" my-router.rsc
fail=0

# doc FILE 'COMMAND AS DOCUMENTED' 'grep -E pattern its output must match'
doc() {
	shown=$1
	[ "$2" = man ] && shown=$(printf '%s' "$1" | sed 's/-/\\-/g')
	if ! grep -qF -- "$shown" "$src/$3"; then
		echo "FAIL not in $3: $1"; fail=$((fail + 1)); return
	fi
	cmd=$(printf '%s' "$1" | sed "s|^\./rosemu|\"\$bin\"|; s|^rosemu|\"\$bin\"|")
	if ! eval "$cmd" >out 2>err </dev/null; then
		echo "FAIL exit status: $1"; cat err; fail=$((fail + 1)); return
	fi
	if [ -n "$4" ] && ! grep -qE -- "$4" out; then
		echo "FAIL output of $1 lacks /$4/"; head -5 out; fail=$((fail + 1))
		return
	fi
	echo "ok   $1"
}

# README line 1's demo: generate, then replay through the slide lab
doc "./rosemu --generate lan.pcap --connections 3000" readme README ''
doc "./rosemu --ros 6 examples/slides-lab.rsc --replay lan.pcap -c ':foreach m in={\"WAN1\";\"WAN2\";\"WAN3\"} do={:put \"\$m: \$[/ip firewall connection print count-only where connection-mark=\$m] connections\"}' -c '/ip route print'" readme README '^WAN3: [0-9]+ connections$'
# about a third each (PCC both-addresses:3/x)
awk '/^WAN[123]: / { n++; if ($2 < 800 || $2 > 1200) bad = 1 }
    END { exit !(n == 3 && !bad) }' out ||
    { echo "FAIL README demo: uneven split"; cat out; fail=$((fail + 1)); }
doc "./rosemu --ros 6 examples/slides-lab.rsc --replay lan.pcap --write-pcaps pcaps -c '/ip firewall connection print'" readme README ' tcp  10\.0\.25\.'
for f in ether1 ether2 ether3 ether5; do
	[ -s "pcaps/$f.pcap" ] ||
	    { echo "FAIL --write-pcaps: no pcaps/$f.pcap"; fail=$((fail + 1)); }
done
# determinism (DESIGN.md): same capture and seed -> the same bytes
"$bin" --generate again.pcap --connections 3000 && cmp -s lan.pcap again.pcap ||
    { echo "FAIL --generate is not deterministic"; fail=$((fail + 1)); }
"$bin" --ros 6 examples/slides-lab.rsc --replay again.pcap --write-pcaps p2 ||
    fail=$((fail + 1))
for f in pcaps/*.pcap; do
	cmp -s "$f" "p2/${f#pcaps/}" ||
	    { echo "FAIL replay not deterministic: $f"; fail=$((fail + 1)); }
done
doc "rosemu --generate lan.pcap --connections 3000" man man/rosemu.1 ''
doc "rosemu --ros 6 examples/slides-lab.rsc --replay lan.pcap --write-pcaps pcaps" man man/rosemu.1 ''
doc "./rosemu --ros 6 examples/slides-lab.rsc -c '/export'" readme README '^/ip firewall mangle$'
grep -qF "./rosemu -c '/ip address add address=192.0.2.1/24 interface=ether1' \\" \
    "$src/README" || { echo "FAIL not in README: /ip address add"; fail=$((fail + 1)); }
"$bin" -c '/ip address add address=192.0.2.1/24 interface=ether1' \
    -c '/ip address print' | grep -q '192.0.2.1/24' ||
    { echo "FAIL README: /ip address print"; fail=$((fail + 1)); }
doc "./rosemu --check --ros auto my-router.rsc" readme README ''
doc "./rosemu --ros auto backup.rsc -c '/ip route print detail'" readme README 'routing-mark'
doc "./rosemu --ros 6 examples/slides-lab.rsc -c '/export file=lab'" readme README ''
[ -s lab.rsc ] && grep -q '^/ip firewall mangle$' lab.rsc ||
    { echo "FAIL README: export file=lab wrote no lab.rsc"; fail=$((fail + 1)); }
doc "rosemu --ros 6 examples/slides-lab.rsc -c '/ip firewall mangle print'" man man/rosemu.1 'mark-connection'
doc "rosemu --ros auto backup.rsc -c /export" man man/rosemu.1 'by RouterOS 6'
doc "rosemu --check --ros auto my-router.rsc" man man/rosemu.1 ''
doc "rosemu -c ':global n 0' -c ':for i from=1 to=4 do={ :set n (\$n + \$i) }' -c ':put \$n'" man man/rosemu.1 '^10$'
# each -c text is a console line, its own scope (scripting reference
# 2.3): the documented ":local myVar a;" then ":put $myVar"
"$bin" -c ':local myVar a;' -c ':put $myVar' >out 2>&1
grep -qx 'syntax error (line 1 column 7)' out ||
    { echo "FAIL -c scope: $(cat out)"; fail=$((fail + 1)); }
doc "rosemu --at 0s '/system scheduler add name=tick interval=1m on-event=\":log info tick\"' --at 5m '/log print'" man man/rosemu.1 '^00:05:00 script,info tick$'
doc "rosemu --ros 6 examples/slides-lab.rsc -c '/ip dhcp-client add interface=ether4 disabled=no' -c '/system script run ConfigureDHCPRoutes' -c '/ip route print'" man man/rosemu.1 ' 100\.64\.4\.1 '
doc "./rosemu --at 0s '/system scheduler add name=tick interval=1m on-event=\":log info tick\"' --at 5m '/log print'" readme README '^00:05:00 script,info tick$'
doc "./rosemu --ros 6 examples/slides-lab.rsc -c '/ip dhcp-client add interface=ether4 disabled=no' -c '/system script run ConfigureDHCPRoutes' -c '/ip route print'" readme README ' 100\.64\.4\.1 '
doc "rosemu --ros 6 examples/slides-lab.rsc -c '/emulator explain src-address=10.0.25.8 dst-address=198.51.100.9 dst-port=443'" man man/rosemu.1 '^result: out ether2, tcp 172\.18\.0\.2:40000'
doc "./rosemu --ros 6 examples/slides-lab.rsc -c '/emulator explain src-address=10.0.25.8 dst-address=198.51.100.9 dst-port=443' -c '/emulator lint'" readme README '^0 findings$'
# failover (README tour, rosemu(1) EXAMPLES): WAN1's gateway dies at 60 s
for w in readme man; do
	if [ $w = readme ]; then d=README p=./rosemu; else d=man/rosemu.1 p=rosemu; fi
	doc "$p --generate lan.pcap --connections 3000 --duration 180s --client-address 10.0.0.50" $w $d ''
	doc "$p --ros 6 examples/guide-dual-wan.rsc examples/guide-dual-wan-fix.rsc --replay lan.pcap --write-pcaps failover --at 60s '/emulator gateway set 192.168.1.1 reachable=no' --at 120s '/emulator gateway set 192.168.1.1 reachable=yes' -c '/emulator timeline'" $w $d '^00:01:20 gateway 192\.168\.1\.1: unreachable$'
	grep -qx '00:02:10 gateway 192.168.1.1: reachable' out ||
	    { echo "FAIL failover timeline ($w)"; cat out; fail=$((fail + 1)); }
	[ -s failover/WAN1.pcap ] && [ -s failover/WAN2.pcap ] ||
	    { echo "FAIL failover pcaps ($w)"; fail=$((fail + 1)); }
	rm -rf failover
done
# --check runs nothing (no :put output, no loop) but binds every line
printf ':put hello\n:while (true) do={ :put x }\n/ip route add gateway=192.0.2.1\n' >c.rsc
"$bin" --check c.rsc >out 2>&1 && [ ! -s out ] ||
    { echo "FAIL --check ran something"; cat out; fail=$((fail + 1)); }
printf '/ip route\nadd gateway=192.0.2.1\nadd gatway=192.0.2.2\n' >c.rsc
"$bin" --check c.rsc >out 2>&1
grep -qx 'c.rsc: expected end of command (line 3 column 5)' out ||
    { echo "FAIL --check binding"; cat out; fail=$((fail + 1)); }
# --at (rosemu(1)): after the files, in time order whatever the order on
# the command line, before -c; the clock runs the scheduler on the way
"$bin" --at 2m ':put "at 2m"; /log print' --at 30s \
    ':put "at 30s"; /system scheduler add name=t interval=1m on-event=":log info t"' \
    -c ':put done' >out 2>&1
printf 'at 30s\nat 2m\n00:01:30 script,info t\ndone\n' >want
cmp -s out want || { echo "FAIL --at order"; diff want out; fail=$((fail + 1)); }
[ "$fail" -eq 0 ]
