# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 7.1 Tuning Connection Tracking -
#   "Adjust Connection Tracking Timeouts", "Increase Connection Table Size",
#   "Monitor Connection Table Usage"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: the prose sub-headings are kept as # comments;
#   commands verbatim.
# Adjust Connection Tracking Timeouts
/ip firewall connection tracking set \
    tcp-established-timeout=1d \
    tcp-close-timeout=10s \
    tcp-close-wait-timeout=10s \
    tcp-fin-wait-timeout=10s \
    tcp-last-ack-timeout=10s \
    tcp-syn-received-timeout=5s \
    tcp-syn-sent-timeout=5s \
    tcp-time-wait-timeout=10s \
    udp-timeout=10s \
    udp-stream-timeout=3m \
    icmp-timeout=10s \
    generic-timeout=10m

# Increase Connection Table Size

# Check current settings
/ip firewall connection tracking print

# Increase max entries (default is 262144)
/ip firewall connection tracking set max-entries=524288

# Monitor Connection Table Usage

/ip firewall connection print count-only
