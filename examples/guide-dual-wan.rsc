# guide-dual-wan.rsc - the guide's dual-WAN PCC lab as one file
# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Sections: 4.1 steps 2-5 (interfaces, addresses, DNS, DHCP server),
#   4.2 (mangle), 4.3 (routes), 4.4 (NAT), plus the "BASIC FIREWALL (Optional
#   but recommended)" filter rules of section 10.
# RouterOS 6
# Version: written for RouterOS 6, the only dialect the guide uses: mangle
#   sets new-routing-mark=route_WANx and routes select it with routing-mark=,
#   with no /routing table (RouterOS 7 would need /routing table add fib and
#   routing-table=). The guide has no RouterOS 7 variant;
#   guide-dual-wan-v7.rsc is this lab translated to RouterOS 7.
# Topology (section 3.2): ether1 = WAN1 192.168.1.2/24 gw 192.168.1.1 (ISP 1,
#   100 Mbps); ether2 = WAN2 192.168.2.2/24 gw 192.168.2.1 (ISP 2, 50 Mbps);
#   ether3 = LAN 10.0.0.1/24.
# How this differs from the guide's text (all judgement calls):
#   - written export style: each menu on its own line followed by add/set
#     lines; arguments and comments are the guide's, in the guide's order.
#   - interface naming uses "/interface ethernet set [ find default-name=etherN ]"
#     (as an export writes it) instead of "/interface set etherN"; same effect.
#   - left out: step 1 "/system reset-configuration no-defaults=yes
#     skip-backup=yes" (erases the router; see guide/01-reset-configuration.rsc).
#   - the guide's per-command "# ..." explanations are shortened into section
#     comments.
#   - 32-complete-script.rsc (section 10) is the same setup driven by
#     variables; it has no DHCP server and some comment texts differ.
#----- INTERFACE NAMING (4.1 step 2) -----
/interface ethernet
set [ find default-name=ether1 ] name=WAN1 comment="ISP 1 - 100 Mbps"
set [ find default-name=ether2 ] name=WAN2 comment="ISP 2 - 50 Mbps"
set [ find default-name=ether3 ] name=LAN comment="Local Network"
#----- IP ADDRESSES (4.1 step 3) -----
/ip address
add address=192.168.1.2/24 interface=WAN1 comment="ISP 1"
add address=192.168.2.2/24 interface=WAN2 comment="ISP 2"
add address=10.0.0.1/24 interface=LAN comment="Local Network"
#----- DNS (4.1 step 4) -----
/ip dns
set servers=8.8.8.8,8.8.4.4,1.1.1.1 allow-remote-requests=yes
#----- DHCP SERVER FOR LAN (4.1 step 5, optional) -----
/ip pool
add name=dhcp-pool ranges=10.0.0.100-10.0.0.254
/ip dhcp-server network
add address=10.0.0.0/24 gateway=10.0.0.1 dns-server=10.0.0.1
/ip dhcp-server
add name=dhcp-lan interface=LAN address-pool=dhcp-pool disabled=no
#----- MANGLE (4.2) -----
# 1: mark connections coming in through each WAN (replies leave the same WAN)
# 2: PCC classification of new outgoing connections (2 groups)
# 3: routing marks from connection marks
# 4: routing marks for the router's own traffic (output chain)
/ip firewall mangle
add chain=prerouting in-interface=WAN1 connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="Mark incoming WAN1 connections"
add chain=prerouting in-interface=WAN2 connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes \
    comment="Mark incoming WAN2 connections"
add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:2/0 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="PCC: Mark for WAN1"
add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:2/1 \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes \
    comment="PCC: Mark for WAN2"
add chain=prerouting connection-mark=WAN1_conn \
    action=mark-routing new-routing-mark=route_WAN1 passthrough=yes \
    comment="Route via WAN1"
add chain=prerouting connection-mark=WAN2_conn \
    action=mark-routing new-routing-mark=route_WAN2 passthrough=yes \
    comment="Route via WAN2"
add chain=output connection-mark=WAN1_conn \
    action=mark-routing new-routing-mark=route_WAN1 passthrough=yes \
    comment="Output: Route via WAN1"
add chain=output connection-mark=WAN2_conn \
    action=mark-routing new-routing-mark=route_WAN2 passthrough=yes \
    comment="Output: Route via WAN2"
#----- ROUTES (4.3) -----
# 1: marked default routes, one per WAN
# 2: unmarked fallback default routes (WAN1 preferred by distance)
/ip route
add dst-address=0.0.0.0/0 gateway=192.168.1.1 routing-mark=route_WAN1 \
    check-gateway=ping distance=1 comment="Default route WAN1"
add dst-address=0.0.0.0/0 gateway=192.168.2.1 routing-mark=route_WAN2 \
    check-gateway=ping distance=1 comment="Default route WAN2"
add dst-address=0.0.0.0/0 gateway=192.168.1.1 distance=1 \
    check-gateway=ping comment="Fallback route WAN1"
add dst-address=0.0.0.0/0 gateway=192.168.2.1 distance=2 \
    check-gateway=ping comment="Fallback route WAN2"
#----- NAT (4.4) -----
/ip firewall nat
add chain=srcnat out-interface=WAN1 action=masquerade \
    comment="NAT for WAN1"
add chain=srcnat out-interface=WAN2 action=masquerade \
    comment="NAT for WAN2"
#----- BASIC FIREWALL (section 10, optional but recommended) -----
# No fasttrack-connection rule: FastTrack bypasses mangle and breaks PCC (7.2).
/ip firewall filter
add chain=input connection-state=established,related action=accept \
    comment="Accept established connections"
add chain=input connection-state=invalid action=drop \
    comment="Drop invalid connections"
add chain=input in-interface=LAN action=accept \
    comment="Accept from LAN"
add chain=input action=drop \
    comment="Drop all other input"
add chain=forward connection-state=established,related action=accept \
    comment="Accept established forward"
add chain=forward connection-state=invalid action=drop \
    comment="Drop invalid forward"
add chain=forward in-interface=LAN action=accept \
    comment="Accept forward from LAN"
add chain=forward action=drop \
    comment="Drop all other forward"
