# Self test of functions (reference §3.2, §5.4): every check raises an
# error on failure, so the output is "ok" only if all of them hold.
:global want do={
	:if ([:tostr $1] != [:tostr $2]) do={
		:error "$3: got \"$[:tostr $1]\", want \"$[:tostr $2]\""
	}
}

# positional $1 $2, named args, $0, missing args are nothing
:global f do={ :return "$0|$1|$2|$name" }
$want [$f a b name=n] "\$f|a|b|n" "positional and named"
$want [$f name=n a] "\$f|a||n" "named first"
:global g do={ :return [:typeof $3] }
$want [$g 1 2] "nothing" "missing argument"
:global h do={ :return ($x . $y) }
$want [$h x="1" y="2"] "12" "named only"

# :return: from inside loops and blocks; value of [$f]
:global first do={ :foreach v in=$1 do={ :if ($v > 2) do={ :return $v } }; :return "none" }
$want [$first {1;2;5;7}] 5 "return from a loop"
$want [$first {1}] "none" "return after a loop"
:global viaerr do={ :onerror e in={ :return "in" } do={} }
$want [$viaerr] "in" "return from :onerror in="
:global viado do={ :onerror e in={ :error "x" } do={ :return "do $e" } }
$want [$viado] "do x" "return from :onerror do="
:global viaif do={ :if (true) do={ :do { :return "deep" } on-error={} } }
$want [$viaif] "deep" "return from nested blocks"
:global noret do={ :local q 1 }
$want [:typeof [$noret]] "nothing" "no return"

# recursion and its limit
:global fact do={ :global fact; :if ($1 <= 1) do={ :return 1 }; :return ($1 * [$fact ($1 - 1)]) }
$want [$fact 10] 3628800 "recursion"
:global fib do={ :global fib; :if ($1 < 2) do={ :return $1 }; :return ([$fib ($1 - 1)] + [$fib ($1 - 2)]) }
$want [$fib 15] 610 "double recursion"
:global loop do={ :global loop; :return [$loop] }
:local m ""
:onerror e in={ [$loop] } do={ :set m $e }
$want $m "recursion too deep: more than 500 nested calls" "recursion limit"

# functions as values: in arrays, passed as arguments, [:parse]
:global twice do={ :return ($1 * 2) }
:global apply do={ :return [$fn $1] }
$want [$apply fn=$twice 21] 42 "function as argument"
:local tab {dbl=$twice}
$want [($tab->"dbl") 4] 0 "array call numbers from 0 (quirk): \$1 is nothing"
:global p [:parse ":return (\$1 + 1)"]
$want [$p 41] 42 "parsed code with arguments"
$want [:typeof $p] "code" "parse gives code"
$want [:typeof $twice] "array" "a function is an array in v7"

# a function redefining itself while it runs
:global self do={ :global self; :set self do={ :return "new" }; :return "old" }
$want [$self] "old" "redefine while running"
$want [$self] "new" "redefined"

# calling what is not a function
:local notfn 5
$want [:typeof [$notfn 1]] "nil" "non-function with arguments"
$want [$notfn] 5 "non-function alone is its value"

# errors inside functions propagate to the caller
:global fails do={ :error "from fn" }
:set m ""
:do { [$fails] } on-error={ :set m "caught" }
$want $m "caught" "error from a function"

:put ok
