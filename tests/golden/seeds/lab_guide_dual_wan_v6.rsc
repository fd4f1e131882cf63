# rosemu: --ros 6
# The guide's dual-WAN PCC lab (examples/guide-dual-wan.rsc) as RouterOS 6
# prints and exports it: renamed ports with comments, commented addresses
# and routes (";;;" after the number), mangle, NAT, filter, DNS, DHCP.
/import file-name=examples/guide-dual-wan.rsc
/interface print
/ip address print
/ip route print
/ip route print detail
/ip firewall mangle print
/ip firewall nat print
/ip firewall filter print
/ip dns print
/ip pool print
/ip dhcp-server print
/ip dhcp-server network print
/export
