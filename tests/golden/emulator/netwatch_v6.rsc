# rosemu: --ros 6
# the guide's netwatch recipe (examples/guide/14): each host is probed every
# interval on the virtual clock; a change of state runs up-script or
# down-script, which enable/disable the WANx_up address-list entries
/import file-name=examples/guide-dual-wan.rsc
/import file-name=examples/guide/14-netwatch-failover.rsc
/tool netwatch print
:delay 10s
/tool netwatch print
/ip firewall address-list print
# 8.8.4.4 stops answering: WAN2's monitor goes down at its next probe
/emulator gateway set 8.8.4.4 reachable=no
:delay 10s
/tool netwatch print
/ip firewall address-list print
/emulator gateway set 8.8.4.4 reachable=yes
# the probes follow the main table: with WAN1's gateway dead, 8.8.8.8 is
# down until check-gateway moves the default route to WAN2, then up again
# (the guide's netwatch has no host route pinning 8.8.8.8 to WAN1)
/emulator gateway set 192.168.1.1 reachable=no
:delay 30s
/tool netwatch print detail
/ip firewall address-list print
/emulator timeline
# a changed entry starts over: status unknown, probed one interval later
/tool netwatch set [find host=8.8.4.4] interval=5s
/tool netwatch print
:delay 5s
/tool netwatch print
