# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 5.3 "Force Specific Services Through Designated WAN" - server 10.0.0.50 via WAN2
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Force all traffic from specific server through WAN2
/ip firewall mangle add chain=prerouting src-address=10.0.0.50 \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes \
    comment="Server 10.0.0.50 via WAN2" place-before=0
