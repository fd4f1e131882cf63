# slides-lab.rsc - the slide deck's whole PCC lab as one file
# Source: 000_23205102833d5b1f.txt, slide deck "Load Balancing Using PCC &
#   RouterOS" (Steve Discher), text OCR'd from the slides; section "3. Ok, I
#   want it but how do I set it up?" - "Scenario: One router, many clients,
#   three DSL connections", steps 1-6 and the DHCP route script.
# RouterOS 6
# Version: written for RouterOS 6, the deck's dialect: rules exported with
#   disabled=no, routing marks ether1-mark..ether3-mark used directly by
#   routes (routing-mark=) with no /routing table, script policies "winbox"
#   and "api".
# Lab: LAN ether5 10.0.25.0/24 (router 10.0.25.1, as in the deck's
#   connection-table screenshot); WAN ether1, ether2, ether3 on the connected
#   networks 172.17.0.0/24, 172.18.0.0/24, 172.19.0.0/24 (deck, step 1).
#   Connection marks WAN1..WAN3, routing marks ether1-mark..ether3-mark.
# Interfaces keep their default names ether1..ether5: the deck never renames
#   them, and the routing-mark names and the DHCP script
#   ("<dhcp-client interface>-mark") depend on them - so no /interface
#   ethernet naming section.
# Reconstructed, not in the deck's text (judgement calls):
#   - WAN router addresses 172.17.0.2/24, 172.18.0.2/24, 172.19.0.2/24 and
#     gateways 172.17.0.1, 172.18.0.1, 172.19.0.1: the deck names only the
#     networks (its address/route slides are screenshots, lost in the OCR).
#   - routes (steps 5 and 6 are screenshots): one unmarked default route per
#     WAN, with distance 1/2/3 ("Considering using distance to prefer one
#     default over another"), and one marked default route per routing mark
#     with check-gateway=ping ("Only need to use check-gateway on marked
#     routes").
#   - NAT: one masquerade rule per WAN interface (NAT belongs to the deck's
#     "basic portion of the network"; the deck shows no NAT rule).
#   - the deck's other basic parts (DHCP server on LAN, DNS server, firewall
#     "if required") are given without any values and are left out.
#   - the WANs here are static, so the ConfigureDHCPRoutes script finds no
#     /ip dhcp-client and changes nothing; it is included as the deck's
#     answer for DHCP-addressed WANs (run it after adding DHCP clients on
#     ether1..ether3, e.g. from a scheduler or the clients' scripts - the deck
#     does not say how it is triggered).
# OCR fixes: as listed in slides/02..05-*.rsc (mangle menu line "/", line
#   continuations, glued "add" lines, bullets, and the script repairs).
#----- IP ADDRESSES -----
/ip address
add address=10.0.25.1/24 interface=ether5
add address=172.17.0.2/24 interface=ether1
add address=172.18.0.2/24 interface=ether2
add address=172.19.0.2/24 interface=ether3
#----- MANGLE -----
# Step 1: accept traffic to the connected WAN networks (main routing table)
# Step 2: PCC - sort new LAN connections into WAN1..WAN3
# Step 3: routing marks from connection marks (prerouting and output)
# Step 4: mark connections arriving on each WAN
/ip firewall mangle
add action=accept chain=prerouting disabled=no dst-address=172.17.0.0/24
add action=accept chain=prerouting disabled=no dst-address=172.18.0.0/24
add action=accept chain=prerouting disabled=no dst-address=172.19.0.0/24
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no dst-address-type=!local \
    in-interface=ether5 new-connection-mark=WAN1 passthrough=yes per-connection-classifier=both-addresses:3/0
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no dst-address-type=!local \
    in-interface=ether5 new-connection-mark=WAN2 passthrough=yes per-connection-classifier=both-addresses:3/1
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no dst-address-type=!local \
    in-interface=ether5 new-connection-mark=WAN3 passthrough=yes per-connection-classifier=both-addresses:3/2
add action=mark-routing chain=prerouting connection-mark=WAN1 disabled=no in-interface=ether5 \
    new-routing-mark=ether1-mark passthrough=yes
add action=mark-routing chain=prerouting connection-mark=WAN2 disabled=no in-interface=ether5 \
    new-routing-mark=ether2-mark passthrough=yes
add action=mark-routing chain=prerouting connection-mark=WAN3 disabled=no in-interface=ether5 \
    new-routing-mark=ether3-mark passthrough=yes
add action=mark-routing chain=output connection-mark=WAN1 disabled=no new-routing-mark=ether1-mark passthrough=yes
add action=mark-routing chain=output connection-mark=WAN3 disabled=no new-routing-mark=ether3-mark passthrough=yes
add action=mark-routing chain=output connection-mark=WAN2 disabled=no new-routing-mark=ether2-mark passthrough=yes
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no \
    in-interface=ether1 new-connection-mark=WAN1 passthrough=yes
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no \
    in-interface=ether3 new-connection-mark=WAN3 passthrough=yes
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no \
    in-interface=ether2 new-connection-mark=WAN2 passthrough=yes
#----- ROUTES -----
# Step 5: unmarked default routes, one per WAN (failover: traffic with no
# active marked route follows the main routing table)
# Step 6: marked default routes, one per routing mark, check-gateway=ping
/ip route
add distance=1 gateway=172.17.0.1
add distance=2 gateway=172.18.0.1
add distance=3 gateway=172.19.0.1
add check-gateway=ping distance=1 gateway=172.17.0.1 routing-mark=ether1-mark
add check-gateway=ping distance=1 gateway=172.18.0.1 routing-mark=ether2-mark
add check-gateway=ping distance=1 gateway=172.19.0.1 routing-mark=ether3-mark
#----- NAT -----
/ip firewall nat
add action=masquerade chain=srcnat out-interface=ether1
add action=masquerade chain=srcnat out-interface=ether2
add action=masquerade chain=srcnat out-interface=ether3
#----- DHCP-CLIENT ROUTE SCRIPT -----
/system script
add name=ConfigureDHCPRoutes policy=\
    ftp,reboot,read,write,policy,test,winbox,password,sniff,sensitive,api source=":local cli\
    entcounter\r\
    \n:local routecounter\r\
    \n:local duplicatecounter\r\
    \n:local routeupdated \"no\"\r\
    \n:foreach clientcounter in=[/ip dhcp-client find] do={\r\
    \n:local routingmarkname ([/ip dhcp-client get \$clientcounter interface] . \"-mark\")\r\
    \n:local newroutinggateway [ip dhcp-client get \$clientcounter gateway]\r\
    \n:foreach routecounter in=[/ip route find where routing-mark=\$routingmarkname] do={\r\
    \n :local routinggateway [/ip route get [find routing-mark=\$routingmarkname] gateway]\
    \r\
    \n :if ([:len \$newroutinggateway] > 0) do={\r\
    \n\t :if (\$\"routinggateway\" != \$\"newroutinggateway\") do={ \r\
    \n       /ip route set \$routecounter gateway=\$newroutinggateway \r\
    \n\t\t:set routeupdated \"yes\"\r\
    \n\t }\r\
    \n\t}\r\
    \n } \r\
    \n :if ([:len \$newroutinggateway] > 0) do={\r\
    \n      :if (\$routeupdated = \"no\") do={\r\
    \n       /ip route add routing-mark=\$routingmarkname gateway=\$newroutinggateway dst-add\
    ress=0.0.0.0/0\r\
    \n    }\r\
    \n }\r\
    \n}\r\
    \n"
