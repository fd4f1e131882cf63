# Values, operators, :local/:global/:set/:put and [ ] substitution.
:local a 5
:put ($a * 2 + 1)
:global g "x"
:set g ($g . "y")
:put $g
:put [:typeof 10.0.0.1]
:put [:typeof 10.0.0.0/8]
:put [:typeof 1h30m]
:put (1h30m + 30m)
:put [:len "hello"]
:put [:pick "abcde" 1 3]
:put {1;2;"k"=3}
:put (10.0.0.1 in 10.0.0.0/8)
:put ("abc" ~ "^a")
:local arr {"x"=1;"a"=2}
:foreach k,v in=$arr do={ :put "$k=$v" }
:for i from=1 to=3 do={ :put $i }
:if ([:len [/ip firewall address-list find list=none]] = 0) do={ :put empty } else={ :put full }
:do { :error "boom" } on-error={ :put caught }
:global add do={ :return ($1 + $2) }
:put [$add 2 3]
