# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.2 Configuring Mangle Rules, step 1 "Mark Incoming Connections from Each WAN"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Mark connections coming in through WAN1
/ip firewall mangle add chain=prerouting in-interface=WAN1 connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="Mark incoming WAN1 connections"

# Mark connections coming in through WAN2
/ip firewall mangle add chain=prerouting in-interface=WAN2 connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes \
    comment="Mark incoming WAN2 connections"
