#!/bin/sh
# Writes a RouterOS address-list import of N entries to stdout, shaped like
# the blocklists people load onto routers (Spamhaus DROP, DShield, FireHOL
# and country lists): mostly single hosts, every 20th entry a network
# (/20../28 on its own boundary), every 50th a short range, a few lists,
# comments on some entries, the odd disabled one.  Every (list, address)
# pair is unique, so a RouterOS import of the file succeeds.
#
#   gen-addrlist.sh [-f] N
#     (default)  "/ip firewall address-list" once, then "add ..." lines,
#                in the order /export writes the arguments
#     -f         fully qualified lines, as blocklist downloads write them:
#                "/ip firewall address-list add list=X address=..."
#
# Needs only a POSIX awk (mawk, gawk or busybox awk).
set -eu
fq=0
if [ "${1:-}" = "-f" ]; then
	fq=1
	shift
fi
case ${1:-} in
''|*[!0-9]*)
	echo "usage: $0 [-f] N" >&2
	exit 2
	;;
esac
exec awk -v n="$1" -v fq="$fq" '
# dotted quad of a 32-bit value (kept below 2^53, so doubles are exact)
function quad(v) {
	return sprintf("%d.%d.%d.%d", int(v / 16777216) % 256,
	    int(v / 65536) % 256, int(v / 256) % 256, v % 256)
}
BEGIN {
	nl = split("spamhaus-drop dshield firehol-level1 blocklist-de " \
	    "tor-exit country-cn", lists, " ")
	nc = split("\"Spamhaus DROP\"|scanner|brute-force|\"tor exit node\"|" \
	    "\"abuse report 2024\"", cmts, "|")
	if (!fq)
		print "/ip firewall address-list"
	pfx = fq ? "/ip firewall address-list add" : "add"
	# disjoint pools, so no two entries can collide:
	#   hosts    from 11.0.0.0 upwards, one address each (skipping .0)
	#   networks from 100.0.0.0, each on its own boundary
	#   ranges   from 172.16.0.0, 16 addresses each
	host = 11 * 16777216
	net = 100 * 16777216
	rng = 172 * 16777216 + 16 * 65536
	for (i = 0; i < n; i++) {
		list = lists[1 + (i * 7 + int(i / 1000)) % nl]
		if (i % 20 == 10) {
			plen = 20 + int(i / 20) % 9
			if (plen < 24) {
				# coarse networks: align up to their boundary
				step = 2 ^ (32 - plen)
				net = int((net + step - 1) / step) * step
				addr = quad(net) "/" plen
				net += step
			} else {
				addr = quad(net) "/" plen
				net += 256
			}
		} else if (i % 50 == 25) {
			addr = quad(rng + 1) "-" quad(rng + 1 + i % 13)
			rng += 16
		} else {
			if (host % 256 == 0)
				host++
			addr = quad(host)
			host++
		}
		extra = ""
		if (i % 7 == 3)
			extra = " comment=" cmts[1 + i % nc]
		else if (i % 11 == 5)
			extra = " comment=AS" (13335 + i % 5000)
		if (i % 997 == 1)
			extra = extra " disabled=yes"
		if (fq)
			printf "%s list=%s address=%s%s\n", pfx, list, addr, extra
		else
			printf "%s address=%s%s list=%s\n", pfx, addr, extra, list
	}
}'
