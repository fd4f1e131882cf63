# Source: 000_23205102833d5b1f.txt, slide deck "Load Balancing Using PCC & RouterOS"
#   (Steve Discher), text OCR'd from the slides
# Slide: "Step 3 Completed" - "Completed route marking rules"
#   (one mark-routing rule per WAN in the prerouting chain, and the same in
#   the output chain)
# RouterOS 6
# Version: written for RouterOS 6 - new-routing-mark=etherN-mark is a v6
#   routing mark; RouterOS 7 would need /routing table add name=etherN-mark fib
#   first.
# OCR fixes:
#   - the three prerouting rules each had a stray mid-line "\ " before
#     "new-routing-mark=..."; restored as a line continuation (" \" at the end
#     of the line, next line indented 4 spaces).
#   - the three output-chain rules were glued into one OCR line
#     ("... passthrough=yes add action=mark-routing chain=output ..."); split
#     into one "add" line each.
# Kept as the document gives it: the output rules' order WAN1, WAN3, WAN2.
/ip firewall mangle
add action=mark-routing chain=prerouting connection-mark=WAN1 disabled=no in-interface=ether5 \
    new-routing-mark=ether1-mark passthrough=yes
add action=mark-routing chain=prerouting connection-mark=WAN2 disabled=no in-interface=ether5 \
    new-routing-mark=ether2-mark passthrough=yes
add action=mark-routing chain=prerouting connection-mark=WAN3 disabled=no in-interface=ether5 \
    new-routing-mark=ether3-mark passthrough=yes
add action=mark-routing chain=output connection-mark=WAN1 disabled=no new-routing-mark=ether1-mark passthrough=yes
add action=mark-routing chain=output connection-mark=WAN3 disabled=no new-routing-mark=ether3-mark passthrough=yes
add action=mark-routing chain=output connection-mark=WAN2 disabled=no new-routing-mark=ether2-mark passthrough=yes
