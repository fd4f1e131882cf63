# rosemu: --ros 7
# examples/guide-dual-wan-v7.rsc, the guide's dual-WAN lab in RouterOS 7's
# dialect: v7 print layouts and export.
/import file-name=examples/guide-dual-wan-v7.rsc
/interface print
/ip address print
/routing table print
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
