# rosemu: --ros 6
# print stats of a rule list: the table of chain, action and counters
# (engine §6.3), comments after the number as in every v6 table.
/ip firewall mangle
add chain=prerouting action=mark-connection new-connection-mark=A comment="mark A"
add chain=forward action=accept disabled=yes
add chain=output action=passthrough
print stats
print stats where chain=forward
