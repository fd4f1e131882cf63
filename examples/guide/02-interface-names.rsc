# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.1 step 2 "Name the Interfaces" (ether1=WAN1, ether2=WAN2, ether3=LAN)
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
/interface set ether1 name=WAN1 comment="ISP 1 - 100 Mbps"
/interface set ether2 name=WAN2 comment="ISP 2 - 50 Mbps"
/interface set ether3 name=LAN comment="Local Network"
