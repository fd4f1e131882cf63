# rosemu: --ros 6
# The slide deck's DHCP-WAN variant (examples/slides-dhcp-wan.rsc): WAN
# addresses and unmarked default routes from DHCP clients, whose script=
# runs the deck's ConfigureDHCPRoutes to make the marked routes.  ISP 1
# hands out a new lease; the client picks it up at its renew (half the
# 10m lease), the script moves the active ether1-mark route to the new
# gateway, and WAN1 traffic leaves with the new address.
# (The deck's script never resets routeupdated per client, so every bind
# adds another marked route for the clients before it; the duplicates keep
# the old gateway, go inactive, and show here as they would on a router.)
/import file-name=examples/slides-lab.rsc
/import file-name=examples/slides-dhcp-wan.rsc
/ip dhcp-client print
/ip route print where routing-mark=ether1-mark
/emulator isp set ether1 address=172.17.5.10/24 gateway=172.17.5.1
/emulator isp print
:delay 4m
/ip route print where routing-mark=ether1-mark
:delay 1m
/ip dhcp-client print detail where interface=ether1
/ip route print where routing-mark=ether1-mark
/ip route check 198.51.100.7 routing-mark=ether1-mark
/emulator explain src-address=10.0.25.20 dst-address=198.51.100.9 protocol=tcp dst-port=443 src-port=40001
# the ISP's server stops answering: renewals fail, the lease expires
/emulator gateway set 172.17.5.1 reachable=no
:delay 10m
/ip dhcp-client print where interface=ether1
/ip route print where gateway~"172.17"
/emulator timeline
