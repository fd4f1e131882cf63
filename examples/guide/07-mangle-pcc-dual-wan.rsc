# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.2 step 2 "Apply PCC Classification for Outgoing Traffic"
#   (dual WAN, equal split both-addresses:2/0 and 2/1)
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   The "per-connection-classifier=both-addresses:2/0" line under
#   "Understanding the PCC Syntax" only illustrates this argument; it is not
#   a command and has no file of its own.
# PCC rule for WAN1 (remainder 0 of 2)
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:2/0 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="PCC: Mark for WAN1"

# PCC rule for WAN2 (remainder 1 of 2)
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:2/1 \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes \
    comment="PCC: Mark for WAN2"
