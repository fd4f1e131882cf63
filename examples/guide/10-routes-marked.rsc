# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.3 Creating Routing Tables, step 1 "Add Default Routes with Routing Marks"
# RouterOS 6
# Version: written for RouterOS 6 - the marked routes use routing-mark=
#   (RouterOS 7: /routing table add fib + routing-table=).
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Default route for WAN1 traffic
/ip route add dst-address=0.0.0.0/0 gateway=192.168.1.1 routing-mark=route_WAN1 \
    check-gateway=ping distance=1 comment="Default route WAN1"

# Default route for WAN2 traffic
/ip route add dst-address=0.0.0.0/0 gateway=192.168.2.1 routing-mark=route_WAN2 \
    check-gateway=ping distance=1 comment="Default route WAN2"
