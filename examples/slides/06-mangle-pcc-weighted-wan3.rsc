# Source: 000_23205102833d5b1f.txt, slide deck "Load Balancing Using PCC & RouterOS"
#   (Steve Discher), text OCR'd from the slides
# Slide: "I can only get asymmetrical connections, one DSL and one cable modem."
#   - "Example for added weight to WAN3." (repeat the PCC connection-marking
#   rule more than once for the heavier connection)
# RouterOS 6
# Version: the deck is a RouterOS 6 export (disabled=no wrapped the way v6
#   exports wrap); this block alone has no version-specific syntax.
# OCR fixes: none (the block is clean in the OCR text; it replaces the three
#   PCC rules of 02-mangle-pcc.rsc).
# Note, kept as the document gives it: the fourth rule uses
#   both-addresses:3/3. With denominator 3 the remainder is always 0, 1 or 2,
#   so that rule can never match and the split stays 1:1:1; a working 1:1:2
#   weighting would use denominator 4 (4/0, 4/1, 4/2, 4/3). RouterOS accepts
#   the rule (remainder 0..4294967295), it just never matches.
/ip firewall mangle
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=\
    no dst-address-type=!local in-interface=ether5 new-connection-mark=WAN1 \
    passthrough=yes per-connection-classifier=both-addresses:3/0
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=\
    no dst-address-type=!local in-interface=ether5 new-connection-mark=WAN2 \
    passthrough=yes per-connection-classifier=both-addresses:3/1
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=\
    no dst-address-type=!local in-interface=ether5 new-connection-mark=WAN3 \
    passthrough=yes per-connection-classifier=both-addresses:3/2
add action=mark-connection chain=prerouting connection-mark=no-mark disabled=\
    no dst-address-type=!local in-interface=ether5 new-connection-mark=WAN3 \
    passthrough=yes per-connection-classifier=both-addresses:3/3
