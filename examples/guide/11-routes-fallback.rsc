# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.3 step 2 "Add Fallback Default Routes" (unmarked, distance 1 and 2)
# RouterOS 6
# Version: written for RouterOS 6 like the rest of the guide (these unmarked
#   routes go to the main table; the block itself is also valid in v7).
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Primary fallback route (WAN1)
/ip route add dst-address=0.0.0.0/0 gateway=192.168.1.1 distance=1 \
    check-gateway=ping comment="Fallback route WAN1"

# Secondary fallback route (WAN2)
/ip route add dst-address=0.0.0.0/0 gateway=192.168.2.1 distance=2 \
    check-gateway=ping comment="Fallback route WAN2"
