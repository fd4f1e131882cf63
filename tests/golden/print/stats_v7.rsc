# rosemu: --ros 7
# print stats in RouterOS 7: a Columns: table.
/ip firewall mangle
add chain=prerouting action=mark-connection new-connection-mark=A comment="mark A"
add chain=forward action=accept disabled=yes
add chain=output action=passthrough
print stats
