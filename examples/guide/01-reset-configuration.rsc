# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 4.1 Initial Router Setup, step 1 "Reset Router to Default (Optional)"
# RouterOS 6
# Version: the guide is written for RouterOS 6 (its routes select a table
#   with routing-mark= and mangle sets new-routing-mark= without any
#   /routing table); this block itself has no v6/v7-specific syntax.
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   WARNING: on a real router this erases the configuration and reboots.
#   Not part of guide-dual-wan.rsc for that reason.
/system reset-configuration no-defaults=yes skip-backup=yes
