# rosemu: --ros 6
# /emulator explain: one packet through the slide deck's lab, rule by rule
/import file-name=examples/slides-lab.rsc
/emulator
# PCC picks the WAN from both addresses; the mark becomes a routing mark
explain src-address=10.0.25.7 dst-address=198.51.100.9 dst-port=443
explain src-address=10.0.25.8 dst-address=198.51.100.9 dst-port=443
explain src-address=10.0.25.9 dst-address=198.51.100.9 protocol=udp dst-port=53
# to the router itself: delivered, not balanced
explain src-address=10.0.25.7 dst-address=10.0.25.1 dst-port=8291
# the LAN's own network is not balanced either (dst-address-type=!local)
explain src-address=10.0.25.7 dst-address=172.18.0.1 protocol=icmp
# a new connection arriving on WAN2 is marked for WAN2
explain src-address=203.0.113.5 dst-address=172.18.0.2 dst-port=22 in-interface=ether2
# explain changes nothing: no counters, no connections
:put [/ip firewall connection print count-only]
/ip firewall mangle print stats
# errors
explain src-address=10.0.25.7
