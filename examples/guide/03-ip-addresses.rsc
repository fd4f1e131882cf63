# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.1 step 3 "Assign IP Addresses"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   Uses the interface names set by 02-interface-names.rsc.
# WAN1 IP Address
/ip address add address=192.168.1.2/24 interface=WAN1 comment="ISP 1"

# WAN2 IP Address
/ip address add address=192.168.2.2/24 interface=WAN2 comment="ISP 2"

# LAN IP Address
/ip address add address=10.0.0.1/24 interface=LAN comment="Local Network"
