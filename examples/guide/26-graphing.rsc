# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 7.3 "Create Graphing for Bandwidth Visualization"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   Needs interfaces WAN1, WAN2, LAN (02-interface-names.rsc).
/tool graphing interface add interface=WAN1 store-on-disk=yes
/tool graphing interface add interface=WAN2 store-on-disk=yes
/tool graphing interface add interface=LAN store-on-disk=yes
