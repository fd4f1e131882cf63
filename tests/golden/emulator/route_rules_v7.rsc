# rosemu: --ros 7
# /routing rule and /routing table with and without fib (§5.4)
/routing table
add name=via2 fib
add name=nofib
/ip address
add address=10.0.25.1/24 interface=ether5
add address=192.0.2.2/24 interface=ether1
add address=198.51.100.2/24 interface=ether2
/ip route
add gateway=192.0.2.1
add gateway=198.51.100.1 routing-table=via2
add gateway=198.51.100.1 routing-table=nofib
/routing rule
add src-address=10.0.25.128/25 action=lookup table=via2
add src-address=10.0.25.0/25 dst-address=203.0.113.0/24 action=lookup table=nofib
/ip firewall mangle
add chain=prerouting src-address=10.0.25.2 action=mark-routing new-routing-mark=via2
/emulator
explain src-address=10.0.25.200 dst-address=203.0.114.9
# a table without fib forwards nothing: the rule falls through to main
explain src-address=10.0.25.10 dst-address=203.0.113.9
# a routing mark picks its table
explain src-address=10.0.25.2 dst-address=203.0.114.9
/ip route print
