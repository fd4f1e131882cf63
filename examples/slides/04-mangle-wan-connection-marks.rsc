# Source: 000_23205102833d5b1f.txt, slide deck "Load Balancing Using PCC & RouterOS"
#   (Steve Discher), text OCR'd from the slides
# Slide: "Step 4 Completed" - "Completed WAN connection marking rules"
#   (mark connections by the WAN interface they came in on, so replies leave
#   through the same WAN)
# RouterOS 6
# Version: the deck is a RouterOS 6 export (disabled=no, v6 routing marks
#   elsewhere); this block alone has no version-specific syntax.
# OCR fixes:
#   - removed the list bullets "- " the OCR put in front of each "add".
#   - each rule had a stray mid-line "\ " before "in-interface=..."; restored
#     as a line continuation (" \" at the end of the line, next line indented
#     4 spaces).
# Kept as the document gives it: the order ether1, ether3, ether2.
/ip firewall mangle
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no \
    in-interface=ether1 new-connection-mark=WAN1 passthrough=yes
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no \
    in-interface=ether3 new-connection-mark=WAN3 passthrough=yes
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=no \
    in-interface=ether2 new-connection-mark=WAN2 passthrough=yes
