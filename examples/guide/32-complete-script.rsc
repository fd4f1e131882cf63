# Source: 004_94a63d5cfc46137f.txt, "MikroTik Load Balancing with PCC (Per
#   Connection Classifier): Complete Configuration Guide"
# Section: 10. Complete MikroTik PCC Configuration Script -
#   "Dual-WAN PCC Load Balancing Script" (variables, interfaces, addresses, DNS,
#   mangle, routes, NAT, basic firewall, log messages)
# RouterOS 6
# Version: written for RouterOS 6 - mangle sets new-routing-mark= (a v6
#   routing mark, no /routing table) and routes use routing-mark=
#   (RouterOS 7: /routing table add fib + routing-table=).
# Changes from the document: none - lines copied verbatim (the guide is
#   clean text, no OCR).
# Notes:
#   The script uses :local variables defined at its top ($wan1Interface, ...)
#   in later commands, so it must run as one script (/import of this file).
#   Same configuration as ../guide-dual-wan.rsc except: values come from
#   variables, no DHCP server, several comment texts differ (e.g. "PCC:
#   Assign to WANx" instead of "PCC: Mark for WANx"), and it ends with
#   :log messages.
#################################################
# MikroTik PCC Load Balancing Configuration
# Dual-WAN Setup with Failover
# Version: 1.0
# Last Updated: 2024
#################################################

#----- VARIABLES - CUSTOMIZE THESE -----#
:local wan1Interface "ether1"
:local wan2Interface "ether2"
:local lanInterface "ether3"

:local wan1Address "192.168.1.2/24"
:local wan1Gateway "192.168.1.1"
:local wan2Address "192.168.2.2/24"
:local wan2Gateway "192.168.2.1"
:local lanAddress "10.0.0.1/24"

#----- INTERFACE NAMING -----#
/interface set $wan1Interface name=WAN1 comment="ISP 1"
/interface set $wan2Interface name=WAN2 comment="ISP 2"
/interface set $lanInterface name=LAN comment="Local Network"

#----- IP ADDRESSES -----#
/ip address add address=$wan1Address interface=WAN1 comment="WAN1 IP"
/ip address add address=$wan2Address interface=WAN2 comment="WAN2 IP"
/ip address add address=$lanAddress interface=LAN comment="LAN IP"

#----- DNS CONFIGURATION -----#
/ip dns set servers=8.8.8.8,8.8.4.4,1.1.1.1 allow-remote-requests=yes

#----- MANGLE RULES -----#
# Mark incoming connections from each WAN
/ip firewall mangle add chain=prerouting in-interface=WAN1 connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="Mark incoming WAN1 connections"

/ip firewall mangle add chain=prerouting in-interface=WAN2 connection-mark=no-mark \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes \
    comment="Mark incoming WAN2 connections"

# PCC Classification for outgoing traffic
/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:2/0 \
    action=mark-connection new-connection-mark=WAN1_conn passthrough=yes \
    comment="PCC: Assign to WAN1"

/ip firewall mangle add chain=prerouting in-interface=LAN connection-mark=no-mark \
    dst-address-type=!local per-connection-classifier=both-addresses:2/1 \
    action=mark-connection new-connection-mark=WAN2_conn passthrough=yes \
    comment="PCC: Assign to WAN2"

# Create routing marks
/ip firewall mangle add chain=prerouting connection-mark=WAN1_conn \
    action=mark-routing new-routing-mark=route_WAN1 passthrough=yes \
    comment="Route mark for WAN1"

/ip firewall mangle add chain=prerouting connection-mark=WAN2_conn \
    action=mark-routing new-routing-mark=route_WAN2 passthrough=yes \
    comment="Route mark for WAN2"

# Output chain for router-generated traffic
/ip firewall mangle add chain=output connection-mark=WAN1_conn \
    action=mark-routing new-routing-mark=route_WAN1 passthrough=yes \
    comment="Output routing WAN1"

/ip firewall mangle add chain=output connection-mark=WAN2_conn \
    action=mark-routing new-routing-mark=route_WAN2 passthrough=yes \
    comment="Output routing WAN2"

#----- ROUTES -----#
# Routes with routing marks
/ip route add dst-address=0.0.0.0/0 gateway=$wan1Gateway routing-mark=route_WAN1 \
    check-gateway=ping distance=1 comment="WAN1 marked route"

/ip route add dst-address=0.0.0.0/0 gateway=$wan2Gateway routing-mark=route_WAN2 \
    check-gateway=ping distance=1 comment="WAN2 marked route"

# Fallback routes
/ip route add dst-address=0.0.0.0/0 gateway=$wan1Gateway distance=1 \
    check-gateway=ping comment="WAN1 fallback"

/ip route add dst-address=0.0.0.0/0 gateway=$wan2Gateway distance=2 \
    check-gateway=ping comment="WAN2 fallback"

#----- NAT -----#
/ip firewall nat add chain=srcnat out-interface=WAN1 action=masquerade \
    comment="NAT WAN1"

/ip firewall nat add chain=srcnat out-interface=WAN2 action=masquerade \
    comment="NAT WAN2"

#----- BASIC FIREWALL (Optional but recommended) -----#
/ip firewall filter add chain=input connection-state=established,related action=accept \
    comment="Accept established connections"
/ip firewall filter add chain=input connection-state=invalid action=drop \
    comment="Drop invalid connections"
/ip firewall filter add chain=input in-interface=LAN action=accept \
    comment="Accept from LAN"
/ip firewall filter add chain=input action=drop \
    comment="Drop all other input"

/ip firewall filter add chain=forward connection-state=established,related action=accept \
    comment="Accept established forward"
/ip firewall filter add chain=forward connection-state=invalid action=drop \
    comment="Drop invalid forward"
/ip firewall filter add chain=forward in-interface=LAN action=accept \
    comment="Accept forward from LAN"
/ip firewall filter add chain=forward action=drop \
    comment="Drop all other forward"

#----- VERIFICATION COMMANDS -----#
:log info "PCC Configuration Complete"
:log info "Run these commands to verify:"
:log info "/ip firewall mangle print"
:log info "/ip route print"
:log info "/ip firewall connection print"

#################################################
# END OF CONFIGURATION
#################################################
