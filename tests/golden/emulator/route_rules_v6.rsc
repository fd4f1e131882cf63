# rosemu: --ros 6
# /ip route rule decides before the routing mark's table and main (§5.3)
/ip address
add address=10.0.25.1/24 interface=ether5
add address=192.0.2.2/24 interface=ether1
add address=198.51.100.2/24 interface=ether2
/ip route
add gateway=192.0.2.1
add gateway=198.51.100.1 routing-mark=via2
/ip route rule
add src-address=10.0.25.128/25 action=lookup table=via2
add src-address=10.0.25.64/26 action=drop
add dst-address=203.0.113.0/24 action=lookup-only-in-table table=empty
/emulator
# the upper half of the LAN goes by the via2 table
explain src-address=10.0.25.200 dst-address=203.0.114.9
# the lower half by main
explain src-address=10.0.25.10 dst-address=203.0.114.9
# a drop rule
explain src-address=10.0.25.70 dst-address=203.0.114.9
# lookup-only-in-table with an empty table: no route at all
explain src-address=10.0.25.10 dst-address=203.0.113.9
/ip route rule disable 2
explain src-address=10.0.25.10 dst-address=203.0.113.9
/ip route check 203.0.113.9
