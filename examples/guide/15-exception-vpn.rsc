# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 5.3 Excluding Specific Traffic from Load Balancing - "Bypass PCC for VPN Traffic"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   place-before=0 puts the rule first in the mangle list, ahead of the PCC rules.
# Create address list for VPN servers
/ip firewall address-list add list=VPN_Servers address=203.0.113.10 comment="Corporate VPN"
/ip firewall address-list add list=VPN_Servers address=203.0.113.20 comment="Backup VPN"

# Force VPN traffic through WAN1 only (add before PCC rules)
/ip firewall mangle add chain=prerouting dst-address-list=VPN_Servers \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="Force VPN via WAN1" place-before=0
