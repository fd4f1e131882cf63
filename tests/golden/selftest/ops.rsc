# Self test: operators (reference/routeros-scripting.md §4).
# Each check stops the script with :error naming what failed.
# arithmetic (§4.3): 64-bit, wrapping, truncating division
:if ((1 + 2 * 3) != 7) do={:error "* before +"}
:if (((1 + 2) * 3) != 9) do={:error "parentheses"}
:if ((10 - 4 - 3) != 3) do={:error "- is left associative"}
:if ((100 / 10 / 5) != 2) do={:error "/ is left associative"}
:if ((10 / 3) != 3) do={:error "division truncates"}
:if ((-7 / 2) != -3) do={:error "division truncates toward 0"}
:if ((7 % 3) != 1) do={:error "modulo"}
:if ((-7 % 3) != -1) do={:error "modulo sign (C)"}
:local min (-9223372036854775807 - 1)
:if ([:tostr $min] != "-9223372036854775808") do={:error "min"}
:if ((9223372036854775807 + 1) != $min) do={:error "overflow wraps"}
:if (($min - 1) != 9223372036854775807) do={:error "underflow wraps"}
:if ((4611686018427387904 * 4) != 0) do={:error "* wraps"}
:if (($min / -1) != $min) do={:error "MIN / -1"}
:if (($min % -1) != 0) do={:error "MIN % -1"}
:if ((-$min) != $min) do={:error "-MIN"}
:local a 1
:if ((-a) != -1) do={:error "unary minus on a name"}
:if ((- -3) != 3) do={:error "double minus"}
:if ((2 - -3) != 5) do={:error "minus minus"}
:if (("5" + 10) != 15) do={:error "numeric string"}
:if (([:nothing] + 1) != 1) do={:error "nothing is 0"}
:local z 0
:if ([:onerror e in={:put (1 / $z)} do={}] != true) do={:error "division by zero is an error"}
:if ([:onerror e in={:put (1 % $z)} do={}] != true) do={:error "modulo by zero is an error"}
# time (§4.3)
:if ((23:00:00 + 2:00:00) != 1d01:00:00) do={:error "time + time"}
:if ((1d - 1h) != 23:00:00) do={:error "time - time"}
:if ((1h - 2h) != -01:00:00) do={:error "negative time"}
:if ((1h / 60) != 00:01:00) do={:error "time / num"}
:if ((1h * 2) != 2h) do={:error "time * num"}
:if ((3 * 1m) != 3m) do={:error "num * time"}
:if ((1d / 1h) != 24) do={:error "time / time"}
:if ((1h > 30m) != true) do={:error "time compares"}
:if ((-(1h)) != -1h) do={:error "unary minus time"}
# ip (§4.3)
:if ((192.168.1.1 + 1) != 192.168.1.2) do={:error "ip + num"}
:if ((192.168.1.0 - 1) != 192.168.0.255) do={:error "ip - num"}
:if ((10.0.0.10 - 10.0.0.1) != 9) do={:error "ip - ip"}
:if ((255.255.255.255 + 1) != 0.0.0.0) do={:error "ip wraps"}
:if ((2001:db8::1 + 1) != 2001:db8::2) do={:error "ip6 + num"}
:if ((2001:db8::1:0 - 1) != 2001:db8::ffff) do={:error "ip6 borrow"}
:local ip 192.168.88.77
:local mask 255.255.255.0
:if (($ip & $mask) != 192.168.88.0) do={:error "subnet"}
:if ((($ip & $mask) | ~$mask) != 192.168.88.255) do={:error "broadcast"}
:if ((~0.0.0.0) != 255.255.255.255) do={:error "~ip"}
:if ((1.2.3.4 << 8) != 2.3.4.0) do={:error "ip <<"}
:if ((1.2.3.4 >> 8) != 0.1.2.3) do={:error "ip >>"}
:if ((~::) != ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff) do={:error "~ip6"}
:if ((2001:db8::1 & ffff:ffff::) != 2001:db8::) do={:error "ip6 &"}
# bitwise on numbers
:if ((0xFF & 0x0F) != 15) do={:error "&"}
:if ((0xF0 | 0x0F) != 255) do={:error "|"}
:if ((0xFF ^ 0x0F) != 240) do={:error "^"}
:if ((1 << 4) != 16) do={:error "<<"}
:if ((0xffff >> 4) != 4095) do={:error ">>"}
:if ((~0) != -1) do={:error "~num"}
:if ((1 << 64) != 0) do={:error "<< past 63"}
:if ((1 | 2 ^ 3 & 4) != 3) do={:error "& before ^ before |"}
# comparison (§4.3)
:if ((5 = "5") != true) do={:error "5 = \"5\""}
:if ((true = 1) != false) do={:error "true = 1"}
:if (([:nothing] = 0) != false) do={:error "nothing = 0"}
:if (([:nothing] > 0) != false) do={:error "nothing > 0"}
:if (([:nothing] < 0) != true) do={:error "nothing < 0"}
:if (("abc" = "abc") != true) do={:error "str ="}
:if (("abc" != "abd") != true) do={:error "str !="}
:if ([:onerror e in={:put ("abc" < "xyz")} do={}] != true) do={:error "str < is an error"}
:if ((3 <= 3 && 3 >= 3 && 2 < 3 && 3 > 2) != true) do={:error "<= >= < >"}
:if ((10.0.0.2 > 10.0.0.1) != true) do={:error "ip compares"}
:if (([:toarray ""] = "") != true) do={:error "empty array = \"\""}
:if (({1;2} = {1;2}) != true) do={:error "array ="}
:if ((1 + 2 = 3) != true) do={:error "+ before ="}
:if ((1 < 2 = true) != true) do={:error "< before ="}
# logic
:if ((true && false) != false) do={:error "&&"}
:if ((true || false) != true) do={:error "||"}
:if ((true and true) != true) do={:error "and"}
:if ((false or true) != true) do={:error "or"}
:if ((!true) != false) do={:error "!"}
:if ((not false) != true) do={:error "not"}
:if ((true || false && false) != true) do={:error "&& before ||"}
:global opsHit 0
:global opsF do={:global opsHit; :set opsHit 1; :return true}
:if ((false && [$opsF]) != false || $opsHit != 0) do={:error "&& short-circuits"}
:if ((true || [$opsF]) != true || $opsHit != 0) do={:error "|| short-circuits"}
:if ((true && [$opsF]) != true || $opsHit != 1) do={:error "&& runs its right side"}
# concatenation (§4.5)
:if (("a" . "b" . 1) != "ab1") do={:error ". chain"}
:if ((192.168.1.1 . ":8080") != "192.168.1.1:8080") do={:error ". stringifies"}
:if (("x" . [:nothing]) != "x") do={:error ". nothing"}
:local arr {"cccc";"ddddd"}
:if ([:tostr ("v: " . $arr)] != "v: cccc;v: ddddd") do={:error ". spreads"}
:if ([:len ("v: " . $arr)] != 2) do={:error ". spreads to an array"}
:if ([:tostr ($arr . "!")] != "cccc!;ddddd!") do={:error ". spreads right"}
:if ([:tostr ("x" . {a=1;b=2})] != "") do={:error ". keyed is empty"}
:if ([:len ({1;2},{3;4})] != 4) do={:error ", joins"}
:if ([:tostr ({1;2;3} , 5)] != "1;2;3;5") do={:error ", appends"}
:if ([:tostr (0,{1;2})] != "0;1;2") do={:error ", prepends"}
:if ([:tostr ({a=1},{b=2})] != "a=1;b=2") do={:error ", keyed"}
# regex (§4.1)
:if (("10.0.0.202" ~ "^[0-9 \\.]*202\$") != true) do={:error "~ regex"}
:if (("ether1" ~ "^wlan") != false) do={:error "~ no match"}
:if (("aaa" ~ "a{3}") != true) do={:error "~ is ERE"}
:if (("x" ~ "(") != false) do={:error "bad regex matches nothing"}
# in (§4.1)
:if ((1.1.1.1/32 in 1.0.0.0/8) != true) do={:error "prefix in prefix"}
:if ((10.1.2.3 in 10.0.0.0/8) != true) do={:error "ip in prefix"}
:if ((11.1.2.3 in 10.0.0.0/8) != false) do={:error "ip not in prefix"}
:if ((10.0.0.0/7 in 10.0.0.0/8) != false) do={:error "wider prefix"}
:if ((2001:db8::5 in 2001:db8::/32) != true) do={:error "ip6 in"}
:if ((1.1.1.1 in 0.0.0.0/0) != true) do={:error "in /0"}
# -> (§3.3)
:local m {a={b={c=7}}; "k-1"=2; 9}
:if (($m->"a"->"b"->"c") != 7) do={:error "-> chained"}
:if (($m->a->b->c) != 7) do={:error "-> bare keys"}
:if (($m->"k-1") != 2) do={:error "-> quoted key"}
:if (($m->0) != 9) do={:error "-> index"}
:if (("a" . $m->0 . "b") != "a9b") do={:error "-> before ."}
:if (($m->0 = 9) != true) do={:error "-> before ="}
:put "ok"
