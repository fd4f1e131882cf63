# rosemu: --ros 6
# /ip route check (routeros-engine.md §5.5, settings layout §6.6) on the
# slide deck's lab: the default route in main, a connected WAN network, the
# LAN, the marked table of WAN3, and an address with no route once the defaults are disabled.
/import file-name=examples/slides-lab.rsc
/ip route check 8.8.8.8
/ip route check dst-ip=172.18.0.9
/ip route check 10.0.25.7
/ip route check 8.8.8.8 routing-mark=ether3-mark
/ip route disable [find where !routing-mark]
/ip route check 8.8.8.8
