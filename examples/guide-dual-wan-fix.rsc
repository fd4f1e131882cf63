# guide-dual-wan-fix.rsc - what /emulator lint asks of guide-dual-wan.rsc
# Load after guide-dual-wan.rsc (or guide-dual-wan-v7.rsc).
# The guide's prerouting mark-routing rules read only the connection mark,
# so the answers that come back on WAN1/WAN2 are marked too and the marked
# table's default route sends them out the WAN again instead of to the LAN
# (a marked table has no connected routes).  MikroTik's own PCC example
# restricts these rules to the LAN side; so does this file.
/ip firewall mangle
set [ find action=mark-routing chain=prerouting ] in-interface=LAN
