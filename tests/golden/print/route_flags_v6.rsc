# rosemu: --ros 6
# /ip route flags (engine §5.6): A only on the winning route of a table
# and destination, C for connected networks, S static, B/U/P for route
# types, X disabled; the legend wraps between flag columns at 80.
/ip address
add address=10.0.0.1/24 interface=ether1
add address=10.9.9.1/24 interface=ether3 disabled=yes
/interface ethernet set [ find default-name=ether2 ] disabled=yes
/ip address add address=10.1.1.1/24 interface=ether2 comment="down port"
/ip route
add gateway=10.0.0.254 distance=5
add gateway=10.0.0.253 distance=2 comment="preferred"
add dst-address=192.168.50.0/24 gateway=10.9.9.254 comment="via disabled address"
add dst-address=10.66.0.0/16 type=blackhole distance=100
add dst-address=10.67.0.0/16 type=unreachable
add dst-address=10.68.0.0/16 type=prohibit disabled=yes
add dst-address=172.16.0.0/12 gateway=ether1
add gateway=10.0.0.254 routing-mark=special
print
print detail
print where routing-mark=special
