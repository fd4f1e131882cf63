# rosemu: --ros 7
# /interface print in RouterOS 7: R, S and X in columns of their own, only
# those that occur; empty columns (L2MTU, MAX-L2MTU on a virtual router)
# are left out.
/interface bridge add name=bridge-lan
/interface bridge port
add bridge=bridge-lan interface=ether3
add bridge=bridge-lan interface=ether4
/interface vlan add name=vlan100 vlan-id=100 interface=ether2
/interface ethernet set [ find default-name=ether5 ] disabled=yes comment=spare
/interface print
