# Source: 000_23205102833d5b1f.txt, slide deck "Load Balancing Using PCC & RouterOS"
#   (Steve Discher), text OCR'd from the slides
# Slide: "I use DHCP for my WAN addressing, how can I get the marked routes
#   created properly?" - /system script ConfigureDHCPRoutes
#   For every /ip dhcp-client it builds the routing mark "<interface>-mark"
#   (ether1-mark ...), updates the gateway of the marked default route when the
#   DHCP gateway changed, and adds the marked default route if none was updated.
# RouterOS 6
# Version: written for RouterOS 6 - policy list contains the v6-only policies
#   "winbox" and "api", and the script finds/creates routes by routing-mark=
#   (v6 policy routing; RouterOS 7 uses routing-table=).
# OCR fixes (the block is an /export of the script, so the source string is
# wrapped with "\" + newline and each continuation line is indented 4 spaces):
#   - continuation lines were indented 3 spaces in the OCR text (two of them
#     4); normalised to 4 everywhere (the indent is not part of the string).
#   - "\parble newroutinggateway" -> "\$newroutinggateway" (OCR slip for the
#     escaped "$"; the same test appears later as [:len \$newroutinggateway]).
#   - ": if (" -> ":if (" (space inserted by OCR after the colon).
#   - "do={\r\}" -> "do={\r\": a "}" after the continuation "\" cannot be part
#     of an export line. It is the one closing brace the route loop is
#     missing; it belongs on the following "\n\t\" line,
#     which is restored as "\n\t}\r\" (every other source line in the export
#     ends in \r; with the brace there, the script's 6 "{" and 6 "}" nest
#     as the logic needs: the add-route test runs once per DHCP client, after
#     the route loop).
#   - three source lines had lost their leading "\n" ("/ip route set ...",
#     ":if (\$routeupdated ...", "/ip route add ..."), and the
#     "\n" + "}\r\" pair was split over two lines with no continuation "\";
#     restored so each source line starts with "\n" (as the export writes
#     every line that follows "\r\"); the visible indentation after "\n" is
#     kept.
#   - next-to-last line "n}\r" -> "\n}\r\": the "\" before "n" and the
#     continuation "\" at the end were lost (the last line "\n\"" is as given).
# Judgement call: "[ip dhcp-client get ...]" (no leading "/") is kept as the
#   document gives it - a relative path from the root menu, valid in a script.
/system script
add name=ConfigureDHCPRoutes policy=\
    ftp,reboot,read,write,policy,test,winbox,password,sniff,sensitive,api source=":local cli\
    entcounter\r\
    \n:local routecounter\r\
    \n:local duplicatecounter\r\
    \n:local routeupdated \"no\"\r\
    \n:foreach clientcounter in=[/ip dhcp-client find] do={\r\
    \n:local routingmarkname ([/ip dhcp-client get \$clientcounter interface] . \"-mark\")\r\
    \n:local newroutinggateway [ip dhcp-client get \$clientcounter gateway]\r\
    \n:foreach routecounter in=[/ip route find where routing-mark=\$routingmarkname] do={\r\
    \n :local routinggateway [/ip route get [find routing-mark=\$routingmarkname] gateway]\
    \r\
    \n :if ([:len \$newroutinggateway] > 0) do={\r\
    \n\t :if (\$\"routinggateway\" != \$\"newroutinggateway\") do={ \r\
    \n       /ip route set \$routecounter gateway=\$newroutinggateway \r\
    \n\t\t:set routeupdated \"yes\"\r\
    \n\t }\r\
    \n\t}\r\
    \n } \r\
    \n :if ([:len \$newroutinggateway] > 0) do={\r\
    \n      :if (\$routeupdated = \"no\") do={\r\
    \n       /ip route add routing-mark=\$routingmarkname gateway=\$newroutinggateway dst-add\
    ress=0.0.0.0/0\r\
    \n    }\r\
    \n }\r\
    \n}\r\
    \n"
