# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 8.1 Small Business Dual-WAN Setup (fiber WAN1-Fiber, cable WAN2-Cable,
#   LAN 192.168.1.0/24, VoIP phones 192.168.1.50-60 forced via fiber)
# RouterOS 6
# Version: written for RouterOS 6 - mangle sets new-routing-mark= (a v6
#   routing mark, no /routing table) and routes use routing-mark=
#   (RouterOS 7: /routing table add fib + routing-table=).
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   Kept as given: the "VoIP via Fiber only" rule is added before the other
#   mangle rules (as listed) and has no connection-mark=no-mark, so the PCC
#   rules after it (connection-mark=no-mark) skip connections it marked.
#   As in the guide, there are no output-chain mark-routing rules here.
# Complete small business configuration
/interface set ether1 name=WAN1-Fiber
/interface set ether2 name=WAN2-Cable
/interface set ether3 name=LAN

/ip address add address=203.0.113.2/30 interface=WAN1-Fiber
/ip address add address=198.51.100.2/30 interface=WAN2-Cable
/ip address add address=192.168.1.1/24 interface=LAN

# Mark VoIP phones to use fiber only
/ip firewall address-list add list=VoIP-Phones address=192.168.1.50-192.168.1.60

/ip firewall mangle add chain=prerouting src-address-list=VoIP-Phones \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="VoIP via Fiber only"

# Standard PCC rules
/ip firewall mangle add chain=prerouting in-interface=WAN1-Fiber connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=WAN2-Cable connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes

/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:2/0 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:2/1 \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes

/ip firewall mangle add chain=prerouting connection-mark=WAN1_conn \
    action=mark-routing new-routing-mark=route_WAN1 passthrough=yes
/ip firewall mangle add chain=prerouting connection-mark=WAN2_conn \
    action=mark-routing new-routing-mark=route_WAN2 passthrough=yes

/ip route add dst-address=0.0.0.0/0 gateway=203.0.113.1 routing-mark=route_WAN1 check-gateway=ping
/ip route add dst-address=0.0.0.0/0 gateway=198.51.100.1 routing-mark=route_WAN2 check-gateway=ping
/ip route add dst-address=0.0.0.0/0 gateway=203.0.113.1 distance=1 check-gateway=ping
/ip route add dst-address=0.0.0.0/0 gateway=198.51.100.1 distance=2 check-gateway=ping

/ip firewall nat add chain=srcnat out-interface=WAN1-Fiber action=masquerade
/ip firewall nat add chain=srcnat out-interface=WAN2-Cable action=masquerade
