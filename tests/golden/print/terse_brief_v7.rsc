# rosemu: --ros 7
# The same in RouterOS 7: terse keeps the detail prefix; brief is the
# auto-sized v7 table.
/ip address
add address=192.0.2.1/24 interface=ether1 comment="uplink A"
add address=198.51.100.7/25 interface=ether2 disabled=yes
/ip firewall filter
add chain=input action=accept connection-state=established,related comment="est"
add chain=input action=drop in-interface=ether1 disabled=yes
/ip address print terse
/ip address print brief
/ip address print detail
/ip firewall filter print terse
/ip route print terse
