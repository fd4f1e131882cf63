# rosemu: --ros 7
# icmp-options=8:0 (type:code) is taken as typed, not as the time 8:00:00;
# the matcher drops echo requests and lets other ICMP through
/ip address
add address=192.0.2.1/24 interface=ether1
add address=198.51.100.1/24 interface=ether2
/ip firewall filter
add chain=forward protocol=icmp icmp-options=8:0 action=drop
print
/emulator explain src-address=192.0.2.5 dst-address=198.51.100.7 protocol=icmp
/export
