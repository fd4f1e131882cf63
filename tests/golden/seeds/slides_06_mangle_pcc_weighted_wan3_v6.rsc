# rosemu: --ros 6
# Seed example examples/slides/06-mangle-pcc-weighted-wan3.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/slides/06-mangle-pcc-weighted-wan3.rsc
/ip firewall mangle print
/export
