# rosemu: --ros 6
# Seed example examples/guide/20-clear-connection-table.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/guide/20-clear-connection-table.rsc
/export
