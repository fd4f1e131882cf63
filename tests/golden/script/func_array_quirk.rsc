# reference §5.4 (forum 154024/1, /3): a function stored in an array and
# called as [($arr->"k") x] gets its first argument as $0.
:global fn do={:put "0=$0 1=$1"}
:global arr {k=$fn}
[($arr->"k") x]
