# rosemu: --ros 6
# The slide deck's ConfigureDHCPRoutes script (examples/slides/05-dhcp-
# routes-script.rsc) run against DHCP clients.  The clients on ether1 and
# ether2 bind to the simulated ISPs of their interfaces (100.64.1.0/24 and
# 100.64.2.0/24: no static addresses there), each with its dynamic
# default route (ADS).  The script adds a default route marked
# "<interface>-mark" through each client's gateway.  Then ether1's ISP
# moves to 172.17.0.0/24 (a static address on ether1 puts the simulated
# ISP there): the lease and the dynamic route follow, and the next run of
# the script moves the ether1-mark route to the new gateway.
# As written, the script never resets routeupdated per client, so once a
# route was updated no later client gets a route added in that run (and
# a client whose gateway did not change gets a second route when no
# earlier one was updated); this run shows the documented update only.
/import file-name=examples/slides/05-dhcp-routes-script.rsc
/ip dhcp-client
add interface=ether1 disabled=no
add interface=ether2 disabled=no
print
/system script run ConfigureDHCPRoutes
/ip route print
/ip route print detail where routing-mark=ether1-mark
/ip address add address=172.17.0.2/24 interface=ether1
/ip dhcp-client print
/system script run ConfigureDHCPRoutes
/ip route print
/ip route print detail where routing-mark=ether1-mark
/system script print
