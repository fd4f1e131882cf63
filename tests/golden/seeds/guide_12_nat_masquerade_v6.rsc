# rosemu: --ros 6
# Seed example examples/guide/12-nat-masquerade.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/guide/12-nat-masquerade.rsc
/ip firewall nat print
/export
