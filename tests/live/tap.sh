#!/bin/sh
# Live mode on TAP devices, inside network namespaces of the test's own:
# rosemu runs in namespace R with its interfaces ether1, ether2, ether5 as
# TAP devices; their kernel sides go to namespaces ISP1, ISP2 and LAN.
# Eight LAN hosts ping a server (192.0.2.100, on both ISPs): every ping is
# answered and PCC spreads them over both ISPs; then ISP 1's link goes
# down, check-gateway notices within a few probes, and every host's ping
# is answered through ISP 2.  Only documentation ranges and the slide
# deck's LAN range are used, and only inside these namespaces; nothing is
# routed to the host's interfaces.  Skips (77) without root, /dev/net/tun,
# ip(8) or ping(8), or where namespaces cannot be made.
srcdir=${srcdir:-.}
bin=${ROSEMU:-./rosemu}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
src=$(cd "$srcdir" && pwd)
[ "$(id -u)" = 0 ] && [ -c /dev/net/tun ] && command -v ip >/dev/null &&
    command -v ping >/dev/null || { echo "skip: needs root, tun, ip, ping"; exit 77; }
tag=rosemu$$
R=$tag-r LAN=$tag-lan I1=$tag-isp1 I2=$tag-isp2
tmp=${TMPDIR:-/tmp}/live.$$
mkdir -p "$tmp"
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	for n in $R $LAN $I1 $I2; do ip netns del "$n" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
for n in $R $LAN $I1 $I2; do
	ip netns add "$n" 2>/dev/null || { echo "skip: ip netns add failed"; exit 77; }
	ip -n "$n" link set lo up
done
fail=0
cd "$tmp" || exit 1
ip netns exec $R "$bin" --ros 7 "$src/tests/live/lab-v7.rsc" \
    --tap ether1=rt1 --tap ether2=rt2 --tap ether5=rt5 --live 14s \
    --at 6s '/ip firewall connection print count-only where connection-mark=c1' \
    --at 6s '/ip firewall connection print count-only where connection-mark=c2' \
    -c '/emulator timeline' -c '/ip route print' >out 2>err &
pid=$!
i=0
until ip -n $R link show rt5 >/dev/null 2>&1 && ip -n $R link show rt1 \
    >/dev/null 2>&1 && ip -n $R link show rt2 >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -gt 50 ] && { echo "FAIL: no TAP devices"; cat err; exit 1; }
	sleep 0.1
done
# the kernel sides of the router's interfaces, in their own namespaces
ip -n $R link set rt5 netns $LAN
ip -n $R link set rt1 netns $I1
ip -n $R link set rt2 netns $I2
ip -n $LAN link set rt5 up
for h in 2 3 4 5 6 7 8 9; do ip -n $LAN addr add 10.0.25.$h/24 dev rt5; done
ip -n $LAN route add default via 10.0.25.1
ip -n $I1 addr add 198.51.100.1/24 dev rt1
ip -n $I1 link set rt1 up
ip -n $I2 addr add 203.0.113.1/24 dev rt2
ip -n $I2 link set rt2 up
ip -n $I1 addr add 192.0.2.100/32 dev lo
ip -n $I2 addr add 192.0.2.100/32 dev lo
sleep 2		# the gateways answer probes before the first ping

pings() {	# every LAN host pings the server once
	for h in 2 3 4 5 6 7 8 9; do
		ip netns exec $LAN ping -q -n -c 1 -W 2 -I 10.0.25.$h \
		    192.0.2.100 >/dev/null 2>&1 ||
		    { echo "FAIL: 10.0.25.$h got no answer ($1)"; fail=$((fail + 1)); }
	done
}
pings "both ISPs up"
sleep 3		# the --at 6s counts
# ISP 1's side of the cable goes down: its gateway stops answering
ip -n $I1 link set rt1 down
sleep 4		# two lost probes, one second apart
pings "ISP 1 down"
wait $pid
rc=$?
pid=
[ $rc = 0 ] || { echo "FAIL: rosemu exit $rc"; cat err; fail=$((fail + 1)); }
# PCC used both ISPs: the counts printed at 6 s
c1=$(sed -n 1p out) c2=$(sed -n 2p out)
[ "${c1:-0}" -gt 0 ] && [ "${c2:-0}" -gt 0 ] && [ $((c1 + c2)) -ge 8 ] ||
    { echo "FAIL: PCC split c1=$c1 c2=$c2"; fail=$((fail + 1)); }
grep -q 'gateway 198.51.100.1: unreachable' out ||
    { echo "FAIL: check-gateway did not notice"; fail=$((fail + 1)); }
[ -n "$LIVE_VERBOSE" ] && cat out err
if [ $fail -ne 0 ]; then cat out err; exit 1; fi
echo "ok   live: 8 hosts answered through both ISPs ($c1/$c2), then all through ISP 2"
