# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 5.3 "Force Specific Services Through Designated WAN" - SIP (udp 5060-5061) via WAN1
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Force VOIP traffic (SIP) through WAN1 for consistent NAT
/ip firewall mangle add chain=prerouting protocol=udp dst-port=5060-5061 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="Force SIP via WAN1" place-before=0
