# rosemu: --ros 6
# Seed example examples/guide/29-enterprise-5to2-lte-failover.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/guide/29-enterprise-5to2-lte-failover.rsc
/ip firewall mangle print
/ip route print
/export
