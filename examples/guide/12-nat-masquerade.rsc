# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.4 Implementing NAT Rules for Multi-WAN Setup - "Source NAT (Masquerade) Rules"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Masquerade traffic going out WAN1
/ip firewall nat add chain=srcnat out-interface=WAN1 action=masquerade \
    comment="NAT for WAN1"

# Masquerade traffic going out WAN2
/ip firewall nat add chain=srcnat out-interface=WAN2 action=masquerade \
    comment="NAT for WAN2"
