# rosemu: --ros 6
# print from= (numbers, ids, find results) and proplist= (table columns,
# detail properties); filtered prints keep the numbers of the whole list.
/ip firewall address-list
add list=a address=192.0.2.1
add list=b address=192.0.2.2 comment=two
add list=a address=192.0.2.3
add list=c address=192.0.2.4
print from=1,3
print from=*1
print from=[find list=a]
print proplist=address,list
print detail proplist=list,comment
print where list=a
print count-only from=0,1
/ip firewall mangle
add chain=prerouting action=mark-connection new-connection-mark=A
add chain=forward action=accept protocol=tcp
print proplist=chain,action
print detail from=1
print chain=forward
