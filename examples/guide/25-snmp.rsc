# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 7.3 Monitoring and Logging Best Practices - "Enable SNMP for External Monitoring"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   "public" is the name of the default SNMP community.
/snmp set enabled=yes contact="admin@company.com" location="Server Room"
/snmp community set public read-access=yes write-access=no addresses=10.0.0.0/24
