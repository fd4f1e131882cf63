# rosemu: --ros 6
# action=log (and log=yes on any rule) writes the packet to /log under
# topics firewall,info, in RouterOS's form: prefix, chain, in/out
# interfaces, connection state, source MAC, protocol with TCP flags or ICMP
# type, addresses and ports, length
/import file-name=examples/slides-lab.rsc
/ip firewall filter add chain=forward protocol=tcp tcp-flags=syn action=log log-prefix=NEW
/ip firewall filter add chain=input protocol=icmp log=yes action=accept
/emulator generate file=lan.pcap connections=4 clients=2 seed=5
/emulator replay file=lan.pcap
/log print
/ip firewall filter print stats
