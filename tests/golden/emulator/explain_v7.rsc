# rosemu: --ros 7
# /emulator explain on RouterOS 7 (routing tables, /routing table)
/import file-name=examples/slides-lab-v7.rsc
/emulator explain src-address=10.0.25.7 dst-address=198.51.100.9 dst-port=443
/emulator explain src-address=10.0.25.20 dst-address=198.51.100.77 dst-port=80
/emulator lint
