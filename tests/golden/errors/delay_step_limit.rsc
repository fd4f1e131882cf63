# rosemu: --max-steps 5000
# the router's own timers (a check-gateway probe every 10 s here) are steps
# of the run: --max-steps bounds a long :delay (found by tests/fuzz: it
# ran for minutes, probe after probe)
/ip address add address=192.168.1.2/24 interface=ether1
/ip route add gateway=192.168.1.1 check-gateway=ping
:put "before"
:delay 1000w
:put "never"
