# rosemu: --ros 6
# /ip dhcp-client in emulation: an enabled client binds at once to a lease
# from the simulated ISP of its interface.  ether1 has a static address,
# so the ISP is on 172.17.0.0/24: the lease is that address and the
# gateway 172.17.0.1; ether2 has none, so the ISP is 100.64.2.0/24 (ether2
# is the second interface): lease 100.64.2.2/24, gateway 100.64.2.1, and a
# dynamic address.  Each bound client adds a dynamic default route (v6
# flags ADS) with its default-route-distance; a client added without
# disabled=no stays disabled.  script= runs on bind (bound=1) and on
# release (bound=0) with the lease variables.
/ip address add address=172.17.0.2/24 interface=ether1
/ip dhcp-client
add interface=ether1 disabled=no script=":log info (\"bound=\$bound lease=\" . \$\"lease-address\" . \" gateway=\" . \$\"gateway-address\" . \" server=\" . \$\"server-address\" . \" on \$interface\")"
add interface=ether2 disabled=no default-route-distance=2
add interface=ether3
print
print detail
:put [get [find interface=ether1] gateway]
/ip address print
/ip route print
/ip dhcp-client release 0
remove 0
/ip route print
/log print
