# rosemu: --ros 6
# print terse (one line per item, no legend, comment as comment=),
# print brief (the table) and without-paging (accepted, no effect).
/ip address
add address=192.0.2.1/24 interface=ether1 comment="uplink A"
add address=198.51.100.7/25 interface=ether2 disabled=yes
/ip firewall filter
add chain=input action=accept connection-state=established,related comment="est"
add chain=input action=drop in-interface=ether1 disabled=yes
/ip address print terse
/ip address print brief
/ip address print without-paging
/ip firewall filter print terse
/ip firewall filter print without-paging
/ip route print terse
