# Source: 000_23205102833d5b1f.txt, slide deck "Load Balancing Using PCC & RouterOS"
#   (Steve Discher), text OCR'd from the slides
# Slide: "Step 1 Completed" - "Completed accept mangle rules"
#   (one accept rule per connected WAN network, so traffic to those networks
#   leaves mangle unmarked and uses the main routing table)
# RouterOS 6
# Version: the deck is a RouterOS 6 export (disabled=no on every rule, routing
#   marks ether1-mark.. with no /routing table); this block alone has no
#   version-specific syntax.
# OCR fixes: none (the block is clean in the OCR text).
/ip firewall mangle
add action=accept chain=prerouting disabled=no dst-address=172.17.0.0/24
add action=accept chain=prerouting disabled=no dst-address=172.18.0.0/24
add action=accept chain=prerouting disabled=no dst-address=172.19.0.0/24
