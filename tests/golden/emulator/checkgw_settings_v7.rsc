# rosemu: --ros 7
# v7 keeps check-gateway's knobs in /routing settings: probes every
# check-gateway-ping-interval, unreachable after check-gateway-ping-count
# lost in a row; check-gateway=arp asks on the gateway's own network
/import file-name=examples/guide-dual-wan-v7.rsc
/routing settings set check-gateway-ping-interval=5s check-gateway-ping-count=3
/ip route set [find gateway=192.168.2.1] check-gateway=arp
/emulator gateway set 192.168.1.1 reachable=no
/emulator link set WAN2 running=no
:delay 20s
/ip route print
/emulator timeline
