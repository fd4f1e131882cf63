# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.1 step 5 "Configure DHCP Server for LAN (Optional)"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   Needs interface LAN (02-interface-names.rsc) with 10.0.0.1/24 (03-ip-addresses.rsc).
# Create DHCP Pool
/ip pool add name=dhcp-pool ranges=10.0.0.100-10.0.0.254

# Create DHCP Network
/ip dhcp-server network add address=10.0.0.0/24 gateway=10.0.0.1 dns-server=10.0.0.1

# Create DHCP Server
/ip dhcp-server add name=dhcp-lan interface=LAN address-pool=dhcp-pool disabled=no
