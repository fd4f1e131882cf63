# rosemu: --ros 7
# RouterOS 7 routes: only the flags that occur, dynamic (connected)
# routes without a number, I for a route whose gateway cannot be used.
/routing table add fib name=special
/ip address
add address=10.0.0.1/24 interface=ether1
/ip route
add gateway=10.0.0.254 distance=5
add gateway=10.0.0.253 distance=2 comment="preferred"
add dst-address=192.168.50.0/24 gateway=10.9.9.254
add dst-address=10.66.0.0/16 blackhole
add gateway=10.0.0.254 routing-table=special disabled=yes
print
print detail
set 2 gateway=10.0.0.250
print
