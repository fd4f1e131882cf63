# Self test: conversions (reference/routeros-scripting.md §3.4).
# Each check stops the script with :error naming what failed.
# :tonum
:if ([:tonum "42"] != 42 || [:typeof [:tonum "42"]] != "num") do={:error "tonum str"}
:if ([:tonum "-7"] != -7) do={:error "tonum negative"}
:if ([:tonum "0x10"] != 16) do={:error "tonum hex"}
:if ([:typeof [:tonum "23.8"]] != "nil") do={:error "tonum 23.8"}
:if ([:typeof [:tonum "cow&chicken"]] != "nil") do={:error "tonum garbage"}
:if ([:typeof [:tonum " 100 "]] != "nil") do={:error "tonum no trimming"}
:if ([:typeof [:tonum ""]] != "nil") do={:error "tonum empty"}
:if ([:typeof [:tonum true]] != "nil") do={:error "tonum bool"}
:if ([:typeof [:tonum "99999999999999999999"]] != "nil") do={:error "tonum overflow"}
:if ([:tonum 1h] != 3600) do={:error "tonum time"}
:if ([:tonum 1500ms] != 1) do={:error "tonum time truncates"}
# :tostr
:if ([:tostr {"cccc";"ddddd"}] != "cccc;ddddd") do={:error "tostr array"}
:if ([:typeof [:tostr 5]] != "str") do={:error "tostr type"}
:if ([:tostr 1.2.3.4] != "1.2.3.4") do={:error "tostr ip"}
:if ([:tostr true] != "true") do={:error "tostr bool"}
:if ([:tostr [:parse ":put 1"]] != "(code)") do={:error "tostr code"}
# :tobool
:if ([:tobool 1] != true || [:tobool -1] != true || [:tobool 0] != false) do={:error "tobool num"}
:if ([:tobool "true"] != true || [:tobool "no"] != false) do={:error "tobool str"}
:if ([:typeof [:tobool "maybe"]] != "nil") do={:error "tobool garbage"}
:if ([:tobool false] != false) do={:error "tobool bool"}
# :toip :toip6 :toid
:if ([:toip "192.168.1.1"] != 192.168.1.1) do={:error "toip str"}
:if ([:typeof [:toip "192.168.1.1"]] != "ip") do={:error "toip type"}
:if ([:toip 10.1.2.3/24] != 10.1.2.3) do={:error "toip prefix"}
:if ([:toip "10.1.2.3/24"] != 10.1.2.3) do={:error "toip prefix text"}
:if ([:toip "10.1"] != 10.0.0.1) do={:error "toip short form"}
:if ([:typeof [:toip "300.1.1.1"]] != "nil") do={:error "toip invalid"}
:if ([:typeof [:toip "abc"]] != "nil") do={:error "toip garbage"}
:if ([:toip6 "2001:db8::1"] != 2001:db8::1) do={:error "toip6"}
:if ([:typeof [:toip6 "2001:db8::/32"]] != "ip6") do={:error "toip6 prefix"}
:if ([:typeof [:toip6 "x"]] != "nil") do={:error "toip6 garbage"}
:if ([:toid "*1A"] != *1A || [:typeof [:toid "*1A"]] != "id") do={:error "toid"}
:if ([:typeof [:toid "1A"]] != "nil") do={:error "toid garbage"}
# :totime :tonsec
:if ([:totime "1h30m"] != 01:30:00) do={:error "totime units"}
:if ([:tostr [:totime "1w2d3h4m5s"]] != "1w2d03:04:05") do={:error "totime weeks"}
:if ([:totime "00:10:00"] != 10m) do={:error "totime clock"}
:if ([:totime 90] != 00:01:30) do={:error "totime num is seconds"}
:if ([:totime "0.5"] != 500ms) do={:error "totime fraction"}
:if ([:typeof [:totime "soon"]] != "nil") do={:error "totime garbage"}
:if ([:tonsec value=10:00] != 36000000000000) do={:error "tonsec"}
:if ([:tonsec 1ns] != 1) do={:error "tonsec 1ns"}
:if ([:typeof [:tonsec 1s]] != "num") do={:error "tonsec type"}
# :toarray
:if ([:len [:toarray "1,2,3,4,5"]] != 5) do={:error "toarray split"}
:if ((([:toarray "1,2,3"])->1) != 2) do={:error "toarray element"}
:if ([:len [:toarray ""]] != 0) do={:error "toarray empty"}
:if ([:len [:toarray {1;2}]] != 2) do={:error "toarray array"}
:if ([:len [:toarray 5]] != 1) do={:error "toarray scalar"}
:if ([:len [:toarray "a;b;c" delimiter=";"]] != 3) do={:error "toarray delimiter"}
# :tolf :tocrlf
:if ([:tocrlf "a\nb"] != "a\r\nb") do={:error "tocrlf"}
:if ([:tocrlf "a\r\nb"] != "a\r\nb") do={:error "tocrlf keeps crlf"}
:if ([:tolf "a\r\nb\r\n"] != "a\nb\n") do={:error "tolf"}
# implicit conversions
:if (("5" + 10) != 15) do={:error "numeric string in +"}
:if (("10.0.0.1" + 1) != 10.0.0.2) do={:error "ip string in +"}
:if ((5 = "5") != true) do={:error "num = str"}
:if (([:nothing] . "x") != "x") do={:error "nothing in ."}
:put "ok"
