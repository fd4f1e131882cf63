# reference §4.1: binary ~ is a POSIX extended regex match:
# gateway~"^[0-9 \\.]*202\$" (note the doubled \\ and \$ in the string);
# /interface print where (name~"ether")=false negates a match.
:local gateway "10.0.0.202"
:put ($gateway~"^[0-9 \\.]*202\$")
:put ("10.0.0.203"~"^[0-9 \\.]*202\$")
:local name "wlan1"
:put ((name~"ether")=false)
