# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 8.2 Enterprise Multi-WAN with Failover Priority - weighted PCC 5:2
#   (WAN1 remainders 0-4, WAN2 5-6 of 7) and WAN3 LTE as failover-only route
# RouterOS 6
# Version: written for RouterOS 6 like the rest of the guide; this excerpt
#   has only mark-connection rules and an unmarked route (also valid in v7).
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   The guide calls this an "excerpt - key differences from basic setup":
#   the rest (interfaces, incoming/routing-mark rules, WAN1/WAN2 routes, NAT)
#   is the basic dual-WAN setup (guide-dual-wan.rsc). Gateway 192.168.3.1
#   for WAN3 is as given; the guide shows no address for WAN3.
#   The bullet "Corporate VPN traffic forced through WAN1" has no commands here;
#   see 15-exception-vpn.rsc.
# Enterprise configuration excerpt - key differences from basic setup

# Weighted PCC for WAN1 and WAN2 (5:2 ratio = 7 total parts)
# WAN1 gets remainders 0, 1, 2, 3, 4
# WAN2 gets remainders 5, 6

/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:7/0 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:7/1 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:7/2 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:7/3 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:7/4 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:7/5 \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:7/6 \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes

# WAN3 (LTE) failover routes - higher distance values
/ip route add dst-address=0.0.0.0/0 gateway=192.168.3.1 distance=10 check-gateway=ping \
    comment="WAN3 LTE - Emergency failover only"
