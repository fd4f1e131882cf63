# rosemu: --ros 6
# Seed example examples/guide/23-conntrack-tuning.rsc (RouterOS 6): what it prints,
# then the export of the configuration it leaves.
/import file-name=examples/guide/23-conntrack-tuning.rsc
/export
