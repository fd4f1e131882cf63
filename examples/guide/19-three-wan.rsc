# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 5.4 PCC with More Than Two WAN Connections - "Three WAN Configuration Example"
#   (ether1..3 = WAN1..3, ether4 = LAN; complete on its own)
# RouterOS 6
# Version: written for RouterOS 6 - mangle sets new-routing-mark= (a v6
#   routing mark, no /routing table) and routes use routing-mark=
#   (RouterOS 7: /routing table add fib + routing-table=).
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   As in the guide, this example has no output-chain mark-routing rules
#   (the dual-WAN setup has them in 09-mangle-output.rsc).
# Interface setup
/interface set ether1 name=WAN1
/interface set ether2 name=WAN2
/interface set ether3 name=WAN3
/interface set ether4 name=LAN

# IP Addresses
/ip address add address=192.168.1.2/24 interface=WAN1
/ip address add address=192.168.2.2/24 interface=WAN2
/ip address add address=192.168.3.2/24 interface=WAN3
/ip address add address=10.0.0.1/24 interface=LAN

# Mangle - Mark incoming connections
/ip firewall mangle add chain=prerouting in-interface=WAN1 connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=WAN2 connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=WAN3 connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN3_conn passthrough=yes

# Mangle - PCC for 3 WANs (denominator = 3)
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:3/0 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:3/1 \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:3/2 \
    action=mark-connection new-connection-mark=WAN3_conn passthrough=yes

# Mangle - Routing marks
/ip firewall mangle add chain=prerouting connection-mark=WAN1_conn \
    action=mark-routing new-routing-mark=route_WAN1 passthrough=yes
/ip firewall mangle add chain=prerouting connection-mark=WAN2_conn \
    action=mark-routing new-routing-mark=route_WAN2 passthrough=yes
/ip firewall mangle add chain=prerouting connection-mark=WAN3_conn \
    action=mark-routing new-routing-mark=route_WAN3 passthrough=yes

# Routes with routing marks
/ip route add dst-address=0.0.0.0/0 gateway=192.168.1.1 routing-mark=route_WAN1 \
    check-gateway=ping distance=1
/ip route add dst-address=0.0.0.0/0 gateway=192.168.2.1 routing-mark=route_WAN2 \
    check-gateway=ping distance=1
/ip route add dst-address=0.0.0.0/0 gateway=192.168.3.1 routing-mark=route_WAN3 \
    check-gateway=ping distance=1

# Fallback routes
/ip route add dst-address=0.0.0.0/0 gateway=192.168.1.1 distance=1 check-gateway=ping
/ip route add dst-address=0.0.0.0/0 gateway=192.168.2.1 distance=2 check-gateway=ping
/ip route add dst-address=0.0.0.0/0 gateway=192.168.3.1 distance=3 check-gateway=ping

# NAT rules
/ip firewall nat add chain=srcnat out-interface=WAN1 action=masquerade
/ip firewall nat add chain=srcnat out-interface=WAN2 action=masquerade
/ip firewall nat add chain=srcnat out-interface=WAN3 action=masquerade
