# find with bare conditions and where, export idioms.
/interface ethernet set [ find default-name=ether1 ] name=wan1
/ip firewall address-list
add list=a address=192.0.2.1 comment=one
add list=a address=192.0.2.2 comment=two disabled=yes
add list=b address=198.51.100.1
:put [:len [find list=a]]
:put [:len [find where list=a and !disabled]]
:put [:len [find where comment~"^t"]]
print count-only where list=b
:put [/interface ethernet get [find default-name=ether1] name]
remove [find list=a]
print
