# reference §1.8 "Interpolation inside strings": "Hello $myVar" is
# ("Hello " . $myVar); $( ) and $[ ] insert an expression / a command
# result (" 5x6 = $($a * $b)"); a name ends at "_" or "." ("$name_VLAN",
# "10.0.$pvid.1/24").
:local myVar "world"
:put "Hello $myVar"
:local a 5
:local b 6
:put " 5x6 = $($a * $b)"
:put "len=$[:len "abcd"]"
:local name "lan"
:put "$name_VLAN"
:local pvid 10
:put "10.0.$pvid.1/24"
