# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 5.3 "Exclude Local and Private Networks"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Create address list for private networks
/ip firewall address-list add list=PrivateNetworks address=10.0.0.0/8
/ip firewall address-list add list=PrivateNetworks address=172.16.0.0/12
/ip firewall address-list add list=PrivateNetworks address=192.168.0.0/16

# Exclude private destinations from PCC (add before PCC rules)
/ip firewall mangle add chain=prerouting dst-address-list=PrivateNetworks \
    action=accept comment="Skip PCC for private networks" place-before=0
