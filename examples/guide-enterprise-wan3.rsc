# guide-enterprise-wan3.rsc - the rest of the guide's section 8.2 lab
# Load after guide-dual-wan.rsc (and guide-dual-wan-fix.rsc), before
# guide/29-enterprise-5to2-lte-failover.rsc, which says it is an excerpt of
# "key differences from basic setup".  This file supplies what the excerpt
# leaves to the reader, each a judgement call:
#   - the dual-WAN 2:2 PCC rules go (29 replaces them with 5:2 rules);
#   - WAN3 (LTE) is ether4 with 192.168.3.2/24 (the guide gives only the
#     gateway 192.168.3.1) and is masqueraded like WAN1 and WAN2.
/interface ethernet
set [ find default-name=ether4 ] name=WAN3 comment="ISP 3 - LTE"
/ip address
add address=192.168.3.2/24 interface=WAN3 comment="ISP 3 LTE"
/ip firewall mangle
remove [ find comment~"PCC" ]
/ip firewall nat
add chain=srcnat out-interface=WAN3 action=masquerade comment="NAT for WAN3"
