# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.2 step 3 "Create Routing Marks Based on Connection Marks"
# RouterOS 6
# Version: written for RouterOS 6 - new-routing-mark=route_WANx is a v6
#   routing mark created on the fly; RouterOS 7 would first need
#   /routing table add name=route_WANx fib.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Route mark for WAN1 connections
/ip firewall mangle add chain=prerouting connection-mark=WAN1_conn \
    action=mark-routing new-routing-mark=route_WAN1 passthrough=yes \
    comment="Route via WAN1"

# Route mark for WAN2 connections
/ip firewall mangle add chain=prerouting connection-mark=WAN2_conn \
    action=mark-routing new-routing-mark=route_WAN2 passthrough=yes \
    comment="Route via WAN2"
