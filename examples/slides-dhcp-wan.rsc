# slides-dhcp-wan.rsc - the slide deck's DHCP-WAN variant of its lab
# ("I use DHCP for my WAN addressing, how can I get the marked routes
# created properly?").  Load after slides-lab.rsc (which holds the deck's
# ConfigureDHCPRoutes script, examples/slides/05):
#   rosemu --ros 6 examples/slides-lab.rsc examples/slides-dhcp-wan.rsc
# Not in the deck (judgement calls, the slides are screenshots):
#   - the WAN addresses and the unmarked default routes come from DHCP
#     clients on ether1-3 (default-route-distance 1, 2, 3 as the static
#     lab's routes); the static ones go;
#   - each client's script= runs ConfigureDHCPRoutes, so the marked routes
#     follow every lease change (the deck does not say what runs it);
#   - rosemu's simulated ISPs hand out the static lab's networks.
/emulator isp
set ether1 address=172.17.0.2/24 gateway=172.17.0.1
set ether2 address=172.18.0.2/24 gateway=172.18.0.1
set ether3 address=172.19.0.2/24 gateway=172.19.0.1
/ip route
remove [ find where !dynamic ]
/ip address
remove [ find where interface~"ether[123]" ]
/ip dhcp-client
add interface=ether1 default-route-distance=1 disabled=no \
    script="/system script run ConfigureDHCPRoutes"
add interface=ether2 default-route-distance=2 disabled=no \
    script="/system script run ConfigureDHCPRoutes"
add interface=ether3 default-route-distance=3 disabled=no \
    script="/system script run ConfigureDHCPRoutes"
