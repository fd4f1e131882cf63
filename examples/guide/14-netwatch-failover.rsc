# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 5.2 Integrating Failover with PCC Load Balancing,
#   "Method 2: Using Netwatch for Enhanced Monitoring"
# RouterOS 6
# Version: written for RouterOS 6 like the rest of the guide; the netwatch
#   host/interval/timeout/up-script/down-script syntax exists in v6 and v7.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   "Method 1: Using check-gateway on Routes" has no commands of its own (it
#   refers to check-gateway=ping in 10-/11-routes).
#   The guide shows no rule that uses the WAN1_up / WAN2_up lists; as given,
#   netwatch only enables/disables these address-list entries.
# Create address lists for WAN status
/ip firewall address-list add list=WAN1_up address=192.168.1.2
/ip firewall address-list add list=WAN2_up address=192.168.2.2

# Netwatch for WAN1 - Monitor external host via WAN1
/tool netwatch add host=8.8.8.8 interval=10s timeout=2s \
    up-script="/ip firewall address-list enable [find list=WAN1_up]" \
    down-script="/ip firewall address-list disable [find list=WAN1_up]" \
    comment="Monitor WAN1"

# Netwatch for WAN2 - Monitor external host via WAN2
/tool netwatch add host=8.8.4.4 interval=10s timeout=2s \
    up-script="/ip firewall address-list enable [find list=WAN2_up]" \
    down-script="/ip firewall address-list disable [find list=WAN2_up]" \
    comment="Monitor WAN2"
