# slides-lab-v7.rsc - the slide deck's PCC lab rewritten for RouterOS 7
# Source: 000_23205102833d5b1f.txt, slide deck "Load Balancing Using PCC &
#   RouterOS" (Steve Discher), section "3. Ok, I want it but how do I set it
#   up?", steps 1-6 and the DHCP route script; the v6 original with all its
#   reconstructions and OCR fixes is slides-lab.rsc.
# RouterOS 7
# Version: not in the deck, which is RouterOS 6 only.  Translated to the v7
#   policy-routing dialect (engine reference §5.4, scripting §9):
#   - the routing marks ether1-mark..ether3-mark are routing tables now and
#     must exist before mangle or routes use them: /routing table add fib;
#   - marked routes select their table with routing-table= instead of
#     routing-mark=;
#   - the ConfigureDHCPRoutes script finds and adds its routes by
#     routing-table= (v7 /ip route has no routing-mark); otherwise verbatim;
#   - mangle (new-routing-mark= names the table), addresses, the unmarked
#     routes and NAT are unchanged from slides-lab.rsc.
#----- ROUTING TABLES (v7) -----
/routing table
add fib name=ether1-mark
add fib name=ether2-mark
add fib name=ether3-mark
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
add check-gateway=ping distance=1 gateway=172.17.0.1 routing-table=ether1-mark
add check-gateway=ping distance=1 gateway=172.18.0.1 routing-table=ether2-mark
add check-gateway=ping distance=1 gateway=172.19.0.1 routing-table=ether3-mark
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
    \n:foreach routecounter in=[/ip route find where routing-table=\$routingmarkname] do={\r\
    \n :local routinggateway [/ip route get [find routing-table=\$routingmarkname] gateway]\
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
    \n       /ip route add routing-table=\$routingmarkname gateway=\$newroutinggateway dst-add\
    ress=0.0.0.0/0\r\
    \n    }\r\
    \n }\r\
    \n}\r\
    \n"
