# rosemu: --ros 7
# export terse: the full menu path on every line, no wrapping.
/routing table add fib name=isp1
/ip address add address=192.0.2.1/24 interface=ether1 comment="a rather long comment that would not fit on one line"
/ip route add gateway=192.0.2.254 routing-table=isp1 check-gateway=ping comment="marked"
/export terse
/ip route export terse
