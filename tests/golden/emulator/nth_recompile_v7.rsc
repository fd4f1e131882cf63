# rosemu: --ros 7
# nth keeps counting across a change of the configuration (a recompile of
# the rules), like limit and connection-limit: rule 1 sees every packet,
# rule 0 takes the 1st, 4th, 7th ... (nth=3,1).  Two replays of 10 packets:
# 7 of 20 taken (4 of the first 10, 3 of the next), not 4 + 4 as a counter
# that restarted with the recompile would give
/ip address
add address=10.0.25.1/24 interface=ether5
add address=198.51.100.2/24 interface=ether1
/ip route add gateway=198.51.100.1
/ip firewall mangle
add chain=forward nth=3,1 action=passthrough
add chain=forward action=passthrough
/emulator generate file=a.pcap connections=1 clients=1 seed=1
/emulator replay file=a.pcap
print stats
/ip firewall address-list add list=x address=192.0.2.1
/emulator replay file=a.pcap
print stats
