# tests/live/tap.sh's router: LAN ether5 10.0.25.0/24 (the slide deck's
# LAN range, only inside the test's namespaces), ISP 1 on ether1
# 198.51.100.0/24, ISP 2 on ether2 203.0.113.0/24; PCC 2/0 and 2/1,
# marked and fallback routes with check-gateway (probes every second)
/ip address
add address=10.0.25.1/24 interface=ether5
add address=198.51.100.2/24 interface=ether1
add address=203.0.113.2/24 interface=ether2
/routing table
add name=to1 fib
add name=to2 fib
/routing settings
set check-gateway-ping-interval=1s check-gateway-ping-count=2
/ip firewall mangle
add chain=prerouting in-interface=ether5 connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:2/0 \
    action=mark-connection new-connection-mark=c1
add chain=prerouting in-interface=ether5 connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:2/1 \
    action=mark-connection new-connection-mark=c2
add chain=prerouting in-interface=ether5 connection-mark=c1 \
    action=mark-routing new-routing-mark=to1
add chain=prerouting in-interface=ether5 connection-mark=c2 \
    action=mark-routing new-routing-mark=to2
/ip route
add gateway=198.51.100.1 routing-table=to1 check-gateway=ping
add gateway=203.0.113.1 routing-table=to2 check-gateway=ping
add gateway=198.51.100.1 distance=1 check-gateway=ping
add gateway=203.0.113.1 distance=2 check-gateway=ping
/ip firewall nat
add chain=srcnat out-interface=ether1 action=masquerade
add chain=srcnat out-interface=ether2 action=masquerade
