# rosemu: --ros 6
# export file=NAME writes NAME.rsc to the file store (rosemu: the current
# directory) and prints nothing; a name ending in .rsc is kept.  print
# file=NAME writes NAME.txt.
/ip address add address=192.0.2.1/24 interface=ether1
/ip firewall filter add chain=input action=drop in-interface=ether1
/export file=whole
/ip address export file=addr.rsc
/ip firewall filter print file=filter
:put "nothing printed above"
