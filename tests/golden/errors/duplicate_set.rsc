# rosemu: --ros 7
# A set that makes two address-list entries equal fails and changes
# nothing; after a set the old address is free again and the new one taken.
/ip firewall address-list
add list=a address=192.0.2.1
add list=a address=192.0.2.2
set [find address=192.0.2.2] address=192.0.2.3
add list=a address=192.0.2.2
:do { set [find address=192.0.2.3] address=192.0.2.1 } on-error={ :put "refused" }
:do { add list=a address=192.0.2.3 } on-error={ :put "refused again" }
print
