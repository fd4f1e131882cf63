# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 10. Complete MikroTik PCC Configuration Script -
#   "BASIC FIREWALL (Optional but recommended)" (excerpt of 32-complete-script.rsc)
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   Excerpt only: the same lines appear in 32-complete-script.rsc. "Accept
#   from LAN" needs an interface named LAN.
#----- BASIC FIREWALL (Optional but recommended) -----#
/ip firewall filter add chain=input connection-state=established,related action=accept \
    comment="Accept established connections"
/ip firewall filter add chain=input connection-state=invalid action=drop \
    comment="Drop invalid connections"
/ip firewall filter add chain=input in-interface=LAN action=accept \
    comment="Accept from LAN"
/ip firewall filter add chain=input action=drop \
    comment="Drop all other input"

/ip firewall filter add chain=forward connection-state=established,related action=accept \
    comment="Accept established forward"
/ip firewall filter add chain=forward connection-state=invalid action=drop \
    comment="Drop invalid forward"
/ip firewall filter add chain=forward in-interface=LAN action=accept \
    comment="Accept forward from LAN"
/ip firewall filter add chain=forward action=drop \
    comment="Drop all other forward"
