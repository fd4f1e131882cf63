# Self test: types, :typeof names, literals and printed forms
# (reference/routeros-scripting.md §1.6-1.8, §3.1-3.3, §8.1).
# Each check stops the script with :error naming what failed.
:if ([:typeof 42] != "num") do={:error "typeof num"}
:if ([:typeof 0xFF] != "num") do={:error "typeof hex"}
:if (0xFF != 255) do={:error "hex value"}
:if ([:typeof -5] != "num") do={:error "typeof negative"}
:if ([:typeof true] != "bool") do={:error "typeof true"}
:if ([:typeof yes] != "bool") do={:error "typeof yes"}
:if ([:tostr no] != "false") do={:error "no is false"}
:if ([:typeof "abc"] != "str") do={:error "typeof str"}
:if ([:typeof abc] != "str") do={:error "typeof word"}
:if ([:typeof 1.2.3.4] != "ip") do={:error "typeof ip"}
:if ([:typeof 10.0.0.0/8] != "ip-prefix") do={:error "typeof ip-prefix"}
:if ([:typeof 2001:db8::1] != "ip6") do={:error "typeof ip6"}
:if ([:typeof 2001:db8::/32] != "ip6-prefix") do={:error "typeof ip6-prefix"}
:if ([:typeof ::1] != "ip6") do={:error "typeof ::1"}
:if ([:typeof *1A] != "id") do={:error "typeof id"}
:if ([:typeof 1d2h] != "time") do={:error "typeof time"}
:if ([:typeof 00:10:00] != "time") do={:error "typeof clock"}
:if ([:typeof 500ms] != "time") do={:error "typeof ms"}
:if ([:typeof 1ns] != "time") do={:error "typeof ns"}
:if ([:typeof {1;2}] != "array") do={:error "typeof array"}
:if ([:typeof {a=1}] != "array") do={:error "typeof keyed"}
:if ([:typeof [:nothing]] != "nothing") do={:error "typeof nothing"}
:if ([:typeof [:tonum "x"]] != "nil") do={:error "typeof nil"}
:if ([:typeof [:find "abc" "z"]] != "nil") do={:error "find miss is nil"}
:if ([:typeof []] != "nil") do={:error "empty [] is nil"}
:if ([:typeof [:parse ":put 1"]] != "code") do={:error "typeof code"}
:local f do={:return 1}
:if ([:typeof $f] != "array") do={:error "function is array"}
:if ([:len $f] != 2) do={:error "function len"}
:local u
:if ([:typeof $u] != "nothing") do={:error "declared no value"}
:local arr {1;2}
:if ([:typeof ($arr->5)] != "nothing") do={:error "missing element"}
# a number too big for 64 bits stays text
:if ([:typeof 99999999999999999999] != "str") do={:error "huge num"}
:if ([:typeof 9223372036854775807] != "num") do={:error "max num"}
:if ([:typeof 00:0C:29:AB:CD:EF] != "str") do={:error "mac is str"}
:if ([:typeof 1.2.3.4/33] != "str") do={:error "bad prefix"}
# printed forms (§8.1)
:if ([:tostr 1w] != "1w00:00:00") do={:error "1w"}
:if ([:tostr 1d] != "1d00:00:00") do={:error "1d"}
:if ([:tostr 500ms] != "00:00:00.500") do={:error "500ms"}
:if ([:tostr 1ns] != "00:00:00.000000001") do={:error "1ns"}
:if ([:tostr 1500us] != "00:00:00.001500") do={:error "1500us"}
:if ([:tostr 1w2d3h4m5s] != "1w2d03:04:05") do={:error "1w2d3h4m5s"}
:if ([:tostr 1d02:03:04] != "1d02:03:04") do={:error "1d02:03:04"}
:if ([:tostr 10:00] != "10:00:00") do={:error "HH:MM"}
:if ([:tostr 100h] != "4d04:00:00") do={:error "100h"}
:if ([:tostr (0s - 84760ns)] != "-00:00:00.000084760") do={:error "negative time"}
:if ([:tostr 2001:0db8:0:0:0:0:0:1] != "2001:db8::1") do={:error "ip6 compressed"}
:if ([:tostr 10.1.101.1/24] != "10.1.101.1/24") do={:error "prefix host bits"}
:if ([:tostr {1;2;3}] != "1;2;3") do={:error "list"}
:if ([:tostr {b=2;a=1}] != "a=1;b=2") do={:error "keyed sorted"}
:if ([:tostr {2; "aX"=1; y=2; 5}] != "2;5;aX=1;y=2") do={:error "unkeyed first"}
:if ([:tostr {1;{2;3}}] != "1;2;3") do={:error "nested flattened"}
:if ([:tostr [:nothing]] != "") do={:error "nothing prints empty"}
:if ([:tostr -84760] != "-84760") do={:error "negative num"}
# escapes (§1.7)
:if ("\48\45\4C\4C\4F" != "HELLO") do={:error "hex escape"}
:if ([:len "\n\r\t\v\a\b\f"] != 7) do={:error "control escapes"}
:if ("a\_b" != "a b") do={:error "\\_"}
:if ([:len "\\\"\$"] != 3) do={:error "quote escapes"}
:if ([:pick "\$x" 0 1] != "\24") do={:error "dollar"}
# interpolation (§1.8)
:local name "x"
:if ("$name_VLAN" != "x_VLAN") do={:error "name ends at _"}
:local pvid 5
:if ("10.0.$pvid.1/24" != "10.0.5.1/24") do={:error "name ends at ."}
:local a 5
:local b 6
:if (" 5x6 = $($a * $b)" != " 5x6 = 30") do={:error "\$( )"}
:if ("n=$[:len "abc"]" != "n=3") do={:error "\$[ ]"}
:local sa {"abc";"def"}
:if ([:typeof "s=$sa"] != "array") do={:error "array interpolation type"}
:if ([:len "s=$sa"] != 2) do={:error "array interpolation len"}
# arrays (§3.3)
:local m {2; "aX"=1; y=2; 5}
:local keys ""
:foreach k,v in=$m do={:set keys ($keys . $k . "=" . $v . " ")}
:if ($keys != "0=2 1=5 aX=1 y=2 ") do={:error "iteration order"}
:if ([:len {"cccc", "ddddd"}] != 2) do={:error "comma in braces"}
:if ([:len {1,2;3}] != 3) do={:error "comma word in braces"}
:if ([:len [:toarray ""]] != 0) do={:error "empty toarray"}
:if ([:len ({})] != 0) do={:error "({})"}
:local n {{1;2};{3;{4;5}}}
:if (($n->1->1->0) != 4) do={:error "chained ->"}
:set ($n->1->1->0) 40
:if (($n->1->1->0) != 40) do={:error ":set chained ->"}
:local e [:toarray ""]
:set ($e->"k") "v"
:if (($e->"k") != "v") do={:error ":set creates key"}
:set ($e->"a") 1
:if ([:tostr $e] != "a=1;k=v") do={:error "new key sorted"}
:local big [:toarray ""]
:for i from=1 to=2000 do={:set big ($big, $i)}
:if ([:len $big] != 2000 || ($big->1999) != 2000) do={:error "big list"}
:put "ok"
