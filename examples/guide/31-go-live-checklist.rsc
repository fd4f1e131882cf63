# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 9. Best Practices - "Commands Checklist Before Going Live"
# RouterOS 6
# Version: written for RouterOS 6 - "/ping ... routing-table=route_WANx" uses
#   the v6 ping argument routing-table= with a v6 routing mark (RouterOS 7
#   ping has no routing-table argument; it uses vrf=).
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Verify configuration
/ip address print
/ip route print
/ip firewall mangle print
/ip firewall nat print

# Test connectivity through each WAN
/ping 8.8.8.8 routing-table=route_WAN1 count=5
/ping 8.8.8.8 routing-table=route_WAN2 count=5

# Backup configuration
/export file=pcc-config-backup
/system backup save name=pcc-full-backup
