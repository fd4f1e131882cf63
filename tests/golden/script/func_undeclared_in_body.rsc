# reference §2.3 (HM-Tips, [HL]): inside a function body an undeclared name
# is not a compile error, it is a possible parameter: [$test $x] with $test
# never declared is nil ("typeof = nil").
:global f do={ :put "typeof = $[:typeof [$test $x]]" }
$f
