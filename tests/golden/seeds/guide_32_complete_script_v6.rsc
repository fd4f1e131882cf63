# rosemu: --ros 6
# Seed example examples/guide/32-complete-script.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/guide/32-complete-script.rsc
/interface print
/ip address print
/ip dns print
/ip firewall mangle print
/ip route print
/ip firewall nat print
/ip firewall filter print
/export
