# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 10. "Post-Installation Verification Commands"
# RouterOS 6
# Version: written for RouterOS 6 like the rest of the guide (gateway-status
#   is the v6 /ip route property).
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Check mangle rules are active
/ip firewall mangle print stats where chain=prerouting

# Verify routes are reachable
/ip route print where gateway-status~"reachable"

# Test connectivity
/ping 8.8.8.8 count=5
/ping 1.1.1.1 count=5

# Check connection distribution
:put "WAN1: $[/ip firewall connection print count-only where connection-mark=WAN1_conn]"
:put "WAN2: $[/ip firewall connection print count-only where connection-mark=WAN2_conn]"
