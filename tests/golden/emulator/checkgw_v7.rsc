# rosemu: --ros 7
# check-gateway=ping (reference §5.2): WAN1's gateway stops answering; two
# lost probes (10 s apart) make it unreachable, its routes inactive, and
# WAN1-marked connections fall back to main (WAN2); one answer brings it back
/import file-name=examples/guide-dual-wan-v7.rsc
/emulator gateway set 192.168.1.1 reachable=no
:delay 15s
/ip route print where gateway=192.168.1.1
:delay 10s
/ip route print
/ip route print detail where gateway=192.168.1.1
/emulator gateway print
/emulator explain src-address=10.0.0.50 dst-address=203.0.113.7 protocol=tcp dst-port=443
/emulator gateway set 192.168.1.1 reachable=yes
:delay 10s
/ip route print where gateway=192.168.1.1
# the cable to WAN2 pulled: no connected route, its gateway unreachable
/emulator link set WAN2 running=no
:delay 20s
/ip route print
/interface print where name~"WAN"
/emulator link print
/emulator link set WAN2 running=yes
:delay 10s
/emulator timeline
