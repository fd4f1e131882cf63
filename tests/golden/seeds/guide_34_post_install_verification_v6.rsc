# rosemu: --ros 6
# Seed example examples/guide/34-post-install-verification.rsc (RouterOS 6): its menus as print shows them,
# then the export of the configuration it leaves.
/import file-name=examples/guide/34-post-install-verification.rsc
/export
