# rosemu: --ros 7
# Export line wrapping, each case copied from a real export in the corpus
# (the expected output is that export's text): a token that does not fit
# moves to the next line; "name=\" ends the line when it fits in 78
# columns; a long string splits mid-string but never inside an escape.
/ip firewall nat add action=masquerade chain=srcnat comment="defconf: masquerade" ipsec-policy=out,none out-interface-list=WAN
/ip firewall mangle add action=mark-connection chain=prerouting in-interface-list=Bridge-LAN new-connection-mark=ISP1_Conn passthrough=yes per-connection-classifier=both-addresses:2/0
/ip firewall filter add action=drop chain=forward comment="defconf: drop all from WAN not DSTNATed" connection-nat-state=!dstnat connection-state=new in-interface-list=WAN
/routing ospf interface-template add area=ospf-area-1 disabled=no interfaces=ether1-leaf1,ether2-leaf2,ether3-leaf3,ether4-leaf4 type=ptp
/tool netwatch add comment="201 ap ats r tamu" host=10.0.0.1 down-script="/tool fetch url=\"https://api.telegram.org/bot1234567890:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/sendmessage\\\?chat_id=-1001184386305&text=\\E2\\9D\\8C 201 ap ats r tamu\" keep-result=no;\r\n"
/export
