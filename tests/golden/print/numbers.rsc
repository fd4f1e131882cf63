# rosemu: --ros 6
# Item numbers are print's: after a print, N means what it showed as N,
# even when items were added or removed since (engine §6.1); before any
# print they are assigned as print would.  Ids (*1) never change.
/ip firewall address-list
add list=a address=192.0.2.1
add list=a address=192.0.2.2
add list=a address=192.0.2.3
set 2 comment=third
print where list=a and address!=192.0.2.1
remove 0
add list=a address=192.0.2.9
set 1 comment=second
print
set *4 list=b
print
disable 1
enable *2
print
remove 5
