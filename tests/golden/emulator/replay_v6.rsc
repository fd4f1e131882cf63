# rosemu: --ros 6
# a capture generated and replayed from the console; the connection table
# stays live for the commands that follow
/import file-name=examples/slides-lab.rsc
/emulator generate file=lan.pcap connections=40 clients=10 remotes=20 duration=5s seed=7
/emulator replay file=lan.pcap
/emulator distribution
/emulator distribution by=out-interface
/emulator distribution by=routing-mark
/ip firewall connection print count-only
/ip firewall connection print stats where connection-mark=WAN2
/ip firewall connection print detail where src-address~"^10.0.25.3:"
# remove acts on the router's table
/ip firewall connection remove [find connection-mark=WAN1]
:put [/ip firewall connection print count-only]
:put [/ip firewall connection print count-only where connection-mark=WAN1]
/emulator distribution
/emulator print
/ip firewall mangle print stats
