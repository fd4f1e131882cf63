# rosemu: --ros 6
# /emulator lint: the known PCC mistakes
/import file-name=examples/guide-dual-wan.rsc
/emulator lint
# the guide's weighted 2:1 block appends its PCC rules after the
# mark-routing rules (no place-before)
/import file-name=examples/guide/13-weighted-2to1.rsc
/emulator lint
# move them up: clean again
/ip firewall mangle move [find comment~"PCC:"] destination=2
/emulator lint
# a missing remainder, a remainder that cannot match, a mark never routed
/ip firewall mangle set [find comment="PCC: WAN2 part 1"] per-connection-classifier=both-addresses:3/3
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark per-connection-classifier=src-address:2/0 action=mark-connection new-connection-mark=orphan
/emulator lint
# FastTrack next to PCC (the guide's caveat), a WAN without NAT
/ip firewall filter add chain=forward action=fasttrack-connection connection-state=established,related
/ip firewall nat remove [find]
/emulator lint
