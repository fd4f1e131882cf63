# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 7.3 "Configure Email Alerts for Link Failures"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   Changes the netwatch entry commented "Monitor WAN1" from
#   14-netwatch-failover.rsc - load that file first. The new down-script
#   replaces the address-list one (the guide does not combine them).
#   password=secretpassword is the guide's placeholder.
# Configure email settings
/tool e-mail set server=smtp.company.com port=587 \
    from=mikrotik@company.com user=mikrotik@company.com password=secretpassword

# Add alert script to Netwatch
/tool netwatch set [find comment="Monitor WAN1"] \
    down-script=":log warning \"WAN1 is DOWN\"; /tool e-mail send to=\"admin@company.com\" subject=\"Alert: WAN1 Down\" body=\"WAN1 link has failed.\""
