# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 6.3 Verifying Load Distribution Accuracy - "Third Method: Bandwidth Test per WAN"
# RouterOS 6
# Version: written for RouterOS 6 - routing-mark=route_WANx is a v6 routing mark.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   speedtest.server.com is the guide's placeholder for a bandwidth-test server.
#   Kept as given: the RouterOS 7.19 command tree has no routing-mark argument
#   for /tool bandwidth-test, and whether v6 has one is unverified.
# Test WAN1 throughput
/tool bandwidth-test address=speedtest.server.com routing-mark=route_WAN1

# Test WAN2 throughput
/tool bandwidth-test address=speedtest.server.com routing-mark=route_WAN2
