# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 8.3 ISP/WISP Customer Load Balancing - src-address classifier
#   (each customer stays on one transit uplink)
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   bridge-customers and the Transit1_conn/Transit2_conn marks are as given;
#   the guide shows no bridge, routing-mark rules or routes for this case.
# ISP-specific PCC using src-address for customer consistency
/ip firewall mangle add chain=prerouting in-interface=bridge-customers \
    connection-mark=no-mark dst-address-type=!local \
    per-connection-classifier=src-address:2/0 \
    action=mark-connection new-connection-mark=Transit1_conn passthrough=yes

/ip firewall mangle add chain=prerouting in-interface=bridge-customers \
    connection-mark=no-mark dst-address-type=!local \
    per-connection-classifier=src-address:2/1 \
    action=mark-connection new-connection-mark=Transit2_conn passthrough=yes
