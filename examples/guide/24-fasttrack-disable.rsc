# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 7.2 Hardware Acceleration Considerations - "FastTrack and PCC"
#   ("Important: FastTrack bypasses mangle rules. This breaks PCC functionality.")
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Check if FastTrack is enabled
/ip firewall filter print where action=fasttrack-connection

# Disable FastTrack for PCC to work
/ip firewall filter disable [find action=fasttrack-connection]
