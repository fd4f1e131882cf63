# /ip address export: computed network=, alphabetical properties,
# comments quoted, defaults (disabled=no) omitted.
/ip address
add address=192.0.2.1/24 interface=ether1 comment="uplink A"
add interface=ether2 address=198.51.100.7/25 disabled=no
add address=203.0.113.9/32 interface=ether3 disabled=yes
/ip address print
/ip address export
