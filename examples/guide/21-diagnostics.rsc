# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 6.2 Diagnostic Commands and Tools
# RouterOS 6
# Version: written for RouterOS 6 - "/ip route check ... routing-mark=" checks a
#   v6 routing mark (RouterOS 7 has routing tables instead).
# Changes from the document: the prose sub-headings between the guide's
#   command blocks ("Check Mangle Rule Counters", ...) are kept as # comments;
#   commands verbatim.
# Notes:
#   /tool torch and /interface monitor-traffic run until interrupted (Ctrl-C);
#     they are interactive commands, not configuration.
#   "/tool sniffer set interface=WAN1" is kept as the guide gives it; the
#     RouterOS 6.x/7 sniffer setting is called filter-interface (the 7.19
#     command tree has no "interface" argument) - unverified for every v6.
#   "/ip route check ... routing-mark=" is kept as given; whether v6
#     route check accepts routing-mark= is unverified.
# Count connections per mark
:put "WAN1 connections: $[/ip firewall connection print count-only where connection-mark=WAN1_conn]"
:put "WAN2 connections: $[/ip firewall connection print count-only where connection-mark=WAN2_conn]"

# Check Mangle Rule Counters

/ip firewall mangle print stats

# Monitor Real-Time Traffic per Interface

# Using Torch
/tool torch interface=WAN1
/tool torch interface=WAN2

# Using interface monitor
/interface monitor-traffic WAN1,WAN2

# View Active Connections

# Show all connections with marks
/ip firewall connection print where connection-mark~"WAN"

# Show connections for specific source
/ip firewall connection print where src-address~"10.0.0.100"

# Test Routing for Specific Traffic

# Check which route a packet would use
/ip route check 8.8.8.8 routing-mark=route_WAN1
/ip route check 8.8.8.8 routing-mark=route_WAN2

# Packet Sniffer for Deep Analysis

/tool sniffer set interface=WAN1 filter-ip-address=10.0.0.100/32
/tool sniffer start
# Wait for traffic
/tool sniffer stop
/tool sniffer packet print
