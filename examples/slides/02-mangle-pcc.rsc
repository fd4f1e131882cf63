# Source: 000_23205102833d5b1f.txt, slide deck "Load Balancing Using PCC & RouterOS"
#   (Steve Discher), text OCR'd from the slides
# Slide: "Step 2 Completed" - "Completed PCC Mangle Rules"
#   (one PCC connection-marking rule per WAN; LAN is ether5)
# RouterOS 6
# Version: the deck is a RouterOS 6 export (disabled=no, v6 routing marks
#   elsewhere); this block alone has no version-specific syntax.
# OCR fixes:
#   - menu line "ip firewall mangle" -> "/ip firewall mangle" (leading "/" lost;
#     every other block in the deck has it).
#   - each rule was one OCR line with a stray mid-line "\ " before
#     "in-interface=ether5"; restored as a line continuation: " \" at the end
#     of the line and the rest on the next line indented 4 spaces.
/ip firewall mangle
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no dst-address-type=!local \
    in-interface=ether5 new-connection-mark=WAN1 passthrough=yes per-connection-classifier=both-addresses:3/0
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no dst-address-type=!local \
    in-interface=ether5 new-connection-mark=WAN2 passthrough=yes per-connection-classifier=both-addresses:3/1
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no dst-address-type=!local \
    in-interface=ether5 new-connection-mark=WAN3 passthrough=yes per-connection-classifier=both-addresses:3/2
