# rosemu: --ros 6
# Seed example examples/guide/27-email-alert.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/guide/27-email-alert.rsc
/tool netwatch print
/tool e-mail print
/export
