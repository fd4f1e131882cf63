# Self test of variables and scope (reference §2): every check raises an
# error on failure, so the output is "ok" only if all of them hold.
:global want do={
	:if ([:tostr $1] != [:tostr $2]) do={
		:error "$3: got \"$[:tostr $1]\", want \"$[:tostr $2]\""
	}
}

# a :local declared without a value is nothing; :set changes it
:local a
$want [:typeof $a] "nothing" "local without value"
:set a 5
$want $a 5 "set local"

# blocks nest: inner sees outer, :set from inside changes the outer one,
# an inner :local of the same name shadows it only inside
:local x 1
{ :set x 2 }
$want $x 2 "set from an inner block"
{ :local x 10; :set x 11 }
$want $x 2 "shadowing local"
:local y 0
:for i from=1 to=3 do={ :local y 100; :set y ($y + $i) }
$want $y 0 "loop body is a scope"

# a loop counter is a new local of the body; the outer name is untouched
:local i "outer"
:for i from=1 to=2 do={ :local q $i }
$want $i "outer" "for counter shadows"
:foreach i in={7;8} do={ :local q $i }
$want $i "outer" "foreach counter shadows"

# globals: :global without a value keeps the value, with one sets it
:global g1 "first"
:global g1
$want $g1 "first" "global redeclared keeps value"
:global g1 "second"
$want $g1 "second" "global set by :global"
:set g1 "third"
$want $g1 "third" ":set of a global"

# a global created in an inner block is not in the outer scope (§2.3)
:local seen "none"
{ { :global g2 "inner" }; :set seen [:typeof $g2] }
$want $seen "nothing" "inner global invisible outside"
{ { :global g3 "inner" }; :global g3; :set seen $g3 }
$want $seen "inner" "inner global after :global"

# :set without value un-defines (§2.1)
:global g4 "x"
:set g4
:global g4
$want [:typeof $g4] "nothing" "unset global"
:local l5 "y"
:set l5
$want [:typeof $l5] "nothing" "unset local"

# quoted names (§2.2) and case
:local "my-var" "dash"
$want $"my-var" "dash" "quoted name"
:local aB 1
:local ab 2
$want ($aB + $ab) 3 "names are case sensitive"

# functions do not see the caller's locals or globals (§2.3)
:global gv "global"
:local lv "local"
:global f1 do={ :return "$[:typeof $gv]/$[:typeof $lv]" }
$want [$f1] "nothing/nothing" "function sees no caller variables"
:global f2 do={ :global gv; :return $gv }
$want [$f2] "global" "function with :global"

# array elements: :set ($a->k) (§2.1)
:local arr {a=1}
:set ($arr->"b") 2
:set ($arr->"a") 3
$want $arr "a=3;b=2" "set array element"

# a compile error in code run later (a function body, :parse) is allowed
# and an undeclared name there is a parameter
:global f3 do={ :return [:typeof $undeclaredName] }
$want [$f3] "nothing" "undeclared in a function is nothing"
$want [$f3 undeclaredName=1] "num" "undeclared in a function is a parameter"

:put ok
