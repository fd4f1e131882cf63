# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 6.1 Common PCC Configuration Problems, "Problem 1: All Traffic Uses One WAN",
#   solution "Clear connection tracking table"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: the command is taken from a prose bullet
#   ("Clear connection tracking table: /ip firewall connection remove [find]").
# Notes:
#   Removes every tracked connection so new ones are classified again.
/ip firewall connection remove [find]
