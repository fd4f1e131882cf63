# rosemu: --ros 6
# Seed example examples/guide/05-dhcp-server.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/guide/05-dhcp-server.rsc
/ip pool print
/ip dhcp-server print
/ip dhcp-server network print
/export
