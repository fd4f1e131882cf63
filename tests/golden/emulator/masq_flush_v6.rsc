# rosemu: --ros 6
# masquerade connections go when their interface's address changes or the
# interface goes down; src-nat ones stay (reference §3)
/import file-name=examples/slides-lab.rsc
# WAN3 with src-nat instead of masquerade
/ip firewall nat set [find out-interface=ether3] action=src-nat to-addresses=172.19.0.2
/emulator generate file=lan.pcap connections=60 clients=10 remotes=30 duration=5s seed=3
/emulator replay file=lan.pcap
/emulator distribution by=out-interface
# a new address on ether1 (as after a new DHCP lease)
/ip address set [find interface=ether1] address=172.17.0.3/24
/emulator distribution by=out-interface
# ether3 down: its src-nat connections stay
/interface disable ether3
/emulator distribution by=out-interface
# ether2 down: its masquerade connections go
/interface disable ether2
/emulator distribution by=out-interface
