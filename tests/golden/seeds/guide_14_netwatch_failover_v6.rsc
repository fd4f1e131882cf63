# rosemu: --ros 6
# Seed example examples/guide/14-netwatch-failover.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/guide/14-netwatch-failover.rsc
/ip firewall address-list print
/tool netwatch print
/export
