# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.2 step 4 "Handle Router-Generated Traffic (Output Chain)"
# RouterOS 6
# Version: written for RouterOS 6 - new-routing-mark=route_WANx is a v6
#   routing mark created on the fly; RouterOS 7 would first need
#   /routing table add name=route_WANx fib.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Mark routing for router's own traffic via WAN1
/ip firewall mangle add chain=output connection-mark=WAN1_conn \
    action=mark-routing new-routing-mark=route_WAN1 passthrough=yes \
    comment="Output: Route via WAN1"

# Mark routing for router's own traffic via WAN2
/ip firewall mangle add chain=output connection-mark=WAN2_conn \
    action=mark-routing new-routing-mark=route_WAN2 passthrough=yes \
    comment="Output: Route via WAN2"
