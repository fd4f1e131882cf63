# rosemu: --ros 6
# The slide deck's lab: mangle rules and routes as RouterOS 6 prints them.
/import file-name=examples/slides-lab.rsc
/ip firewall mangle print
/ip route print detail
