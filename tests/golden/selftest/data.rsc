# Self test: data commands (reference/routeros-scripting.md §5.3,
# parameter names from Appendix B).
# Each check stops the script with :error naming what failed.
# :len
:if ([:len "my test string"] != 14) do={:error "len str"}
:if ([:len {1;2;3}] != 3) do={:error "len array"}
:if ([:len 1234] != 4) do={:error "len num"}
:if ([:len [:nothing]] != 0) do={:error "len nothing"}
:if ([:len value="abc"] != 3) do={:error "len value="}
# :pick
:if ([:pick "abcde" 1 3] != "bc") do={:error "pick substring"}
:if ([:pick "abcde" 1] != "b") do={:error "pick one char"}
:if ([:pick "abcde" 3 100] != "de") do={:error "pick clipped"}
:if ([:pick "abcde" 4 2] != "") do={:error "pick empty"}
:if ([:pick "abcde" 9] != "") do={:error "pick past end"}
:if ([:pick counter="abcde" begin=0 end=2] != "ab") do={:error "pick names"}
:if ([:pick {1;2;3} 1] != 2) do={:error "pick element"}
:if ([:tostr [:pick {1;2;3;4} 1 3]] != "2;3") do={:error "pick slice"}
:local addr 192.168.1.5/24
:if ([:pick $addr 0 [:find $addr "/"]] != "192.168.1.5") do={:error "pick prefix text"}
:if ([:pick "abc" 0 [:find "abc" "z"]] != "") do={:error "pick nil end"}
# :find
:if ([:find "abc" "a" -1] != 0) do={:error "find from -1"}
:if ([:find "abcabc" "b"] != 1) do={:error "find"}
:if ([:find "abcabc" "b" 1] != 4) do={:error "find after from"}
:if ([:typeof [:find "abc" "z"]] != "nil") do={:error "find miss"}
:if ([:find in="a=b" key="="] != 1) do={:error "find names"}
:if ([:find {"x";"y";"z"} "z"] != 2) do={:error "find element"}
:if ([:find {1;2;3} "2"] != 1) do={:error "find element = rules"}
:if ([:typeof [:find {1;2} 5]] != "nil") do={:error "find element miss"}
# :range
:if ([:tostr [:range 2 8]] != "2;3;4;5;6;7;8") do={:error "range"}
:if ([:tostr [:range from=1 to=3]] != "1;2;3") do={:error "range names"}
:if ([:len [:range 5 5]] != 1) do={:error "range one"}
:if ([:onerror e in={:local r [:range 0 100000000]} do={}] != true) do={:error "range limit"}
# :typeof :nothing
:if ([:typeof value=4] != "num") do={:error "typeof value="}
:if ([:typeof [:nothing]] != "nothing") do={:error "nothing"}
# :rndnum :rndstr
:local r [:rndnum from=1 to=6]
:if ($r < 1 || $r > 6) do={:error "rndnum range"}
:if ([:len [:rndstr]] != 16) do={:error "rndstr default length"}
:if ([:rndstr from="a" length=3] != "aaa") do={:error "rndstr from"}
# :convert
:if ([:convert 001 to=hex] != "31") do={:error "convert auto"}
:if ([:convert "10.1" to=raw] != "10.0.0.1") do={:error "convert auto ip"}
:if ([:convert transform=lc "AAA"] != "aaa") do={:error "convert lc"}
:if ([:convert transform=uc "abc"] != "ABC") do={:error "convert uc"}
:if ([:convert transform=ucfirst "abc"] != "Abc") do={:error "convert ucfirst"}
:if ([:convert transform=reverse "abc"] != "cba") do={:error "convert reverse"}
:if ([:convert transform=rot13 "Hello"] != "Uryyb") do={:error "convert rot13"}
:if ([:convert "4D696B726F54696B" from=hex to=raw] != "MikroTik") do={:error "convert from hex"}
:if ([:convert "MikroTik" to=base64] != "TWlrcm9UaWs=") do={:error "convert base64"}
:if ([:convert "TWlrcm9UaWs=" from=base64] != "MikroTik") do={:error "convert from base64"}
:if ([:convert "foobar" to=base32] != "MZXW6YTBOI======") do={:error "convert base32"}
:if ([:convert "MZXW6YTBOI======" from=base32] != "foobar") do={:error "convert from base32"}
:if ([:convert "a b/c" to=url] != "a%20b%2Fc") do={:error "convert url"}
:if ([:convert "a%20b" from=url] != "a b") do={:error "convert from url"}
:if ([:tostr [:convert "AB" to=byte-array]] != "65;66") do={:error "convert byte-array"}
:if ([:convert {72;105} from=byte-array] != "Hi") do={:error "convert from byte-array"}
:if ([:tostr [:convert "A" to=bit-array-msb]] != "0;1;0;0;0;0;0;1") do={:error "bit-array-msb"}
:if ([:tostr [:convert "A" to=bit-array-lsb]] != "1;0;0;0;0;0;1;0") do={:error "bit-array-lsb"}
:if ([:convert transform=md5 to=hex "abc"] != "900150983cd24fb0d6963f7d28e17f72") do={:error "md5"}
:if ([:convert transform=md5 to=hex ""] != "d41d8cd98f00b204e9800998ecf8427e") do={:error "md5 empty"}
:if ([:convert transform=sha512 to=hex "abc"] != "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f") do={:error "sha512"}
# :serialize :deserialize (json)
:if ([:serialize value=a,b,c to=json] != "[\"a\",\"b\",\"c\"]") do={:error "serialize list"}
:if ([:serialize to=json {"string"="1234";"number"=1234}] != "{\"number\":1234,\"string\":1234.000000}") do={:error "serialize string conversion"}
:if ([:serialize to=json options=json.no-string-conversion {"string"="1234";"number"=1234}] != "{\"number\":1234,\"string\":\"1234\"}") do={:error "serialize no-string-conversion"}
:if ([:serialize to=json {a=true;b=[:nothing];c={1;2}}] != "{\"a\":true,\"b\":null,\"c\":[1,2]}") do={:error "serialize kinds"}
:if ([:serialize to=json "a\"b\n"] != "\"a\\\"b\\n\"") do={:error "serialize escapes"}
:local j [:deserialize from=json value="{\"a\":[1,{\"b\":2}],\"s\":\"x\",\"t\":true,\"n\":null}"]
:if (($j->"a"->1->"b") != 2) do={:error "deserialize nested"}
:if (($j->"s") != "x" || ($j->"t") != true) do={:error "deserialize scalars"}
:if ([:typeof ($j->"n")] != "nil") do={:error "deserialize null"}
:if ([:tostr [:deserialize from=json value="[1,2,3]"]] != "1;2;3") do={:error "deserialize list"}
:if ([:deserialize from=json value="\"\\u00e9\""] != "\C3\A9") do={:error "deserialize \\u"}
:if ([:onerror e in={:local x [:deserialize from=json value="{\"a\":"]} do={}] != true) do={:error "deserialize bad json"}
:local deep ""
:for i from=1 to=2000 do={:set deep ($deep . "[")}
:if ([:onerror e in={:local x [:deserialize from=json value=$deep]} do={}] != true) do={:error "deserialize too deep"}
:local rt {x=1;y={"a";"b"}}
:if ([:deserialize from=json [:serialize to=json $rt]] != $rt) do={:error "json round trip"}
# dsv
:if ([:serialize to=dsv value={{1;2};{3;4}}] != "1,2\n3,4") do={:error "serialize dsv"}
:if ([:serialize to=dsv delimiter=";" value={{a=1;b=2}}] != "a;b\n1;2") do={:error "serialize dsv map"}
:local d [:deserialize from=dsv value="a,b\n1,2\n3,4"]
:if (($d->1->"b") != "4") do={:error "deserialize dsv"}
:put "ok"
