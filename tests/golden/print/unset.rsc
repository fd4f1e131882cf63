# rosemu: --ros 6
# unset <numbers> value-name=...: properties back to unset/default; an
# unknown or required property is refused and nothing changes.
/ip firewall mangle
add chain=prerouting action=mark-connection new-connection-mark=A connection-mark=no-mark in-interface=ether1 dst-address-type=!local
unset 0 value-name=connection-mark
unset [find] in-interface,dst-address-type
print
/ip route
add gateway=192.0.2.1 routing-mark=x check-gateway=ping
unset 0 value-name=check-gateway
:put [/ip route get 0 check-gateway]
unset 0 routing-mark
export
/ip firewall mangle unset 0 value-name=no-such-property
