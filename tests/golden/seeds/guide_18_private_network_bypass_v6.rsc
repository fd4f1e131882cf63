# rosemu: --ros 6
# Seed example examples/guide/18-private-network-bypass.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/guide/18-private-network-bypass.rsc
/ip firewall mangle print
/ip firewall address-list print
/export
