# rosemu: --ros 6
# The slide deck's complete PCC lab (examples/slides-lab.rsc) as RouterOS 6
# prints and exports it: connected (ADC), marked and fallback routes with
# the active one per table, the mangle steps, NAT, the DHCP route script.
/import file-name=examples/slides-lab.rsc
/interface print
/ip address print
/ip route print
/ip route print detail
/ip firewall mangle print
/ip firewall mangle print stats
/ip firewall nat print
/system script print
/export
