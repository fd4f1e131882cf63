# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 5.1 Weighted Load Balancing with PCC -
#   "Example: 100 Mbps (WAN1) + 50 Mbps (WAN2) = 2:1 Ratio"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   Replaces the two rules of 07-mangle-pcc-dual-wan.rsc (removed by their
#   "PCC:" comments). Kept as given: the new rules have no place-before, so
#   on a router holding 06-09 they are appended after the routing-mark
#   rules; the first packet of each new connection then gets no routing
#   mark and follows the main table. To keep the order of section 4.2 the
#   rules would have to be moved up above the "Route via" rules.
#   The guide's "Weighted Distribution Table" (1:1, 2:1, 4:1, 3:1) is prose; only
#   the 2:1 case is given as commands.
# Remove previous PCC rules first
/ip firewall mangle remove [find comment~"PCC:"]

# Weighted PCC: WAN1 gets 2 parts, WAN2 gets 1 part (total 3)
# WAN1 - remainder 0
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:3/0 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="PCC: WAN1 part 1"

# WAN1 - remainder 1
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:3/1 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="PCC: WAN1 part 2"

# WAN2 - remainder 2
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:3/2 \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes \
    comment="PCC: WAN2 part 1"
