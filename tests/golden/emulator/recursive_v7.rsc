# rosemu: --ros 7
# Recursive routes (reference §5.1): a gateway that is not on a connected
# network resolves through a route whose scope is within the route's
# target-scope.  The documented failover: a /32 monitor route with
# scope=10 pins 8.8.8.8 to ISP 1, the default route via 8.8.8.8 has
# target-scope=11 and check-gateway=ping, so it fails over when 8.8.8.8
# (not just the ISP's router) stops answering.
/ip address
add address=192.0.2.2/24 interface=ether1
add address=198.51.100.2/24 interface=ether2
add address=10.0.0.1/24 interface=ether3
/ip route
add dst-address=0.0.0.0/0 gateway=8.8.8.8 target-scope=11 check-gateway=ping comment=recursive
add dst-address=8.8.8.8/32 gateway=192.0.2.1 scope=10 comment=monitor
add dst-address=0.0.0.0/0 gateway=198.51.100.1 distance=2 comment=backup
# default target-scope=10: only connected routes resolve, so never active
add dst-address=0.0.0.0/0 gateway=8.8.4.4 comment=unresolved
/ip route print
/ip route print detail where comment=recursive
/ip route check 203.0.113.5
/emulator gateway set 8.8.8.8 reachable=no
:delay 20s
/ip route print
/ip route check 203.0.113.5
/emulator gateway set 8.8.8.8 reachable=yes
:delay 10s
/ip route check 203.0.113.5
/emulator timeline
