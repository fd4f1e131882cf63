# rosemu: --ros 6
# Seed example examples/slides/05-dhcp-routes-script.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/slides/05-dhcp-routes-script.rsc
/system script print
/export
