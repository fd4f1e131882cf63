# rosemu: --ros 6
# /interface print lists every kind with its TYPE: R running (enabled),
# X disabled, S bridge slave; NAME is the elastic column.
/interface bridge add name=bridge-lan
/interface bridge port
add bridge=bridge-lan interface=ether3
add bridge=bridge-lan interface=ether4
/interface vlan add name=vlan100 vlan-id=100 interface=ether2
/interface ethernet set [ find default-name=ether5 ] disabled=yes comment=spare
/interface print
/interface print where type=ether
/interface print detail
