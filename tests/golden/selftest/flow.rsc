# Self test of control flow (reference §5.2): every check raises an error
# on failure, so the output is "ok" only if all of them hold.
:global want do={
	:if ([:tostr $1] != [:tostr $2]) do={
		:error "$3: got \"$[:tostr $1]\", want \"$[:tostr $2]\""
	}
}
:local s ""

# :if / else=, nested; do {..} else {..} without "="
:if (true) do={ :set s "a" } else={ :set s "b" }
$want $s "a" "if true"
:if (false) do={ :set s "a" } else={ :set s "b" }
$want $s "b" "if false"
:if (1 < 2) do={ :if (2 < 1) do={ :set s "x" } else={ :set s "nested" } }
$want $s "nested" "nested if"
:set s ""
:if (false) do={ :set s "a" }
$want $s "" "if without else"

# :for: to= inclusive, step=, descending without step (§5.2)
:set s ""
:for i from=1 to=4 do={ :set s ($s . $i) }
$want $s "1234" "for up"
:set s ""
:for i from=3 to=0 do={ :set s ($s . $i) }
$want $s "3210" "for down"
:set s ""
:for i from=0 to=10 step=3 do={ :set s ($s . $i . ",") }
$want $s "0,3,6,9," "for step"
:set s ""
:for i from=10 to=0 step=-5 do={ :set s ($s . $i . ",") }
$want $s "10,5,0," "for negative step"
:set s ""
:for i from=1 to=3 step=-1 do={ :set s ($s . $i) }
$want $s "" "for step against the range"
:set s ""
:for i from=5 to=5 do={ :set s ($s . $i) }
$want $s "5" "for one"
:set s ""
:for i from=1 to=9 do={ :if ($i = 3) do={ :continue }; :if ($i = 5) do={ :break }; :set s ($s . $i) }
$want $s "124" "for break continue"
:set s ""
:for i from=1 to=3 do={ :if ($i = 2) do={ :error "two" }; :set s ($s . $i) } on-error={ :set s ($s . "E") }
$want $s "1E" "for on-error"

# :foreach: list, keyed (sorted, unkeyed first), k,v, scalar, empty
:set s ""
:foreach v in={"a"; "b"; "c"} do={ :set s ($s . $v) }
$want $s "abc" "foreach list"
:set s ""
:foreach k,v in={z=1; a=2; 7} do={ :set s ($s . $k . "=" . $v . ";") }
$want $s "0=7;a=2;z=1;" "foreach k,v"
:set s ""
:foreach v in=5 do={ :set s ($s . $v) }
$want $s "5" "foreach scalar"
:set s ""
:foreach v in=[:toarray ""] do={ :set s "ran" }
$want $s "" "foreach empty"
:set s ""
:foreach v in={1;2;3;4} do={ :if ($v = 2) do={ :continue }; :if ($v = 4) do={ :break }; :set s ($s . $v) }
$want $s "13" "foreach break continue"

# :while, :do {..} while= (body first)
:local n 0
:while ($n < 5) do={ :set n ($n + 1) }
$want $n 5 "while"
:set n 0
:do { :set n ($n + 1) } while=($n < 3)
$want $n 3 "do while"
:set n 0
:do { :set n ($n + 1) } while=(false)
$want $n 1 "do while runs the body once"
:set n 0
:while (true) do={ :set n ($n + 1); :if ($n = 7) do={ :break } }
$want $n 7 "while break"

# :do on-error=, :onerror (value, message, short form), :error
:set s ""
:do { :error "boom" } on-error={ :set s "caught" }
$want $s "caught" "do on-error"
:set s ""
:do { :do { :error "inner" } on-error={ :set s "in" }; :set s ($s . "+") } on-error={ :set s "out" }
$want $s "in+" "nested on-error"
:set s ""
:do { :set s "ran" } on-error={ :set s "caught" }
$want $s "ran" "on-error without error"
:local r [:onerror e in={ :error "msg1" } do={ :set s "got $e" }]
$want $r true "onerror value after an error"
$want $s "got msg1" "onerror message"
:set r [:onerror e in={ :set s "fine" } do={ :set s "bad" }]
$want $r false "onerror value without error"
$want $s "fine" "onerror in ran"
:if ([:onerror e in={ :error "x" } do={}]) do={ :set s "if" } else={ :set s "else" }
$want $s "if" "onerror in :if"
:onerror e { :error "short" } do={ :set s $e }
$want $s "short" "onerror short form"
:onerror e in={ :local z [:parse ":put ("] } do={ :set s $e }
$want $s "syntax error (line 1 column 6)" ":parse syntax error"

# :retry: first success stops; max= attempts; on-error=
:set n 0
:retry command={ :set n ($n + 1) } delay=1 max=5
$want $n 1 "retry success"
:set n 0
:onerror e in={ :retry command={ :set n ($n + 1); :error "again" } delay=1 max=3 } do={ :set s $e }
$want $n 3 "retry attempts"
$want $s "again" "retry error"
:set n 0
:retry command={ :set n ($n + 1); :if ($n < 3) do={ :error "not yet" } } delay=1 max=5
$want $n 3 "retry until success"

# :delay and :time in virtual time
:local t0 [:timestamp]
:delay 2s
:delay 1
:delay 500ms
$want ([:timestamp] - $t0) 00:00:03.500 "delay moves the clock"
$want [:time { :delay 90s }] 00:01:30 "time of a block"
$want [:time { :local q 1 }] 00:00:00 "time without delay"

# :execute: a job id, or its output with as-string
$want [:typeof [:execute ":local q 1"]] "id" "execute id"
$want [:execute ":put hello" as-string] "hello\n" "execute as-string"
$want [:execute ":put a; :exit; :put b" as-string] "a\n" "exit ends the job"

:put ok
